"""What kind of number a span is: a figure, or a date, year, time, age, duration or other.

Only ``kind="figure"`` rows are estimates; the rest stay in the ledger so it can show them on
demand.  Names with numbers (``iPhone 11``, ``S&P 500``), compound modifiers (``six-speed``),
phone numbers, URLs, handles and a trailing author biography (found by its cues: an "About the
Author" heading, or "X is a ... writer who has contributed ...") give ``kind="other"``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc

from claimledger.extract import units as un
from claimledger.extract.figure_spans import CLOCK, DOT_CLOCK, Found, year_like
from claimledger.extract.sentence_index import token_sentence

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."}


TIME_SUFFIXES = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "o'clock", "hrs", "h", "et",
                 "bst", "cet"}


AGE_CUES = {"aged", "age", "ages"}
PERIOD_NOUNS = {"sales", "revenues", "earnings", "profits", "results", "elections", "figures", "accounts",
                "prices", "levels", "accounts", "games", "olympics", "playoffs", "finals", "forecasts", "data"}
"""Nouns that a year modifies ("1988 sales", "2024 elections") rather than a count of them."""

SPECIAL_TEXT = re.compile(
    r"https?://\S+|www\.\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+|(?<!\w)[@#]\w+|"
    r"(?<!\w)\+?\(?\d{1,4}\)?[\s.-]\d{3}[\s.-]\d{3,4}(?:[\s.-]\d{2,4})?(?!\w)|"
    r"(?<!\w)\+\d{1,3}(?:[\s.-]\(?\d{1,4}\)?){2,5}(?!\w)|"
    r"(?<![\w,.])\d{3,}(?:-\d{3,}){2,}(?!\w)",
)
"""URLs, e-mail addresses, handles and phone numbers: never figures."""

BIO_START = re.compile(
    r"^(about the author|about the writer|\S+(?: \S+){0,3} is an? [^.\n]{0,120}"
    r"(writer|journalist|author|correspondent|reporter|editor|columnist|contributor|analyst|"
    r"commentator|blogger|freelancer)\b[^\n]*(contribut|written|publish|covered|reported|writes|"
    r"wrote|pieces|articles|columns|based in))", re.I | re.M)

# Spans ----------------------------------------------------------------------------------------


ISO_DATE = re.compile(r"(?<![\d-])(1[89]|2[01])\d\d-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])(?![\d-])")
"""``2019-06-09``: a timestamp's date part, however the tokenizer split it."""


def _in_iso_date(parsed: SpacyDoc, item: Found) -> bool:
    lo, hi = max(0, item.start - 4), min(len(parsed), item.end + 4)
    window = parsed[lo:hi]
    offset = window.start_char
    for match in ISO_DATE.finditer(window.text):
        if match.start() + offset <= parsed[item.start].idx < match.end() + offset:
            return True
    return False


def classify(parsed: SpacyDoc, item: Found, special: list[tuple[int, int]], bio_start: int) -> str:
    s, e = item.num_start, item.num_end
    char_start = parsed[item.start].idx
    if any(a <= char_start < b for a, b in special):
        return "other"
    if "-" in parsed[max(0, s - 1):min(len(parsed), e + 1)].text and _in_iso_date(parsed, item):
        return "date"
    prev = parsed[item.start - 1] if item.start > 0 else None
    nxt = parsed[e] if e < len(parsed) else None
    text = parsed[s:e].text
    if CLOCK.match(text) or (DOT_CLOCK.match(text) and nxt is not None and nxt.lower_ in TIME_SUFFIXES) or (
            nxt is not None and nxt.lower_ in TIME_SUFFIXES and item.number.value <= 24
                             and not item.unit):
        return "time"
    if prev is not None and prev.text == "." and item.start >= 2 and parsed[item.start - 2].lower_ in MONTHS:
        prev = parsed[item.start - 2]   # "sept . 30"
    if (prev is not None and prev.lower_ in MONTHS) or (nxt is not None and nxt.lower_ in MONTHS
                                                         and item.number.value <= 31 and not item.unit):
        if item.number.value <= 31 or (prev is not None and prev.lower_ in MONTHS):
            return "date"
    if item.number.is_range and year_like(parsed[s].text) and year_like(parsed[e - 1].text):
        return "year"
    if e - s == 1 and re.fullmatch(r"[0-2]\d[0-5]\d", text) and nxt is not None and nxt.lower_ in TIME_SUFFIXES:
        return "time"
    if (e - s == 1 and re.fullmatch(r"\d{4}s?", text) and 1800 <= int(text[:4]) <= 2200
            and item.unit is None and not (nxt is not None and nxt.tag_ == "NNS" and text[-1] != "s"
                                           and nxt.lower_ not in PERIOD_NOUNS
                                           and not (prev is not None and (prev.pos_ in ("DET", "PROPN", "ADJ")
                                                                          or prev.tag_ == "POS")))):
        return "year"
    if e - s == 1 and re.fullmatch(r"\d{2}s", text):
        return "year"
    if _is_age(parsed, item):
        return "age"
    if _is_age_by_context(parsed, item):
        return "age"
    if item.unit in un.TIME_UNITS:
        return "duration"
    if char_start >= bio_start or _is_name_number(parsed, item) or item.extra.get("compound") \
            or item.extra.get("score"):
        return "other"
    return "figure"


