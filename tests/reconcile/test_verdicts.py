"""Verdicts: agree once qualifiers apply, conflict at the same time, evolving over time."""

from __future__ import annotations

from claimledger.reconcile import reconcile
from claimledger.reconcile.verdicts import interval
from tests.link.helpers import add_figure, add_source, doc_with


def two_sources(text_a, text_b, date_a="2025-06-01", date_b="2025-06-01"):
    a = doc_with("a", text_a, published=date_a, outlet="Paper A")
    b = doc_with("b", text_b, published=date_b, outlet="Paper B")
    return a, b


def test_compatible_but_far_apart_is_not_agree():
    a, b = two_sources("At least 100 people died in the storm.", "Around 300 people died in the storm.")
    add_figure(a, "At least 100", 100, counted="people", event="died", qualifier="at_least")
    add_figure(b, "Around 300", 300, counted="people", event="died", qualifier="approx")
    m = reconcile([a, b]).measures[0]
    assert m.verdict == "far_apart", m.explanation
    assert "compatible" in m.explanation and "2 articles, 2 origins" in m.explanation


def test_close_compatible_estimates_agree():
    a, b = two_sources("At least 280 people died in the storm.", "Around 300 people died in the storm.")
    add_figure(a, "At least 280", 280, counted="people", event="died", qualifier="at_least")
    add_figure(b, "Around 300", 300, counted="people", event="died", qualifier="approx")
    m = reconcile([a, b]).measures[0]
    assert m.verdict == "agree", m.explanation


def test_incompatible_values_at_the_same_time_conflict():
    a, b = two_sources("The company cut 1,200 jobs.", "The company cut 2,000 jobs.")
    add_figure(a, "1,200", 1200, counted="jobs", event="cut")
    add_figure(b, "2,000", 2000, counted="jobs", event="cut")
    result = reconcile([a, b])
    m = result.measures[0]
    assert m.verdict == "conflict"
    assert "1,200" in m.explanation and "2,000" in m.explanation
    assert [c.kind for c in result.conflicts] == ["figures"] and result.conflicts[0].measure == m.id


def test_values_moving_over_time_are_evolving_not_conflicting():
    a, b = two_sources("Health officials said 42 people had died.", "Health officials said 97 people had died.",
                       date_a="2025-07-04", date_b="2025-07-17")
    add_figure(a, "42", 42, counted="people", event="died")
    add_figure(b, "97", 97, counted="people", event="died")
    result = reconcile([a, b])
    m = result.measures[0]
    assert m.verdict == "evolving" and "42" in m.explanation.split("→")[0]
    assert all("revised from" in c.explanation for c in result.conflicts)   # a revision, never "incompatible"
    assert m.best == 97 and m.latest == 97 and m.latest_date == "2025-07-17"                     # the latest period decides the measure's figures


def test_running_total_going_down_later_is_a_conflict():
    a, b = two_sources("The toll is 500 dead.", "The toll is 200 dead.", date_a="2025-07-01", date_b="2025-07-20")
    add_figure(a, "500", 500, counted="dead")
    add_figure(b, "200", 200, counted="dead")
    assert reconcile([a, b]).measures[0].verdict == "conflict"


def test_unit_mismatch_is_flagged():
    a, b = two_sources("Rebels hold 1,250 square kilometers of land.", "Rebels hold about 800 kilometers of land.")
    add_figure(a, "1,250 square kilometers", 1250, counted="square kilometers of land", unit="km2")
    add_figure(b, "about 800 kilometers", 800, counted="kilometers of land", unit="km", qualifier="approx")
    result = reconcile([a, b])
    assert result.measures[0].verdict == "conflict"
    assert "unit" in {c.kind for c in result.conflicts}
    assert "Units differ" in result.measures[0].explanation


def test_per_source_rows_and_interested_parties():
    a = doc_with("a", "The Ruritanian army said 50 Ruritanian soldiers were killed.", published="2025-03-01")
    b = doc_with("b", "Observers said 400 Ruritanian soldiers were killed.", published="2025-03-01")
    army = add_source(a, "Ruritanian army", kind="military", affiliation="Ruritania")
    obs = add_source(b, "Observers", kind="organisation")
    f1 = add_figure(a, "50", 50, counted="Ruritanian soldiers", event="killed", source=army.id)
    add_figure(b, "400", 400, counted="Ruritanian soldiers", event="killed", source=obs.id)
    m = reconcile([a, b]).measures[0]
    rows = {r["source"]: r for r in m.per_source}
    assert rows["Ruritanian army"]["interested"] is True and rows["Observers"]["interested"] is False
    assert rows["Ruritanian army"]["figure"] == f1.id and rows["Ruritanian army"]["best"] == 50
    assert set(rows["Observers"]) >= {"source", "source_id", "low", "best", "high", "date", "interested", "figure"}


