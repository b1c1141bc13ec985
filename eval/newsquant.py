"""NewsQuant evaluation of the figures stage, beside quantulum3 and the CQE paper's table.

Usage::

    python eval/newsquant.py [--data DIR] [--limit N] [--file newsquant_dev.json] [--errors MODE]

The dev file is split deterministically by a hash of each sentence (:func:`part`): 60% ``read``
(used for error analysis while writing rules) and 40% ``held`` (never printed, never studied);
the table shows both side by side so overfitting shows before it lands.  ``--errors value+unit``
prints, per *read* sentence, the gold quantities we missed and the rows we predicted wrongly
under that mode (the list to study before adding a rule); held-back sentences are never printed.

The metric is the CQE paper's (see the benchmark README): per sentence each gold quantity is
matched at most once by a predicted quantity with the same value (``np.isclose``; ranges as
pairs); precision = matched / predicted, recall = matched / gold.  ``value+unit`` also needs the
normalised unit, ``value+change`` the change (``=`` ``~`` ``>`` ``<`` ``up`` ``down``),
``value+concept`` at least one referred-concept word in common (partial).

Our rows are mapped to the paper's vocabulary by :func:`to_quantity`: unit codes become the
paper's names (``km`` → ``kilometre``, ``USD`` → ``dollar``); for counts the paper's unit is the
counted noun, which we compare by its head noun's lemma (``North Korean soldiers`` ~ ``soldier``),
the one relaxation of the unit match.  Only ``figure``, ``duration`` and ``age`` rows are
predictions (NewsQuant does not annotate dates, years, times or ordinals), plus the word "one"
that we keep as ``kind="other"`` ("one commander said") but NewsQuant annotates as a quantity;
vague plurals are scored as the paper annotates them ("millions" = 1e6-1e7), a score row
("a 9-2 lead", ``kind="other"``) as the pair the paper annotates (9-2), a share as ``% <what it is
a share of>`` and a multiple ("sixfold") with the paper's unit ``count``.

quantulum3 runs with ``USE_CLF = False`` (its classifier pickle does not load with current
scikit-learn); when it is not importable its column says "not installed".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

import numpy as np

# ../shared/benchmarks beside the checkout (as in CI), or $CLAIMLEDGER_BENCHMARKS.
DEFAULT_DATA = Path(os.environ.get("CLAIMLEDGER_BENCHMARKS", Path(__file__).resolve().parents[2] / "shared" / "benchmarks")) / "newsquant"
MODES = ("value", "value+unit", "value+change", "value+concept")

PAPER = {
    "CQE": {"value": (92.0, 91.9, 92.0), "value+unit": (85.6, 85.5, 85.6), "value+change": (88.2, 88.1, 88.1),
            "value+concept": (76.2, 76.1, 76.1)},
    "quantulum3": {"value": (65.0, 83.3, 73.0), "value+unit": (42.1, 53.9, 47.2)},
    "GPT-3": {"value": (72.1, 69.1, 70.6), "value+unit": (60.3, 57.9, 59.1), "value+change": (53.1, 50.9, 51.9),
              "value+concept": (55.9, 53.7, 54.8)},
}
"""Published scores on the whole NewsQuant (590 sentences), P / R / F1."""

UNIT_NAMES = {
    "percent": "percentage", "pp": "percentage point", "pt": "point", "bp": "basis point",
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen", "CNY": "chinese yuan",
    "HKD": "hong kong dollar", "INR": "indian rupee", "RUB": "russian ruble", "MYR": "malaysian ringgit",
    "ILS": "shekel", "CHF": "swiss franc", "CAD": "canadian dollar", "AUD": "australian dollar",
    "KRW": "south korean won", "USc": "cent", "GBp": "penny", "UAH": "ukrainian hryvnia",
    "km": "kilometre", "m": "metre", "dm": "decimetre", "cm": "centimetre", "mm": "millimetre", "mi": "mile", "ft": "foot",
    "yd": "yard", "in": "inch", "km2": "square kilometre", "mi2": "square mile", "m2": "square metre",
    "ha": "hectare", "acre": "acre", "t": "tonne", "kg": "kilogram", "g": "gram", "mg": "milligram",
    "lb": "pound-mass", "l": "litre", "bbl": "barrel", "gal": "gallon", "km/h": "kilometre per hour",
    "mph": "mile per hour", "kWh": "kilowatt hour", "kW": "kilowatt", "W": "watt", "MW": "megawatt",
    "GW": "gigawatt", "degC": "celsius", "degF": "fahrenheit", "deg": "degree", "hp": "horsepower",
    "bhp": "brake horsepower", "Hz": "hertz", "GHz": "gigahertz", "mAh": "milliampere-hour",
    "rpm": "revolutions per minute", "ppb": "parts-per-billion", "um": "micrometre",
    "year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour", "minute": "minute",
    "second": "second", "fraction": "%", "GB": "gigabyte", "TB": "terabyte", "MB": "megabyte",
    "MHz": "megahertz", "ppm": "part per million", "SGD": "singapore dollar", "ft2": "square feet",
    "nm": "nanometre", "MWh": "megawatt hour", "GWh": "gigawatt hour", "MPa": "megapascal", "Nm": "newton metre",
    "lbft": "pound-foot", "mpg": "mile per gallon", "mmBtu": "mega british thermal unit",
    "ksi": "kilopound per square inch", "kV": "kilovolt", "V": "volt", "MYRc": "sen",
}
KEPT_KINDS = ("figure", "duration", "age")
SCORE = re.compile(r"(\d+)\s*[-–]\s*(\d+)")
STOP = {"the", "a", "an", "of", "in", "on", "for", "to", "and", "its", "their", "his", "her", "-", ",", "'s"}


@dataclass
class Quantity:
    """One quantity in the paper's terms."""

    low: float
    high: float
    unit: str = "-"
    change: str = "="
    concepts: set[str] = field(default_factory=set)
    count_noun: bool = False   # unit is a counted noun, compared by its head lemma


