"""Stage ``attribution``: figures inherit the chain of the statement that contains them."""

from __future__ import annotations

from claimledger.extract.attribution import attribute_figures, containing_statement
from claimledger.extract.statements import extract_statements
from claimledger.model import Document, Figure


def figure_at(doc: Document, text: str, n: int) -> Figure:
    start = doc.text.index(text)
    fig = Figure(id=doc.new_id("f", n), doc=doc.id, start=start, end=start + len(text), text=text)
    doc.figures.append(fig)
    return fig


def names(doc: Document, ids: list[str]) -> list[str]:
    by_id = {s.id: s.name for s in doc.sources}
    return [by_id[i] for i in ids]


def test_figure_in_a_relayed_claim_gets_the_original_source_and_relays(nlp):
    text = ("The quake destroyed 1,200 homes in the province. "
            "Citing the civil protection agency, Reuters said at least 85 people were killed.")
    doc = Document(id="t", text=text, outlet="Daily Planet")
    extract_statements(doc, nlp(text))
    killed = figure_at(doc, "at least 85", 1)
    homes = figure_at(doc, "1,200", 2)
    attribute_figures(doc)
    st = next(s for s in doc.statements if s.id == killed.statement)
    assert killed.source == st.speaker
    assert names(doc, [killed.source]) == ["civil protection agency"]
    assert names(doc, killed.via) == ["Reuters", "Daily Planet"]
    # a figure in the writer's own voice belongs to the outlet
    assert homes.statement is None
    assert names(doc, [homes.source]) == ["Daily Planet"] and homes.via == []


def test_writer_voice_is_the_author_via_the_outlet(nlp):
    text = "The team scored 31 goals this season."
    doc = Document(id="t", text=text, outlet="Sports Weekly", author="Dana Cole")
    extract_statements(doc, nlp(text))
    fig = figure_at(doc, "31", 1)
    attribute_figures(doc)
    assert names(doc, [fig.source]) == ["Dana Cole"] and names(doc, fig.via) == ["Sports Weekly"]


def test_figure_inside_a_direct_quote(nlp):
    text = "“We sold 40,000 tickets in one hour,” said Lena Park, the club’s commercial director."
    doc = Document(id="t", text=text, outlet="Daily Planet")
    extract_statements(doc, nlp(text))
    fig = figure_at(doc, "40,000", 1)
    attribute_figures(doc)
    assert names(doc, [fig.source]) == ["Lena Park"] and names(doc, fig.via) == ["Daily Planet"]


def test_narrowest_statement_wins():
    doc = Document(id="t", text="x" * 100)
    from claimledger.model import Statement
    wide = Statement(id="t:q1", start=0, end=90, parts=[[0, 90]], speaker="a")
    narrow = Statement(id="t:q2", start=10, end=40, parts=[[10, 40]], speaker="b")
    split = Statement(id="t:q3", start=50, end=80, parts=[[50, 60], [70, 80]], speaker="c")
    sts = [wide, narrow, split]
    assert containing_statement(sts, 12, 15) is narrow
    assert containing_statement(sts, 52, 55) is split
    assert containing_statement(sts, 62, 65) is wide  # between the parts of the split quote
    assert containing_statement(sts, 95, 97) is None


def test_a_closing_speaker_parsed_as_an_apposition_still_speaks(nlp):
    from tests.extract.test_according_to import credited
    text = ("Two Armenian soldiers were killed and four wounded on Monday in a shelling attack near the village of "
            "Sotk, Armenia's defence ministry said.")
    assert credited(nlp, text, "Two", "four") == ["defence ministry"] * 2
