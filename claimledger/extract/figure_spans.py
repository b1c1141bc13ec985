"""Number spans for the figures stage: which tokens form one number, its range, currency and unit.

Works on the spaCy tokens: runs of digits and number words are joined (``two hundred and
fifty``, ``5-10,000``, ``tens of thousands``), ranges are merged even when each end carries its
unit (``between 5% and 6%``, ``from $750,000 to $1 million``), a currency before the number
(``$``, ``US$``, ``USD10m``, ``RM23.50``) and a unit after it (``km``, ``640bhp``, ``per barrel``) are
read, and a glued scale letter is a scale when it counts money or things (``£45m``, ``35m viewers``)
but metres otherwise (``100m``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from claimledger.extract import numbers as num
from claimledger.extract import units as un
from claimledger.model import Figure
from claimledger.extract.sentence_index import token_sentence
from claimledger.vocab import words

UP_LEMMAS = {"rise", "increase", "grow", "climb", "jump", "gain", "surge", "soar", "up", "raise",
             "boost", "add", "rally", "expand", "advance", "widen", "higher", "leap", "rebound", "spike",
             "swell", "balloon", "rocket", "skyrocket"}


DOWN_LEMMAS = {"fall", "drop", "decline", "decrease", "cut", "reduce", "slide", "shrink", "plunge",
               "down", "slip", "sink", "tumble", "lower", "dip", "ease", "lose", "slash", "narrow",
               "lower", "retreat", "plummet", "slump", "sag", "crash", "skid", "shed"}


@dataclass
class Found:
    """A number span while it is being interpreted (token indices into the parse)."""

    start: int                        # first token of the figure text (currency symbol included)
    end: int                          # one past the last token (unit included)
    num_start: int
    num_end: int
    number: num.Number
    kind: str = "figure"
    unit: Optional[str] = None
    unit_text: Optional[str] = None
    unit_end: int = 0                 # one past the unit's last token
    qualifier: str = "exact"
    qualifier_text: Optional[str] = None
    figure: Optional[Figure] = None
    extra: dict = field(default_factory=dict)


CLOCK = re.compile(r"^\d{1,2}:\d{2}$")

DOT_CLOCK = re.compile(r"^\d{1,2}\.\d{2}$")

DIGITISH = re.compile(r"^[+-]?\.?\d")

_GLUED_UNIT = re.compile(r"^([+-]?\d[\d,]*(?:\.\d+)?)([a-zµ°/]+\d?)$", re.I)

FRACTION_LEAD = {"a", "an", "one", "nearly", "almost", "about", "around", "roughly", "some", "over",
                 "than", "just", "in", "by", "approximately", "only", "least", "two", "three", "four"}
"""Words that make 'half' / 'third' / 'quarter' a number (not 'the fourth quarter', 'this half')."""

ORDINAL_FRACTIONS = {"third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
"""Fraction words that are also ordinals: before a noun ("a fourth victim") they rank, not share."""

_GLUED_CURRENCY = re.compile(r"^([A-Za-z]{1,3}\$?|[$€£¥₹])(\d[\d,]*(?:\.\d+)?(?:[kmb]n?|bn|mn)?)$")


def glued_currency(text: str) -> Optional[tuple[str, str]]:
    """``USD10m``, ``RM23.50``, ``NZ$8``, ``US160`` (after ``$``) → (ISO code, currency prefix)."""
    match = _GLUED_CURRENCY.match(text)
    if not match:
        return None
    prefix = match.group(1)
    code = un.currency_before(prefix) if len(prefix) > 1 or not prefix.isalpha() else None
    if code is None and prefix.isalpha() and prefix.isupper():
        code = {"US": "USD", "NZ": "NZD", "HK": "HKD"}.get(prefix)
    if code is None or num.parse_digits(match.group(2)) is None:
        return None
    return code, prefix


def glued_unit(text: str) -> Optional[tuple[str, str, str]]:
    """``640bhp`` → ("640", "bhp", unit code); None unless the letters are a known unit."""
    match = _GLUED_UNIT.match(text)
    if not match or match.group(2).lower() in num.SUFFIX_SCALES:
        return None
    found = un.unit_after([match.group(2)], glued=True)
    if not found:
        return None
    return match.group(1), match.group(2), found[0]


_PREFIXED = re.compile(r"^(sub-|minus-|~|magnitude-)(\d[\d,]*(?:\.\d+)?)$", re.I)
"""``sub-7`` (below 7), ``minus-130`` (-130), ``~1.2`` (about 1.2): a number glued to a mark that bounds
or signs it."""


def _is_numeric(tok: Token) -> bool:
    text = tok.lower_
    if _PREFIXED.match(text):
        return True
    if DIGITISH.match(text):
        return num.parse_digits(text) is not None or glued_unit(tok.text) is not None or bool(CLOCK.match(text))
    if text[:1].isalpha() and glued_currency(tok.text):
        return True
    if text in num.FRACTIONS:
        doc = tok.doc
        prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        if tok.text[:1].isupper() and not tok.is_sent_start and prev not in ('"', "“", "(", ":"):
            return False   # "the Fourth of July", "Third Way": a name, not a share
        if nxt in ("a", "an", "million", "billion", "thousand") and text in ("half", "quarter", "third"):
            return True   # "half a million", "a quarter million"
        if tok.is_sent_start or prev in ('"', "“", "(", ":"):
            return nxt in ("of", "the", "their", "its", "his", "her", "our", "all")
        if prev in ("a", "an") and text in ORDINAL_FRACTIONS and tok.i + 1 < len(doc) \
                and doc[tok.i + 1].pos_ in ("NOUN", "ADJ", "PROPN") and nxt != "of":
            return False   # "a fourth victim", "a third straight year": an ordinal, not a share
        return prev in FRACTION_LEAD or (nxt == "of" and prev not in ("the", "this", "that", "first", "second"))
    if text == "tens":
        doc = tok.doc
        return tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and doc[tok.i + 2].lower_ in num.VAGUE
    if text == "zero" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "sub":
        return False   # "sub-zero temperatures": an adjective, no figure
    return num.is_number_word(text) and text not in ("second", "seconds")


def _number_runs(parsed: SpacyDoc) -> list[tuple[int, int]]:
    """Token index runs that read as one number (``two hundred and fifty``, ``5-10,000``)."""
    runs, i, n = [], 0, len(parsed)
    while i < n:
        tok = parsed[i]
        starts_with_a = tok.lower_ in ("a", "an") and i + 1 < n and parsed[i + 1].lower_ in (
            set(num.SCALES) | set(num.FRACTIONS) | {"half"})
        if not (_is_numeric(tok) or starts_with_a):
            i += 1
            continue
        j = i + 1
        while j < n:
            t = parsed[j]
            if t.is_space:
                break
            if glued_unit(parsed[j - 1].text):
                break
            if _is_numeric(t) and not (DIGITISH.match(t.text) and (
                    DIGITISH.match(parsed[j - 1].text) or parsed[j - 1].lower_ in num.ONES or parsed[j - 1].lower_ in num.TENS)):
                j += 1
            elif t.text in ("-", "–") and not parsed[j - 1].whitespace_ and not t.whitespace_ and j + 1 < n \
                    and parsed[j - 1].is_alpha and parsed[j + 1].is_alpha and _is_numeric(parsed[j + 1]):
                j += 1
            elif t.lower_ == "and" and j + 1 < n and _continues_number(parsed[j - 1], parsed[j + 1]):
                j += 1
            elif t.lower_ == "of" and parsed[j - 1].lower_ in ("tens", "hundreds", "thousands", "dozens") and \
                    j + 1 < n and parsed[j + 1].lower_ in num.VAGUE:
                j += 1
            elif t.lower_ in ("a", "an") and parsed[j - 1].lower_ == "and" and j + 1 < n and \
                    parsed[j + 1].lower_ in num.FRACTIONS:
                j += 1
            elif t.lower_ in ("a", "an", "of") and parsed[j - 1].lower_ in num.FRACTIONS and j + 1 < n and \
                    parsed[j + 1].lower_ in ("a", "million", "billion", "thousand"):
                j += 1   # "half a million", "three quarters of a million"
            elif t.lower_ in ("a", "an") and parsed[j - 1].lower_ == "of" and j >= 2 and \
                    parsed[j - 2].lower_ in num.FRACTIONS and j + 1 < n and \
                    parsed[j + 1].lower_ in ("million", "billion", "thousand"):
                j += 1
            elif DIGITISH.match(t.text) and "/" in t.text and DIGITISH.match(parsed[j - 1].text) \
                    and num.parse_digits(t.text) is not None and num.parse_digits(t.text) < 1:
                j += 1   # "7 3/4"
            else:
                break
        while j > i + 1 and parsed[j - 1].lower_ in ("and", "of", "a", "an"):
            j -= 1
        runs.append((i, j))
        i = j
    return runs


def _continues_number(before: Token, after: Token) -> bool:
    """``two hundred and fifty``, ``one and a half``: 'and' inside a written number."""
    b, a = before.lower_, after.lower_
    if b in ("thousand", "million", "billion") and DIGITISH.match(a):   # "one million and 120,000"
        value = num.parse_digits(a)
        if value is not None and 0 < value < num.SCALES[b] and after.i + 1 < len(after.doc) \
                and not after.doc[after.i + 1].like_num:
            return True
    return (b in ("hundred", "thousand", "million") and (a in num.ONES or a in num.TENS or "-" in a)) or (
        a in ("a", "an") and (b in num.ONES or DIGITISH.match(b) is not None))


def _merge_ranges(parsed: SpacyDoc, runs: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Join ``5 - 10,000``, ``5 to 10 million``, ``between 500 and 800`` into one range run."""
    out: list[tuple[int, int, bool]] = []
    k = 0
    while k < len(runs):
        s, e = runs[k]
        if k + 1 < len(runs):
            s2, e2 = runs[k + 1]
            gap = list(parsed[e:s2])
            gap_text = " ".join(t.text for t in gap).strip().lower()
            prev = parsed[s - 1].lower_ if s > 0 else ""
            if prev in ("$", "€", "£", "¥") and s > 1:
                prev = parsed[s - 2].lower_
            if gap_text == "to" and not _bare_to_is_range(parsed, s):
                gap_text = ""
            joins = (gap_text in ("-", "–", "—", "to") and len(gap) == 1) or (
                gap_text == "and" and prev in ("between",)) or (gap_text == "to" and prev == "from") or (
                gap_text == "or" and _neighbours(parsed[s:e].text, parsed[s2:e2].text))
            if joins and gap_text == "to" and prev == "from" and _change_from(parsed, s - 1):
                joins = False   # "jumped from 410 to 589": two levels in time order, not a range
            if joins and gap_text == "to" and bool(DIGITISH.match(parsed[s].text)) != bool(
                    DIGITISH.match(parsed[s2].text)):
                joins = False
            if joins and _looks_like_range(parsed, s, e, s2, e2):
                out.append((s, e2, True))
                k += 2
                continue
            if gap_text in ("-", "–") and len(gap) == 1 and _is_score(parsed[s:e].text, parsed[s2:e2].text):
                out.append((s, e2, None))   # "won 3-1", "a 9-2 lead": a score, not a range
                k += 2
                continue
            if gap_text in ("in", "out of") and _ratio(parsed[s:e].text, parsed[s2:e2].text):
                out.append((s, e2, "ratio"))   # "4 in 10 voters"
                k += 2
                continue
        out.append((s, e, False))
        k += 1
    return out


