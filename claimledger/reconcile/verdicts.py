"""A verdict per measure, the sentence that explains it, and low/best/high.

Each figure becomes an interval of values it allows, from its bounds and qualifier:
exact numbers +- under half their rounding ("11,000" is 10,550-11,450, at most +-5 %,
a rounded number at least +-0.5 %; a count given to the unit, "826", is that count: 826 and 834
are two different tallies); ``approx`` -25 %/+33 % ("around 300");
``at_least`` [v, inf); ``at_most`` [0, v]; ``range`` [low, high] +-5 %.  Two figures are
compatible when their intervals meet ("at least 100" and "around 300" agree).

Incompatible pairs are a *conflict* when nothing puts one before the other (or a unit mismatch
makes them incomparable, e.g. km vs km²), and *evolving* when one is earlier (for running totals
such as killed or wounded, only if the later figure is not lower).  What comes first (``order``):
precise as-of dates or windows more than a day apart; otherwise the wording, which works without
any publication date: within one article its as-of phrases ("last year" < "last month" < "so
far") and "up from"; across articles, an update ("has increased to more than 15,000") comes
after a figure it moves away from, and a figure its article places in the past ("last year")
before one about another article's present.  Compatible figures at different times whose best
values differ by half or more ("at least 100" in December, "around 300" in January) are evolving
too.  Verdict: conflict > evolving > agree (two or more origins, all compatible; when their
values are far apart the explanation says where they can all hold: "compatible only between 270
and 330") > single_origin (one origin, or nothing to compare).

Per source (one row per figure): ``low``/``high`` are the bounds its wording states (None when
unbounded: "at least 100" has no high) and ``best`` the reported value, as in UCDP's
low/best/high; the tolerance intervals above are only used to compare.  For the measure, only
figures of the latest period (those no other figure comes after, by ``order``) count: ``best`` is the
median of their best values (UCDP "best"), ``low`` the lowest stated lower bound (the
conservative figure ACLED would publish), ``high`` the highest stated upper bound (a figure
without one, "more than 15,000", contributes its value to both).  A row is ``interested`` when the source belongs to a warring party (an affiliation
that is the nation of a counted military force or of a military source) or to the population
counted (a party reporting its own votes).
"""

from __future__ import annotations

import functools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional

from claimledger.link.dates import format_window, midpoint, parse_window
from claimledger.link.measures import MeasureGroup, in_base_unit, set_against
from claimledger.link.timeline import is_earlier_value, months_ago, order_in_document, update_direction
from claimledger.link.names import country_of, fold
from claimledger.model import Document, Figure, Measure
from claimledger.reconcile.origins import Origin, OriginIndex, count_phrase

SAME_TIME = timedelta(days=1)
"""Figures whose as-of windows come within a day of each other describe the same moment."""
PRECISE = timedelta(days=62)
"""A date window wider than this (a bare year, an open-ended inferred window) cannot order figures."""
RUNNING_TOTALS = {"killed", "wounded", "killed_and_wounded", "captured", "missing", "displaced", "supplied"}
INF = float("inf")
MAX_CONFLICTS_PER_MEASURE = 10
EVOLVING_RATIO = 1.5
# Verdicts compare figures pairwise.  A measure with more figures than this (a list of thousands
# of numbers in one table-like sentence) is judged on a sample that keeps its extremes, so one
# pathological article cannot make ``add`` quadratic.
PAIRWISE_LIMIT = 300
"""Compatible figures at different dates whose best values differ this much show evolution."""


@dataclass
class Row:
    fig: Figure
    origin: Origin
    low: float
    high: float
    best: Optional[float]
    when: Optional[date]
    window: Optional[tuple[date, date]] = None
    mismatch: bool = False
    rank: Optional[float] = 0.0        # months before its article's date, from the wording
    update: Optional[str] = None       # up | down | any: change words mark an update
    earlier: bool = False              # the old value of "up from 250"
    inferred: bool = False             # the date comes from an inferred publication date

    def date_text(self) -> Optional[str]:
        """The date as a text or metadata states it ("2025-01-14", a window), "inferred …" when
        it was guessed, None when there is none: a midpoint is never shown as a fact."""
        if not (self.precise and self.window):
            return None
        shown = format_window(*self.window)
        return f"inferred {shown}" if self.inferred else shown

    @property
    def precise(self) -> bool:
        return bool(self.window) and self.window[1] - self.window[0] <= PRECISE


