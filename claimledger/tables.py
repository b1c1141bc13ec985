"""Plain-text tables for the terminal: the CLI's listing verbs build rows here and print them."""

from __future__ import annotations

import shutil
from typing import Any, Iterable, Sequence


def fmt_number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def fmt_bounds(low: float | None, high: float | None) -> str:
    if low is None and high is None:
        return ""
    if low == high:
        return fmt_number(low)
    return f"{fmt_number(low) or '…'}–{fmt_number(high) or '…'}"


def excerpt(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render(header: Sequence[str], rows: Iterable[Sequence[Any]], max_width: int | None = None) -> str:
    """Left-aligned columns; the last column is cut to fit the terminal."""
    rows = [["" if c is None else str(c) for c in row] for row in rows]
    widths = [len(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = min(max(widths[i], len(cell)), 60)
    total = max_width or shutil.get_terminal_size((160, 20)).columns
    fixed = sum(widths[:-1]) + 2 * (len(widths) - 1)
    widths[-1] = max(20, min(widths[-1], total - fixed))

    def line(cells: Sequence[str]) -> str:
        out = []
        for cell, w in zip(cells, widths):
            out.append(cell if len(cell) <= w else cell[: w - 1] + "…")
        return "  ".join(c.ljust(w) for c, w in zip(out, widths)).rstrip()

    lines = [line(list(header)), line(["-" * w for w in widths])]
    lines.extend(line(r) for r in rows)
    return "\n".join(lines)