def _change_from(parsed: SpacyDoc, k: int) -> bool:
    """The 'from' at token ``k`` follows a verb or noun of change ("rose from", "a jump in deaths from")."""
    head = parsed[k].head
    if head.lemma_.lower() in UP_LEMMAS | DOWN_LEMMAS:
        return True
    return any(t.lemma_.lower() in UP_LEMMAS | DOWN_LEMMAS for t in parsed[max(0, k - 4):k])


def _bare_to_is_range(parsed: SpacyDoc, s: int) -> bool:
    """``5 to 10 million`` is a range; ``rose by 5 to 10`` / ``from 4.8 to 4.7`` are a change."""
    k = s - 1
    while k >= 0 and (un.currency_before(parsed[k].text) or parsed[k].lower_ in ("about", "around", "some",
                                                                                 "roughly", "approximately")):
        k -= 1
    if k < 0:
        return True
    prev = parsed[k]
    if prev.lower_ in ("from", "between"):
        return True
    if prev.lower_ in ("by", "up", "down", "to") or prev.lemma_.lower() in UP_LEMMAS | DOWN_LEMMAS:
        return False
    return True


def _merge_unit_ranges(parsed: SpacyDoc, items: list[Found]) -> list[Found]:
    """``between 5% and 6%``, ``from $750,000 to $1 million``, ``450 sq ft up to 900 sq ft``."""
    out: list[Found] = []
    k = 0
    while k < len(items):
        a = items[k]
        if k + 1 < len(items) and not a.number.is_range:
            b = items[k + 1]
            merged = _unit_range(parsed, a, b)
            if merged is not None:
                out.append(merged)
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _unit_range(parsed: SpacyDoc, a: Found, b: Found) -> Optional[Found]:
    if b.number.is_range or a.number.fraction or b.number.fraction or b.unit is None:
        return None
    if a.unit is not None and a.unit != b.unit and a.unit != b.unit.split("/")[0]:
        return None
    gap = parsed[a.end:b.start].text.strip().lower()
    k = a.start - 1
    while k >= 0 and parsed[k].lower_ in ("about", "around", "some", "roughly", "approximately", "an", "estimated"):
        k -= 1
    before = parsed[k].lower_ if k >= 0 else ""
    if gap == "and" and before != "between":
        return None
    if gap in ("to", "up to") and before != "from" and not _bare_to_is_range(parsed, a.start):
        return None
    if gap not in ("to", "-", "–", "and", "up to"):
        return None
    low, high = a.number.value, b.number.value
    plain_first = re.fullmatch(r"[\d,.]+", parsed[a.num_start:a.num_end].text) is not None
    if (a.unit is None or plain_first) and low < high / 100:
        scale = num._scale_of(parsed[b.num_start:b.num_end].text.lower())
        if scale > 1 and low * scale <= high:
            low *= scale
    if (a.unit is not None or a.number.value != low) and low >= high:
        return None
    if low >= high:
        return None
    start = k if before in ("between", "from") else a.start
    number = num.Number(value=(low + high) / 2, low=low, high=high, is_range=True,
                        vague=a.number.vague or b.number.vague)
    return Found(start=start, end=b.end, num_start=a.num_start, num_end=b.num_end, number=number, unit=b.unit,
                 unit_text=b.unit_text, unit_end=b.unit_end)