@dataclass
class Judgement:
    """What the verdict step found, for the conflicts module."""

    conflicts: list[tuple[list[str], str, str]] = field(default_factory=list)   # ids, kind, text


def interval(fig: Figure) -> tuple[float, float]:
    """The values a figure allows, in the base unit of its dimension."""
    v, q = fig.value, fig.qualifier
    if v is None or q == "range" or fig.vague:
        a = fig.low if fig.low is not None else (v * 0.95 if v is not None else 0.0)
        b = fig.high if fig.high is not None else (v * 1.05 if v is not None else INF)
        return _base(fig, a * 0.95), (_base(fig, b * 1.05) if b != INF else INF)
    if q == "approx":
        return _base(fig, v * 0.75), _base(fig, v * 1.33)
    if q == "at_least":
        return _base(fig, fig.low if fig.low is not None else v), INF
    if q == "at_most":
        return _base(fig, fig.low or 0.0), _base(fig, v)
    slack = min(0.45 * _granularity(v), 0.05 * abs(v)) if v else 0.0
    slack = max(slack, 0.005 * abs(v)) if _granularity(v) > 1 else slack
    return _base(fig, v - slack), _base(fig, v + slack)


DENIED_AFTER = re.compile(r"^[^.;]*?\b(?:are|is|were|was)\s+(?:\w+\s+)?(?:false|wrong|untrue|incorrect|baseless|"
                          r"inaccurate|exaggerated|fabricated|groundless|unfounded)\b", re.I)
REPORTED_BEFORE = re.compile(r"\b(?:reports?|claims?|allegations?|suggestions?|rumou?rs?|speculation)\s+"
                             r"(?:of|that)\b[^.;]*$", re.I)


def denied_in_text(doc: Document, fig: Figure) -> bool:
    """ "Reports of 300 homes lost are false": the figure is quoted only to be rejected, so it is
    nobody's estimate (the figures stage may not have marked it ``negated``)."""
    before = doc.text[fig.sentence_start:fig.start]
    after = doc.text[fig.end:fig.sentence_end or len(doc.text)]
    return bool(REPORTED_BEFORE.search(before) and DENIED_AFTER.search(after))


def _base(fig: Figure, value: float) -> float:
    return in_base_unit(fig, value) if value not in (None, INF) else value


def _granularity(v: float) -> float:
    """What a reported number was rounded to: 11,000 -> 1,000; 41,900 -> 100; 7.5 -> 0.1."""
    if not float(v).is_integer():
        decimals = len(f"{v:.6f}".rstrip("0").split(".")[1])
        return 10.0 ** -decimals
    n, g = int(abs(v)), 1
    while n and n % 10 == 0:
        n //= 10
        g *= 10
    return float(g)


def _when(fig: Figure, doc: Optional[Document]) -> Optional[date]:
    return midpoint(fig.as_of) or (midpoint(doc.published) if doc else None)


def describe(fig: Figure) -> str:
    """How the figure reads in an explanation: "around 300 (South Korean government, 2025-01)"."""
    text = fig.text.strip()
    if fig.qualifier_text and fig.qualifier_text.lower() not in text.lower():
        text = f"{fig.qualifier_text} {text}"
    if fig.unit_text and fig.unit_text.lower() not in text.lower():
        text = f"{text} {fig.unit_text}"
    return text