# Gold -----------------------------------------------------------------------------------------

HELD_SHARE = 40
"""Percent of sentences held back (by hash of the text: stable across runs and file orders)."""


def part(entry: dict) -> str:
    """``"read"`` or ``"held"``: which half of the dev split a sentence belongs to."""
    digest = hashlib.sha1(entry["text"].encode("utf-8")).hexdigest()
    return "held" if int(digest, 16) % 100 < HELD_SHARE else "read"


def split(entries: list[dict]) -> dict[str, list[dict]]:
    """The sentences of each part, in file order."""
    parts: dict[str, list[dict]] = {"read": [], "held": []}
    for entry in entries:
        parts[part(entry)].append(entry)
    return parts


def load(path: Path, limit: Optional[int] = None) -> list[dict]:
    data = json.loads(Path(path).read_text())
    return data[:limit] if limit else data


def parse_value(text: str) -> tuple[float, float]:
    match = re.fullmatch(r"\s*(-?[\d.eE+]+)\s*-\s*(-?[\d.eE+]+)\s*", text)
    if match:
        return float(match.group(1)), float(match.group(2))
    value = float(text)
    return value, value


def concept_words(text: Optional[str]) -> set[str]:
    if not text or text.strip() == "-":
        return set()
    return {w for w in re.split(r"[\s,]+", text.lower()) if w and w not in STOP}


def gold_quantities(entry: dict) -> list[Quantity]:
    out = []
    for q in entry["quantities"]:
        try:
            low, high = parse_value(q["value"])
        except ValueError:
            continue
        out.append(Quantity(low, high, unit=(q.get("normalized_unit") or "-").strip(),
                            change=q.get("change", "="), concepts=concept_words(q.get("referred_concepts"))))
    return out


# Our extractor --------------------------------------------------------------------------------

