"""Publication dates inferred from the text and as-of dates resolved against them."""

from __future__ import annotations

from claimledger.link.dates import date_documents, date_figures, infer_published, parse_window, resolve_as_of
from tests.link.helpers import add_figure, doc_with


def test_future_date_is_an_upper_bound_and_past_date_a_lower_bound():
    doc = doc_with("a", "The treaty was signed on March 3, 2025. The new mayor will be sworn in on April 10, 2025.")
    window, evidence = infer_published(doc)
    assert window == "2025-03-03/2025-04-10"
    assert "sworn in" in evidence and "signed" in evidence


def test_date_without_year_borrows_the_year_of_the_other_documents():
    dated = doc_with("a", "Results came in.", published="2026-01-12")
    undated = doc_with("b", "The champion will defend her title on January 20 in Melbourne.")
    date_documents([dated, undated])
    assert undated.published_how == "inferred"
    start, end = parse_window(undated.published)
    assert end.isoformat() == "2026-01-20" and start < end
    assert "January 20" in undated.published_evidence
    assert dated.published == "2026-01-12" and dated.published_how == "metadata"


def test_no_clue_leaves_the_date_empty():
    doc = doc_with("a", "Shares rose sharply after the results.")
    date_documents([doc])
    assert doc.published is None and doc.published_how is None


def test_relative_as_of_expressions():
    pub = "2025-02-14"
    assert resolve_as_of("so far", pub) == pub
    assert resolve_as_of(None, pub) == pub
    assert resolve_as_of("by last month", pub) == "2025-01-01/2025-01-31"
    assert resolve_as_of("last November", pub) == "2024-11-01/2024-11-30"
    assert resolve_as_of("a report from January", pub) == "2025-01-01/2025-01-31"
    assert resolve_as_of("in March", pub) == "2024-03-01/2024-03-31"
    assert resolve_as_of("last year", pub) == "2024-01-01/2024-12-31"
    assert resolve_as_of("last summer", pub) == "2024-06-01/2024-08-31"
    assert resolve_as_of("two weeks ago", pub) == "2025-01-31"
    assert resolve_as_of("on Monday", pub) == "2025-02-10"
    assert resolve_as_of("so far", None) is None


def test_date_figures_fills_as_of_from_the_document():
    doc = doc_with("a", "Turnout was 61 percent last week.", published="2025-05-19")
    fig = add_figure(doc, "61 percent", 61, unit="percent", as_of_text="last week")
    date_figures([doc])
    assert fig.as_of == "2025-05-06/2025-05-12"