def judge(measure: Measure, group: MeasureGroup, index: OriginIndex, parties: set[str],
          judgement: Judgement) -> None:
    """Fill verdict, explanation, origins, articles, per_source and low/best/high (in place)."""
    rows = []
    for fig in group.figures:
        doc = index.docs.get(fig.doc)
        if fig.id in group.conversions or fig.negated or (doc is not None and denied_in_text(doc, fig)):
            continue
        low, high = interval(fig)
        rows.append(Row(fig, index.of_figure(fig), low, high, in_base_unit(fig, fig.value), _when(fig, doc),
                        window=parse_window(fig.as_of) or parse_window(doc.published if doc else None),
                        mismatch=fig in group.unit_mismatch, rank=months_ago(fig.as_of_text),
                        update=update_direction(doc, fig) if doc else None,
                        earlier=is_earlier_value(doc, fig) if doc else False,
                        inferred=bool(doc is not None and doc.published_how == "inferred")))
    if any(not r.fig.implicit for r in rows):      # a count read from words only fills a gap
        rows = [r for r in rows if not r.fig.implicit]
    _inherit_body_origins(rows, index)
    articles = {index.root_doc(f.doc) for f in group.figures + group.relatives}
    all_docs = {f.doc for f in group.figures + group.relatives}
    origins: dict[str, Origin] = {}
    for r in rows:
        origins.setdefault(r.origin.key, r.origin)
    measure.origins = sorted({o.name for o in origins.values()})
    measure.articles = len(all_docs)
    measure.per_source = [_per_source(r, measure, parties) for r in rows]
    _summarise(measure, rows)
    counts = count_phrase(len(all_docs), len(origins))
    if len(articles) < len(all_docs):
        counts += f" ({len(all_docs) - len(articles)} syndicated cop{'ies' if len(all_docs) - len(articles) > 1 else 'y'})"
    if not rows:
        measure.verdict = "single_origin"
        measure.explanation = f"Only relative figures ({', '.join(describe(f) for f in group.relatives)}); {counts}."
        return
    conflict_pairs, evolving_pairs, unit_pairs = [], [], []
    contenders = _contenders(rows, measure, group.quiet)
    for i, a in enumerate(contenders):
        for b in contenders[i + 1:]:
            if restating(a, b, index.docs):
                continue
            if a.mismatch != b.mismatch:
                unit_pairs.append((a, b))
                continue
            if a.low <= b.high and b.low <= a.high:
                continue
            ordered = order(a, b)
            if ordered:
                early, late = ordered
                if measure.event in RUNNING_TOTALS and late.high < early.low:
                    conflict_pairs.append((early, late))
                else:
                    evolving_pairs.append((early, late))
            else:
                conflict_pairs.append((a, b))
    if not conflict_pairs and not evolving_pairs:
        evolving_pairs = _moving_but_compatible(pairwise_sample(rows))
    conflict_pairs = _one_per_origin_pair(conflict_pairs)
    unit_pairs = _one_per_origin_pair(unit_pairs)
    for a, b in unit_pairs:
        judgement.conflicts.append(([a.fig.id, b.fig.id], "unit",
                                    f"{measure.label}: {_say(a)} and {_say(b)} use different units "
                                    f"({a.fig.unit_text or a.fig.unit} vs {b.fig.unit_text or b.fig.unit}); "
                                    f"{(a if a.mismatch else b).fig.unit_warning or 'probably the same area given as a length'}."))
    for a, b in conflict_pairs:
        judgement.conflicts.append(([a.fig.id, b.fig.id], "figures",
                                    f"{measure.label}: {_say(a)} vs {_say(b)}: incompatible at about the same time."))
    if not conflict_pairs:
        eligible = {id(r) for r in contenders}
        revisions = [(a, b) for a, b in _revisions(evolving_pairs)
                     if id(a) in eligible and id(b) in eligible and not restating(a, b, index.docs)]
        for early, late in _one_per_origin_pair(revisions):
            judgement.conflicts.append(([early.fig.id, late.fig.id], "figures",
                                        f"{measure.label}: revised from {_say(early)} to {_say(late)}: "
                                        f"not both the current count."))
    if conflict_pairs or unit_pairs:
        a, b = (conflict_pairs or unit_pairs)[0]
        extra = f" Units differ ({a.fig.unit_text or a.fig.unit} vs {b.fig.unit_text or b.fig.unit})." if unit_pairs else ""
        measure.verdict = "conflict"
        measure.explanation = (f"Conflict: {_say(a)} vs {_say(b)} cannot both be true at about the same time."
                               f"{extra} {counts}.")
        if evolving_pairs:
            moved = _steps(chronological(sorted({id(r): r for p in evolving_pairs for r in p}.values(),
                                                key=lambda r: r.fig.id)))
            if _monotone(moved):
                measure.explanation += " Also moving over time: " + " → ".join(
                    f"{describe(r.fig)} ({_when_text(r)})" for r in moved) + "."
    elif evolving_pairs:
        ordered = chronological(rows)
        steps = " → ".join(f"{describe(r.fig)} ({_when_text(r)})" for r in _steps(ordered))
        measure.verdict = "evolving"
        measure.explanation = f"Evolving over time: {steps}. {counts}."
    elif len(origins) >= 2 and not _all_compatible(_contenders(rows, measure)):
        measure.verdict = "far_apart"
        why = sorted({reason for r in rows if (reason := (group.quiet or {}).get(r.fig.id))})
        measure.explanation = (f"Far apart: {', '.join(_say(r) for r in _one_per_origin(rows))} differ, but no "
                               f"conflict is claimed: not each is worded as an estimate of the whole"
                               f"{' (' + '; '.join(why) + ')' if why else ''}. {counts}.")
    elif len(origins) >= 2 and _far_apart(rows):
        measure.verdict = "far_apart"
        measure.explanation = (f"Far apart: {', '.join(_say(r) for r in _one_per_origin(rows))} are compatible "
                               f"{_spread(rows, measure)}. {counts}.")
    elif len(origins) >= 2:
        measure.verdict = "agree"
        measure.explanation = (f"Agree: {', '.join(_say(r) for r in _one_per_origin(rows))} are compatible "
                               f"{_spread(rows, measure)}. {counts}.")
    else:
        measure.verdict = "single_origin"
        only = next(iter(origins.values())).name
        measure.explanation = (f"Single origin: every figure traces back to {only} "
                               f"({', '.join(describe(r.fig) for r in rows[:3])}). {counts}.")
    if group.relatives:
        measure.explanation += f" Relative: {', '.join(_relative(f, group) for f in group.relatives)}."


