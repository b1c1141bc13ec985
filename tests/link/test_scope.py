"""Scope and time reference: breakdowns, increments, past events and forecasts stay apart."""

from __future__ import annotations

from claimledger.link.measures import build_measures
from claimledger.reconcile import reconcile
from tests.link.helpers import add_figure, add_mention, doc_with


def measure_with(measures, fig):
    return next(m for m in measures if fig.id in m.figures)


def test_a_toll_from_an_earlier_disaster_is_historical_and_apart():
    a = doc_with("a", "The earthquake has killed 2,400 people, officials said. In 1999 an earthquake in the same "
                      "province killed 17,000 people.", published="2023-02-08")
    now = add_figure(a, "2,400", 2400, counted="people", event="killed")
    past = add_figure(a, "17,000", 17000, counted="people", event="killed")
    measures, _ = build_measures([a])
    assert measure_with(measures, now).id != measure_with(measures, past).id
    assert measure_with(measures, past).time_ref == "historical" and measure_with(measures, now).time_ref == "current"
    result = reconcile([a])
    assert not [c for c in result.conflicts if c.kind == "figures"]


def test_a_breakdown_by_place_is_a_sub_measure_of_the_total():
    a = doc_with("a", "The flood killed 85 people across the region. Twelve people died inside the shopping centre.",
                 published="2024-05-02")
    total = add_figure(a, "85", 85, counted="people", event="killed")
    part = add_figure(a, "Twelve", 12, counted="people", event="died")
    measures, _ = build_measures([a])
    whole, sub = measure_with(measures, total), measure_with(measures, part)
    assert whole.id != sub.id and sub.scope and sub.parent == whole.id and whole.id in sub.related
    assert not [c for c in reconcile([a]).conflicts if c.kind == "figures"]


def test_an_increment_after_a_toll_and_another_event_after_a_toll():
    a = doc_with("a", "The toll from the ferry sinking rose to 60 dead. Another 14 people died in hospital overnight. "
                      "Another 40 people were injured.", published="2024-05-02")
    toll = add_figure(a, "60", 60, counted="dead")
    more = add_figure(a, "14", 14, counted="people", event="died")
    injured = add_figure(a, "40", 40, counted="people", event="injured")
    measures, _ = build_measures([a])
    assert measure_with(measures, more).scope == "additional"
    assert measure_with(measures, injured).scope is None
    assert measure_with(measures, toll).id != measure_with(measures, more).id


def test_a_projection_is_a_forecast():
    a = doc_with("a", "At least 300 people have died. Officials said the toll could rise to 1,000.", published="2024-05-02")
    now = add_figure(a, "300", 300, counted="people", event="died", qualifier="at_least")
    later = add_figure(a, "1,000", 1000)
    measures, _ = build_measures([a])
    assert measure_with(measures, later).time_ref == "forecast"
    assert measure_with(measures, now).id != measure_with(measures, later).id


def test_latest_is_the_most_recent_report_and_dates_are_only_as_stated():
    a = doc_with("a", "The storm killed 40 people.", published="2024-09-01")
    b = doc_with("b", "The storm killed 95 people.", published="2024-09-05")
    for d in (a, b):
        add_figure(d, next(w for w in ("40", "95") if w in d.text), 40 if "40" in d.text else 95,
                   counted="people", event="killed")
    m = reconcile([a, b]).measures[0]
    assert m.verdict == "evolving" and m.latest == 95 and m.latest_date == "2024-09-05"
    assert "2024-09-03" not in m.explanation      # no midpoint or guessed date shown as a fact


def test_a_past_year_anchors_its_own_clause_even_beside_the_story_year():
    a = doc_with("a", "The 2024 flood was the worst since 1988, when 310 people died in the valley. The flood has "
                      "killed 42 people.", published="2024-06-02")
    past = add_figure(a, "310", 310, counted="people", event="died")
    now = add_figure(a, "42", 42, counted="people", event="killed")
    measures, _ = build_measures([a])
    assert measure_with(measures, past).time_ref == "historical" and measure_with(measures, now).time_ref == "current"


