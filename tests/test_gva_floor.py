"""Floor on the mixed GVA feed (eval/gva.py): 40 incidents, grouped into stories and counted."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

GVA = Path(__file__).resolve().parents[1] / "eval" / "gva.py"
spec = importlib.util.spec_from_file_location("eval_gva", GVA)
gva = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gva)


@pytest.mark.skipif(not (gva.DATA / "gva_dev_articles.jsonl").exists(), reason="GVA benchmark not available")
def test_mixed_feed_floor(tmp_path):
    chosen, incidents, articles = gva.load_mix(40)
    gva.build_ledger(str(tmp_path / "gva.db"), articles)
    results = gva.score(str(tmp_path / "gva.db"), chosen, incidents, articles)
    for part in ("dev", "held-back"):
        assert results[part]["f1"] >= 0.85, results
        assert results[part]["precision"] >= 0.9, results
        assert results[part]["killed"] >= 0.35, results


def test_bcubed_and_naive_count():
    gold = {"a": "1", "b": "1", "c": "2"}
    assert gva.bcubed(gold, {"a": "x", "b": "x", "c": "y"}) == (1.0, 1.0, 1.0)
    p, r, _ = gva.bcubed(gold, {"a": "x", "b": "x", "c": "x"})
    assert r == 1.0 and p < 1.0
    assert gva.naive_count(["Two people were killed and three others wounded; 1 dead"], gva._KILLED) == 2
    assert gva.naive_count(["no one was hurt"], gva._INJURED) == 0
