"""Generate the JSON Schema of the export from the data model.

The committed ``ledger-export.schema.json`` is the public contract; a test checks that it equals
what this module generates, so a change to the model shows up as a reviewed schema change.
Regenerate with ``python -m claimledger.export.schema > claimledger/export/ledger-export.schema.json``.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from pathlib import Path
from typing import Any

from claimledger.export.json_export import ARRAYS, FORMAT_VERSION
from claimledger.model import Document, Record

SCHEMA_PATH = Path(__file__).with_name("ledger-export.schema.json")


def _type(hint: Any) -> dict[str, Any]:
    if typing.get_origin(hint) is typing.Union:
        inner = [a for a in typing.get_args(hint) if a is not type(None)][0]
        t = _type(inner)
        return {"type": [t["type"], "null"]} if isinstance(t.get("type"), str) else {"anyOf": [t, {"type": "null"}]}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint is str:
        return {"type": "string"}
    origin = typing.get_origin(hint)
    if origin is list:
        (item,) = typing.get_args(hint)
        return {"type": "array", "items": _type(item)}
    if origin is dict or hint is dict:
        return {"type": "object"}
    return {}


def record_schema(cls: type[Record]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if cls is Document and f.name in Document.ANNOTATIONS:
            continue
        name = "document" if f.name == "doc" else f.name
        props[name] = _type(hints[f.name])
    return {"type": "object", "properties": props, "required": sorted(props), "additionalProperties": False}


def generate() -> dict[str, Any]:
    arrays = {"documents": Document, **ARRAYS}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"claimledger-export-{FORMAT_VERSION}",
        "title": "claimledger export",
        "description": "Every record of a claimledger ledger. Offsets (start/end) index the document's text.",
        "type": "object",
        "required": ["claimledger", *arrays],
        "properties": {
            "claimledger": {
                "type": "object",
                "required": ["format_version", "generator", "exported_at"],
                "properties": {
                    "format_version": {"const": FORMAT_VERSION},
                    "generator": {"type": "string"},
                    "exported_at": {"type": "string"},
                },
            },
            **{name: {"type": "array", "items": {"$ref": f"#/$defs/{cls.__name__}"}} for name, cls in arrays.items()},
        },
        "$defs": {cls.__name__: record_schema(cls) for cls in arrays.values()},
    }


def load() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


if __name__ == "__main__":
    print(json.dumps(generate(), indent=2))
