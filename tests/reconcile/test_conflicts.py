"""Claims that contradict each other: denials, opposite assessments, negation."""

from __future__ import annotations

from claimledger.reconcile.conflicts import assessment, claim_conflicts, is_denial
from tests.link.helpers import add_source, add_statement, doc_with


def test_denial_pairs_with_the_claim_it_answers():
    a = doc_with("a", "Chilean rescue teams have been withdrawn from the mine after a collapse, officials said.")
    b = doc_with("b", "Several outlets reported that Chilean rescue teams had pulled out of the mine. "
                      "The minister said: \"These reports are false.\"")
    officials = add_source(a, "officials", kind="anonymous")
    minister = add_source(b, "Minister Rosa Vidal", affiliation="Chile")
    claim = add_statement(a, "Chilean rescue teams have been withdrawn from the mine after a collapse", officials)
    denial = add_statement(b, "These reports are false.", minister, polarity="denial")
    conflicts = claim_conflicts([a, b])
    assert conflicts and set(conflicts[0][0]) == {claim.id, denial.id}
    assert "denial" in conflicts[0][1]


def test_opposite_assessments_of_the_same_subject():
    a = doc_with("a", "Coach Ines Ferro said the Brazilian players were disciplined and formidable.")
    b = doc_with("b", "A scout said the Brazilian players have not performed well and looked weak.")
    c = doc_with("c", "A fan said the Italian referees were weak.")
    qa = add_statement(a, "the Brazilian players were disciplined and formidable", add_source(a, "Ines Ferro"))
    qb = add_statement(b, "the Brazilian players have not performed well and looked weak", add_source(b, "scout"))
    add_statement(c, "the Italian referees were weak", add_source(c, "fan"))
    conflicts = claim_conflicts([a, b, c])
    assert [set(ids) for ids, _ in conflicts] == [{qa.id, qb.id}]
    assert "Opposite assessments" in conflicts[0][1]


def test_a_predicate_and_its_negation_by_another_speaker():
    a = doc_with("a", "The Kenyan ministry said the cholera outbreak in Kenya is under control. "
                      "Doctors said the outbreak in Kenya is not under control.")
    qa = add_statement(a, "the cholera outbreak in Kenya is under control", add_source(a, "ministry", "government"))
    qb = add_statement(a, "the outbreak in Kenya is not under control", add_source(a, "Doctors", "organisation"))
    conflicts = claim_conflicts([a])
    assert conflicts and set(conflicts[0][0]) == {qa.id, qb.id}


def test_same_speaker_and_unrelated_claims_do_not_conflict():
    a = doc_with("a", "The Spanish mayor said turnout was strong. The Spanish mayor said the count was not slow.")
    mayor = add_source(a, "mayor")
    add_statement(a, "turnout was strong", mayor)
    add_statement(a, "the count was not slow", mayor)
    assert claim_conflicts([a]) == []


def test_cues():
    assert assessment("they are brave and disciplined") > 0
    assert assessment("they have not performed well") < 0
    from claimledger.model import Statement
    assert is_denial(Statement(text="Reports in the media are wrong."))
    assert not is_denial(Statement(text="The media reported 40 deaths."))