def _is_score(first: str, second: str) -> bool:
    """``3-1``, ``a 9-2 lead``, ``won 110-102``: the winner's tally first, never a range."""
    return first.isdigit() and second.isdigit() and int(first) >= int(second) and len(first) <= 3 \
        and len(second) <= 3


def _ratio(first: str, second: str) -> bool:
    a, b = num.parse_number(first), num.parse_number(second)
    return a is not None and b is not None and 0 < a.value < b.value <= 1000 and not a.is_range


def _neighbours(first: str, second: str) -> bool:
    """``two or three``, ``3 or 4``: an idiom for a small range, not a choice between figures."""
    a, b = num.parse_number(first), num.parse_number(second)
    return a is not None and b is not None and a.value < 100 and b.value - a.value == 1


def _looks_like_range(parsed: SpacyDoc, s: int, e: int, s2: int, e2: int) -> bool:
    first = num.parse_number(_strip_glued(parsed[s:e].text))
    second = num.parse_number(_strip_glued(parsed[s2:e2].text))
    if first is None or second is None or first.fraction or second.fraction:
        return False
    if year_like(parsed[s:e].text) != year_like(parsed[s2:e2].text):
        return False
    if first.value > second.value and not (parsed[s2:e2].text.endswith(",000") or second.value >= 1000 * first.value):
        return False
    # scores and phone-like digit strings: "3-1", "555-1234"
    return not (parsed[s:e].text.isdigit() and len(parsed[s2:e2].text) == 4 and parsed[e].text == "-"
                and first.value >= 100)


