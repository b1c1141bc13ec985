"""PostgreSQL and SQLite hold the same ledger: the same analysis exports to the same JSON."""

from __future__ import annotations

from claimledger.export import to_json
from claimledger.store import Ledger


def test_postgres_ledger_exports_like_the_sqlite_one(demo_db, demo_postgres):
    with Ledger(demo_db, readonly=True) as ledger:
        on_sqlite = to_json(ledger)
    with Ledger(demo_postgres, readonly=True) as ledger:
        on_postgres = to_json(ledger)
    on_sqlite.pop("claimledger"), on_postgres.pop("claimledger")  # export time
    assert on_postgres.keys() == on_sqlite.keys()
    for table in on_sqlite:
        assert on_postgres[table] == on_sqlite[table], f"{table} differ between the stores"
    assert on_sqlite["documents"] and on_sqlite["figures"] and on_sqlite["measures"]