_LEMMAS: dict[str, str] = {}


def _head_lemma(phrase: str, nlp) -> str:
    """Lemma of a noun phrase's last word (cached; the vocabulary lookup is cheap)."""
    word = phrase.split()[-1].lower() if phrase.split() else phrase
    if word not in _LEMMAS:
        doc = nlp(word)
        _LEMMAS[word] = doc[0].lemma_.lower() if len(doc) else word
    return _LEMMAS[word]


def to_quantity(fig, nlp) -> Optional[Quantity]:
    """A Figure row in the paper's terms (None for rows NewsQuant does not annotate)."""
    if fig.value is None:
        return None
    score = SCORE.fullmatch(fig.text)
    if fig.kind == "other" and score:
        unit = _head_lemma(fig.counted, nlp) if fig.counted else "-"
        return Quantity(float(score.group(1)), float(score.group(2)), unit=unit, count_noun=bool(fig.counted))
    if fig.kind not in KEPT_KINDS and not (fig.kind == "other" and fig.text.lower() == "one"):
        return None
    if fig.vague and fig.low is not None and fig.high is not None:
        low, high = fig.low / 2, fig.high + 1
    elif fig.qualifier == "range":
        low, high = fig.low, fig.high
    else:
        low = high = fig.value
    if fig.kind == "age":
        unit = f"{fig.unit or 'year'} of age"
    elif fig.relative == "multiple":
        unit = "count"
    elif fig.unit == "fraction":
        unit = "% " + (_head_lemma(fig.counted, nlp) if fig.counted else "-")
    elif fig.unit == "count":
        unit = _head_lemma(fig.counted, nlp) if fig.counted else "-"
        if unit == "time":
            unit = "count"   # "3,200 times": the paper's unit for a frequency or multiple
    else:
        code = fig.unit or "-"
        unit = UNIT_NAMES.get(code) or " per ".join(UNIT_NAMES.get(part, part) for part in code.split("/"))
    change = {"approx": "~", "at_least": ">", "at_most": "<"}.get(fig.qualifier, "=")
    if change in ("=", "~") and fig.change in ("up", "down") and fig.relative == "change":
        change = fig.change   # the paper marks a bound first ("climbed more than 3%" is ">"), then the change
    return Quantity(low, high, unit=unit, change=change,
                    count_noun=fig.unit in ("count", "fraction") and bool(fig.counted) and fig.relative != "multiple")


def about_words(parsed, fig) -> set[str]:
    """What a figure is about, for the concept score: the subject of its clause, or the noun it measures.

    The ledger stores what is *counted*; NewsQuant's concepts are what the quantity is about, not
    its unit ("Ford, which has 13,000 workers" is about Ford), read here from the parse for scoring
    only: the noun a measure modifies ("a 5kW solar system"), the noun an 'of'/'in' phrase hangs
    from, else the subject of the clause, going up through relative clauses (their antecedent) and
    through clauses whose subject is a pronoun (the subject of the clause they belong to).
    """
    span = parsed.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None:
        return set()
    node = span.root
    words: set[str] = set()
    if fig.unit not in ("count", None) and node.dep_ in ("nummod", "compound", "amod", "nmod") \
            and node.head.pos_ in ("NOUN", "PROPN") and node.head.i >= span.end:
        words |= _np_words(node.head) - set(span.text.lower().split())
    for _ in range(8):
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.pos_ in ("NOUN", "PROPN") \
                and node.head.head.i < span.start:
            words |= _np_words(node.head.head)
            break
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and any(t.i in range(span.start, span.end) for t in subjects[0].subtree):
                break   # "460 vehicles were stolen": the subject is the counted thing itself
            if subjects and subjects[0].pos_ != "PRON":
                words |= _np_words(subjects[0])
                break
            if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
                words |= _np_words(node.head)
                break
            if node.head.i != node.i and node.dep_ in ("xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp"):
                node = node.head
                continue
            break
        node = node.head
    return words


