"""A PostgreSQL ledger copied into SQLite is the same ledger; ``serve`` shows one that way."""

from __future__ import annotations

import os

import claimledger.web
from claimledger import cli
from claimledger.export import to_json
from claimledger.store import Ledger
from claimledger.store.snapshot import sqlite_snapshot


def _export(target: str) -> dict:
    with Ledger(target, readonly=True) as ledger:
        data = to_json(ledger)
    data.pop("claimledger")  # export time
    return data


def test_sqlite_snapshot_of_postgres_equals_the_original(demo_postgres, tmp_path):
    copy = str(tmp_path / "copy.db")
    n = sqlite_snapshot(demo_postgres, copy)
    assert n > 100
    assert _export(copy) == _export(demo_postgres)


def test_serve_on_postgres_serves_a_read_only_snapshot(demo_postgres, monkeypatch, capsys):
    served = {}

    def record(path, host, port, readonly):  # stands in for the blocking web server
        served.update(path=path, readonly=readonly, export=_export(path))

    monkeypatch.setattr(claimledger.web, "serve", record)
    assert cli.main(["--db", demo_postgres, "serve"]) == 0
    assert served["readonly"] is True and served["export"] == _export(demo_postgres)
    assert not os.path.exists(served["path"])  # the snapshot goes when the server stops
    assert "serving a read-only SQLite snapshot" in capsys.readouterr().err
    assert cli.main(["--db", demo_postgres, "serve", "--writable"]) == 1
