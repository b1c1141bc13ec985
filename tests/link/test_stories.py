"""Stories: incremental grouping, per-story derived rows, corrections that survive regrouping."""

from __future__ import annotations

from claimledger import workflow
from claimledger.link import stories
from claimledger.model import Measure, Story
from claimledger.store import Ledger
from tests.link.helpers import add_figure, doc_with

FLOOD_1 = ("Floodwater covered the centre of Marlow Falls on Tuesday after the Tillick River burst its banks. "
           "Mayor Hanna Brecht said 40 homes were evacuated near the Tillick bridge.")
FLOOD_2 = ("The Tillick River flood in Marlow Falls forced 55 homes to be evacuated, Mayor Hanna Brecht said on "
           "Wednesday, as crews pumped water from the flooded town centre.")
STRIKE_1 = ("Workers at the Dunmore tractor plant walked out on Monday, the Ironside union said, demanding higher "
            "pay. About 1,200 workers joined the Dunmore strike.")
STRIKE_2 = ("The strike at the Dunmore tractor plant entered its second day as the Ironside union said 1,500 "
            "workers had joined the walkout over pay.")


def _ledger(tmp_path, docs) -> Ledger:
    ledger = Ledger(tmp_path / "l.db")
    for doc in docs:
        ledger.save_document(doc)
    workflow.link_stories(ledger)
    return ledger


def _docs():
    docs = [doc_with("f1", FLOOD_1, published="2025-03-04"), doc_with("s1", STRIKE_1, published="2025-03-03"),
            doc_with("f2", FLOOD_2, published="2025-03-05"), doc_with("s2", STRIKE_2, published="2025-03-04")]
    for d in docs:
        d.title = d.text.split(",")[0]
    add_figure(docs[0], "40 homes", 40, counted="homes", event="evacuated")
    add_figure(docs[2], "55 homes", 55, counted="homes", event="evacuated")
    add_figure(docs[1], "About 1,200 workers", 1200, counted="workers", event="striking", qualifier="approx")
    add_figure(docs[3], "1,500 workers", 1500, counted="workers", event="striking")
    return docs


def test_articles_join_their_own_story(tmp_path):
    with _ledger(tmp_path, _docs()) as ledger:
        assert ledger.document_story("f1") == ledger.document_story("f2")
        assert ledger.document_story("s1") == ledger.document_story("s2")
        assert ledger.document_story("f1") != ledger.document_story("s1")
        flood = ledger.story(ledger.document_story("f1"))
        assert flood.id == "Sf1" and flood.start == "2025-03-04" and flood.end == "2025-03-05"
        assert not flood.stale and sorted(flood.documents) == ["f1", "f2"]


def test_measures_stay_within_their_story(tmp_path):
    with _ledger(tmp_path, _docs()) as ledger:
        figures_of = {f.id: f.doc for d in ("f1", "f2", "s1", "s2") for f in ledger.document(d).figures}
        measures = ledger.rows(Measure)
        assert measures
        for m in measures:
            assert m.id.startswith(m.story + "-")
            assert {ledger.document_story(figures_of[f]) for f in m.figures} == {m.story}


def test_adding_to_one_story_leaves_the_other_untouched(tmp_path):
    docs = _docs()
    with _ledger(tmp_path, docs[:2]) as ledger:
        strike = ledger.document_story("s1")
        before = [m.to_dict() for m in ledger.rows(Measure, story=strike)]
        ledger.save_document(docs[2])
        rebuilt = workflow.link_stories(ledger)
        assert rebuilt == [ledger.document_story("f1")]
        assert [m.to_dict() for m in ledger.rows(Measure, story=strike)] == before


def test_merge_and_split_survive_regrouping(tmp_path):
    with _ledger(tmp_path, _docs()) as ledger:
        flood, strike = ledger.document_story("f1"), ledger.document_story("s1")
        workflow.merge_stories(ledger, flood, [strike])
        assert {ledger.document_story(d) for d in ("f1", "f2", "s1", "s2")} == {flood}
        workflow.move_document(ledger, "f2", None)
        alone = ledger.document_story("f2")
        assert alone not in (flood, strike)
        workflow.regroup(ledger)
        assert {ledger.document_story(d) for d in ("f1", "s1", "s2")} == {flood}
        assert ledger.document_story("f2") == alone
        assert {s.id for s in ledger.rows(Story)} == {flood, alone}


def test_stale_story_is_repaired(tmp_path):
    docs = _docs()
    with _ledger(tmp_path, docs[:1]) as ledger:
        ledger.save_document(docs[2])
        stories.assign(ledger, docs[2], stories.Corrections())   # grouped, then "killed" before the rebuild
        flood = ledger.document_story("f1")
        assert ledger.stale_stories() == [flood]
        assert workflow.link_stories(ledger) == [flood]
        assert ledger.stale_stories() == []
        assert sorted(ledger.story(flood).documents) == ["f1", "f2"]


def test_date_gap_damps_similarity():
    assert stories.date_factor("2025-03-04", "2025-03-01", "2025-03-05") == 1.0
    assert stories.date_factor("2025-09-04", "2025-03-01", "2025-03-05") < 0.01
    assert stories.date_factor(None, "2025-03-01", "2025-03-05") == 1.0


def test_ledger_from_before_stories_is_grouped_and_loses_its_unscoped_rows(tmp_path):
    with Ledger(tmp_path / "old.db") as ledger:
        docs = _docs()
        ledger.replace_derived(docs, [Measure(id="M1", label="homes evacuated", figures=[docs[0].figures[0].id])])
        workflow.link_stories(ledger)
        measures = ledger.rows(Measure)
        assert measures and all(m.story for m in measures)
        assert len(ledger.rows(Story)) == 2
