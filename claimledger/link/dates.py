"""Publication dates and as-of dates of figures.

A document's date comes from metadata or the user when present.  Otherwise it is inferred
from the text: explicit dates in past-tense sentences are lower bounds ("was signed on
March 3, 2024"), dates in future sentences are upper bounds ("will be inaugurated on
January 20"); a date without a year borrows the year of the other documents of the set or
a year named in the same sentence; without either it is not used (a story's text often
names only past years: "since joining the army in 2014").  The result is an ISO window ``start/end`` marked
``published_how='inferred'`` with the sentences used as evidence.

A figure's as-of date resolves its ``as_of_text`` ("so far", "last November", "by last month",
"a BBC report from January") against its document's date; with no such text it is the
document's date, because a reported figure is current when published unless said otherwise.
Dates are ISO strings; windows are ``start/end``.
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
FUTURE_CUES = re.compile(
    r"\b(will|shall|is to|are to|is set to|are set to|scheduled|expected to|due to|upcoming|"
    r"plans? to|is going to|next)\b", re.I)
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH_RE})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_RE})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?(?!\d)"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))\b", re.I)
YEAR_RE = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
OPEN_REFERENCE = timedelta(days=366)
"""A publication window wider than this cannot anchor relative wording ("last month")."""
GUESS_SPAN = timedelta(days=45)
"""How far an inferred window reaches on its open side (a news story is about recent events)."""


# Windows ------------------------------------------------------------------------------------

def parse_window(value: Optional[str]) -> Optional[tuple[date, date]]:
    """``"2025-01-20"``, ``"2025-01-01/2025-01-31"`` or an open ``"2022-01-01/.."`` -> (start, end)."""
    if not value:
        return None
    try:
        if "/" in value:
            a, b = value.split("/", 1)
            return (date.fromisoformat(a[:10]) if a != ".." else date.min,
                    date.fromisoformat(b[:10]) if b != ".." else date.max)
        d = date.fromisoformat(value[:10])
        return d, d
    except ValueError:
        return None


def format_window(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def midpoint(value: Optional[str]) -> Optional[date]:
    window = parse_window(value)
    if not window or date.min in window or date.max in window:
        return None
    return window[0] + (window[1] - window[0]) / 2


def _month_window(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _last_month_named(month: int, ref: date, strictly_before: bool) -> tuple[date, date]:
    year = ref.year if (month < ref.month or (month == ref.month and not strictly_before)) else ref.year - 1
    return _month_window(year, month)


# Publication dates --------------------------------------------------------------------------

def infer_published(doc: Document, default_year: Optional[int] = None) -> Optional[tuple[str, str]]:
    """(window, evidence) for a document without a date, or None when the text has no clue.

    Clues, each kept as evidence: a dated event told in the past is a lower bound, one told in
    the future ("will be inaugurated on January 20") an upper bound; a weekday named with a
    date that falls on it ("on Sunday, March 9, 2025") puts publication within the week after
    it (news names weekdays only for the last few days); a year mentioned in the past ("since
    2022") is a lower bound on January 1 of that year.  A date window from day-precise clues
    only reaches ``GUESS_SPAN`` past the latest event on its open side (a news story is about
    recent events, said in the evidence); from a year alone it stays open (``2022-01-01/..``).
    """
    text = doc.text
    years_said = _past_years(text)
    lower: list[tuple[date, str]] = []
    upper: list[tuple[date, str]] = []
    precise: set[date] = set()
    for match in DATE_RE.finditer(text):
        sentence = _sentence_around(text, match.start(), match.end())
        years = [int(y) for y in YEAR_RE.findall(sentence)]
        found = _match_date(match, default_year or (max(years) if years else None))
        weekday = _weekday_near(text, match)
        if not found and weekday is not None and years_said:
            found = _year_from_weekday(match, weekday, max(y for y, _ in years_said))
        if not found:
            continue
        before = text[max(0, match.start() - 80):match.start()]
        future = bool(FUTURE_CUES.search(before.split(".")[-1])) or bool(
            FUTURE_CUES.search(sentence) and not re.search(r"\b(said|announced|was|were|had)\b", before[-30:]))
        if future:
            upper.append((found, sentence))
            continue
        lower.append((found, sentence))
        precise.add(found)
        if weekday is not None and weekday == found.weekday():
            upper.append((found + timedelta(days=6), sentence))
    lower += [(date(y, 1, 1), sentence) for y, sentence in years_said]
    if not lower and not upper:
        return None
    start = max(d for d, _ in lower) if lower else None
    end = min(d for d, _ in upper) if upper else None
    if start and end and start > end:
        end = None                                   # inconsistent clues: trust the past
    evidence = [sent for d, sent in sorted(lower + upper) if d in (start, end)]
    note = ""
    if start is None:
        start = end - GUESS_SPAN
        note = f" (assumed written within {GUESS_SPAN.days} days before the first event it announces)"
    if end is None:
        if start not in precise:
            return f"{start.isoformat()}/..", " | ".join(dict.fromkeys(evidence))[:500]
        end = start + GUESS_SPAN
        note = f" (assumed written within {GUESS_SPAN.days} days after the latest event it dates)"
    return format_window(start, end), (" | ".join(dict.fromkeys(evidence)) + note)[:500]


WEEKDAY_RE = re.compile(r"\b(" + "|".join(calendar.day_name) + r")\b,?\s*$", re.I)


def _weekday_near(text: str, match: re.Match) -> Optional[int]:
    """The weekday written just before a date ("on Sunday, March 9")."""
    found = WEEKDAY_RE.search(text[max(0, match.start() - 14):match.start()])
    return WEEKDAYS[found.group(1).lower()] if found else None


def _year_from_weekday(match: re.Match, weekday: int, not_before: int) -> Optional[date]:
    """ "Sunday, March 9" with no year: the first year from ``not_before`` in which that day is
    a Sunday, when no other year within the next six has it too (else it stays unknown)."""
    fits = [d for y in range(not_before, not_before + 7) if (d := _match_date(match, y)) and d.weekday() == weekday]
    return fits[0] if len(fits) == 1 else None


def _past_years(text: str) -> list[tuple[int, str]]:
    """Years the text mentions outside future sentences ("since 2014", "circa 2022")."""
    out = []
    for match in YEAR_RE.finditer(text):
        sentence = _sentence_around(text, match.start(), match.end())
        before = text[max(0, match.start() - 60):match.start()]
        if FUTURE_CUES.search(before.split(".")[-1]) or re.search(r"\b(by|until|before|in)\s+$", before) \
                and FUTURE_CUES.search(sentence):
            continue
        if re.match(r"\s*(?:-|–|to)\s*\d{4}", text[match.end():match.end() + 8]):
            continue                                 # "2025-2030": a plan, not a past year
        snippet = " ".join(text[max(0, match.start() - 60):match.end() + 40].split())
        out.append((int(match.group(1)), f"mentions {match.group(1)} as past: “…{snippet}…”"))
    return out


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
    except (ValueError, KeyError):
        return None


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left:right].strip()


def date_documents(docs: list[Document]) -> None:
    """Give every document a ``published`` value when the text allows it (in place)."""
    known_years = [w[1].year for d in docs if d.published and (w := parse_window(d.published))]
    default_year = max(set(known_years), key=known_years.count) if known_years else None
    for doc in docs:
        if doc.published:
            if not doc.published_how:
                doc.published_how = "metadata"
            continue
        inferred = infer_published(doc, default_year)
        if inferred:
            doc.published, doc.published_evidence = inferred
            doc.published_how = "inferred"


# As-of dates --------------------------------------------------------------------------------

def resolve_as_of(as_of_text: Optional[str], published: Optional[str]) -> Optional[str]:
    """The date or window a figure refers to, resolved against the document's date."""
    window = parse_window(published)
    if not window:
        return None
    if not as_of_text:
        return published
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
