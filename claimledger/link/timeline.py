"""Order figures in time from what the text says, when calendar dates are missing.

Many articles carry no publication date, so their figures cannot be placed on a calendar; the
wording still orders them: "last year" is before "last month", which is before "so far" or an
unqualified (present) figure.  :func:`months_ago` turns an as-of wording into an approximate
distance before the article's own date (0 = the present of the article), comparable only
*within* one article or between two articles that are each about their own present.

Change language around a figure ("has increased to", "rose to", "now", "up from") marks it as
an *update* of an earlier estimate (:func:`update_direction`); the figure after "up from" /
"down from" is that earlier estimate (:func:`is_earlier_value`).
"""

from __future__ import annotations

import re
from typing import Optional

from claimledger.link.dates import MONTHS
from claimledger.model import Document, Figure

UP = re.compile(r"\b(?:has|have|had)?\s*(?:increased|risen|rose|grown|grew|climbed|jumped|swelled|soared|surged|"
                r"doubled|tripled|mounted|ballooned|expanded|edged up|crept up)\b|\bup to now\b", re.I)
DOWN = re.compile(r"\b(?:decreased|declined|fallen|fell|dropped|shrunk|shrank|plunged|slipped|dwindled|"
                  r"eased|halved)\b", re.I)
NEUTRAL = re.compile(r"\b(?:now|currently|has reached|have reached|reached|revised|updated|latest|new (?:toll|count|"
                     r"figure|estimate|tally))\b", re.I)
_EARLIER = r"(?:earlier|previous|initial|original|first|last|old)"
_TALLY = r"(?:estimate|figure|count|toll|total|tally|number)"
FROM_EARLIER = re.compile(rf"\b(?:from|compared (?:with|to))(?:\s+(?:an?|the))?(?:\s+{_EARLIER})?(?:\s+{_TALLY})?"
                          rf"(?:\s+of)?\s*$", re.I)
EARLIER_TALLY = re.compile(rf"\b{_EARLIER}\s+(?:official\s+)?{_TALLY}\s+(?:of\s+)?$", re.I)
CHANGE = re.compile(r"\b(?:compared|up|down|rising|falling|increas\w*|decreas\w*|rose|fell|risen|fallen|grew|grown|"
                    r"climbed|dropped|earlier|previous|initial)\b", re.I)
UPDATE_WINDOW = 60
"""Characters before the figure searched for change words ("has increased to more than")."""

PRESENT = re.compile(r"\b(so far|to date|now|currently|as of now|at present|this week|today|yet)\b", re.I)
_UNITS_AGO = {"day": 1 / 30, "week": 0.25, "month": 1.0, "year": 12.0}


def months_ago(as_of_text: Optional[str]) -> Optional[float]:
    """How long before the article's own date the wording places a figure, in months.

    0 for the present ("so far", no wording at all); None when the wording gives no order
    ("since their deployment", a bare month whose year is unknown).  Larger is earlier.
    """
    if not as_of_text:
        return 0.0
    text = as_of_text.lower()
    if PRESENT.search(text):
        return 0.0
    ago = re.search(r"\b(\w+) (day|week|month|year)s? ago\b", text)
    if ago:
        n = int(ago.group(1)) if ago.group(1).isdigit() else {"a": 1, "one": 1, "two": 2, "three": 3, "few": 3,
                                                               "several": 3}.get(ago.group(1))
        return n * _UNITS_AGO[ago.group(2)] if n else None
    if re.search(r"\b(last|previous|past) year\b|\ba year earlier\b", text):
        return 12.0
    if re.search(r"\b(last|previous|past) month\b|\ba month earlier\b", text):
        return 1.0
    if re.search(r"\b(last|previous|past) week\b", text):
        return 0.25
    if re.search(r"\byesterday\b", text):
        return 1 / 30
    if re.search(r"\b(last|previous) (summer|winter|spring|autumn|fall)\b", text):
        return 6.0
    named = [MONTHS[w] for w in re.findall(r"[a-z]+", text) if w in MONTHS and len(w) > 3]
    if named and re.search(r"\blast\b", text):
        return 6.0                                   # "last November": months back, order by name below
    return None


def month_named(as_of_text: Optional[str]) -> Optional[int]:
    """The calendar month an as-of wording names ("last November" -> 11, "by December" -> 12)."""
    if not as_of_text:
        return None
    for w in re.findall(r"[a-z]+", as_of_text.lower()):
        if w in MONTHS and (len(w) > 3 or w in {"june", "july"}):
            return MONTHS[w]
    return None


def order_in_document(a: Figure, b: Figure) -> int:
    """-1 when ``a`` is earlier than ``b`` by their wording, 1 when later, 0 when unknown/same.

    "last November" < "by December" (months named in one article are a running sequence,
    and "last" pushes one further back), "last year" < "last month" < "so far".
    """
    ma, mb = month_named(a.as_of_text), month_named(b.as_of_text)
    if ma and mb and ma != mb:
        la = bool(re.search(r"\blast\b", a.as_of_text or "", re.I))
        lb = bool(re.search(r"\blast\b", b.as_of_text or "", re.I))
        if la != lb:
            return -1 if la else 1
        return -1 if ma < mb else 1
    ra, rb = months_ago(a.as_of_text), months_ago(b.as_of_text)
    if ra is None or rb is None or ra == rb:
        return 0
    return -1 if ra > rb else 1


def update_direction(doc: Document, fig: Figure) -> Optional[str]:
    """"up" / "down" / "any" when change words just before the figure mark it as an update of an
    earlier estimate ("has increased to more than 15,000", "now stands at"), else None."""
    left = doc.text[max(fig.sentence_start, fig.start - UPDATE_WINDOW):fig.start]
    if is_earlier_value(doc, fig):
        return None
    clause = re.split(r"[;,:]\s", left)[-1] if not re.search(r"\b(to|at)\s*\S*\s*$", left) else left
    if UP.search(clause):
        return "up"
    if DOWN.search(clause):
        return "down"
    sentence = doc.text[fig.sentence_start:fig.sentence_end] if fig.sentence_end > fig.sentence_start else left
    right = re.split(r"[,;:.]", doc.text[fig.end:fig.end + UPDATE_WINDOW])[0]
    if re.search(r"\b(?:is|are|was|were|stands?|stood)\s+now\b|\bnow\s+(?:stands?|deployed|working|in)\b", right, re.I):
        return "any"                             # "650 firefighters are now deployed"
    if NEUTRAL.search(left) or re.search(r"\b(up|down) from\b", sentence[fig.end - fig.sentence_start:], re.I):
        rest = sentence[fig.end - fig.sentence_start:]
        if re.search(r"\bup from\b", rest, re.I):
            return "up"
        if re.search(r"\bdown from\b", rest, re.I):
            return "down"
        return "any"
    return None


def is_earlier_value(doc: Document, fig: Figure) -> bool:
    """The figure after "up from", "compared with" (in a sentence about change) or "the first
    estimate of" is the older value."""
    left = doc.text[max(fig.sentence_start, fig.start - UPDATE_WINDOW):fig.start]
    if EARLIER_TALLY.search(left):
        return True                              # "the first estimate of 1,200"
    return bool(FROM_EARLIER.search(left)) and bool(CHANGE.search(doc.text[fig.sentence_start:fig.start]))
