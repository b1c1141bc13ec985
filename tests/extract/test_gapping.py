"""Gapped second credits: "the board counted 4,100 votes and the challengers 5,300"."""

from __future__ import annotations

from tests.extract.test_according_to import credited


def test_a_gapped_body_and_number_is_that_bodys_figure(nlp):
    text = "The election board counted 4,100 ballots and the Harbour Party 5,300."
    assert credited(nlp, text, "4,100", "5,300") == ["election board", "Harbour Party"]


def test_the_gap_may_end_before_an_apposition(nlp):
    text = ("On Sunday the interior ministry counted 52,000 marchers and the teachers' union 140,000, "
            "a gap of almost 90,000 people.")
    assert credited(nlp, text, "52,000", "140,000")[1] == "teachers' union"


def test_a_list_of_things_is_no_gap(nlp):
    text = "The carmaker said it sold 40,000 cars and 12,000 trucks last year."
    assert credited(nlp, text, "40,000", "12,000") == ["carmaker", "carmaker"]


def test_counted_by_one_body_while_another_said_more(nlp):
    text = "In Harlow, police counted 9,000 protesters, while the organisers said 30,000 people had joined."
    assert credited(nlp, text, "9,000", "30,000") == ["police", "organisers"]


def test_a_possessed_tally_moved_to_a_value_is_the_owners_figure(nlp):
    text = "The health ministry lowered its toll to 125 on Sunday. The union stuck to its figure of 800."
    assert credited(nlp, text, "125", "800") == ["health ministry", "union"]