def _strip_glued(text: str) -> str:
    glued = glued_unit(text.split()[-1]) if text.split() else None
    return text[: len(text) - len(glued[1])] if glued else text


def year_like(text: str) -> bool:
    return bool(re.fullmatch(r"\d{4}", text)) and 1800 <= int(text) <= 2200


def _prefix_currency(parsed: SpacyDoc, s: int) -> tuple[Optional[str], int]:
    """Currency symbol/code just before token ``s``: (ISO code, new start)."""
    if s > 0:
        one = parsed[s - 1]
        if s > 1:
            two = parsed[s - 2].text + one.text
            code = un.currency_before(two)
            if code and (not parsed[s - 2].whitespace_ or (one.text == "$" and parsed[s - 2].is_upper)):
                return code, s - 2
        code = un.currency_before(one.text)
        if code and (one.text in "$€£¥₹₽₴₩₺₦" or one.is_upper):
            if s > 1 and parsed[s - 2].text == "US" and one.text == "$":
                return code, s - 2
            return code, s - 1
    return None, s


def _raw_spans(parsed: SpacyDoc) -> list[Found]:
    found: list[Found] = []
    for s, e, is_range in _merge_ranges(parsed, _number_runs(parsed)):
        text = parsed[s:e].text
        start = s
        if is_range is None or is_range == "ratio":
            found.append(_score_or_ratio(parsed, s, e, is_range))
            continue
        if is_range and s > 0 and parsed[s - 1].lower_ in ("between", "from"):
            text = parsed[s - 1].lower_ + " " + text.replace(" and ", " and ").replace(" - ", " and ")
            start = s - 1
        glued = glued_unit(parsed[e - 1].text)
        if glued:
            text = text[: len(text) - len(glued[1])]
        money = glued_currency(parsed[s].text) if not DIGITISH.match(parsed[s].text) else None
        if money:
            text = text[len(money[1]):] if start == s else text.replace(parsed[s].text, parsed[s].text[len(money[1]):], 1)
        if is_range and " or " in text:
            text = text.replace(" or ", " to ")   # "three or four years"
        if is_range and year_like(parsed[s].text):
            text = text.replace(" to ", "-").replace(" and ", "-")
        prefixed = _PREFIXED.match(parsed[s].text) if e - s == 1 else None
        if prefixed:
            text = ("-" if prefixed.group(1).lower() == "minus-" else "") + prefixed.group(2)
        number = num.parse_number(text.replace(" - ", "-"))
        if number is None and CLOCK.match(text):
            hours, minutes = text.split(":")
            clock = int(hours) + int(minutes) / 60
            number = num.Number(value=clock, low=clock, high=clock)
        if number is None:
            continue
        item = Found(start=start, end=e, num_start=s, num_end=e, number=number)
        if prefixed and prefixed.group(1).lower() == "sub-":
            item.qualifier, item.qualifier_text = "at_most", "sub"
        elif prefixed and prefixed.group(1) == "~":
            item.qualifier, item.qualifier_text = "approx", "~"
        elif prefixed and prefixed.group(1).lower() == "magnitude-":   # "the magnitude-6.1 quake"
            item.unit, item.unit_text, item.unit_end = "magnitude", prefixed.group(1)[:-1], e
            found.append(item)
            continue
        if money:
            item.unit, item.unit_text = money
            if s > 0 and parsed[s - 1].text == "$" and not parsed[s - 1].whitespace_ and start == s:
                item.start = s - 1
                item.unit_text = "$" + money[1]
            _read_unit(parsed, item)
            found.append(item)
            continue
        if glued:
            item.unit, item.unit_text = glued[2], glued[1]
            item.unit_end = e
            found.append(item)
            continue
        code, cur_start = _prefix_currency(parsed, start if start == s else s)
        if code:
            item.unit, item.unit_text = code, parsed[cur_start:s].text
            if start == s:
                item.start = cur_start
        _read_unit(parsed, item)
        found.append(item)
    return found