def _is_name_number(parsed: SpacyDoc, item: Found) -> bool:
    """``iPhone 11``, ``S&P 500``, ``TA-35``, ``Big 12``: a number that is part of a name."""
    s, e = item.num_start, item.num_end
    if _title_case_number_word(parsed, item):
        return True
    if item.unit is not None or e - s != 1 or not parsed[s].text.lstrip("-").isdigit() or item.start != s or s == 0:
        return False
    prev = parsed[s - 1]
    nxt = parsed[e] if e < len(parsed) else None
    if parsed[s].text.startswith(("-", "–")) and not parsed[s].text[1:2] == "." and prev.is_alpha \
            and (prev.is_upper or prev.pos_ == "PROPN"):
        return True   # "COVID -19 tests", "Su -27 jets": the hyphen joins a name, it is no minus sign
    if prev.is_title and prev.pos_ == "PROPN" and s >= 2 and parsed[s - 2].like_num:
        return True   # "63,000 Model 3 sedans": the first number counts, the second names
    if nxt is not None and nxt.tag_ == "NNS":
        return False
    if prev.text in ("-", "–") and not prev.whitespace_ and s >= 2 and parsed[s - 2].pos_ == "PROPN":
        return True
    if prev.is_upper and len(prev.text) > 1 and prev.is_alpha and prev.ent_type_ not in ("GPE", "NORP"):
        return True   # "COVID -19", "F 35"
    return prev.pos_ == "PROPN" and prev.ent_type_ not in ("GPE", "NORP") and prev.is_title or (
        prev.pos_ == "PROPN" and any(c.isupper() for c in prev.text[1:]))


def _title_case_number_word(parsed: SpacyDoc, item: Found) -> bool:
    """``the Big Ten``, ``the Kick Six win``: a capitalised number word inside a capitalised name."""
    s, e = item.num_start, item.num_end
    word = parsed[s]
    if e - s != 1 or item.unit is not None or s < 2 or not word.is_alpha or not word.is_title \
            or word.is_sent_start:
        return False
    prev = parsed[s - 1]
    return prev.is_title and prev.is_alpha and not prev.is_sent_start and prev.lower_ not in ("the", "a", "an")


def _is_age(parsed: SpacyDoc, item: Found) -> bool:
    s, e = item.num_start, item.num_end
    value = item.number.value
    if item.unit not in (None, "year", "month", "week", "day") or not value:
        return False
    if item.unit is None and value > 125:
        # only "a 300,000-year-old skull" makes a large number an age
        return parsed[e:e + 4].text.lower().replace(" ", "").startswith(("-year-old", "year-old", "-years-old"))
    if item.unit is not None:
        # "three months old", "3 years of age", "a 90 day old bill", "87 yo"
        tail = parsed[item.unit_end:item.unit_end + 2].text.lower().replace(" ", "")
        return tail.startswith(("old", "-old", "ofage")) and not tail.startswith("older")
    if e < len(parsed) and parsed[e].lower_ in ("yo", "y.o.", "yrs", "yr") and e + 1 < len(parsed) \
            and parsed[e + 1].pos_ in ("NOUN", "PROPN"):
        return True
    after = parsed[e:e + 4].text.lower().replace(" ", "")
    if after.startswith(("-year-old", "-years-old", "yearsold", "yearold", "-month-old", "-months-old",
                         "year-old", "years-old", "month-old", "months-old", "-week-old", "week-old")):
        return True
    window = [t.lower_ for t in parsed[max(0, item.start - 4):item.start]]
    if window and window[-1] in AGE_CUES:
        return True
    if len(window) >= 2 and window[-1] == "of" and window[-2] in AGE_CUES:
        return True   # "between the ages of 24 and 30"
    if len(window) >= 2 and window[-1] in ("and", ",", "or") and any(w in AGE_CUES for w in window[:-1]):
        return True
    if len(window) >= 2 and window[-1] == "to" and any(w in AGE_CUES for w in window):
        return True
    # "Oleksandr, 46," / "Jane Doe, 52, a teacher"
    if item.start >= 2 and item.unit is None and parsed[item.start - 1].text == "," and \
            float(value).is_integer() and e - s == 1 and parsed[s].text.isdigit():
        before = parsed[item.start - 2]
        nxt = parsed[e] if e < len(parsed) else None
        if before.pos_ == "PROPN" or before.ent_type_ == "PERSON":
            return nxt is None or nxt.is_punct or nxt.is_space
    return False


PERSON_PRONOUNS = {"he", "she", "i", "you", "we", "they"}


def _is_age_by_context(parsed: SpacyDoc, item: Found) -> bool:
    """``life expectancy ... is around 73``, ``he will be 35``, ``she turned 40``: a bare age."""
    s, e = item.num_start, item.num_end
    value = item.number.value
    if item.unit is not None or item.number.is_range or not (0 < value <= 125) or e - s != 1:
        return False
    nxt = parsed[e] if e < len(parsed) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "NUM") and nxt.lower_ not in ("years", "year"):
        return False
    sent = token_sentence(parsed[s])
    if "life expectancy" in sent.text.lower()[: parsed[s].idx - sent.start_char]:
        return True
    verb = parsed[s].head
    if verb.lemma_.lower() not in ("be", "turn") or verb.i > s:
        return False
    if verb.lemma_.lower() == "be" and not any(c.lower_ in ("will", "'ll", "would") for c in verb.children):
        return False   # "he will be 35"; "he was 35 points ahead" stays a figure
    return any(c.dep_ == "nsubj" and (c.lower_ in PERSON_PRONOUNS or c.ent_type_ == "PERSON")
               for c in verb.children)


def bio_start(text: str) -> int:
    """Character offset where a trailing author biography starts (len(text) when none)."""
    tail_from = int(len(text) * 0.6)
    for match in BIO_START.finditer(text):
        if match.start() >= tail_from:
            return match.start()
    return len(text)

# Meaning --------------------------------------------------------------------------------------


def special_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of URLs, e-mail addresses, handles and phone numbers."""
    return [(m.start(), m.end()) for m in SPECIAL_TEXT.finditer(text)]
