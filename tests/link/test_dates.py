"""Publication dates inferred from the text and as-of dates resolved against them."""

from __future__ import annotations

from datetime import date

import pytest

from claimledger.link.dates import (
    date_documents, date_figures, default_year_of, infer_published, midpoint, parse_window, resolve_as_of,
)
from tests.link.helpers import add_figure, doc_with


def test_event_dates_and_historical_years_are_never_a_publication_date():
    for text in ("The treaty was signed on March 3, 2025. The new mayor will be sworn in on April 10, 2025.",
                 "Veterans of the mercenary group, active circa 2022, were seen at the port.",
                 "The square, scene of protests in 1989, was closed on Sunday.",
                 "Officials said 100 troops arrived at the base, as they have every year since 2015."):
        assert infer_published(doc_with("a", text)) is None, text


def test_a_wire_dateline_dates_the_article_to_the_day():
    doc = doc_with("a", "NAIROBI, March 3, 2025 (Reuters) - Floods killed 40 people, officials said.")
    window, evidence = infer_published(doc)
    assert window == "2025-03-03" and evidence.startswith("dateline:") and "NAIROBI" in evidence


def test_a_publication_line_or_a_date_line_in_the_first_lines():
    assert infer_published(doc_with("a", "Storm toll rises\nPublished: 4 February 2024\nThe storm..."))[0] == "2024-02-04"
    assert infer_published(doc_with("b", "Strike ends\nTue 12 Mar 2024 10.02 GMT\nWorkers...."))[0] == "2024-03-12"
    assert infer_published(doc_with("c", "Updated March 2024\nResults..."))[0] == "2024-03-01/2024-03-31"
    late = doc_with("d", "Line one.\nTwo.\nThree.\nFour.\nFive.\nSix.\nSeven.\nPublished: 4 February 2024")
    assert infer_published(late) is None                  # only the head of the article carries its date


def test_a_dateline_without_year_borrows_the_year_of_documents_dated_by_metadata():
    dated = doc_with("a", "Results came in.", published="2026-01-12")
    undated = doc_with("b", "MELBOURNE, Jan 20 (AAP) - The champion will defend her title.")
    date_documents([dated, undated])
    assert (undated.published, undated.published_how) == ("2026-01-20", "inferred")
    assert "2026 taken from the other documents" in undated.published_evidence
    assert dated.published == "2026-01-12" and dated.published_how == "metadata"
    alone = doc_with("c", "MELBOURNE, Jan 20 (AAP) - The champion will defend her title.")
    date_documents([alone])
    assert alone.published is None                        # no year anywhere: not guessed


def test_open_inferred_and_impossible_dates_never_become_the_default_year():
    docs = [doc_with("a", "x", published="2016-01-01/.."), doc_with("b", "x", published="9999-12-31"),
            doc_with("c", "x", published="0001-01-01"), doc_with("d", "x", published="not a date"),
            doc_with("e", "TOKYO, March 9 (Kyodo) - Ten ships docked.")]
    assert default_year_of(docs) is None
    date_documents(docs)
    assert docs[4].published is None                      # not 9999-03-09, not 2016-03-09
    docs.append(doc_with("f", "x", published="2024-11-02"))
    date_documents(docs)
    assert docs[4].published == "2024-03-09"


def test_stale_inferred_dates_are_rederived_and_bad_ones_dropped():
    poisoned = doc_with("a", "TOKYO, March 9 (Kyodo) - Ten ships docked.")
    poisoned.published, poisoned.published_how = "9999-03-09/9999-04-23", "inferred"
    opened = doc_with("b", "Since 2015 the port has grown.")
    opened.published, opened.published_how = "2015-01-01/..", "inferred"
    captured = doc_with("c", "Ships docked.")
    captured.published, captured.published_how = "2024-05-01", "inferred"
    captured.published_evidence = "capture date (WARC-Date); published on or before it"
    date_documents([poisoned, opened, captured])
    assert poisoned.published is None and opened.published is None
    assert captured.published == "2024-05-01"


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "2016-01-01/..", "../..", "2025-02-30",
                                   "2025-03-01/2025-02-01", "", None, "garbage", "99999-01-01"])
def test_odd_stored_dates_are_unknown_not_errors(value):
    assert midpoint(value) is None
    assert resolve_as_of("last month", value) is None
    window = parse_window(value)
    assert window is None or window == (date(2016, 1, 1), date.max)


@pytest.mark.parametrize("as_of_text", ["February 29", "999999999 days ago", "9999-12-31", "last February 29",
                                        "by 0001-01-01", "on Monday", "in 2101"])
def test_odd_as_of_wording_resolves_or_is_unknown(as_of_text):
    resolved = resolve_as_of(as_of_text, "2025-02-01")
    assert resolved is None or parse_window(resolved) is not None
    assert "9999" not in (resolved or "")


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
