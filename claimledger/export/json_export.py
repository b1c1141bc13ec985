"""The JSON export: every record of the ledger, grouped by type.

Shape (``FORMAT_VERSION`` 1.0, JSON Schema in ``ledger-export.schema.json``)::

    {"claimledger": {"format_version", "generator", "exported_at"},
     "documents": [...], "figures": [...], "quotes": [...], "sources": [...],
     "mentions": [...], "entities": [...], "measures": [...], "conflicts": [...], "stories": [...]}

Each array holds the fields of the model class of the same name (``quotes`` are
``Statement`` records: direct quotes and indirect attributed claims, told apart by
``direct``).  The document id of a per-document record is exported as ``document``;
``start``/``end`` are character offsets into that document's ``text``.  Documents, entities,
measures and conflicts carry ``story``, the id of the ``stories`` row they belong to.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterator, TextIO

from claimledger import __version__
from claimledger.model import Conflict, Document, Entity, Figure, Measure, Mention, Record, Source, Statement, Story
from claimledger.store import Ledger

FORMAT_VERSION = "1.0"

ARRAYS: dict[str, type[Record]] = {
    "figures": Figure, "quotes": Statement, "sources": Source, "mentions": Mention,
    "entities": Entity, "measures": Measure, "conflicts": Conflict, "stories": Story,
}


def record_json(record: Record) -> dict[str, Any]:
    """A record as exported: model fields, with ``doc`` named ``document``."""
    data = record.to_dict()
    if "doc" in data:
        data = {("document" if k == "doc" else k): v for k, v in data.items()}
    return data


def header() -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "generator": f"claimledger {__version__}",
        "exported_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
    }


def arrays(ledger: Ledger) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """(array name, its records one at a time), in export order: what both writers read."""
    yield "documents", (d.columns() for d in ledger.iter_rows(Document))
    for name, cls in ARRAYS.items():
        yield name, (record_json(r) for r in ledger.iter_rows(cls))


def to_json(ledger: Ledger) -> dict[str, Any]:
    """The whole export as one dict (for small ledgers and tests; ``write_json`` streams)."""
    out: dict[str, Any] = {"claimledger": header()}
    for name, records in arrays(ledger):
        out[name] = list(records)
    return out


def write_json(ledger: Ledger, out: TextIO) -> int:
    """Write the export to ``out`` one record at a time (memory bounded by the largest record);
    returns the number of records written.  Same content as ``json.dumps(to_json(ledger))``."""
    n = 0
    out.write('{\n  "claimledger": ' + json.dumps(header(), ensure_ascii=False))
    for name, records in arrays(ledger):
        out.write(f',\n  "{name}": [')
        first = True
        for record in records:
            out.write(("\n    " if first else ",\n    ") + json.dumps(record, ensure_ascii=False))
            first = False
            n += 1
        out.write("]" if first else "\n  ]")
    out.write("\n}\n")
    return n
