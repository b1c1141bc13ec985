"""Source mentions → Source records: kinds, names, titles, affiliations, resolution."""

from __future__ import annotations

import pytest

from claimledger.extract.speakers import (
    SourceBook, affiliation_of, classify_kind, clean_name, outlet_source, writer_source,
)
from claimledger.model import Document


@pytest.mark.parametrize("text,label,head,kind", [
    ("Reuters", "ORG", "", "wire_agency"),
    ("the Associated Press", "ORG", "", "wire_agency"),
    ("Kyodo News Agency", "ORG", "", "wire_agency"),
    ("The Evening Herald", "ORG", "", "outlet"),
    ("the health ministry", "", "ministry", "government"),
    ("the national army", "", "army", "military"),
    ("the National Intelligence Agency", "ORG", "", "intelligence"),
    ("an audit", "", "audit", "report"),
    ("Acme Corp", "ORG", "", "organisation"),
    ("Brazil", "GPE", "", "government"),
    ("Jane Roe", "PERSON", "", "person"),
    ("the spokeswoman", "", "spokeswoman", "person"),
])
def test_classify_kind(text, label, head, kind):
    assert classify_kind(text, label, head) == kind


def test_clean_name_drops_honorifics_possessives_and_articles():
    assert clean_name("Mr. Lee’s") == "Lee"
    assert clean_name("the Associated Press,") == "Associated Press"
    assert clean_name("Ms Okafor") == "Okafor"


def test_affiliation_from_demonyms_and_places(nlp):
    doc = nlp("Kenyan health officials and a spokesman for the U.S. embassy")
    assert affiliation_of(doc[0:3]) == "Kenya"
    assert affiliation_of(doc[4:10]) == "United States"


def test_outlet_and_writer_sources_are_created_once():
    doc = Document(id="d", text="", outlet="Coast Gazette", author="Ravi Shah")
    a = outlet_source(doc)
    b = outlet_source(doc)
    writer, via = writer_source(doc)
    writer2, _ = writer_source(doc)
    assert a is b and a.kind == "outlet" and a.name == "Coast Gazette"
    assert writer is writer2 and writer.name == "Ravi Shah" and via == [a.id]
    assert len(doc.sources) == 2


def book_for(nlp, text: str) -> tuple[Document, SourceBook, object]:
    doc = Document(id="d", text=text)
    parsed = nlp(text)
    return doc, SourceBook(doc, parsed), parsed


def test_surname_and_pronoun_resolve_to_the_full_name(nlp):
    text = "Coach Lena Berg praised the defence. Berg said more. She said more."
    doc, book, parsed = book_for(nlp, text)
    full = book.resolve(parsed[0:3]).source
    surname = book.resolve(parsed[7:8])
    pronoun = book.resolve(parsed[11:12])
    assert full.name == "Lena Berg" and full.title == "Coach"
    assert surname.source is full and pronoun.source is full and pronoun.resolved
    assert "Berg" in full.variants


def test_pronoun_without_antecedent_is_unresolved(nlp):
    doc, book, parsed = book_for(nlp, "He said the match was over.")
    res = book.resolve(parsed[0:1])
    assert res.source is None and not res.resolved


def test_group_pronoun_prefers_bodies_over_people(nlp):
    text = "Local officials met Mayor Tim Ko. They said the dam held."
    doc, book, parsed = book_for(nlp, text)
    officials = book.resolve(parsed[0:2]).source
    they = book.resolve(parsed[7:8]).source
    assert officials.kind == "anonymous" and they is officials


def test_unresolved_role_keeps_its_description(nlp):
    doc, book, parsed = book_for(nlp, "The referee said the goal stood.")
    res = book.resolve(parsed[0:2])
    assert not res.resolved and res.source.name == "referee" and res.source.kind == "person"


