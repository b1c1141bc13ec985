"""Names trimmed to the name, typed by what they say, junk rejected (invented names)."""

from __future__ import annotations

import pytest

from claimledger.link.entities import link_entities
from claimledger.link.name_cleanup import clean_name
from claimledger.model import Source
from tests.link.helpers import add_mention, doc_with


@pytest.mark.parametrize("text, type_, expected", [
    ("of the Regional Water Board Anna Berg", "person", ("Anna Berg", "person")),
    ("of the Northern Rail Council Tomas Weil", "person", ("Tomas Weil", "person")),
    ("Valdora County Fire Chief Lena Okafor", "person", ("Lena Okafor", "person")),
    ("Harbor Foods spokeswoman Priya Nair", "person", ("Priya Nair", "person")),
    ("Mayor Daniel Ortiz", "organisation", ("Daniel Ortiz", "person")),
    ("Ursula von der Leyen", "person", ("Ursula von der Leyen", "person")),
    ("An Associated Wire Service", "organisation", ("Associated Wire Service", "organisation")),
    ("Marrow County Hospital", "person", ("Marrow County Hospital", "organisation")),
    ("Kelso District", "person", ("Kelso District", "place")),
    ("University of Port Essen", "organisation", ("University of Port Essen", "organisation")),
    ("General Motors Company", "organisation", ("General Motors Company", "organisation")),
    ("Relief Agency (Valdora", "organisation", ("Relief Agency", "organisation")),
    ("Tarin", "group", ("Tarin", "group")),
])
def test_names_are_trimmed_and_typed(text, type_, expected):
    cleaned = clean_name(text, type_)
    assert cleaned is not None and cleaned[:2] == expected


@pytest.mark.parametrize("text, type_", [
    ("square kilometers", "person"), ("Photo", "place"), ("Photos: the flooded valley", "place"),
    ("Video from the harbour", "organisation"), ("Many", "person"), ("West", "place"), ("Gen", "person"),
    ("Only about 3,000", "person"), ("the province's chief health officer", "person"),
    ("Chief Health Minister", "person"), ("Quake Toll Rises Again In Mountain Province Towns", "place"),
    ("Valley Post's report", "organisation"), ("12,000", "person"), ("Harlow Tragedy", "organisation"),
    ("Cedar Fire", "person"),
])
def test_junk_is_not_a_name(text, type_):
    assert clean_name(text, type_) is None


def test_one_entity_one_type_and_trimmed_names_merge():
    a = doc_with("a", "Valdora County Fire Chief Lena Okafor said 40 homes burned. Okafor Street was closed.")
    b = doc_with("b", "Lena Okafor told reporters the fire was contained.")
    add_mention(a, "Valdora County Fire Chief Lena Okafor", "PERSON")
    add_mention(b, "Lena Okafor", "PERSON")
    a.sources.append(Source(id="a:s1", doc="a", name="Mayor Daniel Ortiz", kind="organisation"))
    b.sources.append(Source(id="b:s1", doc="b", name="Daniel Ortiz", kind="person"))
    entities = {e.name: e for e in link_entities([a, b])}
    assert "Valdora County Fire Chief Lena Okafor" not in entities
    assert entities["Lena Okafor"].documents == ["a", "b"]
    assert entities["Daniel Ortiz"].type == "person" and entities["Daniel Ortiz"].documents == ["a", "b"]


def test_junk_mentions_make_no_entity():
    a = doc_with("a", "Photo The fire burned 40 square kilometers near Kelso.")
    add_mention(a, "Photo", "GPE")
    add_mention(a, "square kilometers", "PERSON")
    add_mention(a, "Kelso", "GPE")
    assert [e.name for e in link_entities([a])] == ["Kelso"]
