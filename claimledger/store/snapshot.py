"""A copy of a whole ledger into another store: how ``serve`` (Datasette, SQLite only) shows a PostgreSQL ledger.

The copy goes record by record through the model, so it works between any two stores and
the target gets the current schema whatever the source's age.
"""

from __future__ import annotations

import os

from claimledger.store import schema
from claimledger.store.ledger import Ledger


def copy_ledger(source: Ledger, target: Ledger) -> int:
    """Write every record of ``source`` into ``target`` in one transaction; the number of records."""
    n = 0
    with target.transaction():
        for cls in schema.RECORD_TYPES:
            for record in source.rows(cls):
                target._insert(record)
                n += 1
    return n


def sqlite_snapshot(source: str, path: str | os.PathLike) -> int:
    """A read-only view's SQLite copy of the ledger at ``source`` (a path or a postgresql:// URL)."""
    with Ledger(source, readonly=True) as src, Ledger(path) as dst:
        return copy_ledger(src, dst)