def _score_or_ratio(parsed: SpacyDoc, s: int, e: int, how: Optional[str]) -> Found:
    """``3-1`` (a score: kind other) or ``1 in 5`` (a share, 0.2)."""
    words = parsed[s:e].text.replace("-", " - ").split()
    first, second = words[0], words[-1]
    a, b = num.parse_number(first), num.parse_number(second)
    if how == "ratio":
        item = Found(start=s, end=e, num_start=s, num_end=e,
                     number=num.Number(value=a.value / b.value, low=a.value / b.value, high=a.value / b.value,
                                       fraction=True))
    else:
        item = Found(start=s, end=e, num_start=s, num_end=e, number=a)
        item.extra["score"] = True
    item.unit_end = e
    return item


def _scale_suffix(parsed: SpacyDoc, item: Found) -> None:
    """``$5 m``, ``4.3M sales``, ``2.7m viewers``: a glued scale letter, not metres."""
    e = item.num_end
    if e >= len(parsed):
        return
    suffix = parsed[e].text.rstrip(".") if parsed[e].text != "." else ""
    scale = num.SUFFIX_SCALES.get(suffix.lower())
    if not scale or item.number.vague or not (DIGITISH.match(parsed[e - 1].text) or item.unit):
        return
    is_money = item.unit is not None
    after = parsed[e + 1] if e + 1 < len(parsed) else None
    count_follows = after is not None and (after.lower_ == "of" or after.tag_ in ("NNS", "NNPS"))
    if parsed[e - 1].whitespace_ and not (len(suffix) > 1 and suffix.islower() or (
            suffix.isupper() and count_follows)):
        return   # "8 B people", "$3 bn" are scales; "7 m" and "Grade 8 B" are not
    if suffix.lower() == "m" and not (is_money or suffix == "M" or "." in parsed[e - 1].text or count_follows):
        return
    n = item.number
    item.number = num.Number(value=n.value * scale, low=n.low * scale if n.low is not None else None,
                             high=n.high * scale if n.high is not None else None, is_range=n.is_range)
    item.end = item.num_end = e + 1


