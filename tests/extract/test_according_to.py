"""'According to X': one phrase credits its clause; several in one sentence credit a stretch each."""

from __future__ import annotations

from claimledger.extract.attribution import attribute_figures
from claimledger.extract.statements import extract_statements
from claimledger.model import Document
from tests.extract.test_attribution import figure_at, names


def credited(nlp, text: str, *snippets: str) -> list[str]:
    doc = Document(id="t", text=text, outlet="Daily Planet")
    extract_statements(doc, nlp(text))
    figs = [figure_at(doc, s, i) for i, s in enumerate(snippets, 1)]
    attribute_figures(doc)
    return names(doc, [f.source for f in figs])


def test_two_trailing_credits_each_take_the_figure_before_them(nlp):
    text = "In Harlow, 18,000 people joined the rally according to police, and 60,000 according to the organisers."
    assert credited(nlp, text, "18,000", "60,000") == ["police", "organisers"]


def test_a_leading_credit_takes_what_follows_up_to_the_next_one(nlp):
    text = "According to the police, 26,000 people marched; according to the unions, 140,000."
    assert credited(nlp, text, "26,000", "140,000") == ["police", "unions"]


def test_credits_for_two_counts_of_one_quake(nlp):
    text = "The quake killed 40 people, according to officials, and injured 300, according to the Red Cross."
    assert credited(nlp, text, "40", "300") == ["officials", "Red Cross"]


def test_one_credit_still_takes_the_whole_clause(nlp):
    text = "At least 12 people died and 40 were hurt in the blast, according to the fire service."
    assert credited(nlp, text, "12", "40") == ["fire service", "fire service"]


def test_a_parenthesised_credit_and_a_credit_set_against_another_cue(nlp):
    text = ("In Harlow, 9,000 people marched according to police (30,000 according to the organisers). "
            "In Dunmore, police counted 4,000 marchers, against 12,000 according to the unions.")
    assert credited(nlp, text, "9,000", "30,000", "4,000", "12,000") == ["police", "organisers", "police", "unions"]


def test_a_second_speaker_after_a_semicolon_keeps_its_own_figure(nlp):
    text = ("The education ministry said 42% of primary school teachers and 35% of secondary school teachers "
            "were on strike; the main teachers' union said 70%.")
    assert credited(nlp, text, "42%", "35%", "70%") == ["education ministry", "education ministry",
                                                        "main teachers' union"]
