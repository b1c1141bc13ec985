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
MIN_LAST = 24
"""The evidence column (last) keeps at least this much room before it wraps."""
GAP = 2


def terminal_width(default: int = 100) -> int:
    return shutil.get_terminal_size((default, 20)).columns


def fit_widths(natural: list[int], headers: Sequence[str], total: int) -> list[int]:
    """Narrow the widest columns until the table fits ``total`` characters (or cannot shrink)."""
    widths = list(natural)
    floors = [max(len(h), MIN_WIDTH) for h in headers]
    if widths:
        floors[-1] = max(floors[-1], min(MIN_LAST, natural[-1]))
    budget = total - GAP * (len(widths) - 1)
    while sum(widths) > budget:
        # the evidence column gives way only when the others are down to its width
        candidates = [i for i, w in enumerate(widths) if w > floors[i]]
        if not candidates:
            break
        i = max(candidates, key=lambda k: (widths[k] if k < len(widths) - 1 else widths[k] // 2, -k))
        widths[i] -= max(1, min(widths[i] - floors[i], sum(widths) - budget, 8))
    return widths


def render(header: Sequence[str], rows: Iterable[Sequence[Any]], max_width: int | None = None,
           wide: bool = False) -> str:
    """Left-aligned columns that fit the terminal, long cells wrapped; ``wide``: one line per row."""
    rows = [[" ".join(("" if c is None else str(c)).split()) for c in row] for row in rows]
    natural = [len(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row):
            natural[i] = max(natural[i], len(cell))
    widths = natural if wide else fit_widths(natural, header, max_width or terminal_width())

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
