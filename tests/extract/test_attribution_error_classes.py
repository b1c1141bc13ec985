"""Who a figure is credited to, one test per attribution error class of issue 12 (sentences written for them)."""

from __future__ import annotations

import pytest

from claimledger.extract.attribution import attribute_figures
from claimledger.extract.figures import extract_figures
from claimledger.extract.statements import extract_statements
from claimledger.model import Document


@pytest.fixture
def credit(nlp):
    """text -> {figure text: (source name, [via names])} for the figures of the text."""
    def run(text: str) -> dict[str, tuple[str, list[str]]]:
        doc = Document(id="t", text=text, outlet="Daily Planet")
        parsed = nlp(text)
        extract_statements(doc, parsed)
        doc.figures = extract_figures(doc, parsed)
        attribute_figures(doc)
        name = {s.id: s.name for s in doc.sources}
        return {f.text: (name[f.source], [name[v] for v in f.via]) for f in doc.figures if f.kind == "figure"}
    return run


def test_citing_a_lower_case_ministry(credit):
    source, via = credit("At least 40 people died in the floods, Reuters reported, citing the health ministry.")["40"]
    assert source == "health ministry" and via[0] == "Reuters"


def test_speaker_quoted_by_an_agency(credit):
    source, via = credit("The death toll rose to 52, said the mayor, who was quoted by AFP.")["52"]
    assert source == "mayor" and "AFP" in via


def test_quoted_by_as_saying_keeps_the_speaker(credit):
    source, via = credit("The mayor was quoted by AFP as saying that 52 had died.")["52"]
    assert source == "mayor" and "AFP" in via


def test_said_then_agency_reported_is_not_reversed(credit):
    source, via = credit("The regional governor said that fans exceeded the arena's 20,000 capacity by about "
                         "3,000, Reuters reported.")["3,000"]
    assert source == "regional governor" and via[0] == "Reuters"


def test_owner_figure_colon_label(credit):
    found = credit("Turnout in the capital. Union estimate: 2 million; police figure: 400,000.")
    assert found["2 million"][0] == "Union" and found["400,000"][0] == "police"


def test_counted_noun_before_a_colon_is_no_source(credit):
    assert credit("Death toll: 131.")["131"][0] == "Daily Planet"   # the outlet, as for any unattributed figure


@pytest.mark.parametrize("text, figure, source", [
    ("Officials pegged the damage at 3 billion dollars.", "3 billion dollars", "Officials"),
    ("The number of displaced was put at 12,000 by officials.", "12,000", "officials"),
    ("Police estimated the number of marchers closer to 80,000.", "80,000", "Police"),
])
def test_estimate_verbs(credit, text, figure, source):
    assert credit(text)[figure][0] == source


def test_nearest_body_not_a_different_one(credit):
    found = credit("According to the government, 10,000 police were deployed, while the union said 2 million marched.")
    assert found["10,000"][0] == "government" and found["2 million"][0] == "union"


def test_the_company_still_means_the_company_named_before(credit):
    found = credit("Northwind Airlines reported a loss of 40 million dollars. The company said 300 jobs would go.")
    assert found["300"][0] == "Northwind Airlines"


@pytest.mark.parametrize("text, figure, source", [
    ("Figures reported by local media show 300 homes were destroyed.", "300", "local media"),
    ("Data provided by the health ministry showed 1,200 infections.", "1,200", "health ministry"),
    ("Figures released by the Electoral Commission show turnout of 64%.", "64%", "Electoral Commission"),
])
def test_inanimate_sources_credit_who_produced_them(credit, text, figure, source):
    assert credit(text)[figure][0] == source


def test_long_title_before_a_name_credits_the_person(credit):
    found = credit("Chief of the Press Division of the Federal Police Inspector General Marta Quintero said 20 had died.")
    assert found["20"][0] == "Marta Quintero"
