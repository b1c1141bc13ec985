"""Turning the words of a written number into a value with honest bounds.

News writes numbers in many ways: ``11,000``, ``1 million``, ``$1.2bn`` (the currency is the
unit's business, see :mod:`claimledger.extract.units`), ``two``, ``four dozen``, ``a third``,
``half``, ``5-10,000``, ``between 500,000 and 800,000`` and vague plurals (``thousands``,
``tens of thousands``).  :func:`parse_number` reads one such phrase and returns a
:class:`Number`; it knows nothing about the sentence, so the figures stage decides which tokens
form the phrase.

Vague plurals are read as ``[2 × scale, 10 × scale)`` ("thousands" = 2,000 to 9,999: had the
writer meant more they would have said "tens of thousands"); the best value is the lower bound,
the least the wording claims.  A range's value is its midpoint.  A shortened range takes the
scale of its second end: ``5-10,000`` is 5,000 to 10,000 and ``70-100,000`` 70,000 to 100,000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

ONES = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "dozen": 12, "score": 20, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
SUFFIX_SCALES = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
    "tn": 1e12, "trn": 1e12, "tr": 1e12,
}
FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fourth": 0.25, "fourths": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6,
         "billions": 1e9, "trillions": 1e12}
"""Plural scales: "thousands" of something, value unknown."""

NUMBER_WORDS = set(ONES) | set(TENS) | set(SCALES) | set(VAGUE) | {"a", "an", "and", "tens"}

_DIGITS = re.compile(r"^[+-]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$|^[+-]?\.\d+$")
_DIGITS_SUFFIX = re.compile(r"^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-z]+)$", re.I)
_SLASH_FRACTION = re.compile(r"^(\d{1,2})/(\d{1,2})$")
_RANGE_SPLIT = re.compile(r"\s*(?:-|–|—|to)\s*")


@dataclass
class Number:
    """A parsed number phrase."""

    value: float
    low: Optional[float]
    high: Optional[float]
    vague: bool = False
    is_range: bool = False
    fraction: bool = False   # "half", "a third": a share of something else

    def __post_init__(self) -> None:
        # 4.1 * 1e9 is 4099999999.9999995 in binary floating point; keep what was written
        self.value = tidy(self.value)
        self.low = tidy(self.low)
        self.high = tidy(self.high)


def tidy(x: Optional[float]) -> Optional[float]:
    """Round away binary noise (12 significant digits)."""
    return None if x is None else float(f"{x:.12g}")


def parse_digits(text: str) -> Optional[float]:
    """``11,000`` → 11000.0, ``1.2bn`` → 1.2e9, ``7.5m`` → 7.5e6; None if not a number."""
    text = text.strip().replace("\u2212", "-")
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    slash = _SLASH_FRACTION.match(text)
    if slash and int(slash.group(1)) < int(slash.group(2)) and int(slash.group(2)) in (2, 3, 4, 8, 16, 32):
        return int(slash.group(1)) / int(slash.group(2))   # "3/4" (not "24/7" or "9/11")
    match = _DIGITS_SUFFIX.match(text)
    if match and match.group(2).lower() in SUFFIX_SCALES:
        return float(match.group(1).replace(",", "")) * SUFFIX_SCALES[match.group(2).lower()]
    return None


def _word_value(words: list[str]) -> Optional[float]:
    """Value of a sequence of number words/digits: ``two hundred thousand``, ``1.5 million``."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        w = word.lower().strip()
        if w in ("and", "a", "an"):
            if w != "and":
                current = current or 1.0
            continue
        if "-" in w and all(p in ONES or p in TENS for p in w.split("-")):
            current += sum(ONES.get(p, 0) + TENS.get(p, 0) for p in w.split("-"))
        elif w in ONES:
            current += ONES[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES or (w == "dozens" and current):   # "two dozens": a common plural of "two dozen"
            scale = SCALES[w.rstrip("s") if w == "dozens" else w]
            current = current or 1.0
            if scale >= 1000:
                total += current * scale
                current = 0.0
            else:
                current *= scale
        elif w in SUFFIX_SCALES and seen:
            total += current * SUFFIX_SCALES[w]
            current = 0.0
        else:
            digits = parse_digits(w)
            if digits is None:
                return None
            current += digits
        seen = True
    return total + current if seen else None


def _mixed(words: list[str]) -> Optional[float]:
    """``four and a half``, ``2 and a quarter``: a whole number plus a fraction (a count, not a share)."""
    if len(words) >= 5 and words[-1] in SCALES and SCALES[words[-1]] >= 1000:   # "one and a half million"
        inner = _mixed(words[:-1])
        return None if inner is None else inner * SCALES[words[-1]]
    if len(words) < 4 or words[-2] not in ("a", "an", "one") or words[-3] != "and" or words[-1] not in FRACTIONS:
        return None
    whole = _word_value(words[:-3])
    return None if whole is None else whole + FRACTIONS[words[-1]]


def _fraction_of_scale(words: list[str]) -> Optional[float]:
    """``half a million``, ``a quarter million``, ``three quarters of a billion`` → a count."""
    lowered = [w.lower() for w in words if w.lower() not in ("a", "an", "of")]
    if len(lowered) >= 2 and lowered[-1] in SCALES and SCALES[lowered[-1]] >= 1000:
        share = _fraction(lowered[:-1])
        if share is not None:
            return share * SCALES[lowered[-1]]
    return None


def _fraction(words: list[str]) -> Optional[float]:
    """``half``, ``a third``, ``two-thirds``, ``three quarters`` → share of 1."""
    if not words:
        return None
    last = words[-1].lower()
    if "-" in last:
        head, _, tail = last.partition("-")
        if tail in FRACTIONS and head in ONES:
            return ONES[head] * FRACTIONS[tail]
    if last not in FRACTIONS:
        return None
    rest = [w.lower() for w in words[:-1] if w.lower() not in ("a", "an", "one")]
    if not rest:
        return FRACTIONS[last]
    count = _word_value(rest)
    return None if count is None else count * FRACTIONS[last]


def _vague(words: list[str]) -> Optional[Number]:
    """``thousands``, ``tens of thousands``, ``hundreds of thousands``, ``several million``."""
    lowered = [w.lower() for w in words if w.lower() != "of"]
    if not lowered:
        return None
    if lowered[-1] in VAGUE:
        scale = VAGUE[lowered[-1]]
        for prefix in lowered[:-1]:
            if prefix == "tens":
                scale *= 10
            elif prefix in VAGUE:
                scale *= VAGUE[prefix]
            else:
                return None
        return Number(value=2 * scale, low=2 * scale, high=10 * scale - 1 if scale >= 10 else 10 * scale,
                      vague=True)
    if lowered[0] in ("several", "few", "many", "multiple") and len(lowered) == 2 and lowered[1] in SCALES:
        scale = SCALES[lowered[1]]
        low = 2 * scale if lowered[0] != "many" else 2 * scale
        return Number(value=low, low=low, high=10 * scale - 1, vague=True)
    return None


def parse_number(text: str) -> Optional[Number]:
    """Parse one number phrase (no currency symbol, no unit); None when it is not a number."""
    text = " ".join(text.replace("\u2013", "-").replace("\u2014", "-").split())
    if not text:
        return None
    lowered = text.lower()
    between = re.match(r"^(?:between|from)\s+(.+?)\s+(?:and|to|-)\s+(.+)$", lowered)
    if between:
        return _range(between.group(1), between.group(2))
    parts = _RANGE_SPLIT.split(lowered)
    if len(parts) == 2 and all(parts) and not re.fullmatch(r"[a-z]+-[a-z]+", lowered.replace(" ", "")):
        ranged = _range(parts[0], parts[1])
        if ranged:
            return ranged
    words = lowered.replace("-", " - ").split() if re.search(r"\d-[a-z]", lowered) else lowered.split()
    words = [w for w in words if w != "-"] if len(words) > 1 else words
    vague = _vague(words)
    if vague:
        return vague
    if len(words) == 1 and _SLASH_FRACTION.match(words[0]) and parse_digits(words[0]) is not None:
        share = parse_digits(words[0])
        return Number(value=share, low=share, high=share, fraction=True)
    mixed = _mixed(words)
    if mixed is not None:
        return Number(value=mixed, low=mixed, high=mixed)
    scaled = _fraction_of_scale(words)
    if scaled is not None:
        return Number(value=scaled, low=scaled, high=scaled)
    frac = _fraction(words)
    if frac is not None:
        return Number(value=frac, low=frac, high=frac, fraction=True)
    value = _word_value(words)
    if value is None:
        return None
    return Number(value=value, low=value, high=value)


def _range(first: str, second: str) -> Optional[Number]:
    high = parse_number(second)
    low = parse_number(first)
    if high is None or low is None or high.is_range or low.is_range:
        return None
    lo, hi = low.value, high.value
    if lo < hi / 100 or (lo > hi and lo / 1000 <= hi):
        # shortened range: "5-10,000", "70-100,000", "1.5-2 million" take the second end's scale
        scale = _scale_of(second)
        if scale > 1 and lo * scale <= hi * 1.0001 * 10:
            lo = lo * scale
    if lo > hi:
        return None
    return Number(value=(lo + hi) / 2, low=lo, high=hi, vague=low.vague or high.vague, is_range=True)


def _scale_of(text: str) -> float:
    """The trailing scale of a number phrase: 1000 for ``10,000``, 1e6 for ``2 million``."""
    words = text.split()
    if len(words) > 1 and words[-1] in SCALES:
        return SCALES[words[-1]]
    match = _DIGITS_SUFFIX.match(words[-1])
    if match and match.group(2) in SUFFIX_SCALES:
        return SUFFIX_SCALES[match.group(2)]
    if "," in words[-1]:
        groups = words[-1].split(".")[0].split(",")
        return 1000.0 ** (len(groups) - 1)
    return 1.0


def is_number_word(word: str) -> bool:
    """True for words that can be part of a written number (``two``, ``million``, ``dozen``)."""
    w = word.lower()
    return w in ONES or w in TENS or w in SCALES or w in VAGUE or w in FRACTIONS or (
        "-" in w and all(p in ONES or p in TENS or p in FRACTIONS for p in w.split("-")))