def test_acronym_and_short_name_join_the_full_name(nlp):
    text = ("The Pacific Weather Bureau said the storm had weakened. PWB said winds would ease. "
            "Kestrel News Agency reported flooding. Kestrel said roads were closed.")
    doc, book, parsed = book_for(nlp, text)
    bureau = book.resolve(parsed[0:4]).source
    acronym = book.resolve(parsed[10:11]).source
    agency = book.resolve(parsed[16:19]).source
    short = book.resolve(parsed[22:23]).source
    assert acronym is bureau and "PWB" in bureau.variants
    assert agency.kind == "wire_agency" and short is agency


@pytest.mark.parametrize("text,subject", [
    ("Videos show voters queueing outside the town hall.", "Videos"),
    ("Drone footage showed the flooded valley.", "Drone footage"),
    ("Many have blamed the regulator for the outage.", "Many"),
    ("Only about 400 stayed behind, he said.", "Only about 400"),
    # the named part is footage again (was an endless recursion)
    ("Footage from a Harbour Police video showed the warehouse fire.", "Footage from a Harbour Police video"),
])
def test_footage_quantifiers_and_bare_numbers_name_no_source(nlp, text, subject):
    doc, book, parsed = book_for(nlp, text)
    span = parsed[0:len(subject.split())]
    assert span.text == subject
    assert book.resolve(span).source is None


@pytest.mark.parametrize("text,subject,name", [
    ("Footage from the Harbour Police showed the crash.", "Footage from the Harbour Police", "Harbour Police"),
    ("Footage released by the Marlow Fire Service showed the crash.",
     "Footage released by the Marlow Fire Service", "Marlow Fire Service"),
    ("Some of the residents said the water was brown.", "Some of the residents", None),
])
def test_a_name_or_a_partitive_inside_such_a_subject_keeps_it(nlp, text, subject, name):
    doc, book, parsed = book_for(nlp, text)
    res = book.resolve(parsed[0:len(subject.split())])
    assert res.source is not None
    if name:
        assert res.source.name == name


def test_a_lower_case_role_before_a_name_lets_the_role_stand_for_the_person_later(nlp):
    from claimledger.pipeline import Pipeline

    text = ("Harbour police chief Ana Ruiz said storms sank 40 boats overnight. "
            "The region's chief economist Tom Hale said losses were large. "
            "Two crew members were missing, the police chief said.")
    doc = Pipeline().analyse(Document(id="d", name="d.txt", text=text))
    two = next(f for f in doc.figures if f.text == "Two")
    source = next(s for s in doc.sources if s.id == two.source)
    assert source.name == "Ana Ruiz" and "police chief" in (source.role or "")


def test_the_role_of_a_name_met_again_by_its_surname_is_kept(nlp):
    from claimledger.pipeline import Pipeline

    text = ("Ferries stopped running after the storm as coast guard chief Ana Ruiz toured the harbour. "
            "\"It was chaos,\" Ruiz said. The region's chief economist Tom Hale said losses were large. "
            "Two crew members were missing, the coast guard chief said.")
    doc = Pipeline().analyse(Document(id="d", name="d.txt", text=text))
    two = next(f for f in doc.figures if f.text == "Two")
    assert next(s for s in doc.sources if s.id == two.source).name == "Ana Ruiz"


def test_a_body_with_other_modifiers_is_another_body(nlp):
    from tests.extract.test_according_to import credited
    text = ("The interior ministry said 40 people were arrested. The health ministry said 12 people were hurt. "
            "The ministry said 3 of them were police officers.")
    assert credited(nlp, text, "40", "12", "3") == ["interior ministry", "health ministry", "health ministry"]


def test_the_ministry_is_the_ministry_met_before_not_the_nearer_government(nlp):
    from tests.extract.test_according_to import credited
    text = ("The education ministry said 31% of teachers struck. The government said the strike had failed. "
            "The ministry said 12% of head teachers struck.")
    assert credited(nlp, text, "31%", "12%") == ["education ministry", "education ministry"]
