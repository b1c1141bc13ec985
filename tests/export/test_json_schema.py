"""The JSON export is a versioned contract: the committed schema matches the model and the export validates."""

from __future__ import annotations

import jsonschema

from claimledger.export import schema, to_json
from claimledger.store import Ledger


def test_committed_schema_matches_model():
    assert schema.load() == schema.generate(), (
        "model changed: regenerate with python -m claimledger.export.schema > claimledger/export/ledger-export.schema.json"
    )


def test_demo_export_validates(demo_store):  # on SQLite and on PostgreSQL
    with Ledger(demo_store, readonly=True) as ledger:
        data = to_json(ledger)
    jsonschema.validate(data, schema.load())
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for array in ("figures", "quotes"):
        for row in data[array]:
            assert 0 <= row["start"] <= row["end"] <= len(texts[row["document"]])


def test_schema_rejects_a_broken_export(demo_db):
    with Ledger(demo_db, readonly=True) as ledger:
        data = to_json(ledger)
    data["figures"].append({"id": "x"})
    try:
        jsonschema.validate(data, schema.load())
    except jsonschema.ValidationError:
        return
    raise AssertionError("schema accepted a figure without its fields")
