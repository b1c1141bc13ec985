"""Plain-text tables for the terminal, sized to fit it.

Rows come from :mod:`claimledger.views` as dicts; this module only lays them out.  Columns keep
their natural width while the table fits; otherwise the widest columns are narrowed and their
cells wrapped onto several lines (the evidence column, last, keeps the most room), so nothing
is cut.  ``wide=True`` prints every cell on one line, whatever the terminal.
"""

from __future__ import annotations

import shutil
import textwrap
from typing import Any, Iterable, Sequence

from claimledger.views import excerpt, fmt_bounds, fmt_number  # noqa: F401  (re-exported for callers)

MIN_WIDTH = 8
"""A narrowed column never gets narrower than this (or its header)."""
NARROW_CAP = 22
"""A column other than the evidence keeps at most this width when the table must narrow."""
MIN_LAST = 24
EVIDENCE_SHARE = 0.45
"""The share of a narrow terminal the evidence column (last) gets first."""
"""The evidence column (last) keeps at least this much room before it wraps."""
GAP = 2


def terminal_width(default: int = 100) -> int:
    return shutil.get_terminal_size((default, 20)).columns


def fit_widths(natural: list[int], headers: Sequence[str], total: int,
               longest_words: Sequence[int] | None = None) -> list[int]:
    """Column widths that fit ``total`` characters: the evidence column (last) gets what the
    others leave, each other column keeps at least its longest word (no word is split) and at
    most ``NARROW_CAP`` characters; only when that is still too wide are words split."""
    if sum(natural) + GAP * (len(natural) - 1) <= total or not natural:
        return list(natural)
    words = list(longest_words or [MIN_WIDTH] * len(natural))
    floors = [min(n, max(len(h), min(w, NARROW_CAP))) for n, h, w in zip(natural, headers, words)]
    budget = total - GAP * (len(natural) - 1)
    widths = floors[:-1]
    last = min(natural[-1], max(MIN_LAST, int(budget * EVIDENCE_SHARE)))
    left = budget - sum(widths) - last
    growing = [i for i in range(len(widths)) if widths[i] < min(natural[i], NARROW_CAP)]
    while left > 0 and growing:  # what the evidence leaves: one character at a time to the others
        for i in list(growing):
            if left <= 0:
                break
            widths[i] += 1
            left -= 1
            if widths[i] >= min(natural[i], NARROW_CAP):
                growing.remove(i)
    return widths + [min(natural[-1], last + max(0, left))]


def render(header: Sequence[str], rows: Iterable[Sequence[Any]], max_width: int | None = None,
           wide: bool = False) -> str:
    """Left-aligned columns that fit the terminal, long cells wrapped; ``wide``: one line per row."""
    rows = [[" ".join(("" if c is None else str(c)).split()) for c in row] for row in rows]
    natural = [len(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row):
            natural[i] = max(natural[i], len(cell))
    words = [max((len(w) for r in rows for w in r[i].split()), default=0) for i in range(len(header))]
    widths = natural if wide else fit_widths(natural, header, max_width or terminal_width(), words)

    def lines_of(cells: Sequence[str]) -> list[str]:
        wrapped = [textwrap.wrap(c, w, break_long_words=True, break_on_hyphens=False) or [""] if len(c) > w else [c]
                   for c, w in zip(cells, widths)]
        height = max(len(w) for w in wrapped)
        out = []
        for n in range(height):
            out.append((" " * GAP).join((w[n] if n < len(w) else "").ljust(width)
                                        for w, width in zip(wrapped, widths)).rstrip())
        return out

    lines = lines_of(list(header)) + [(" " * GAP).join("-" * w for w in widths)]
    for r in rows:
        lines.extend(lines_of(r))
    return "\n".join(lines)
