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
from typing import Any, Iterable, Iterator, TextIO

from claimledger.export.json_export import ARRAYS, record_json
from claimledger.model import Document
from claimledger.store import Ledger

TABLES = ("documents", *ARRAYS, "estimates")


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return ";".join(f"{k}={v}" for k, v in value.items())
    return "" if value is None else value


def table_rows(ledger: Ledger, table: str) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """A table's header and its rows, one at a time (streamed from the store)."""
    if table == "documents":
        rows: Iterator[dict[str, Any]] = (d.columns() for d in ledger.iter_rows(Document))
    elif table == "estimates":
        rows = iter_estimate_rows(ledger)
    else:
        rows = (record_json(r) for r in ledger.iter_rows(ARRAYS[table]))
    return _empty_header(table), rows


def _empty_header(table: str) -> list[str]:
    """Column names for a table with no rows, so an empty CSV still has its header."""
    if table == "estimates":
        return list(ESTIMATE_COLUMNS)
    if table == "documents":
        return list(Document().columns())
    return ["document" if f.name == "doc" else f.name for f in dataclasses.fields(ARRAYS[table])]


ESTIMATE_COLUMNS = ("date", "when", "amount", "low", "high", "best", "qualifier", "measure", "measure_label", "unit",
                    "source", "via", "document", "url", "outlet", "figure", "text", "sentence")


def estimate_rows(ledger: Ledger) -> list[dict[str, Any]]:
    return list(iter_estimate_rows(ledger))


def iter_estimate_rows(ledger: Ledger) -> Iterator[dict[str, Any]]:
    """One row per figure of a measure, story by story (each read on its own: memory follows
    the largest story), measures in headline order, figures in the timeline order, named as
    every other view names them (:mod:`claimledger.views`)."""
    from claimledger.views import VIEW_ANNOTATIONS, LedgerView, story_index, unit_label

    keys = story_index(ledger)
    for key, _, _ in keys:
        view = LedgerView.load(ledger, key if len(keys) > 1 else None, VIEW_ANNOTATIONS)
        for measure in view.headline_measures():
            for r in view.estimate_rows(measure):
                f = view.figure_by_id[r["id"]]
                doc = view.doc_by_id.get(f.doc)
                yield {
                    "date": r["date"], "when": r["when"], "amount": r["amount"],
                    "low": f.low, "high": f.high, "best": f.value, "qualifier": r["qualifier"],
                    "measure": measure.id, "measure_label": measure.label,
                    "unit": unit_label(measure.unit) or measure.unit,
                    "source": r["source"], "via": " > ".join(view.source_label(s) for s in view.chain(f)[1:]),
                    "document": f.doc, "url": doc.url if doc else None, "outlet": r["outlet"],
                    "figure": f.id, "text": f.text, "sentence": r["sentence"],
                }
        del view


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
