"""Folding names and recognising countries, aliases and demonyms."""

from __future__ import annotations

from claimledger.link.names import acronym, canonical_place, country_of, fold, strip_titles


def test_fold_unifies_accents_hyphens_and_possessives():
    assert fold("Türkiye’s Erdoğan") == "turkiye erdogan"
    assert fold("Kim Jong-un") == "kim jong un"


def test_titles_and_acronyms():
    assert strip_titles("lt gen ana petrova") == "ana petrova"
    assert strip_titles("president") == "president"
    assert acronym("national intelligence service") == "nis"
    assert acronym("bank of england") == "be"


def test_countries_from_aliases_demonyms_and_free_text():
    assert canonical_place("dprk") == "north korea"
    assert canonical_place("north koreans") == "north korea"
    assert canonical_place("britain") == "united kingdom"
    assert country_of("head of Ukraine's Defense Intelligence Directorate") == "ukraine"
    assert country_of("U.S. officials") == "united states"
    assert country_of("a local charity") is None