def test_without_any_date_the_story_year_is_the_year_the_texts_name_most():
    a = doc_with("a", "The 2024 harvest fell to 3 million tonnes. In 2024 prices rose.")
    b = doc_with("b", "In 2019, a drought killed 40 people. This year 12 people have died of heat.")
    past = add_figure(b, "40", 40, counted="people", event="killed")
    now = add_figure(b, "12", 12, counted="people", event="died")
    measures, _ = build_measures([a, b])
    assert measure_with(measures, past).time_ref == "historical" and measure_with(measures, now).time_ref == "current"


def test_a_count_for_a_named_town_is_a_breakdown_only_beside_a_larger_count_or_other_towns():
    a = doc_with("a", "Police said 80,000 people marched nationwide, including 9,000 in Corbridge. "
                      "Unions said 200,000 demonstrators took part.", published="2024-03-05")
    add_mention(a, "Corbridge", "GPE")
    total = add_figure(a, "80,000", 80000, counted="people", event="marched")
    town = add_figure(a, "9,000", 9000, event="marched")
    unions = add_figure(a, "200,000", 200000, counted="demonstrators", event="took")
    b = doc_with("b", "The storm killed 14 people in Hexley, the mayor said.", published="2024-03-05")
    add_mention(b, "Hexley", "GPE")
    only = add_figure(b, "14", 14, counted="people", event="killed")
    measures, _ = build_measures([a])
    whole, part = measure_with(measures, total), measure_with(measures, town)
    assert part.scope == "in corbridge" and part.parent == whole.id
    assert measure_with(measures, unions).id == whole.id              # "took part" is turnout, not a capture
    assert not [c for c in reconcile([a]).conflicts if c.kind == "figures" and town.id in c.items]
    measures, _ = build_measures([b])
    assert measure_with(measures, only).scope is None                  # where the whole event happened


def test_a_name_opening_the_sentence_after_in_is_a_place_even_untagged():
    from claimledger.link.scope import named_place
    a = doc_with("a", "In Kestrel Bay, 3,000 people were evacuated. In the north, Harlow, 900 left. In March, 20 left.")
    bay = add_figure(a, "3,000", 3000, counted="people", event="evacuated")
    harlow = add_figure(a, "900", 900, counted="people", event="left")
    march = add_figure(a, "20", 20, counted="people", event="left")
    assert named_place(bay, a) == "kestrel bay"
    assert named_place(harlow, a) == "harlow"
    assert named_place(march, a) is None


def test_a_place_before_the_figure_in_its_clause_is_a_place_but_a_capital_acting_is_not():
    from claimledger.link.scope import named_place
    a = doc_with("a", "The Harlow count found 9,000 ballots. Police in Harlow counted 900 voters. "
                      "Washington sent 300 observers.")
    add_mention(a, "Harlow", "GPE")
    add_mention(a, "Harlow", "GPE", occurrence=1)
    add_mention(a, "Washington", "GPE")
    assert named_place(add_figure(a, "9,000", 9000, counted="ballots"), a) == "harlow"
    assert named_place(add_figure(a, "900", 900, counted="voters"), a) == "harlow"
    assert named_place(add_figure(a, "300", 300, counted="observers", event="sent"), a) is None


def test_the_place_most_articles_name_is_the_event_not_a_breakdown():
    texts = ["The earthquake near Varno killed 310 people. In Kell, 40 people died.",
             "Rescuers in Varno said 290 people were killed.",
             "The Varno earthquake killed 305 people, officials said."]
    docs = [doc_with(k, t, published="2025-03-01") for k, t in zip("abc", texts)]
    for d in docs:
        for name in ("Varno", "Kell"):
            if name in d.text:
                add_mention(d, name, "GPE")
    total = add_figure(docs[0], "310", 310, counted="people", event="killed")
    kell = add_figure(docs[0], "40", 40, counted="people", event="died")
    other = add_figure(docs[1], "290", 290, counted="people", event="killed")
    add_figure(docs[2], "305", 305, counted="people", event="killed")
    measures, _ = build_measures(docs)
    assert measure_with(measures, total) is measure_with(measures, other)      # Varno is where it happened
    assert measure_with(measures, kell) is not measure_with(measures, total)   # Kell: a part beside the total