def _per_unit(parsed: SpacyDoc, item: Found) -> None:
    """``$58.24 per barrel``, ``$62 a share``: a rate, unit ``USD/bbl``."""
    e = item.end
    if e + 1 >= len(parsed) or item.unit is None:
        return
    if e + 3 < len(parsed) and parsed[e].text == "-" and parsed[e + 1].lower_ in ("a", "an", "per") and \
            parsed[e + 2].text == "-":
        found = un.unit_after([parsed[e + 3].text])
        if found and found[0] in un.TIME_UNITS:   # "a 52,000 barrel-a-day refinery"
            item.unit = f"{item.unit}/{found[0]}"
            item.unit_text = f"{item.unit_text}-{parsed[e + 1].text}-{parsed[e + 3].text}"
            item.end = item.unit_end = e + 4
            return
    if parsed[e].lower_ not in ("per", "a", "an", "/"):
        return
    word = parsed[e + 1]
    found = un.unit_after([word.text], glued=True)
    if parsed[e].lower_ in ("a", "an"):
        # "$62 a share", "40 hours a week", but not "$6.78 billion a year earlier"
        money = item.unit in set(un.CURRENCY_SYMBOLS.values()) | set(un.CURRENCY_WORDS.values())
        after = parsed[e + 2].lower_ if e + 2 < len(parsed) else ""
        if after in ("ago", "earlier", "before", "later", "after", "from", "or") or not (
                money or (found and found[0] in un.TIME_UNITS)):
            return
    if word.pos_ not in ("NOUN", "PROPN", "X") and not un.unit_after([word.text]):
        return
    code = found[0] if found else word.lemma_.lower()
    item.unit = f"{item.unit}/{code}"
    item.unit_text = f"{item.unit_text} {parsed[e].text} {word.text}"
    item.end = item.unit_end = e + 2


