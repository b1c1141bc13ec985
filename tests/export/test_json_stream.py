"""The streamed JSON export says exactly what the in-memory one says."""

from __future__ import annotations

import io
import json

from claimledger.export import to_json, write_json
from claimledger.store import Ledger


def test_streamed_export_equals_the_whole_export(demo_db):
    with Ledger(demo_db, readonly=True) as ledger:
        whole = to_json(ledger)
        out = io.StringIO()
        n = write_json(ledger, out)
    streamed = json.loads(out.getvalue())
    for data in (whole, streamed):
        data["claimledger"].pop("exported_at")
    assert streamed == whole
    assert n == sum(len(v) for k, v in whole.items() if k != "claimledger") > 0


def test_an_empty_ledger_streams_valid_json(tmp_path):
    with Ledger(tmp_path / "empty.db"):
        pass
    with Ledger(tmp_path / "empty.db", readonly=True) as ledger:
        out = io.StringIO()
        assert write_json(ledger, out) == 0
    data = json.loads(out.getvalue())
    assert data["documents"] == [] and data["figures"] == []
