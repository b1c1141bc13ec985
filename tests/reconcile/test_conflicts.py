"""Claims that contradict each other: denials, opposite assessments, negation."""

from __future__ import annotations

from claimledger.reconcile.conflicts import assessment, claim_conflicts, is_denial
from tests.link.helpers import add_source, add_statement, doc_with


def test_denial_pairs_with_the_claim_it_answers():
    a = doc_with("a", "Chilean rescue teams have left the mine after a collapse, officials said.")
    b = doc_with("b", "Several outlets reported that Chilean rescue teams had pulled out of the mine. "
                      "The minister said: \"These reports are false.\"")
    officials = add_source(a, "officials", kind="anonymous")
    minister = add_source(b, "Minister Rosa Vidal", affiliation="Chile")
    claim = add_statement(a, "Chilean rescue teams have left the mine after a collapse", officials)
    denial = add_statement(b, "These reports are false.", minister, polarity="denial")
    conflicts = claim_conflicts([a, b])
    assert conflicts and set(conflicts[0][0]) == {claim.id, denial.id}
    assert "denial" in conflicts[0][1]


def test_opposite_assessments_of_the_same_subject():
    a = doc_with("a", "Coach Ines Ferro said the Brazilian players were skilled and effective.")
    b = doc_with("b", "A scout said the Brazilian players have not played well and looked weak.")
    c = doc_with("c", "A fan said the Italian referees were weak.")
    qa = add_statement(a, "the Brazilian players were skilled and effective", add_source(a, "Ines Ferro"))
    qb = add_statement(b, "the Brazilian players have not played well and looked weak", add_source(b, "scout"))
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
    assert assessment("the new managers are capable and experienced") > 0
    assert assessment("the new managers have not done well") < 0
    from claimledger.model import Statement
    assert is_denial(Statement(text="Reports in the media are wrong."))
    assert not is_denial(Statement(text="The media reported 40 deaths."))


def test_a_mild_word_against_another_dimension_is_not_a_contradiction():
    a = doc_with("a", "A rival said the Danish cyclists showed unusual determination on the climb.")
    b = doc_with("b", "A coach said the Danish cyclists are vulnerable in crosswinds.")
    c = doc_with("c", "Officials said the Danish course remains stable despite the rain.")
    d = doc_with("d", "A rider said the Danish team inflicted serious defeats on everyone.")
    add_statement(a, "the Danish cyclists showed unusual determination on the climb", add_source(a, "rival"))
    add_statement(b, "the Danish cyclists are vulnerable in crosswinds", add_source(b, "coach"))
    add_statement(c, "the Danish course remains stable despite the rain", add_source(c, "Officials", "government"))
    add_statement(d, "the Danish team inflicted serious defeats on everyone", add_source(d, "rider"))
    assert claim_conflicts([a, b, c, d]) == []


def test_opposite_assessments_need_the_same_subject():
    a = doc_with("a", "An analyst said the company is profitable and its finances are healthy.")
    b = doc_with("b", "A banker said the company's finances were weak and deteriorating.")
    c = doc_with("c", "A union official said the factory canteen was weak and deteriorating.")
    qa = add_statement(a, "the company is profitable and its finances are healthy", add_source(a, "analyst"))
    qb = add_statement(b, "the company's finances were weak and deteriorating", add_source(b, "banker"))
    add_statement(c, "the factory canteen was weak and deteriorating", add_source(c, "union official"))
    conflicts = claim_conflicts([a, b, c])
    assert [set(ids) for ids, _ in conflicts] == [{qa.id, qb.id}]


def test_a_denial_that_restates_a_figure_agrees_with_that_figure():
    a = doc_with("a", "The airline will cut 1,200 jobs at its hubs, it said.")
    b = doc_with("b", "The pilots' union said documents showed 2,000 jobs would go. A spokeswoman said "
                      "reports of 2,000 job cuts were wrong and that the figure was 1,200.")
    qa = add_statement(a, "The airline will cut 1,200 jobs at its hubs", add_source(a, "airline", "organisation"))
    union = add_statement(b, "documents showed 2,000 jobs would go", add_source(b, "pilots' union", "organisation"))
    denial = add_statement(b, "reports of 2,000 job cuts were wrong and that the figure was 1,200",
                           add_source(b, "spokeswoman"), polarity="denial")
    pairs = [set(ids) for ids, _ in claim_conflicts([a, b])]
    assert {union.id, denial.id} in pairs and {qa.id, denial.id} not in pairs


def test_denying_a_negative_claim_answers_the_negative_claim_only():
    a = doc_with("a", "Residents said the tap water in Lakeside is not safe to drink.")
    b = doc_with("b", "The utility said the tap water in Lakeside is safe to drink.")
    c = doc_with("c", "The mayor said: \"Claims that the tap water in Lakeside is not safe are false.\"")
    neg = add_statement(a, "the tap water in Lakeside is not safe to drink", add_source(a, "Residents", "anonymous"))
    pos = add_statement(b, "the tap water in Lakeside is safe to drink", add_source(b, "utility", "organisation"))
    denial = add_statement(c, "Claims that the tap water in Lakeside is not safe are false.", add_source(c, "mayor"),
                           polarity="denial")
    pairs = [set(ids) for ids, _ in claim_conflicts([a, b, c])]
    assert {neg.id, denial.id} in pairs and {pos.id, denial.id} not in pairs
    assert {neg.id, pos.id} in pairs


def test_antonymous_predicates_about_one_subject():
    a = doc_with("a", "The regulator said the Harbour Bridge toll plan was approved by the council on Monday.")
    b = doc_with("b", "Residents said the Harbour Bridge toll plan was rejected by the council on Monday.")
    qa = add_statement(a, "the Harbour Bridge toll plan was approved by the council on Monday",
                       add_source(a, "regulator", "government"))
    qb = add_statement(b, "the Harbour Bridge toll plan was rejected by the council on Monday",
                       add_source(b, "Residents", "anonymous"))
    conflicts = claim_conflicts([a, b])
    assert conflicts and set(conflicts[0][0]) == {qa.id, qb.id}


def test_word_lists_are_data_files_without_story_words():
    from claimledger.reconcile import conflicts as c
    words = set().union(*c.CONCEPTS.values()) | c.POSITIVE | c.NEGATIVE
    assert not words & {"dwindling", "visibility", "cannon", "fodder", "formidable"}
