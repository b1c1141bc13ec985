"""Sentence context of a figure, through the public extract_figures entry (parse needed)."""

from __future__ import annotations

from claimledger.extract.figure_context import AS_OF, QUALIFIER_PHRASES, normalise_phrase


def test_qualifier_phrases_are_tried_longest_first():
    lengths = [len(p) for p, _ in QUALIFIER_PHRASES]
    assert lengths == sorted(lengths, reverse=True)
    assert dict(QUALIFIER_PHRASES)["no more than"] == "at_most"
    assert dict(QUALIFIER_PHRASES)["more than"] == "at_least"


def test_as_of_patterns():
    found = [m.group(1) for m in AS_OF.finditer(
        "Cases rose so far this year; by last month 40 had died, since their arrival 12 left, as of Monday none.")]
    assert "so far" in found and "by last month" in found and "since their arrival" in found
    assert any(f.startswith("as of Monday") for f in found)


def test_normalise_phrase_keeps_proper_nouns(nlp):
    parsed = nlp("Police found 40 Canadian aid workers.")
    words = [t for t in parsed if t.text in ("Canadian", "aid", "workers")]
    assert normalise_phrase("", words) == "Canadian aid workers"