def _inherit_body_origins(rows: list[Row], index: OriginIndex) -> None:
    """A headline or lead repeating an attributed figure of its own article ("kills at least
    1,200" above "..., the agency said") has that figure's origin, not the article's."""
    for r in rows:
        if r.fig.source or r.origin.source_id:
            continue
        root = index.root_doc(r.fig.doc)
        for other in rows:
            if other.origin.source_id and index.root_doc(other.fig.doc) == root and \
                    other.low <= r.high and r.low <= other.high:
                r.origin = other.origin
                break


def _spread(rows: list[Row], measure: Measure) -> str:
    """ "once qualifiers and ranges are applied", or, when the values are far apart, where
    they can all hold: "only between 270 and 330" (the bounds the sources state, else the
    tolerance intervals used to compare)."""
    comparable = [r for r in rows if not r.mismatch]
    bests = [r.best for r in comparable if r.best]
    if len(bests) < 2 or max(bests) < EVOLVING_RATIO * min(bests):
        return "once qualifiers and ranges are applied"
    stated = [stated_bounds(r.fig) for r in comparable]
    low = max((lo for lo, _ in stated if lo is not None), default=None)
    high = min((hi for _, hi in stated if hi is not None), default=None)
    if low is not None and high is not None and low > high:
        low, high = max(r.low for r in comparable), min(r.high for r in comparable)
    unit = f" {measure.unit}" if measure.unit and measure.unit not in ("count", "fraction") else ""
    if low is not None and high is not None and high != INF:
        where = f"only between {_num(low)} and {_num(high)}{unit}"
    elif low is not None:
        where = f"only at {_num(low)}{unit} or more"
    elif high is not None and high != INF:
        where = f"only at {_num(high)}{unit} or less"
    else:
        return "once qualifiers and ranges are applied"
    return f"once qualifiers and ranges are applied, but far apart: compatible {where}"