def test_a_capital_named_in_every_article_is_still_a_part_beside_the_national_count():
    texts = ["About 900,000 people voted nationwide, 120,000 of them in Harlow.",
             "In Harlow, 125,000 people voted, officials said.",
             "Turnout in Harlow was high; 910,000 people voted in all."]
    docs = [doc_with(k, t, published="2025-03-01") for k, t in zip("abc", texts)]
    for d in docs:
        add_mention(d, "Harlow", "GPE")
    nation = add_figure(docs[0], "900,000", 900000, counted="people", event="voted", qualifier="approx")
    part = add_figure(docs[0], "120,000", 120000, counted="people", event="voted")
    part2 = add_figure(docs[1], "125,000", 125000, counted="people", event="voted")
    add_figure(docs[2], "910,000", 910000, counted="people", event="voted")
    measures, _ = build_measures(docs)
    assert measure_with(measures, part) is measure_with(measures, part2)
    assert measure_with(measures, part) is not measure_with(measures, nation)
    assert not [c for c in reconcile(docs).conflicts if c.kind == "figures"]


def test_a_part_after_including_takes_the_whole_it_is_part_of():
    a = doc_with("a", "Officials said 41,000 people voted on Sunday, including 9,000 in Harlow.", published="2025-03-01")
    add_mention(a, "Harlow", "GPE")
    whole = add_figure(a, "41,000", 41000, counted="people", event="voted")
    part = add_figure(a, "9,000", 9000)
    measures, _ = build_measures([a])
    assert measure_with(measures, part) is not measure_with(measures, whole)
    assert measure_with(measures, part).event == measure_with(measures, whole).event
    assert measure_with(measures, part).scope == "in harlow"


def test_a_count_set_against_a_place_count_is_for_that_place_unless_it_says_the_whole():
    a = doc_with("a", "Observers counted 3,000 voters in Harlow, while the party counted 7,000.", published="2025-03-01")
    b = doc_with("b", "Observers counted 3,200 voters in Harlow, while the party said 90,000 voted nationwide.",
                 published="2025-03-01")
    c = doc_with("c", "About 88,000 people voted, officials said. In Kell, 2,000 voted.", published="2025-03-01")
    add_mention(a, "Harlow", "GPE")
    add_mention(b, "Harlow", "GPE")
    add_mention(c, "Kell", "GPE")
    local = add_figure(a, "3,000", 3000, counted="voters", event="counted")
    rival = add_figure(a, "7,000", 7000, event="counted")
    add_figure(b, "3,200", 3200, counted="voters", event="counted")
    national = add_figure(b, "90,000", 90000, event="voted")
    add_figure(c, "88,000", 88000, counted="people", event="voted", qualifier="approx")
    add_figure(c, "2,000", 2000, event="voted")
    measures, _ = build_measures([a, b, c])
    assert measure_with(measures, rival) is measure_with(measures, local)
    assert measure_with(measures, national).scope is None


def test_a_count_per_part_is_not_the_total():
    a = doc_with("a", "About 4,000 volunteers came from each province. Officials said 12,000 volunteers came.",
                 published="2025-03-01")
    each = add_figure(a, "4,000", 4000, counted="volunteers", event="came", qualifier="approx")
    total = add_figure(a, "12,000", 12000, counted="volunteers", event="came")
    measures, _ = build_measures([a])
    assert measure_with(measures, each).scope == "each"
    assert measure_with(measures, each) is not measure_with(measures, total)