def test_interval_rules():
    a = doc_with("a", "x")
    assert interval(add_figure(a, "x", 100, qualifier="at_least"))[1] == float("inf")
    lo, hi = interval(add_figure(a, "x", 300, qualifier="approx", low=270, high=330))
    assert lo < 270 and hi > 330
    assert interval(add_figure(a, "x", 1000, qualifier="at_most", low=None))[0] == 0.0


def test_a_campaign_counting_its_own_votes_is_interested():
    a = doc_with("a", "Okafor won 41,900 votes, the commission said.", published="2025-05-19")
    b = doc_with("b", "Okafor won 45,000 votes, his campaign said.", published="2025-05-19")
    from claimledger.model import Mention
    for d in (a, b):
        d.mentions = [Mention(id=f"{d.id}:m1", doc=d.id, start=0, end=6, text="Okafor", label="PERSON")]
    commission = add_source(a, "election commission", kind="government")
    campaign = add_source(b, "Priya Lal", affiliation="Okafor's campaign")
    add_figure(a, "41,900", 41900, counted="votes", event="won", source=commission.id)
    add_figure(b, "45,000", 45000, counted="votes", event="won", source=campaign.id)
    m = reconcile([a, b]).measures[0]
    assert "Okafor" in m.label and m.verdict == "conflict"
    assert {r["source"]: r["interested"] for r in m.per_source} == {"election commission": False, "Priya Lal": True}


def test_undated_articles_ordered_by_their_wording_are_evolving():
    a = doc_with("a", "Last year, the charity had 11,000 volunteers. "
                      "The number of volunteers has increased to more than 15,000 by last month.")
    b = doc_with("b", "The charity's 11,000 volunteers were thanked by the mayor.")
    add_figure(a, "11,000", 11000, counted="volunteers", event="registered", as_of_text="Last year")
    add_figure(a, "15,000", 15000, counted="volunteers", event="registered", qualifier="at_least",
               as_of_text="by last month")
    add_figure(b, "11,000", 11000, counted="volunteers", event="registered")
    result = reconcile([a, b])
    m = result.measures[0]
    assert a.published is None and b.published is None
    assert m.verdict == "evolving", m.explanation
    assert "11,000 (Last year)" in m.explanation and "15,000" in m.explanation
    assert all("revised from" in c.explanation for c in result.conflicts if c.kind == "figures")
    assert m.best == 15000                      # only the latest estimate counts for the measure


def test_undated_articles_about_their_own_present_still_conflict():
    a = doc_with("a", "The union has 5,000 members, its leader said.")
    b = doc_with("b", "The union has 8,000 members, the ministry said.")
    add_figure(a, "5,000", 5000, counted="members", event="registered")
    add_figure(b, "8,000", 8000, counted="members", event="registered")
    assert reconcile([a, b]).measures[0].verdict == "conflict"


def test_an_update_in_one_article_comes_after_a_plain_figure_in_another():
    a = doc_with("a", "The hospital had 260 patients.")
    b = doc_with("b", "The number of patients has risen to 610.")
    c = doc_with("c", "The number of patients has risen to 200.")
    add_figure(a, "260", 260, counted="patients", event="hospitalised")
    add_figure(b, "610", 610, counted="patients", event="hospitalised")
    assert reconcile([a, b]).measures[0].verdict == "evolving"
    add_figure(c, "200", 200, counted="patients", event="hospitalised")
    a.figures[0].as_of = None
    assert reconcile([a, c]).measures[0].verdict == "conflict"   # "risen to" a lower value is no update