def _read_unit(parsed: SpacyDoc, item: Found) -> None:
    _scale_suffix(parsed, item)
    e = item.num_end
    item.unit_end = e
    try:
        _read_unit_words(parsed, item)
    finally:
        _per_unit(parsed, item)


MONEY_LEMMAS = {"pay", "cost", "price", "worth", "fee", "fine", "salary", "spend", "charge", "bill", "earn",
                "sell", "buy", "fund", "budget", "revenue", "profit", "loss", "debt", "invest", "raise",
                "donate", "award", "compensation", "wage", "tax", "sterling", "bonus", "value"}


def _money_context(parsed: SpacyDoc, item: Found) -> bool:
    """'pounds' is money near prices and payments or with a scale (two million pounds), else weight."""
    if item.number.value >= 1e6 or any(w in num.SCALES for w in parsed[item.num_start:item.num_end].text.lower().split()):
        return True
    return any(t.lemma_.lower() in MONEY_LEMMAS for t in token_sentence(parsed[item.start]))


def _read_unit_words(parsed: SpacyDoc, item: Found) -> None:
    e = item.num_end
    words, toks = [], []
    for tok in parsed[e:e + un.MAX_UNIT_WORDS + 2]:
        if tok.is_space or (tok.is_punct and tok.text not in ("%", "°", "/")):
            break
        words.append(tok.text)
        toks.append(tok)
    if item.unit is not None:
        return  # "$5 million" already has its currency; the scale words were part of the number
    if item.number.fraction and len(toks) >= 2 and toks[0].lower_ in ("a", "an"):
        after = un.unit_after([toks[1].text])
        if after and after[0] in un.TIME_UNITS:   # "half an hour earlier": a duration, not a share
            value = item.number.value
            item.number = num.Number(value=value, low=value, high=value)
            item.unit, item.unit_text = after[0], parsed[e:e + 2].text
            item.end = item.unit_end = e + 2
            return
    if not toks and e + 1 < len(parsed) and parsed[e].text == "-" and not parsed[e - 1].whitespace_ \
            and not parsed[e].whitespace_:
        # "a thirty-year career", "a 10-day trip": the unit after a hyphen
        after = un.unit_after([parsed[e + 1].text])
        if after and not un.is_currency(after[0]):   # "a 3.5-liter engine", "a 5-mpg boost"
            item.unit, item.unit_text = after[0], parsed[e + 1].text
            item.end = item.unit_end = e + 2
        elif parsed[e + 1].lower_ == "magnitude":   # "a 6.5-magnitude earthquake"
            item.unit, item.unit_text = "magnitude", parsed[e + 1].text
            item.end = item.unit_end = e + 2
        elif parsed[e + 1].lower_ in compound_counts():   # "a 30-member team", "the 7.48 million-strong"
            item.unit_text = parsed[e + 1].text
            item.extra["counted"] = compound_counts()[parsed[e + 1].lower_]
            item.end = item.unit_end = e + 2
        elif parsed[e + 1].lower_ == "fold":
            item.extra["relation"] = ("multiple", "up")   # "rose 7-fold"
            item.end = item.unit_end = e + 2
        elif parsed[e + 1].is_alpha and not parsed[e + 1].lower_ in num.NUMBER_WORDS:
            item.extra["compound"] = True   # "six-speed gearbox", "five-star hotel": a name, not a count
        return
    if item.start > 0 and parsed[item.start - 1].lower_ == "magnitude":
        item.unit, item.unit_text = "magnitude", parsed[item.start - 1].text   # "a magnitude 6.8 earthquake"
        item.start -= 1
        return
    glued = bool(toks) and not parsed[e - 1].whitespace_
    if toks and e + 2 < len(parsed) and parsed[e + 1].text == "-" and not parsed[e].whitespace_ \
            and not parsed[e + 1].whitespace_:
        joined = un.unit_after([f"{parsed[e].text}-{parsed[e + 2].text}"], glued=glued)
        if joined:   # "332 lb-ft", "20 kilowatt-hours"
            item.unit, item.unit_text = joined[0], parsed[e:e + 3].text
            item.end = item.unit_end = e + 3
            return
    after = un.unit_after(words, glued=glued)
    if after:
        code, used = after
        if code == "GBP" and words[0].lower() in ("pound", "pounds") and not _money_context(parsed, item):
            code = "lb"
        item.unit, item.unit_text = code, parsed[e:e + used].text
        item.end = item.unit_end = e + used

