"""Which figures may raise a figure conflict: both must word, for the whole event, what they count."""

from __future__ import annotations

import copy

from claimledger.link.measures import build_measures
from claimledger.reconcile import reconcile
from tests.link.helpers import add_figure, add_mention, add_source, doc_with


def figure_conflicts(docs):
    """Figure conflicts of a fresh copy (building measures writes each figure's event back)."""
    return [c for c in reconcile(copy.deepcopy(docs)).conflicts if c.kind == "figures"]


def quiet(docs) -> dict[str, str]:
    _, groups = build_measures(copy.deepcopy(docs))
    return {fid: why for g in groups.values() for fid, why in g.quiet.items()}


def test_two_sides_counting_the_same_thing_in_one_sentence_conflict():
    a = doc_with("a", "The electoral board counted 41,000 ballots, while the opposition said 52,000 were cast.",
                 published="2025-04-02")
    board = add_source(a, "electoral board", kind="organisation")
    add_figure(a, "41,000", 41000, counted="ballots", event="cast", source=board.id)
    add_figure(a, "52,000", 52000, event="cast", source=board.id)    # attribution credited the board for both
    assert len(figure_conflicts([a])) == 1


def test_one_origin_in_one_article_never_contradicts_itself():
    a = doc_with("a", "The company said it would cut 1,200 jobs this year. It said 300 jobs would be cut in "
                      "the first phase.", published="2025-04-02")
    firm = add_source(a, "the company", kind="organisation")
    add_figure(a, "1,200", 1200, counted="jobs", event="cut", source=firm.id)
    add_figure(a, "300", 300, counted="jobs", event="cut", source=firm.id)
    assert not figure_conflicts([a])


def test_a_bare_force_with_nothing_said_of_it_does_not_conflict():
    a = doc_with("a", "Some 20,000 Ruritanian soldiers were deployed to the border.", published="2025-04-02")
    b = doc_with("b", "Twelve Ruritanian soldiers, two of them officers, went home on Friday.", published="2025-04-02")
    add_figure(a, "20,000", 20000, counted="Ruritanian soldiers", event="deployed", qualifier="approx")
    twelve = add_figure(b, "Twelve", 12, counted="Ruritanian soldiers")
    assert twelve.id in quiet([a, b])
    assert not figure_conflicts([a, b])


def test_a_count_of_unnamed_nation_does_not_conflict_when_the_story_counts_two_nations():
    a = doc_with("a", "Peru said 30 Peruvians died in the earthquake. Chile said 12 Chileans died.",
                 published="2025-04-02")
    b = doc_with("b", "Peru and Chile sent rescuers to the border. Rescuers said 12 people died.",
                 published="2025-04-02")
    add_figure(a, "30", 30, counted="Peruvians", event="died")
    add_figure(a, "12", 12, counted="Chileans", event="died")
    bare = add_figure(b, "12", 12, counted="people", event="died")
    measures, groups = build_measures(copy.deepcopy([a, b]))
    home = next(m for m in measures if bare.id in m.figures)
    assert groups[home.id].key.nation is None or "nation" in groups[home.id].quiet.get(bare.id, "")
    assert not figure_conflicts([a, b])


def test_a_count_for_one_named_town_does_not_conflict_with_the_total():
    a = doc_with("a", "The earthquake killed 2,300 people across the country. In Varno, 400 people died.",
                 published="2025-04-02")
    b = doc_with("b", "Officials said 2,300 people were killed by the earthquake.", published="2025-04-02")
    c = doc_with("c", "The earthquake killed 2,250 people, the ministry said.", published="2025-04-02")
    add_figure(a, "2,300", 2300, counted="people", event="killed", occurrence=0)
    town = add_figure(a, "400", 400, counted="people", event="died")
    add_mention(a, "Varno", "GPE")
    add_figure(b, "2,300", 2300, counted="people", event="killed")
    add_figure(c, "2,250", 2250, counted="people", event="killed")
    measures, _ = build_measures(copy.deepcopy([a, b, c]))
    home = next(m for m in measures if town.id in m.figures)
    assert home.scope == "in varno" or "place" in quiet([a, b, c]).get(town.id, "")
    assert not figure_conflicts([a, b, c])


def test_a_share_of_a_group_named_in_an_earlier_sentence_does_not_conflict():
    a = doc_with("a", "About 40% of nurses joined the strike, the ministry said. Elsewhere, 75% stopped work.",
                 published="2025-04-02")
    add_figure(a, "40%", 40, counted="nurses", event="joined the strike", unit="percent", qualifier="approx")
    later = add_figure(a, "75%", 75, unit="percent", event="stopped work")
    assert later.id in quiet([a])
    assert not figure_conflicts([a])


def test_the_plural_of_an_event_counts_occurrences_not_people():
    a = doc_with("a", "Organisers said 90,000 people marched in more than 150 rallies.", published="2025-04-02")
    people = add_figure(a, "90,000", 90000, counted="people", event="marched")
    rallies = add_figure(a, "150", 150, counted="rallies", event="marched", qualifier="at_least")
    measures, _ = build_measures([a])
    assert next(m for m in measures if people.id in m.figures) is not next(m for m in measures if rallies.id in m.figures)


