"""Hand-written SVG charts: every estimate of one measure over time.

SVG written here needs no library, no script and no network to view, so the report stays one
mailable file.  One ``<g data-figure>`` mark per figure; its bounds are drawn honestly: a range
as an interval with caps, "at least"/"up to" as an arrow running to the chart edge (the other
bound is open), an approximate value as a hollow dot.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from html import escape
from typing import Callable, Optional

from claimledger.model import Figure, Measure
from claimledger.report.story import Story
from claimledger.views import amount_text, axis_bounds, fmt_number, unit_label

PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
    "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22",
)
WIDTH, HEIGHT = 680, 280
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 16, 44


def format_number(value: Optional[float]) -> str:
    """A tick or figure value (the view model's rule), ``?`` when unknown."""
    return fmt_number(value) if value is not None else "?"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering ``low..high`` (1, 2, 2.5 or 5 times a power of ten)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks, t = [round(first, 10)], first
    while t < high - step * 1e-9:
        t += step
        ticks.append(round(t, 10))
    return ticks


def colours_for(names: list[str]) -> dict[str, str]:
    """A stable colour per source, in order of first appearance."""
    out: dict[str, str] = {}
    for name in names:
        if name not in out:
            out[name] = PALETTE[len(out) % len(PALETTE)]
    return out


def figure_caption(story: Story, figure: Figure) -> str:
    """Tooltip text: the number, its qualifier, when, who (full chain) and the sentence."""
    day = story.day_of(figure)
    bits = [figure.text or format_number(figure.value)]
    amount = amount_text(figure)
    if amount and amount != figure.text:
        bits.append(f"({amount})")
    if figure.negated:
        bits.append("(denied)")
    head = " ".join(bits)
    when = (day.isoformat() + (" (inferred)" if story.date_inferred(figure) else "")) if day else "undated"
    return f"{head} · {when} · {story.chain_text(figure)}\n“{story.sentence(figure).strip()}”"


def plottable(figure: Figure, measure: Optional[Measure] = None) -> bool:
    """A figure gets a mark when it has a number in the axis unit (converted if need be) and is
    absolute (a share or change is not on the axis)."""
    return figure.relative is None and _bounds(figure, measure) is not None


def measure_chart(story: Story, measure: Measure, link: Optional[Callable[[Figure], str]] = None) -> str:
    """The SVG (as a string) of every figure of ``measure``; ``link`` gives each mark's href.

    x is the date the estimate holds for; when no figure has a date at all, each article gets a
    column instead (in publication order), so estimates still spread out and stay comparable.
    """
    plotted = [f for f in story.measure_figures(measure) if plottable(f, measure)]
    days = [story.day_of(f) for f in plotted]
    windows = [story.window_of(f) for f in plotted]
    known = [d for d in days if d is not None] + [w[0] for w in windows if w]
    undated = bool(known) and any(d is None for d in days)
    by_article = not known
    articles = list(dict.fromkeys(f.doc for f in plotted))
    first = min(known) if known else date(2000, 1, 1)
    last = max(known) if known else first
    if last == first:
        first, last = first - timedelta(days=1), last + timedelta(days=1)
    span = (last - first).days
    values = [v for f in plotted for v in _bounds(f, measure) if v is not None]
    y_low = min(0.0, min(values)) if values else 0.0
    y_high = max(values) if values else 1.0
    ticks = nice_ticks(y_low, y_high * 1.08 if y_high > 0 else y_high + 1)
    y_min, y_max = ticks[0], ticks[-1]
    plot_w = WIDTH - LEFT - RIGHT - (50 if undated else 0)
    plot_h = HEIGHT - TOP - BOTTOM
    arrow = "arrow-" + re.sub(r"[^A-Za-z0-9_-]", "-", measure.id)

    def x_of(key, nudge: float) -> float:
        if by_article:
            return LEFT + plot_w * (articles.index(key) + 0.5) / max(1, len(articles)) + nudge
        if key is None:
            return LEFT + plot_w + 30 + nudge
        return LEFT + 36 + (plot_w - 72) * (key - first).days / span + nudge

    def y_of(v: float) -> float:
        return TOP + plot_h - plot_h * (v - y_min) / (y_max - y_min)

    colours = colours_for([story.origin(f) for f in plotted])
    out = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" data-measure="{escape(measure.id)}" '
        f'aria-label="{escape(measure.label)}: {len(plotted)} estimates">',
        f'<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>',
    ]
    for t in ticks:
        y = y_of(t)
        out.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e5e5"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#555">{escape(format_number(t))}</text>')
    out.append(f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{TOP + plot_h}" stroke="#999"/>')
    out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="#999"/>')
    label_y = TOP + plot_h + 16
    if by_article:
        room = max(6, int(plot_w / max(1, len(articles)) / 6.2))
        for doc_id in articles:
            name = story.doc_label(doc_id)
            short = name if len(name) <= room else name[:room - 1] + "…"
            out.append(f'<text x="{x_of(doc_id, 0):.1f}" y="{label_y}" text-anchor="middle" font-size="10" fill="#555">'
                       f'<title>{escape(name)}</title>{escape(short)}</text>')
        out.append(f'<text x="{LEFT + plot_w / 2:.1f}" y="{label_y + 16}" text-anchor="middle" font-size="10" '
                   'fill="#888">undated: one column per article</text>')
    else:
        for day in _date_ticks(first, last):
            out.append(f'<text x="{x_of(day, 0):.1f}" y="{label_y}" text-anchor="middle" font-size="11" fill="#555">{day.isoformat()}</text>')
    if undated:
        out.append(f'<text x="{x_of(None, 0):.1f}" y="{label_y}" text-anchor="middle" font-size="11" fill="#555">undated</text>')
    unit = unit_label(measure.unit) or ("count" if (measure.unit or "count") == "count" else "")
    out.append(f'<text x="14" y="{TOP + plot_h / 2:.1f}" transform="rotate(-90 14 {TOP + plot_h / 2:.1f})" '
               f'text-anchor="middle" font-size="11" fill="#555">{escape(unit)}</text>')

    seen: dict[object, int] = {}
    for figure, day, window in zip(plotted, days, windows):
        key = figure.doc if by_article else day
        n = seen.get(key, 0)
        seen[key] = n + 1
        nudge = ((n + 1) // 2) * 12 * (1 if n % 2 else -1)
        span_x = (x_of(window[0], 0), x_of(window[1], 0)) if window and not by_article else None
        out.append(_mark(story, figure, x_of(key, nudge), y_of, y_min, y_max, colours[story.origin(figure)], link,
                         arrow, span_x, measure))
    out.append("</svg>")
    return "".join(out)


def legend(story: Story, measure: Measure) -> list[tuple[str, str]]:
    """(source, colour) pairs in the chart's order, for an HTML legend beside it."""
    figures = [f for f in story.measure_figures(measure) if plottable(f, measure)]
    return list(colours_for([story.origin(f) for f in figures]).items())


def _bounds(figure: Figure, measure: Optional[Measure] = None):
    """(low, point, high) to draw in the measure's unit, or None when there is no number to plot."""
    return axis_bounds(figure, measure)


def _mark(story, figure, x, y_of, y_min, y_max, colour, link, arrow, span_x=None, measure=None) -> str:
    low, point, high = _bounds(figure, measure)
    q = figure.qualifier
    parts = [f'<g class="mark q-{escape(q)}" data-figure="{escape(figure.id)}">']
    parts.append(f"<title>{escape(figure_caption(story, figure))}</title>")
    dash = ' stroke-dasharray="3 2"' if figure.negated or figure.hedge else ""
    if q == "at_least" or (low is not None and high is None and q != "exact"):
        start = low if low is not None else point
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y_of(start):.1f}" y2="{y_of(y_max) + 4:.1f}" '
                     f'stroke="{colour}" stroke-width="2" marker-end="url(#{arrow})"{dash}/>')
    elif q == "at_most" or (high is not None and low is None and q != "exact"):
        end = high if high is not None else point
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y_of(end):.1f}" y2="{y_of(y_min) - 4:.1f}" '
                     f'stroke="{colour}" stroke-width="2" marker-end="url(#{arrow})"{dash}/>')
    elif low is not None and high is not None and high > low:
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y_of(low):.1f}" y2="{y_of(high):.1f}" '
                     f'stroke="{colour}" stroke-width="2"{dash}/>')
        for v in (low, high):
            parts.append(f'<line x1="{x - 5:.1f}" x2="{x + 5:.1f}" y1="{y_of(v):.1f}" y2="{y_of(v):.1f}" stroke="{colour}" stroke-width="2"/>')
    fill = "#fff" if q in ("approx",) or figure.vague else colour
    shape_y = y_of(low if q == "at_least" and low is not None else high if q == "at_most" and high is not None else point)
    if span_x is not None:  # the date is only known as a window: show the whole window
        parts.append(f'<line class="when" x1="{span_x[0]:.1f}" x2="{span_x[1]:.1f}" y1="{shape_y:.1f}" y2="{shape_y:.1f}" '
                     f'stroke="{colour}" stroke-width="6" stroke-opacity="0.25" stroke-linecap="round"/>')
    parts.append(f'<circle cx="{x:.1f}" cy="{shape_y:.1f}" r="5" fill="{fill}" stroke="{colour}" stroke-width="2"/>')
    if figure.negated:
        parts.append(f'<path d="M{x - 6:.1f},{shape_y - 6:.1f} L{x + 6:.1f},{shape_y + 6:.1f} M{x - 6:.1f},{shape_y + 6:.1f} '
                     f'L{x + 6:.1f},{shape_y - 6:.1f}" stroke="#000" stroke-width="1.5"/>')
    parts.append("</g>")
    body = "".join(parts)
    if link is not None:
        body = f'<a href="{escape(link(figure))}">{body}</a>'
    return body


def _date_ticks(first: date, last: date, count: int = 5) -> list[date]:
    span = (last - first).days
    if span <= 2:
        return [first + timedelta(days=1)] if span == 2 else [first]
    step = max(1, round(span / (count - 1)))
    out, day = [], first
    while day <= last:
        out.append(day)
        day += timedelta(days=step)
    return out