# Kinds ----------------------------------------------------------------------------------------


@functools.cache
def compound_counts() -> dict[str, str]:
    """Nouns that count when a number is hyphened to them ("30-member team" → 30 members), with what they count."""
    out = {}
    for line in words("figure_compound_counts"):
        singular, _, counted = line.partition(" ")
        out[singular] = counted or singular + "s"
    return out


def _drop_inside_units(items: list[Found]) -> list[Found]:
    """A number word inside an earlier figure's unit ("1200 parts per million") is not a figure."""
    out: list[Found] = []
    for item in items:
        if out and item.start < out[-1].end:
            continue
        out.append(item)
    return out


SUBUNITS = {"USc": None, "GBp": "GBP", "MYRc": "MYR"}
"""Hundredth parts of a currency; ``USc`` (written "cents") goes with any currency ("5 euros 20 cents")."""


def _merge_subunits(parsed: SpacyDoc, items: list[Found]) -> list[Found]:
    """``3 dollars 50 cents``, ``£2 and 50p``: one amount (3.50), not two figures."""
    out: list[Found] = []
    for item in items:
        prev = out[-1] if out else None
        if prev is not None and item.unit in SUBUNITS and prev.unit is not None and un.is_currency(prev.unit) \
                and prev.unit not in SUBUNITS and SUBUNITS[item.unit] in (None, prev.unit) \
                and not prev.number.is_range and not item.number.is_range and 0 < item.number.value < 100 \
                and parsed[prev.end:item.start].text.strip().lower() in ("", "and", ","):
            value = prev.number.value + item.number.value / 100
            out[-1] = Found(start=prev.start, end=item.end, num_start=prev.num_start, num_end=item.num_end,
                            number=num.Number(value=value, low=value, high=value), unit=prev.unit,
                            unit_text=f"{prev.unit_text} … {item.unit_text}", unit_end=item.unit_end)
            continue
        out.append(item)
    return out


def find_spans(parsed: SpacyDoc) -> list[Found]:
    """Every number span of the parse, in text order, ranges merged, units read."""
    return _drop_inside_units(_merge_subunits(parsed, _merge_unit_ranges(parsed, _raw_spans(parsed))))