def test_a_time_distance_dates_only_the_figure_it_follows():
    a = doc_with("a", "Sales rose to $4.2 billion in the quarter, up from $3.9 billion a year earlier.",
                 published="2025-03-01")
    now = add_figure(a, "$4.2 billion", 4.2e9, counted="sales", unit="USD")
    then = add_figure(a, "$3.9 billion", 3.9e9, counted="sales", unit="USD")
    measures, _ = build_measures([a])
    assert measure_with(measures, now).time_ref == "current"
    assert measure_with(measures, then).time_ref == "historical"


def test_a_named_part_after_a_scope_noun_opens_the_sentence():
    from claimledger.link.scope import named_place
    a = doc_with("a", "In the district of Kell, 90 homes were destroyed.")
    assert named_place(add_figure(a, "90", 90, counted="homes", event="destroyed"), a) == "kell"


def test_a_capital_naming_the_city_before_a_count_is_a_place():
    from claimledger.link.scope import named_place
    a = doc_with("a", "Washington police counted 9,000 marchers.")
    add_mention(a, "Washington", "GPE")
    assert named_place(add_figure(a, "9,000", 9000, counted="marchers"), a) == "washington"


def test_the_previous_or_last_event_of_the_kind_is_historical_but_the_last_hours_are_not():
    from claimledger.link.scope import PAST_EVENT
    assert PAST_EVENT.search("At the last big protest, when police counted ")
    assert PAST_EVENT.search("The previous earthquake in the region killed ")
    assert not PAST_EVENT.search("In the last 24 hours rescuers found ")
    assert not PAST_EVENT.search("The last survivors were pulled out, bringing the total to ")


def test_an_unnamed_capital_opening_the_sentence_is_the_place_of_its_count():
    from claimledger.link.scope import named_place
    from tests.link.helpers import add_figure, doc_with
    d = doc_with("a", "In the capital, police counted 45,000 people. In the capital, Harlow, 9,000 marched.")
    fig = add_figure(d, "45,000", 45000, counted="people")
    assert named_place(fig, d) == "the capital"


def test_last_year_is_the_past_unless_it_is_the_storys_own_year():
    from claimledger.link.scope import time_ref
    from tests.link.helpers import add_figure, doc_with
    undated = doc_with("a", "Last year, a smaller fire in the same hills burned 3,000 hectares. Last year's clash killed 20.")
    fire = add_figure(undated, "3,000", 3000, unit="ha")
    clash = add_figure(undated, "20", 20, event="killed")
    assert time_ref(fire, undated, None) == "historical" and time_ref(clash, undated, None) == "current"
    later = doc_with("b", "Last year's clash killed 20 soldiers.", published="2021-02-20")
    own = add_figure(later, "20", 20, counted="soldiers", event="killed")
    assert time_ref(own, later, 2020) == "current" and time_ref(own, later, 2021) == "historical"


def test_a_ranking_after_the_figure_keeps_it_current_and_a_time_unit_is_not_counted():
    from claimledger.link.scope import time_ref
    from tests.link.helpers import add_figure, doc_with
    d = doc_with("a", "The toll rose to 15 dead overnight, the deadliest fighting since 2020. "
                      "It came eight years after a fire that left 64 workers dead.", published="2022-09-14")
    now = add_figure(d, "15", 15, counted="dead", event="killed")
    past = add_figure(d, "64", 64, counted="workers", event="dead")
    assert time_ref(now, d, 2022) == "current" and time_ref(past, d, 2022) == "historical"


def test_undated_the_largest_since_a_year_when_is_the_past():
    from claimledger.link.scope import story_year, time_ref
    from tests.link.helpers import add_figure, doc_with
    d = doc_with("a", "The protests were the largest since 2010, when 1.2 million people marched.")
    past = add_figure(d, "1.2 million", 1200000, counted="people", event="marched")
    assert time_ref(past, d, story_year([d])) == "historical"
