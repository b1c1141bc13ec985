"""Counts given in words, not numbers (local news): one person, nobody."""

from __future__ import annotations

import pytest

from claimledger.model import Document
from claimledger.pipeline import Pipeline


@pytest.fixture(scope="module")
def run():
    pipeline = Pipeline()
    return lambda text: [f for f in pipeline(Document(id="t", text=text)).figures if f.implicit]


@pytest.mark.parametrize("text, event, value", [
    ("A 19-year-old was killed in a crash on the ring road on Sunday.", "killed", 1),
    ("Police said a woman was injured when the balcony collapsed.", "wounded", 1),
    ("A cyclist who died after the collision has been named.", "killed", 1),
    ("The driver was pronounced dead at the scene.", "killed", 1),
    ("A motorist was shot in the arm on Fifth Avenue, police said.", "wounded", 1),
    ("The roof of the warehouse fell in overnight. No one was hurt.", "wounded", 0),
])
def test_counts_without_a_number(run, text, event, value):
    found = run(text)
    assert [(f.event, f.value) for f in found] == [(event, value)]
    assert found[0].sentence_start <= found[0].start < found[0].end <= found[0].sentence_end


def test_a_number_in_the_article_wins_and_things_are_not_people(run):
    found = run("Three people were killed and a man was injured in the blast.")
    assert [(f.event, f.value) for f in found] == [("wounded", 1)]      # the killed count is the number
    assert run("The board killed the merger plan on Monday.") == []