def _contenders(rows: list[Row], measure: Measure, quiet: Optional[dict[str, str]] = None) -> list[Row]:
    """The figures that can contradict each other.  Vague amounts ("hundreds") state no count;
    increments ("another 29") and subgroups are not estimates of one quantity; figures whose
    wording does not make them an estimate of the whole measure (``MeasureGroup.quiet``) stay
    out; a count under ten set against a measure whose figures run to hundreds is an anecdote
    or a part (two people named in a story of 1,000 dead), not a competing estimate."""
    if measure.scope in ("additional", "subgroup", "remaining"):
        return []
    precise = [r for r in rows if not r.fig.vague and r.fig.id not in (quiet or {})]
    bests = sorted(r.best for r in precise if r.best)
    typical = bests[len(bests) // 2] if bests else 0
    return pairwise_sample([r for r in precise if not (r.best is not None and r.best < 10 <= typical / 10)])


def restating(a: Row, b: Row, docs: dict[str, Document]) -> bool:
    """Two figures of one article from one origin are that source giving parts, steps or a
    restatement ("2 million nationwide, 400,000 in the capital"), never a contradiction of itself;
    unless its sentence sets them against each other ("police counted 80,000, while the unions
    claimed 400,000") or credits each ("26,000 according to the police, and 140,000 according to
    the unions"): then they are two sides, whoever the attribution credits."""
    if a.fig.doc != b.fig.doc or a.origin.key != b.origin.key:
        return False
    doc = docs.get(a.fig.doc)
    if doc is None or a.fig.sentence_start != b.fig.sentence_start:
        return True
    first, second = sorted((a.fig, b.fig), key=lambda f: f.start)
    between = doc.text[first.end:second.start]
    return not set_against(between)



def pairwise_sample(rows: list[Row], limit: int = PAIRWISE_LIMIT) -> list[Row]:
    """All rows up to ``limit``; beyond it the lowest and highest bounds (where conflicts lie)
    plus evenly spaced others, in their original order."""
    if len(rows) <= limit:
        return rows
    edge = limit // 4
    keep = {id(r) for r in sorted(rows, key=lambda r: r.low)[:edge]}
    keep |= {id(r) for r in sorted(rows, key=lambda r: r.high)[-edge:]}
    step = len(rows) / (limit - len(keep))
    keep |= {id(rows[int(i * step)]) for i in range(limit - len(keep))}
    return [r for r in rows if id(r) in keep]


def _all_compatible(rows: list[Row]) -> bool:
    """Every figure's interval meets every other's: only then may figures kept out of the
    contenders (``MeasureGroup.quiet``) leave a measure called ``agree``."""
    precise = [r for r in rows if not r.mismatch]
    return max((r.low for r in precise), default=0.0) <= min((r.high for r in precise), default=INF)


def _far_apart(rows: list[Row]) -> bool:
    """Compatible as stated, but the reported values differ by half or more ("at least 100",
    "around 300", "as many as 1,000")."""
    bests = [r.best for r in rows if not r.mismatch and r.best]
    return len(bests) >= 2 and max(bests) >= EVOLVING_RATIO * min(bests)


def _revisions(pairs: list[tuple[Row, Row]]) -> list[tuple[Row, Row]]:
    """Evolving pairs that are a real revision: incompatible values, the later one stated later."""
    return [(a, b) for a, b in pairs if not (a.low <= b.high and b.low <= a.high) and not b.earlier]


def _num(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 or float(x).is_integer() else f"{x:,.3g}"


def _moving_but_compatible(rows: list[Row]) -> list[tuple[Row, Row]]:
    """"at least 100" in December, "around 300" in January: compatible, yet the estimate moved.
    Best values at different times that differ by half or more count as evolution."""
    moved = []
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            ordered = order(a, b)
            if ordered and a.best and b.best:
                early, late = ordered
                if max(early.best, late.best) >= EVOLVING_RATIO * min(early.best, late.best):
                    moved.append((early, late))
    return moved


def order(a: Row, b: Row) -> Optional[tuple[Row, Row]]:
    """(earlier, later) when something says which came first, None for "about the same time".

    Precise dates decide first; figures of different articles with overlapping precise dates
    are simultaneous.  Otherwise the wording decides: within one article its as-of phrases
    ("last year" < "last month" < "so far") and "up from"; across articles an update ("has
    increased to 15,000") comes after a figure it moves away from, and a figure its article
    places in the past ("last year") comes before one about another article's present.
    """
    if a.precise and b.precise and a.when is not None and b.when is not None:  # never None < date
        if not same_time(a, b):
            return (a, b) if a.when < b.when else (b, a)
        if a.fig.doc != b.fig.doc:
            return None
    if a.fig.doc == b.fig.doc:
        if a.earlier != b.earlier:
            return (a, b) if a.earlier else (b, a)
        found = order_in_document(a.fig, b.fig)
        if found:
            return (a, b) if found < 0 else (b, a)
    for old, new in ((a, b), (b, a)):
        if new.update and not old.update and _moves(old, new):
            return old, new
    if a.fig.doc != b.fig.doc and a.rank is not None and b.rank is not None and a.rank != b.rank \
            and not (a.precise and b.precise):
        return (a, b) if a.rank > b.rank else (b, a)
    return None


def _moves(old: Row, new: Row) -> bool:
    """The update goes the way its change words say ("increased to" means higher)."""
    if old.best is None or new.best is None:
        return new.update == "any"
    return {"up": new.best > old.best, "down": new.best < old.best}.get(new.update or "", True)


def chronological(rows: list[Row]) -> list[Row]:
    """Rows earliest first: by ``order`` where it decides, else by date, then value."""
    def compare(a: Row, b: Row) -> int:
        found = order(a, b)
        if found:
            return -1 if found[0] is a else 1
        ka = (a.when or date.min, a.best or 0)
        kb = (b.when or date.min, b.best or 0)
        return (ka > kb) - (ka < kb)
    return sorted(rows, key=functools.cmp_to_key(compare))


def _when_text(r: Row) -> str:
    """ "2025-01-14" (or a window) for a dated figure, its wording ("last year") or "undated" otherwise."""
    if r.date_text():
        return r.date_text() or ""
    return " ".join((r.fig.as_of_text or "").split()) or ("update" if r.update else "undated")


def same_time(a: Row, b: Row) -> bool:
    """Undated figures are taken as simultaneous (nothing says otherwise)."""
    if not a.window or not b.window:
        return True
    return a.window[0] - SAME_TIME <= b.window[1] and b.window[0] - SAME_TIME <= a.window[1]


def _one_per_origin_pair(pairs: list[tuple[Row, Row]]) -> list[tuple[Row, Row]]:
    """The widest gap between each two origins (one conflict row, not one per copy), at most
    ``MAX_CONFLICTS_PER_MEASURE`` of them, widest first."""
    best: dict[tuple[str, str], tuple[float, tuple[Row, Row]]] = {}
    for a, b in pairs:
        key = tuple(sorted((a.origin.key, b.origin.key)))
        gap = max(a.low - b.high, b.low - a.high)
        if key not in best or gap > best[key][0]:
            best[key] = (gap, (a, b))
    ranked = sorted(best.values(), key=lambda gp: -gp[0] if gp[0] != INF else float("-inf"))
    return [pair for _, pair in ranked[:MAX_CONFLICTS_PER_MEASURE]]


def _relative(fig: Figure, group: MeasureGroup) -> str:
    """ "about half (≈ 625 of 1,250 square kilometers)" when the base figure is known."""
    base = next((f for f in group.figures if f.id == fig.relative_to), None)
    if base is None or base.value is None or fig.value is None or fig.unit != "fraction":
        return describe(fig)
    return f"{describe(fig)} (≈ {fig.value * base.value:,.0f} of {describe(base)})"


def _steps(ordered: list[Row]) -> list[Row]:
    """The rows where the estimate moved: incompatible with the previous step, or later and
    with another value ("more than 40,000" then "65,000")."""
    steps: list[Row] = []
    for r in ordered:
        if not steps:
            steps.append(r)
            continue
        prev = steps[-1]
        later = order(prev, r) == (prev, r)
        if not (r.low <= prev.high and prev.low <= r.high) or (later and r.best != prev.best and not r.earlier):
            steps.append(r)
    return steps


def _monotone(steps: list[Row]) -> bool:
    values = [r.best for r in steps if r.best is not None]
    pairs = list(zip(values, values[1:]))
    return len(values) > 1 and (all(a <= b for a, b in pairs) or all(a >= b for a, b in pairs))


def _one_per_origin(rows: list[Row]) -> list[Row]:
    seen, out = set(), []
    for r in rows:
        if r.origin.key not in seen:
            seen.add(r.origin.key)
            out.append(r)
    return out


def _say(r: Row) -> str:
    when = r.date_text()
    return f"{describe(r.fig)} ({r.origin.name}{', ' + when if when else ''})"


def _finite(x: float) -> Optional[float]:
    return None if x in (INF, -INF) else round(x, 3)


def stated_bounds(fig: Figure) -> tuple[Optional[float], Optional[float]]:
    """The bounds the wording gives (None = unbounded), in the base unit; an exact or approximate
    figure without bounds is its own low and high."""
    low = fig.low if fig.low is not None else (fig.value if fig.qualifier in ("exact", "approx", "at_least") else None)
    high = fig.high if fig.high is not None else (fig.value if fig.qualifier in ("exact", "approx", "at_most") else None)
    return in_base_unit(fig, low), in_base_unit(fig, high)


def _per_source(r: Row, measure: Measure, parties: set[str]) -> dict:
    low, high = stated_bounds(r.fig)
    return {"source": r.origin.name, "source_id": r.origin.source_id, "low": low, "best": r.best, "high": high,
            "date": r.date_text() or (r.fig.as_of if r.fig.as_of and not r.inferred else None),
            "interested": is_interested(r.origin, measure, parties), "figure": r.fig.id}


def is_interested(origin: Origin, measure: Measure, parties: set[str]) -> bool:
    """A warring party's own claim, or a claim by whom the measure counts ("Okafor's campaign"
    on "Votes for Daniel Okafor")."""
    country = country_of(origin.affiliation) if origin.affiliation else None
    if country and country in parties:
        return True
    about = fold(f"{measure.counted or ''} {measure.label}")
    names = {fold(w) for w in re.findall(r"\b[A-Z][\w'’-]{3,}", origin.affiliation or "")}
    return any(re.search(rf"\b{re.escape(n)}", about) for n in names if n)


def _summarise(measure: Measure, rows: list[Row]) -> None:
    comparable = [r for r in rows if not r.mismatch]
    if not comparable:
        return
    current = [r for r in comparable if not any(order(r, s) == (r, s) for s in comparable if s is not r)] \
        if len(comparable) <= 200 else comparable
    bests = [r.best for r in current if r.best is not None]
    measure.best = statistics.median(bests) if bests else None
    bounds = [(stated_bounds(r.fig), r.best) for r in current]
    lows = [lo if lo is not None else best for (lo, _), best in bounds if (lo if lo is not None else best) is not None]
    highs = [hi if hi is not None else best for (_, hi), best in bounds if (hi if hi is not None else best) is not None]
    measure.low = min(lows) if lows else None
    measure.high = max(highs) if highs else None
    latest = _latest(comparable)
    if latest is not None:
        measure.latest = latest.best
        measure.latest_date = latest.date_text()


def _latest(rows: list[Row]) -> Optional[Row]:
    """The figure of the most recent report: the latest dated one (a later stated date wins, the
    text's own order breaks ties), never an "up from" old value."""
    candidates = [r for r in rows if not r.earlier and r.best is not None] or rows
    if not candidates:
        return None
    candidates = pairwise_sample(candidates)
    ordered = chronological(candidates)
    dated = [r for r in ordered if r.when is not None]
    if dated:
        last_day = max(r.when for r in dated)
        ordered = [r for r in dated if r.when == last_day]
    last = [r for r in ordered if not any(order(r, s) == (r, s) for s in ordered if s is not r)] or ordered
    values = Counter(r.best for r in last)              # reports of one moment: the value most give
    top = max(values.values())
    common = sorted(v for v, n in values.items() if n == top)
    best = common[(len(common) - 1) // 2]
    return next(r for r in reversed(last) if r.best == best)
