"""CSV export: one table per record type, plus ``estimates`` in the shape analysts keep by hand.

``estimates`` has one row per figure that belongs to a measure: date, low, high, best, measure,
source, via chain, document, url, qualifier, sentence.  Lists are joined with `` > `` (chains)
or ``;``.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import os
from typing import Any, Iterable, TextIO

from claimledger.export.json_export import ARRAYS, record_json
from claimledger.model import Document, Figure, Measure
from claimledger.store import Ledger

TABLES = ("documents", *ARRAYS, "estimates")


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return ";".join(f"{k}={v}" for k, v in value.items())
    return "" if value is None else value


def table_rows(ledger: Ledger, table: str) -> tuple[list[str], list[dict[str, Any]]]:
    if table == "documents":
        rows = [d.columns() for d in ledger.documents()]
    elif table == "estimates":
        rows = estimate_rows(ledger)
    else:
        rows = [record_json(r) for r in ledger.rows(ARRAYS[table])]
    header = list(rows[0]) if rows else _empty_header(table)
    return header, rows


def _empty_header(table: str) -> list[str]:
    """Column names for a table with no rows, so an empty CSV still has its header."""
    if table == "estimates":
        return list(ESTIMATE_COLUMNS)
    if table == "documents":
        return list(Document().columns())
    return ["document" if f.name == "doc" else f.name for f in dataclasses.fields(ARRAYS[table])]


ESTIMATE_COLUMNS = ("date", "low", "high", "best", "qualifier", "measure", "measure_label", "unit",
                    "source", "via", "document", "url", "outlet", "figure", "text", "sentence")


def estimate_rows(ledger: Ledger) -> list[dict[str, Any]]:
    figures = {f.id: f for f in ledger.rows(Figure)}
    sources = ledger.source_names()
    docs = {d.id: d for d in ledger.documents()}
    rows = []
    for measure in ledger.rows(Measure):
        for fid in measure.figures:
            f = figures.get(fid)
            if f is None:
                continue
            doc = docs.get(f.doc)
            rows.append({
                "date": f.as_of or (doc.published if doc else None),
                "low": f.low, "high": f.high, "best": f.value, "qualifier": f.qualifier,
                "measure": measure.id, "measure_label": measure.label, "unit": measure.unit,
                "source": sources.get(f.source or "", f.source),
                "via": " > ".join(sources.get(s, s) for s in f.via),
                "document": f.doc, "url": doc.url if doc else None, "outlet": doc.outlet if doc else None,
                "figure": f.id, "text": f.text,
                "sentence": doc.text[f.sentence_start:f.sentence_end] if doc else None,
            })
    return rows


def write_table(out: TextIO, header: list[str], rows: Iterable[dict[str, Any]]) -> None:
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})


def write_csv(ledger: Ledger, out_dir: str | None, table: str | None = None, stdout: TextIO | None = None) -> list[str]:
    """Write every table into ``out_dir`` (one file each), or one ``table`` to ``stdout``."""
    if out_dir is None:
        header, rows = table_rows(ledger, table or "figures")
        write_table(stdout or io.StringIO(), header, rows)
        return []
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for name in ([table] if table else TABLES):
        header, rows = table_rows(ledger, name)
        path = os.path.join(out_dir, f"{name}.csv")
        with open(path, "w", newline="", encoding="utf-8") as fh:
            write_table(fh, header, rows)
        written.append(path)
    return written
