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
from typing import Any

from claimledger import __version__
from claimledger.model import Conflict, Entity, Figure, Measure, Mention, Record, Source, Statement, Story
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


def to_json(ledger: Ledger) -> dict[str, Any]:
    out: dict[str, Any] = {
        "claimledger": {
            "format_version": FORMAT_VERSION,
            "generator": f"claimledger {__version__}",
            "exported_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        },
        "documents": [d.columns() for d in ledger.documents()],
    }
    for name, cls in ARRAYS.items():
        out[name] = [record_json(r) for r in ledger.rows(cls)]
    return out
