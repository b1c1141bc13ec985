"""Metadata an article states about itself: bylines, outlet tags and datelines.

Plain-text and pasted articles often carry no metadata but say who wrote them and where and
when they were filed, in a handful of conventional forms::

    By Rhea Castell, Coastal Times          author + outlet
    By Ana Ruiz and Ken Obi                 authors
    (Northbridge Herald)                    outlet tag, alone or opening a paragraph
    SEOUL, Jan 14 (Reuters) - ...           dateline: place, date, agency
    WASHINGTON (AP) — ...                   dateline: place, agency
    (Reporting by Ana Ruiz; Editing by ...) wire-style credit line: author

Only the first lines of the article are searched (credit lines anywhere), and only fields the
file's own metadata left empty are filled.  A dateline's date is kept as written in
``Document.dateline`` and as an ISO value in ``Document.dateline_date``: ``2025-01-14`` when the
year is given, the partial ``--01-14`` when it is not; turning a partial date into a
publication date (which year?) is the job of :mod:`claimledger.link.dates`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Optional

from ..model import Document
from ..vocab import words as _vocab

HEAD_LINES = 8
"""Bylines, tags and datelines sit above or at the start of the body."""

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH_RE = "(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_DASH = r"(?:-{1,2}|[–—―]|:)"
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:de|da|van|von|der|del|la|le|bin|al|el|ibn|di|du|dos)(?=\s))"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"

DATE_TEXT = re.compile(
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH_RE})\.?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH_RE})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?)(?![\w])")

BYLINE = re.compile(r"^\s*by\s+(?P<rest>[A-Z].{1,160}?)\s*$", re.I)
OUTLET_TAG = re.compile(rf"^\s*\((?P<outlet>[A-Z][^()\n]{{1,60}})\)\s*(?:{_DASH}\s*|$)")
DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]*){{0,3}}"       # SEOUL, NEW YORK, PORT-AU-PRINCE, Seoul
    rf"(?:,\s*(?!(?:{_MONTH_RE})\.?\s+\d|[A-Z]\w+day\b)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})?)"  # , Ukraine
    rf"(?:,\s*(?P<date>(?:[A-Z]\w+day,?\s+)?{DATE_TEXT.pattern}))?"
    rf"\s*(?:\((?P<agency>[A-Z][^()\n]{{1,40}})\)|/(?P<wire>[A-Z][^/\n]{{1,40}})/)?"
    rf"\s*{_DASH}\s+(?=\S)")
CREDIT = re.compile(r"\((?:reporting|writing|additional reporting) by (?P<names>[^;)]{3,120})", re.I)


@dataclass
class FrontMatter:
    """What the text says about itself; every field may be missing."""

    author: Optional[str] = None
    outlet: Optional[str] = None
    dateline: Optional[str] = None        # as written: "SEOUL, Jan 14 (Reuters)"
    place: Optional[str] = None           # "Seoul"
    date: Optional[str] = None            # "2025-01-14", or "--01-14" without a year


def read_front_matter(text: str) -> FrontMatter:
    """Byline, outlet tag and dateline from the first lines of ``text``; credit lines anywhere."""
    found = FrontMatter()
    for line in text.split("\n", HEAD_LINES)[:HEAD_LINES]:
        line = line.strip()
        if not line:
            continue
        if found.author is None and (byline := BYLINE.match(line)):
            names, outlet = split_byline(byline.group("rest"))
            if names:
                found.author = names
                found.outlet = found.outlet or outlet
                continue
        if found.outlet is None and (tag := OUTLET_TAG.match(line)) and _is_name(tag.group("outlet")):
            found.outlet = tag.group("outlet").strip()
            line = line[tag.end():]
        if found.dateline is None and (dateline := _dateline(line)):
            found.dateline, found.place, found.date, agency = dateline
            found.outlet = found.outlet or agency
    if found.author is None and (credit := CREDIT.search(text)):
        found.author = _names(credit.group("names"))
    return found


def split_byline(rest: str) -> tuple[Optional[str], Optional[str]]:
    """ "Rhea Castell, Coastal Times" -> ("Rhea Castell", "Coastal Times"); roles are dropped."""
    rest = re.split(r"\s+[|•·]\s+", rest)[0]            # "| Published 3 May" and the like
    outlet = None
    if (m := re.search(r"\s+(?:for|of)\s+(?P<outlet>(?:the\s+)?[A-Z].*)$", rest)) and _is_outlet(m.group("outlet")):
        outlet, rest = m.group("outlet"), rest[:m.start()]
    parts = [p.strip() for p in re.split(r",|\s+[-–—]\s+", rest) if p.strip()]
    names: list[str] = []
    for part in parts:
        role_free = _strip_role(_after_role(part))
        if role_free is None:
            continue                                      # "Staff Writer"
        if names and _is_outlet(role_free):
            outlet = outlet or role_free                  # "Coastal Times", "Coastal Times correspondent"
        elif _is_person_list(role_free):
            names.append(role_free)
        else:
            break
    return (_names(", ".join(names)) if names else None), outlet


def _after_role(part: str) -> str:
    """What follows a leading job title: "Chief Correspondent Coastal Times" -> "Coastal Times"."""
    lowered = part.lower()
    cut = 0
    for role in _vocab("byline_roles"):
        for m in re.finditer(r"\b" + re.escape(role) + r"s?\b", lowered):
            if m.end() < len(part):
                cut = max(cut, m.end())
    rest = part[cut:].strip()
    return rest if cut and _is_outlet(rest) else part


def _strip_role(part: str) -> Optional[str]:
    """``part`` without a trailing job word; None when it is only a job."""
    lowered = part.lower()
    for role in sorted(_vocab("byline_roles"), key=len, reverse=True):
        for written in (role, role + "s"):
            if lowered == written:
                return None
            if lowered.endswith(" " + written):
                return part[: len(part) - len(written)].strip()
    return part


def _is_outlet(name: str) -> bool:
    words = [w.strip(".,'’").lower() for w in name.split()]
    return bool(words) and _is_name(name) and (words[0] == "the" or any(w in _vocab("outlet_words") for w in words))


def _is_name(text: str) -> bool:
    """Capitalised words (small joiners allowed), not a sentence."""
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    return len(capitalised) >= max(1, len(words) - 2) and not text.rstrip().endswith((".", "!", "?"))


def _is_person_list(text: str) -> bool:
    people = [p for p in re.split(r"\s+(?:and|&)\s+", text) if p]
    return all(re.fullmatch(_NAME, p.strip()) and len(p.split()) >= 2 for p in people)


def _names(text: str) -> str:
    """Authors as a reader writes them: "RHEA CASTELL" -> "Rhea Castell"; "A, B and C" kept."""
    text = " ".join(text.split()).strip(" ,;")
    return _title_case(text) if re.sub(r"\s(?:and|&)\s", " ", text).isupper() else text


def _title_case(text: str) -> str:
    """ "PORT-AU-PRINCE" -> "Port-Au-Prince"; joiners ("and", "de") stay lower case."""
    def word(m: re.Match) -> str:
        w = m.group(0)
        return w if w in _JOINERS else w.capitalize()
    titled = re.sub(r"[^\W\d_]+(?:['’][^\W\d_]+)?", word, text.lower())
    return titled[:1].upper() + titled[1:]


_JOINERS = frozenset({"and", "de", "da", "van", "von", "der", "del", "la", "le", "bin", "al", "el", "di", "du", "dos"})


def _dateline(line: str) -> Optional[tuple[str, str, Optional[str], Optional[str]]]:
    """(as written, place, ISO or partial date, agency) when ``line`` opens with a dateline."""
    match = DATELINE.match(line)
    if not match:
        return None
    place = match.group("place")
    city = place.split(",")[0]
    agency = match.group("agency") or match.group("wire")
    if not city.isupper() and not (agency or match.group("date")):
        return None                                       # "Officials - ..." is not a dateline
    if city.isupper() and len(city.replace(".", "")) < 3 and not agency:
        return None                                       # "US - ..." heading, not a place
    if " ".join(city.lower().split()) in _vocab("dateline_labels"):
        return None                                       # "UPDATE: ...", "EXCLUSIVE —"
    date = _iso(match.group("date")) if match.group("date") else None
    written = line[match.start("place"):match.end()].rstrip(" -–—―:").strip()
    pretty = ", ".join(_title_case(p.strip()) if p.strip().isupper() else p.strip() for p in place.split(","))
    return written, pretty, date, (agency.strip() if agency else None)


def _iso(text: str) -> Optional[str]:
    match = DATE_TEXT.search(text)
    if not match:
        return None
    month = _MONTHS[(match.group("m1") or match.group("m2")).lower().rstrip(".")]
    day = int(match.group("d1") or match.group("d2"))
    year = match.group("y1") or match.group("y2")
    if not 1 <= day <= calendar.monthrange(int(year) if year else 2000, month)[1]:
        return None
    return f"{int(year):04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def apply_front_matter(doc: Document) -> Document:
    """Fill the document's empty author/outlet/dateline fields from its text (in place)."""
    found = read_front_matter(doc.text)
    doc.author = doc.author or found.author
    doc.outlet = doc.outlet or found.outlet
    if found.dateline:
        doc.dateline, doc.dateline_place, doc.dateline_date = found.dateline, found.place, found.date
        if not doc.published and found.date:
            doc.published_how = "dateline"
            doc.published_evidence = f"dateline: {found.dateline}"
            if not found.date.startswith("--"):
                doc.published = found.date
    return doc