def _np_words(token) -> set[str]:
    return {t.lower_ for t in token.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_ not in STOP}


def run_ours(texts: list[str], nlp=None) -> list[list[Quantity]]:
    from claimledger import nlp as nlp_mod
    from claimledger.extract.figures import extract_figures
    from claimledger.model import Document

    nlp = nlp or nlp_mod.load()
    out = []
    for i, parsed in enumerate(nlp.pipe(texts, batch_size=64)):
        doc = Document(id=f"s{i}", text=parsed.text)
        row = []
        for fig in extract_figures(doc, parsed):
            quantity = to_quantity(fig, nlp)
            if quantity is None:
                continue
            if not (fig.kind == "other" and fig.text.lower() == "one"):
                quantity.concepts |= about_words(parsed, fig)   # "one of the best screens" is about nothing else
            row.append(quantity)
        out.append(row)
    return out


# quantulum3 -----------------------------------------------------------------------------------

def quantulum_parser() -> Optional[Callable[[str], list]]:
    try:
        import quantulum3.classifier as classifier
        classifier.USE_CLF = False
        from quantulum3 import parser
    except Exception:  # noqa: BLE001 - any import failure means "not installed" for this column
        return None
    return parser.parse


def run_quantulum(texts: list[str], parse: Callable[[str], list]) -> list[list[Quantity]]:
    out = []
    for text in texts:
        row = []
        try:
            found = parse(text)
        except Exception:  # noqa: BLE001 - the baseline crashes on some inputs; count as no output
            found = []
        for q in found:
            unc = getattr(q, "uncertainty", None)
            low, high = (q.value - unc, q.value + unc) if unc else (q.value, q.value)
            name = q.unit.name if q.unit is not None else "-"
            row.append(Quantity(low, high, unit="-" if name == "dimensionless" else name))
        out.append(row)
    return out


# Metric ---------------------------------------------------------------------------------------

def _same_value(g: Quantity, p: Quantity) -> bool:
    return bool(np.isclose(g.low, p.low) and np.isclose(g.high, p.high))


def _same_unit(g: Quantity, p: Quantity) -> bool:
    gold = g.unit.lower().strip()
    pred = p.unit.lower().strip()
    if gold == pred:
        return True
    if p.count_noun and gold not in ("-", ""):
        return gold.split()[-1].rstrip("s") == pred.split()[-1].rstrip("s")
    return False


def _matches(mode: str, g: Quantity, p: Quantity) -> bool:
    if not _same_value(g, p):
        return False
    if mode == "value+unit":
        return _same_unit(g, p)
    if mode == "value+change":
        return g.change == p.change
    if mode == "value+concept":
        return (not g.concepts and not p.concepts) or bool(g.concepts & p.concepts)
    return True


def counts(gold: list[list[Quantity]], pred: list[list[Quantity]], mode: str) -> tuple[int, int, int]:
    """(matched, predicted, gold) over all sentences, each gold quantity matched at most once."""
    matched = n_pred = n_gold = 0
    for g_row, p_row in zip(gold, pred):
        n_gold += len(g_row)
        n_pred += len(p_row)
        used: set[int] = set()
        for g in g_row:
            for k, p in enumerate(p_row):
                if k not in used and _matches(mode, g, p):
                    used.add(k)
                    matched += 1
                    break
    return matched, n_pred, n_gold


def prf(gold: list[list[Quantity]], pred: list[list[Quantity]], mode: str = "value") -> tuple[float, float, float]:
    """Precision, recall, F1 in percent (the paper's metric)."""
    matched, n_pred, n_gold = counts(gold, pred, mode)
    p = 100.0 * matched / n_pred if n_pred else 0.0
    r = 100.0 * matched / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(entries: list[dict], nlp=None) -> dict[str, tuple[float, float, float]]:
    """Our P/R/F1 per mode on ``entries`` (importable for the regression test)."""
    texts = [e["text"] for e in entries]
    gold = [gold_quantities(e) for e in entries]
    pred = run_ours(texts, nlp)
    return {mode: prf(gold, pred, mode) for mode in MODES}


