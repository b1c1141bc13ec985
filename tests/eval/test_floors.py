"""Regression floors for measures, verdicts and counts on real stories (benchmarks read, never copied).

The numbers a few points below what was measured when the floor was set (dev stories:
measures pairwise F1 0.71 / 0.87, conflicts justified 21/23 bare; GVA first 20 incidents with
the correct grouping: see eval/gva_counts.py)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):
    """eval/ is a folder of scripts: load one as a module once."""
    key = f"claimledger_eval_{name}"
    if key not in sys.modules:
        sys.path.insert(0, str(ROOT / "eval"))
        spec = importlib.util.spec_from_file_location(key, ROOT / "eval" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


def _need(path: Path) -> None:
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"benchmark missing at {path}: CI must run the floor")
        pytest.skip(f"benchmark not available at {path}")


@pytest.fixture(scope="module")
def dev_stories():
    bench = _load("stories_bench")
    _need(bench.BENCH / "score.py")
    return bench.evaluate(bench.DEV)


def test_dev_stories_measures_and_conflicts(dev_stories):
    for story, run, r in dev_stories:
        assert float(r["measures F1"]) >= 0.65, (story, run, r)
    events_ok, events_n, _, _, _, justified, judged = (sum(x) for x in zip(*(r["_"] for _, _, r in dev_stories)))
    assert events_ok / events_n >= 0.70
    bare = [r["_"] for _, run, r in dev_stories if run == "bare"]
    assert sum(b[5] for b in bare) / max(1, sum(b[6] for b in bare)) >= 0.70


def test_own_twin_stories_of_the_held_back_kinds():
    """Our fictional strike and border-clash stories (eval/gold_stories, no benchmark needed):
    measured measures F1 0.70 / 0.71 (clash / strike), disputes backed 12/14, sources 53/61."""
    bench = _load("stories_bench")
    _need(bench.BENCH / "score.py")                      # the benchmark's scorer scores them
    rows = [(s, run, r) for s, run, r in bench.evaluate(bench.OWN) if run == "meta"]
    assert len(rows) == 2
    for story, run, r in rows:
        assert float(r["measures F1"]) >= 0.62, (story, r)
    backed = sum(r["_"][3] for _, _, r in rows) / sum(r["_"][4] for _, _, r in rows)
    sources = sum(r["_sources"][0] for _, _, r in rows) / sum(r["_sources"][1] for _, _, r in rows)
    assert backed >= 0.75 and sources >= 0.80, (backed, sources)


def test_gva_counts_with_the_correct_grouping():
    gva_counts = _load("gva_counts")
    _need(gva_counts.gva.DATA / "gva_dev_articles.jsonl")
    results = gva_counts.evaluate(20)
    n = sum(c["incidents"] for c in results.values())
    killed = sum(c["killed"] for c in results.values()) / n
    injured = sum(c["injured"] for c in results.values()) / n
    naive_injured = sum(c["naive_injured"] for c in results.values()) / n
    assert killed >= 0.80 and injured >= 0.80 and injured > naive_injured   # measured 0.85 / 0.85


def test_entity_and_source_names_on_the_dev_stories():
    names = _load("names")
    _need(names.BENCH / "score.py")
    gold = names.load_gold()
    pipeline = names.Pipeline()
    judged = {"entity": [], "source": []}
    for story in names.DEV:
        for table, name, kind in names.kept_names(story, pipeline, None):
            if (story, table, name, kind) in gold:
                judged[table].append(gold[(story, table, name, kind)] == "keep")
    entity = sum(judged["entity"]) / len(judged["entity"])
    source = sum(judged["source"]) / len(judged["source"])
    assert entity >= 0.82 and source >= 0.84, (entity, source)   # measured 0.850 / 0.875
