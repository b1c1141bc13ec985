"""Bylines, outlet tags and datelines read from the article text (invented articles)."""

from __future__ import annotations

import pytest

from claimledger.ingest import read_inputs
from claimledger.ingest.front_matter import read_front_matter
from claimledger.model import Document

HEAD = "Harbour strike enters second week\n"
BODY = "Dock workers stayed off the job on Monday, the union said.\n"


@pytest.mark.parametrize("text, author, outlet", [
    (HEAD + "By Rhea Castell, Coastal Times\n" + BODY, "Rhea Castell", "Coastal Times"),
    (HEAD + "By Ana Ruiz and Ken Obi\n" + BODY, "Ana Ruiz and Ken Obi", None),
    (HEAD + "By ANA RUIZ and KEN OBI\n" + BODY, "Ana Ruiz and Ken Obi", None),
    (HEAD + "By Ana Ruiz, Staff Writer\n" + BODY, "Ana Ruiz", None),
    (HEAD + "By Ana Ruiz for The Valley Gazette\n" + BODY, "Ana Ruiz", "The Valley Gazette"),
    (HEAD + "By Ana Ruiz, Ken Obi and Li Wei, Coastal Times correspondents\n" + BODY,
     "Ana Ruiz, Ken Obi and Li Wei", "Coastal Times"),
    (HEAD + "By Priya Nair | Harbour Daily | 3 May\n" + BODY, "Priya Nair", None),
    (HEAD + "(Northbridge Herald)\n" + BODY, None, "Northbridge Herald"),
    (HEAD + "(Northbridge Herald) - " + BODY, None, "Northbridge Herald"),
    (HEAD + BODY + "Talks resume on Friday. (Reporting by Ana Ruiz; Editing by Ken Obi)\n", "Ana Ruiz", None),
])
def test_bylines_and_outlet_tags(text, author, outlet):
    found = read_front_matter(text)
    assert (found.author, found.outlet) == (author, outlet)


@pytest.mark.parametrize("line, place, date, outlet", [
    ("SEOUL, Jan 14 (Reuters) – Dock workers stayed off the job.", "Seoul", "--01-14", "Reuters"),
    ("WASHINGTON (AP) — Dock workers stayed off the job.", "Washington", None, "AP"),
    ("KYIV, Ukraine (AP) — Dock workers stayed off the job.", "Kyiv, Ukraine", None, "AP"),
    ("PORT-AU-PRINCE, Haiti, March 3, 2024 (Valley Radio) -- Dock workers walked out.", "Port-Au-Prince, Haiti",
     "2024-03-03", "Valley Radio"),
    ("NEW YORK, March 3, 2024 /PRNewswire/ -- Acme Corp said revenue rose.", "New York", "2024-03-03", "PRNewswire"),
    ("LONDON, Tuesday, 4 June — Dock workers stayed off the job.", "London", "--06-04", None),
    ("Lisbon, Feb. 2 (Harbour Wire) - Dock workers stayed off the job.", "Lisbon", "--02-02", "Harbour Wire"),
    ("MANILA: Dock workers stayed off the job on Monday.", "Manila", None, None),
    ("LIMA - Dock workers stayed off the job on Monday.", "Lima", None, None),
])
def test_datelines(line, place, date, outlet):
    found = read_front_matter(HEAD + line + "\n")
    assert (found.place, found.date, found.outlet) == (place, date, outlet)
    assert found.dateline and line.startswith(found.dateline)


@pytest.mark.parametrize("text", [
    "Officials - the union said the strike would go on.",
    "US - talks with the union resume.",
    "UPDATE: the union said the strike would go on.",
    "EXCLUSIVE — inside the union's strike plans",
    "By the time talks resumed, 40 ships were waiting.",
    "Note: prices include tax.",
    "Ladakh dispute: a tense week on the border.",
    "The strike - the longest in years - goes on.",
])
def test_ordinary_openings_are_not_metadata(text):
    found = read_front_matter(HEAD + text + "\n" + BODY)
    assert (found.author, found.outlet, found.dateline) == (None, None, None)


def test_only_the_head_of_the_article_is_searched():
    text = HEAD + BODY * 12 + "PARIS (AP) — a late paragraph that quotes another wire.\n"
    assert read_front_matter(text).dateline is None


def _read(tmp_path, text: str, **given) -> Document:
    path = tmp_path / "strike.txt"
    path.write_text(text, encoding="utf-8")
    (doc,) = list(read_inputs([str(path)], **given))
    assert isinstance(doc, Document)
    return doc


def test_dateline_with_a_year_dates_the_document(tmp_path):
    doc = _read(tmp_path, HEAD + "LIMA, March 3, 2024 (Andes Wire) — " + BODY)
    assert (doc.published, doc.published_how, doc.outlet) == ("2024-03-03", "dateline", "Andes Wire")
    assert doc.dateline_place == "Lima" and "LIMA, March 3, 2024" in doc.published_evidence


def test_dateline_without_a_year_stays_partial(tmp_path):
    doc = _read(tmp_path, HEAD + "LIMA, March 3 (Andes Wire) — " + BODY)
    assert doc.published is None and doc.dateline_date == "--03-03" and doc.published_how == "dateline"
    assert doc.dateline == "LIMA, March 3 (Andes Wire)"


def test_given_metadata_wins_over_the_text(tmp_path):
    doc = _read(tmp_path, HEAD + "By Rhea Castell, Coastal Times\nLIMA, March 3, 2024 — " + BODY,
                outlet="Harbour Daily", published="2024-03-04")
    assert (doc.outlet, doc.author, doc.published, doc.published_how) == \
        ("Harbour Daily", "Rhea Castell", "2024-03-04", "user")
    assert doc.dateline_date == "2024-03-03"


def test_text_is_unchanged(tmp_path):
    text = HEAD + "By Rhea Castell, Coastal Times\n" + BODY
    assert _read(tmp_path, text).text == text.strip()


def test_byline_role_before_the_outlet_is_dropped():
    from claimledger.ingest.front_matter import split_byline
    assert split_byline("Mira Holt, Chief Business Correspondent Harbour Herald") == ("Mira Holt", "Harbour Herald")
    assert split_byline("Mira Holt, Senior Correspondent") == ("Mira Holt", None)