def test_an_article_that_counts_one_nation_means_it_by_a_bare_count():
    a = doc_with("a", "Quake kills 40 people\nThe earthquake killed 40 Peruvians, officials said. Earlier, rescuers "
                      "had said 12 people died.", published="2025-04-02")
    b = doc_with("b", "Chile said 9 Chileans died in the earthquake, while Peru said 40 Peruvians were killed.",
                 published="2025-04-02")
    headline = add_figure(a, "40", 40, counted="people", event="kills")
    peru = add_figure(a, "40", 40, counted="Peruvians", event="killed", occurrence=1)
    early = add_figure(a, "12", 12, counted="people", event="died")
    add_figure(b, "9", 9, counted="Chileans", event="died")
    add_figure(b, "40", 40, counted="Peruvians", event="killed")
    measures, groups = build_measures(copy.deepcopy([a, b]))
    home = next(m for m in measures if peru.id in m.figures)
    assert headline.id in home.figures and early.id in home.figures
    assert early.id not in groups[home.id].quiet       # its article counts only Peruvians


def test_shares_of_a_generic_group_do_not_conflict():
    a = doc_with("a", "At the port, 35% of workers stopped work, the operator said.", published="2025-04-02")
    b = doc_with("b", "At the airport, 60% of staff stopped work, the union said.", published="2025-04-02")
    port = add_figure(a, "35%", 35, counted="workers", event="stopped work", unit="percent")
    airport = add_figure(b, "60%", 60, counted="staff", event="stopped work", unit="percent")
    measures, _ = build_measures(copy.deepcopy([a, b]))     # the sentence's frame names whose workers
    assert not any(port.id in m.figures and airport.id in m.figures for m in measures)
    assert not figure_conflicts([a, b])
    c = doc_with("c", "About 35% of workers stopped work, the operator said.", published="2025-04-02")
    d = doc_with("d", "Some 60% of staff stopped work, the union said.", published="2025-04-02")
    anyone = add_figure(c, "35%", 35, counted="workers", event="stopped work", unit="percent")
    add_figure(d, "60%", 60, counted="staff", event="stopped work", unit="percent")
    assert anyone.id in quiet([c, d])                       # whose workers? nothing says
    assert not figure_conflicts([c, d])


def test_a_nation_that_lost_people_counts_its_own_even_in_an_article_about_another():
    a = doc_with("a", "Chile said 9 Chileans died. Peru lost 40 people in the earthquake.", published="2025-04-02")
    b = doc_with("b", "Officials said 40 Peruvians were killed. Chile confirmed 9 deaths.", published="2025-04-02")
    add_figure(a, "9", 9, counted="Chileans", event="died")
    peru = add_figure(a, "40", 40, counted="people", event="lost")
    peruvians = add_figure(b, "40", 40, counted="Peruvians", event="killed")
    chile = add_figure(b, "9", 9, counted="deaths")
    measures, _ = build_measures(copy.deepcopy([a, b]))
    home = next(m for m in measures if peru.id in m.figures)
    assert peruvians.id in home.figures and chile.id not in home.figures
    assert not figure_conflicts([a, b])


def test_two_figures_each_credited_in_one_sentence_are_two_sides():
    a = doc_with("a", "In Harlow, 3,000 people voted according to observers, and 7,000 according to the party.",
                 published="2025-04-02")
    b = doc_with("b", "The party said 90,000 people voted nationwide. In Kell, 500 people voted.",
                 published="2025-04-02")
    add_mention(a, "Harlow", "GPE")
    add_mention(b, "Kell", "GPE")
    add_figure(b, "500", 500, counted="people", event="voted")
    add_figure(a, "3,000", 3000, counted="people", event="voted")
    add_figure(a, "7,000", 7000, counted="people", event="voted")
    add_figure(b, "90,000", 90000, counted="people", event="voted")
    conflicts = figure_conflicts([a, b])
    assert len(conflicts) == 1 and set(conflicts[0].items) == {"a:f1", "a:f2"}


def test_countries_named_as_places_split_a_two_country_toll():
    a = doc_with("a", "The quake toll passed 900 in Peru and Chile. In Peru, 700 people died. "
                      "In Chile, at least 210 people died.", published="2025-04-02")
    b = doc_with("b", "The toll in Chile rose to 260. Peru's civil defence said 720 people were killed in the country.",
                 published="2025-04-02")
    for d, names in ((a, ("Peru", "Chile", "Peru", "Chile")), (b, ("Chile", "Peru"))):
        seen: dict[str, int] = {}
        for n in names:
            add_mention(d, n, "GPE", occurrence=seen.get(n, 0))
            seen[n] = seen.get(n, 0) + 1
    both = add_figure(a, "900", 900, event="toll")
    peru = add_figure(a, "700", 700, counted="people", event="died")
    chile = add_figure(a, "210", 210, counted="people", event="died", qualifier="at_least")
    chile2 = add_figure(b, "260", 260, event="toll")
    peru2 = add_figure(b, "720", 720, counted="people", event="killed")
    measures, _ = build_measures(copy.deepcopy([a, b]))
    home = {f.id: next(m for m in measures if f.id in m.figures) for f in (both, peru, chile, chile2, peru2)}
    assert home[peru.id] is home[peru2.id] and home[chile.id] is home[chile2.id]
    assert home[peru.id] is not home[chile.id] and home[both.id] not in (home[peru.id], home[chile.id])
    pairs = [set(c.items) for c in figure_conflicts([a, b])]
    assert all(p in ({peru.id, peru2.id}, {chile.id, chile2.id}) for p in pairs)


def test_a_share_pointing_back_to_the_previous_sentence_may_conflict():
    a = doc_with("a", "About 40% of nurses joined the strike, the ministry said. The union put the figure at 75%.",
                 published="2025-04-02")
    add_figure(a, "40%", 40, counted="nurses", event="joined the strike", unit="percent", qualifier="approx")
    later = add_figure(a, "75%", 75, unit="percent")
    assert later.id not in quiet([a])
