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


def test_a_weekday_with_its_date_puts_publication_within_the_following_week():
    doc = doc_with("a", "Voters went to the polls on Sunday, March 9, 2025, and counting continued overnight.")
    window, evidence = infer_published(doc)
    assert window == "2025-03-09/2025-03-15" and "Sunday" in evidence
    wrong_day = doc_with("b", "Voters went to the polls on Monday, March 9, 2025.")
    assert infer_published(wrong_day)[0] == "2025-03-09/2025-04-23"   # weekday does not fit: no week bound


def test_a_weekday_dates_a_month_and_day_from_a_past_year():
    doc = doc_with("a", "The club was founded in 2020. Its new stadium opened on Saturday, August 3, to a full house.")
    window, _ = infer_published(doc)
    assert window == "2024-08-03/2024-08-09"             # the only Saturday, August 3 from 2020 to 2026
    ambiguous = doc_with("b", "The club was founded in 2019. Its stadium opened on Saturday, August 3.")
    assert infer_published(ambiguous)[0] == "2019-01-01/.."   # 2019 and 2024 both fit: the year stays open


def test_a_past_year_alone_gives_an_open_window_and_relative_wording_stays_unresolved():
    doc = doc_with("a", "Since joining the league in 2021, the team has won 40 games, 12 of them last month.")
    date_documents([doc])
    assert doc.published == "2021-01-01/.." and doc.published_how == "inferred"
    assert "2021" in doc.published_evidence
    assert parse_window(doc.published)[0].isoformat() == "2021-01-01"
    fig = add_figure(doc, "12", 12, as_of_text="last month")
    date_figures([doc])
    assert fig.as_of is None                         # "last month" of an unknown year is not guessed


def test_a_future_plan_year_is_not_a_past_clue():
    doc = doc_with("a", "The city will host the games in 2030 and plans a new line for 2031-2035.")
    assert infer_published(doc) is None