def test_compatible_but_far_apart_values_say_where_they_can_all_hold():
    a, b = two_sources("At least 100 homes flooded. As many as 1,000 homes flooded.", "Around 300 homes flooded.")
    c = doc_with("c", "As many as 1,000 homes flooded.", published="2025-06-01", outlet="Paper C")
    add_figure(a, "At least 100", 100, counted="homes", event="flooded", qualifier="at_least")
    add_figure(b, "Around 300", 300, counted="homes", event="flooded", qualifier="approx", low=270, high=330)
    add_figure(c, "As many as 1,000", 1000, counted="homes", event="flooded", qualifier="at_most")
    m = reconcile([a, b, c]).measures[0]
    assert m.verdict == "far_apart"
    assert "compatible only between 270 and 330" in m.explanation and "3 articles, 3 origins" in m.explanation
    a2, b2 = two_sources("Some 300 homes flooded.", "About 310 homes flooded.")
    add_figure(a2, "Some 300", 300, counted="homes", event="flooded", qualifier="approx")
    add_figure(b2, "About 310", 310, counted="homes", event="flooded", qualifier="approx")
    assert "only between" not in reconcile([a2, b2]).measures[0].explanation


def test_explanations_name_articles_by_their_label_not_their_path():
    from claimledger.model import Document
    a = Document(id="a", name="/data/news/2025/001_storm.txt", text="The storm killed 40 people.", published="2025-06-01")
    b = Document(id="b", name="/data/news/2025/002_storm.txt", text="The storm killed 90 people.", published="2025-06-01")
    add_source(a, "(this article)", kind="outlet")
    add_figure(a, "40", 40, counted="people", event="killed", source=a.sources[0].id)
    add_figure(b, "90", 90, counted="people", event="killed")
    result = reconcile([a, b])
    text = result.measures[0].explanation + " ".join(c.explanation for c in result.conflicts)
    assert "001_storm.txt" in text and "002_storm.txt" in text
    assert "/data/" not in text and "(this article)" not in text


def test_a_figure_quoted_only_to_be_rejected_is_not_an_estimate():
    a, b = two_sources("The union said 300 nurses had resigned.",
                       "The hospital said 120 nurses had resigned. Reports of 300 resignations are false, it said.")
    union = add_figure(a, "300", 300, counted="nurses", event="resigned")
    add_figure(b, "120", 120, counted="nurses", event="resigned")
    denied = add_figure(b, "300", 300, counted="nurses", event="resigned", occurrence=0)
    m = reconcile([a, b]).measures[0]
    assert denied.id in m.figures and union.id in m.figures
    assert {r["figure"] for r in m.per_source} == {union.id, b.figures[0].id}
    assert m.verdict == "conflict"


def test_counts_given_to_the_unit_differ_when_their_values_do():
    a, b = two_sources("Officials said 826 ballots were spoiled.", "Officials said 834 ballots were spoiled.",
                       date_a="2025-06-01", date_b="2025-06-03")
    add_figure(a, "826", 826, counted="ballots", event="spoiled")
    add_figure(b, "834", 834, counted="ballots", event="spoiled")
    result = reconcile([a, b])
    assert result.measures[0].verdict == "evolving"
    assert [c.kind for c in result.conflicts] == ["figures"] and "revised from" in result.conflicts[0].explanation
    lo, hi = interval(a.figures[0])
    assert 825 < lo < 826 < hi < 827
    assert interval(add_figure(doc_with("c", "About 11,000 left."), "11,000", 11000))[0] == 10550


def test_counts_all_given_for_one_place_contend_and_are_never_called_agree():
    """Every arrest count is for Leeds, which most articles do not name: none is a part of a larger
    whole, so 23 and 31 are two estimates of one thing, not 'agree'."""
    from claimledger.model import Document
    from claimledger.pipeline import Pipeline
    texts = {"a": "Nurses strike across England\nAbout 200,000 nurses walked out across England on Tuesday.",
             "b": "Strike day\nAbout 210,000 nurses stopped work in England, the union said.",
             "c": "Clashes after rally\nPolice arrested 23 people in Leeds on Tuesday evening.",
             "d": "Arrests rise\nPolice said 31 people had been arrested in Leeds after the rally."}
    docs = [Document(id=k, name=f"{k}.txt", text=t, published="2025-06-03", outlet=f"Paper {k}")
            for k, t in texts.items()]
    result = reconcile(list(Pipeline().run(docs)))
    m = next(m for m in result.measures if m.event == "arrested")
    assert len(m.figures) == 2 and m.verdict in ("conflict", "evolving"), m.explanation
