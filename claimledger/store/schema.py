"""SQLite schema derived from the data model, and its migrations.

Tables and columns are generated from the dataclasses in :mod:`claimledger.model`, so the store
can never drift from the model: a table per record type, a column per field (lists and dicts as
JSON text, booleans as 0/1).  Migrations are additive: a field added to the model becomes a
column added by ``ALTER TABLE`` when an older ledger is opened, and ``schema_version`` records
the version that last touched the file.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import typing
from typing import Any

from claimledger.model import (
    Conflict, Document, Entity, Figure, Measure, Mention, Record, Source, Span, Statement,
)

SCHEMA_VERSION = 1

RECORD_TYPES: tuple[type[Record], ...] = (
    Document, Span, Figure, Statement, Source, Mention, Entity, Measure, Conflict,
)
PER_DOCUMENT: tuple[type[Record], ...] = (Span, Figure, Statement, Source, Mention)
PRIMARY_KEYS = {Span: ("doc", "start")}


def columns(cls: type[Record]) -> list[tuple[str, str]]:
    """(name, SQL type) for every stored field of ``cls``."""
    hints = typing.get_type_hints(cls)
    skip = set(Document.ANNOTATIONS) if cls is Document else set()
    out = []
    for f in dataclasses.fields(cls):
        if f.name in skip:
            continue
        out.append((f.name, _sql_type(hints[f.name])))
    return out


def _sql_type(hint: Any) -> str:
    base = typing.get_origin(hint)
    args = typing.get_args(hint)
    if base is typing.Union:  # Optional[X]
        hint = next(a for a in args if a is not type(None))
        base = typing.get_origin(hint)
    if base in (list, dict) or hint in (list, dict):
        return "JSON"
    return {int: "INTEGER", float: "REAL", bool: "INTEGER", str: "TEXT"}.get(hint, "TEXT")


def create_sql(cls: type[Record]) -> list[str]:
    cols = columns(cls)
    pk = PRIMARY_KEYS.get(cls, ("id",))
    body = ", ".join(f'"{n}" {t}' for n, t in cols)
    stmts = [f'CREATE TABLE IF NOT EXISTS "{cls.table}" ({body}, PRIMARY KEY ({", ".join(pk)}))']
    if "doc" in dict(cols):
        stmts.append(f'CREATE INDEX IF NOT EXISTS "idx_{cls.table}_doc" ON "{cls.table}" (doc)')
    return stmts


def migrate(conn: sqlite3.Connection) -> None:
    """Create missing tables and columns; record the schema version."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied TEXT NOT NULL)")
    for cls in RECORD_TYPES:
        for stmt in create_sql(cls):
            conn.execute(stmt)
        existing = {row[1] for row in conn.execute(f'PRAGMA table_info("{cls.table}")')}
        for name, sql_type in columns(cls):
            if name not in existing:
                conn.execute(f'ALTER TABLE "{cls.table}" ADD COLUMN "{name}" {sql_type}')
    conn.execute('CREATE INDEX IF NOT EXISTS "idx_documents_hash" ON documents (content_hash)')
    current = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    if current is None or current < SCHEMA_VERSION:
        conn.execute("INSERT INTO schema_version VALUES (?, datetime('now'))", (SCHEMA_VERSION,))


def to_row(record: Record) -> dict[str, Any]:
    """A record's stored columns, encoded for SQLite."""
    data = record.columns() if isinstance(record, Document) else record.to_dict()
    return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in data.items()}


def from_row(cls: type[Record], row: sqlite3.Row) -> Record:
    kinds = dict(columns(cls))
    hints = typing.get_type_hints(cls)
    data: dict[str, Any] = {}
    for key in row.keys():
        if key not in kinds:
            continue
        value = row[key]
        if kinds[key] == "JSON":
            value = json.loads(value) if value else []
        elif value is not None and _is_bool(hints[key]):
            value = bool(value)
        data[key] = value
    return cls.from_dict(data)


def _is_bool(hint: Any) -> bool:
    return hint is bool or (typing.get_origin(hint) is typing.Union and bool in typing.get_args(hint))