def _show(q: Quantity) -> str:
    value = f"{q.low:g}" if q.low == q.high else f"{q.low:g}-{q.high:g}"
    return f"{value} [{q.unit}] {q.change} {{{','.join(sorted(q.concepts))}}}"


def error_lines(texts: list[str], gold: list[list[Quantity]], pred: list[list[Quantity]], mode: str) -> list[str]:
    """Per sentence: gold quantities not matched (``-``) and predictions not matched (``+``) under ``mode``."""
    lines = []
    for i, (text, g_row, p_row) in enumerate(zip(texts, gold, pred)):
        used: set[int] = set()
        missed = []
        for g in g_row:
            for k, p in enumerate(p_row):
                if k not in used and _matches(mode, g, p):
                    used.add(k)
                    break
            else:
                missed.append(g)
        extra = [p for k, p in enumerate(p_row) if k not in used]
        if missed or extra:
            lines.append(f"#{i} {text}")
            lines += [f"   - {_show(g)}" for g in missed]
            lines += [f"   + {_show(p)}" for p in extra]
    return lines


# Report ---------------------------------------------------------------------------------------

def _fmt(score: Optional[Iterable[float]]) -> str:
    return " / ".join(f"{x:5.1f}" for x in score) if score else "–"


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding the NewsQuant files")
    ap.add_argument("--file", default="newsquant_dev.json", help="which NewsQuant file to score")
    ap.add_argument("--limit", type=int, default=None, help="only the first N sentences of the file")
    ap.add_argument("--errors", choices=MODES, default=None,
                    help="print our misses under this mode, for the read part only")
    args = ap.parse_args(argv)
    entries = load(args.data / args.file, args.limit)
    parts = split(entries)
    texts = [e["text"] for e in entries]
    gold = [gold_quantities(e) for e in entries]
    t0 = time.perf_counter()
    ours = run_ours(texts)
    t_ours = time.perf_counter() - t0
    which = [part(e) for e in entries]
    if args.errors:
        read_idx = [i for i, w in enumerate(which) if w == "read"]
        print("\n".join(error_lines([texts[i] for i in read_idx], [gold[i] for i in read_idx],
                                     [ours[i] for i in read_idx], args.errors)))
    parse = quantulum_parser()
    t_q = None
    theirs = None
    if parse is not None:
        t0 = time.perf_counter()
        theirs = run_quantulum(texts, parse)
        t_q = time.perf_counter() - t0

    def pick(rows: list, name: str) -> list:
        return [r for r, w in zip(rows, which) if w == name]

    n_read, n_held = len(parts["read"]), len(parts["held"])
    print(f"{args.file}: {len(entries)} sentences, {sum(map(len, gold))} gold quantities; "
          f"read {n_read} / held back {n_held} (P / R / F1)")
    header = (f"{'mode':15} | {'claimledger read':21} | {'claimledger held':21} | {'quantulum3 held':21} | "
              f"{'CQE (paper, all)':21}")
    print(header)
    print("-" * len(header))
    for mode in MODES:
        read_s = prf(pick(gold, "read"), pick(ours, "read"), mode)
        held_s = prf(pick(gold, "held"), pick(ours, "held"), mode)
        if theirs is None:
            q_s = "not installed"
        elif mode in ("value", "value+unit"):
            q_s = _fmt(prf(pick(gold, "held"), pick(theirs, "held"), mode))
        else:
            q_s = "–"
        print(f"{mode:15} | {_fmt(read_s):21} | {_fmt(held_s):21} | {q_s:21} | {_fmt(PAPER['CQE'].get(mode)):21}")
    speed = f"claimledger (parse + extract) {t_ours:.2f}s"
    if t_q is not None:
        speed += f", quantulum3 {t_q:.2f}s"
    print(speed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
