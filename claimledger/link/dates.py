"""Publication dates and as-of dates of figures.

A document's date comes from metadata or the user when present.  Otherwise it is inferred
only from the article's own publication cues in its first lines: a wire dateline ("SEOUL,
Jan 14 (Reuters) -", see :mod:`claimledger.ingest.front_matter`), a "Published:"/"Updated"
line, or a line that is only a date.  Dates of
events and years in the body ("since 2015", "protests in 1989") are never taken as the
publication date.  An inferred value is a day or a month window, marked
``published_how='inferred'`` with the line used as evidence; it is never widened into a guessed
window nor narrowed to a made-up day.  A cue without a year borrows the most common year of the
documents dated by metadata or the user; open windows, out-of-range years (``9999``) and
inferred dates never become that default year.

A figure's as-of date resolves its ``as_of_text`` ("so far", "last November", "by last month",
"a BBC report from January") against its document's date; with no such text it is the
document's date, because a reported figure is current when published unless said otherwise.
Dates are ISO strings; windows are ``start/end``.  Nothing here raises on odd stored values.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Optional

from claimledger.model import Document

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH_RE})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_RE})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?(?!\d)"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))\b", re.I)
YEAR_RE = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
OPEN_REFERENCE = timedelta(days=366)
"""A publication window wider than this cannot anchor relative wording ("last month")."""


# Windows ------------------------------------------------------------------------------------

MIN_YEAR, MAX_YEAR = 1800, 2200
"""Dates outside these years are not news dates (``9999-12-31``, ``0001-01-01``): a stored one is
treated as unknown, so it can never become a default year or overflow date arithmetic."""


def in_range(day: date) -> bool:
    return MIN_YEAR <= day.year <= MAX_YEAR


def parse_window(value: Optional[str]) -> Optional[tuple[date, date]]:
    """``"2025-01-20"``, ``"2025-01-01/2025-01-31"`` or an open ``"2022-01-01/.."`` -> (start, end).

    An open side is ``date.min``/``date.max``; a date outside ``MIN_YEAR..MAX_YEAR``, a reversed
    or fully open window, or anything unparsable gives None (unknown), never an exception.
    """
    if not value or not isinstance(value, str):
        return None
    try:
        if "/" in value:
            a, b = value.split("/", 1)
            start = date.fromisoformat(a.strip()[:10]) if a.strip() != ".." else date.min
            end = date.fromisoformat(b.strip()[:10]) if b.strip() != ".." else date.max
        else:
            start = end = date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
    if start > end or (start == date.min and end == date.max):
        return None
    if (start != date.min and not in_range(start)) or (end != date.max and not in_range(end)):
        return None
    return start, end


def closed_window(value: Optional[str]) -> Optional[tuple[date, date]]:
    """:func:`parse_window` without open sides (None for ``2016-01-01/..``)."""
    window = parse_window(value)
    return window if window and date.min not in window and date.max not in window else None


def format_window(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def midpoint(value: Optional[str]) -> Optional[date]:
    window = closed_window(value)
    if not window:
        return None
    return window[0] + (window[1] - window[0]) / 2


def _month_window(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _last_month_named(month: int, ref: date, strictly_before: bool) -> tuple[date, date]:
    year = ref.year if (month < ref.month or (month == ref.month and not strictly_before)) else ref.year - 1
    return _month_window(year, month)


# Publication dates --------------------------------------------------------------------------

HEAD_LINES = 6
"""Publication cues are looked for in the first lines only: a dateline or a "Published" line."""
PUBLISHED_RE = re.compile(
    r"^\s*(?:first\s+)?(?P<cue>published|posted|updated|last\s+updated|dated?)\b(?:\s+on)?\s*:?\s*(?P<date>.{4,60})$", re.I)
"""A publication line: "Published: 3 March 2025", "Updated March 3, 2025 10:02 GMT"."""
DATE_LINE_RE = re.compile(
    r"^\s*(?:(?:" + "|".join(calendar.day_name) + r"|" + "|".join(calendar.day_abbr) +
    r")\.?,?\s+)?(?P<date>.{6,30}?)(?:\s+\d{1,2}[:.]\d{2}.*)?\s*$", re.I)
"""A line that is only a date (optionally a weekday and a time): the byline date of many sites."""
MONTH_YEAR_RE = re.compile(rf"^\s*(?P<m>{_MONTH_RE})\.?\s+(?P<y>\d{{4}})\b", re.I)


def infer_published(doc: Document, default_year: Optional[int] = None) -> Optional[tuple[str, str]]:
    """(date or window, evidence) from the document's own publication cues, or None.

    Only cues that state when the article was written count: its dateline ("SEOUL, Jan 14
    (Reuters) -", read by :mod:`claimledger.ingest.front_matter`), a publication line
    ("Published: 3 March 2025") or a line that is only a date, within the first ``HEAD_LINES``
    lines.  Dates of events and years the body mentions ("since 2015", "protests in 1989") are
    never a publication date: a story is often about the past.  A cue without a year takes
    ``default_year`` (the year most other documents of the ledger carry) or is not used.  The
    result is a day, or the month's window for "Published March 2025"; never a made-up day.
    """
    dateline, dateline_date = doc.dateline, doc.dateline_date
    if dateline is None:
        from claimledger.ingest.front_matter import read_front_matter  # documents stored before datelines

        found = read_front_matter(doc.text)
        dateline, dateline_date = found.dateline, found.date
    if dateline_date:
        day = _dateline_day(dateline_date, default_year)
        if day:
            note = f" (year {default_year} taken from the other documents)" if dateline_date.startswith("--") else ""
            return day.isoformat(), f"dateline: \u201c{dateline}\u201d{note}"
    for line in doc.text.split("\n", HEAD_LINES)[:HEAD_LINES]:
        line = line.strip()
        if not line or len(line) > 300:
            continue
        for pattern, what in ((PUBLISHED_RE, "publication line"), (DATE_LINE_RE, "date line")):
            match = pattern.match(line)
            if not match:
                continue
            found_date = _cue_date(match.group("date"), default_year)
            if found_date:
                window, borrowed = found_date
                note = f" (year {default_year} taken from the other documents)" if borrowed else ""
                return window, f"{what}: \u201c{line[:200]}\u201d{note}"
    return None


def _dateline_day(value: str, default_year: Optional[int]) -> Optional[date]:
    """``2025-01-14``, or ``--01-14`` with ``default_year``, as a date in range (else None)."""
    try:
        day = date.fromisoformat(f"{default_year:04d}{value[1:]}" if value.startswith("--") and default_year
                                 else value)
    except (ValueError, TypeError):
        return None
    return day if in_range(day) else None


def _cue_date(text: str, default_year: Optional[int]) -> Optional[tuple[str, bool]]:
    """The ISO date (or month window) a cue's date text states, and whether its year was borrowed."""
    match = DATE_RE.match(text.strip())
    if match:
        year_given = bool(match.group("iso") or match.group("y1") or match.group("y2"))
        day = _match_date(match, default_year)
        if day and in_range(day):
            return day.isoformat(), not year_given
        return None
    month_year = MONTH_YEAR_RE.match(text)
    if month_year:
        year = int(month_year.group("y"))
        if MIN_YEAR <= year <= MAX_YEAR:
            return format_window(*_month_window(year, MONTHS[month_year.group("m").lower().rstrip(".")])), False
    return None


def _match_date(match: re.Match, fallback_year: Optional[int]) -> Optional[date]:
    try:
        if match.group("iso"):
            return date.fromisoformat(match.group("iso"))
        month = MONTHS[(match.group("m1") or match.group("m2")).lower().rstrip(".")]
        day = int(match.group("d1") or match.group("d2"))
        year = match.group("y1") or match.group("y2")
        year = int(year) if year else fallback_year
        if not year:
            return None
        return date(year, month, day)
    except (ValueError, KeyError, OverflowError):
        return None


def default_year_of(docs: list[Document]) -> Optional[int]:
    """The most common year among documents dated by metadata, the user or a dateline with its
    year, to a day or a month.

    Open windows, inferred dates and out-of-range values never count, so one odd date cannot
    become everybody's year.
    """
    years = [w[1].year for d in docs if d.published and d.published_how in ("metadata", "user", "dateline")
             and (w := closed_window(d.published)) and (w[1] - w[0]).days <= 31]
    return max(sorted(set(years)), key=years.count) if years else None


def date_documents(docs: list[Document]) -> None:
    """Give every document a ``published`` value when its metadata or text allows it (in place).

    A date inferred from the text is re-derived on every run (rules improve, and the default year
    may change); an inferred date from elsewhere (a WARC capture date) is kept when it is valid.
    A stored date that is out of range or open is dropped rather than used.
    """
    default_year = default_year_of(docs)
    for doc in docs:
        if doc.published and doc.published_how != "inferred":
            if not doc.published_how:
                doc.published_how = "metadata"
            continue
        inferred = infer_published(doc, default_year)
        if inferred:
            doc.published, doc.published_evidence = inferred
            doc.published_how = "inferred"
        elif doc.published and not (closed_window(doc.published)
                                    and (doc.published_evidence or "").startswith(KEPT_INFERRED)):
            doc.published = doc.published_how = doc.published_evidence = None


KEPT_INFERRED = ("capture date",)
"""Evidence prefixes of inferred dates made at ingest (WARC capture dates), kept as they are."""


# As-of dates --------------------------------------------------------------------------------

def resolve_as_of(as_of_text: Optional[str], published: Optional[str]) -> Optional[str]:
    """The date or window a figure refers to, resolved against the document's date (None when unknown).

    Never raises: "February 29" a year back or "999999 days ago" resolve to None, not an error.
    """
    try:
        resolved = _resolve_as_of(as_of_text, published)
    except (ValueError, OverflowError):
        return None
    return resolved if resolved is None or parse_window(resolved) else None


def _resolve_as_of(as_of_text: Optional[str], published: Optional[str]) -> Optional[str]:
    window = closed_window(published)
    if not window:
        return None
    if not as_of_text:
        return format_window(*window)
    if window[1] - window[0] > OPEN_REFERENCE:
        return None                                  # "last month" of an open window is unknown
    ref = window[1]
    text = as_of_text.lower()
    explicit = DATE_RE.search(as_of_text)
    if explicit:
        found = _match_date(explicit, ref.year)
        if found:
            if found > ref and not explicit.group("y1") and not explicit.group("y2"):
                found = found.replace(year=found.year - 1)
            return found.isoformat()
    year = YEAR_RE.search(text)
    if year and not re.search(r"\b(years?|months?)\b", text):
        y = int(year.group(1))
        month = _month_in(text)
        return format_window(*_month_window(y, month)) if month else format_window(date(y, 1, 1), date(y, 12, 31))
    if re.search(r"\blast month\b|\bprevious month\b", text):
        first = ref.replace(day=1) - timedelta(days=1)
        return format_window(*_month_window(first.year, first.month))
    if re.search(r"\bthis month\b", text):
        return format_window(ref.replace(day=1), ref)
    if re.search(r"\blast year\b|\bprevious year\b", text):
        return format_window(date(ref.year - 1, 1, 1), date(ref.year - 1, 12, 31))
    if re.search(r"\bthis year\b", text):
        return format_window(date(ref.year, 1, 1), ref)
    if re.search(r"\blast week\b", text):
        return format_window(ref - timedelta(days=13), ref - timedelta(days=7))
    if re.search(r"\byesterday\b", text):
        return (ref - timedelta(days=1)).isoformat()
    ago = re.search(r"\b(\w+) (day|week|month|year)s? ago\b", text)
    if ago:
        n = _number_word(ago.group(1))
        if n:
            days = {"day": 1, "week": 7, "month": 30, "year": 365}[ago.group(2)] * n
            return (ref - timedelta(days=days)).isoformat()
    for season, (first, last) in SEASONS.items():
        if re.search(rf"\b{season}\b", text):
            year = ref.year if ref.month > last and first <= last else ref.year - 1
            if "this" in text:
                year = ref.year
            start = date(year, first, 1)
            end_year = year + 1 if last < first else year
            return format_window(start, _month_window(end_year, last)[1])
    month = _month_in(text)
    if month:
        return format_window(*_last_month_named(month, ref, strictly_before="last" in text))
    for name, weekday in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", text):
            back = (ref.weekday() - weekday) % 7 or 7
            return (ref - timedelta(days=back)).isoformat()
    return published


def _month_in(text: str) -> Optional[int]:
    for word in re.findall(r"[a-z]+", text):
        if word in MONTHS and (len(word) > 3 or word in {"may", "june", "july"}):
            if word == "may" and not re.search(r"\b(in|last|since|by|from|of|early|late|mid) may\b", text):
                continue
            return MONTHS[word]
    return None


def _number_word(word: str) -> Optional[int]:
    words = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3}
    return int(word) if word.isdigit() else words.get(word)


def date_figures(docs: list[Document]) -> None:
    """Fill ``Figure.as_of`` for every figure of every dated document (in place)."""
    for doc in docs:
        for fig in doc.figures:
            fig.as_of = resolve_as_of(fig.as_of_text, doc.published) or fig.as_of
