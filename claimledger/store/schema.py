"""The store's schema derived from the data model, and its migrations, for either dialect.

Tables and columns are generated from the dataclasses in :mod:`claimledger.model`, so the store
can never drift from the model: a table per record type, a column per field of a logical kind
(INTEGER, REAL, TEXT, BOOLEAN, JSON) that the dialect maps to its own type (SQLite: JSON text and
0/1; PostgreSQL: JSONB and BOOLEAN).  Migrations are additive: a field added to the model becomes a
column added by ``ALTER TABLE`` when an older ledger is opened, and ``schema_version`` records
the version that last touched the file.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import time
import typing
from typing import Any, Mapping

from claimledger.model import (
    Conflict, Document, Entity, Figure, Measure, Mention, Record, Source, Span, Statement,
    Story, StoryCorrection, StoryTerm, TermCount, DuplicateBand, DuplicateSignature,
)
from claimledger.store.dialect import Dialect

SCHEMA_VERSION = 2  # 2: one row per content hash (unique index)

RECORD_TYPES: tuple[type[Record], ...] = (
    Document, Span, Figure, Statement, Source, Mention, Entity, Measure, Conflict,
    Story, StoryCorrection, StoryTerm, TermCount, DuplicateBand, DuplicateSignature,
)
PER_DOCUMENT: tuple[type[Record], ...] = (Span, Figure, Statement, Source, Mention)
PRIMARY_KEYS = {Span: ("doc", "start"), StoryTerm: ("doc", "term"), DuplicateBand: ("doc", "band")}
INDEXES = {"documents": ("content_hash", "story"), "story_terms": ("term",), "duplicate_bands": ("band",),
           "entities": ("story",), "measures": ("story",), "conflicts": ("story",)}
"""Extra single-column indexes: what ``add`` and the per-story views look up."""


@functools.cache
def columns(cls: type[Record]) -> list[tuple[str, str]]:
    """(name, logical kind) for every stored field of ``cls`` (computed once per class)."""
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
    return {int: "INTEGER", float: "REAL", bool: "BOOLEAN", str: "TEXT"}.get(hint, "TEXT")


def primary_key(cls: type[Record]) -> tuple[str, ...]:
    return PRIMARY_KEYS.get(cls, ("id",))


def stored_columns(cls: type[Record], dialect: Dialect) -> list[tuple[str, str]]:
    """(name, SQL type) of every column of ``cls``'s table in ``dialect``, the store's own included."""
    return [(n, dialect.column_type(k)) for n, k in columns(cls)] + list(dialect.extra_columns)


def create_sql(cls: type[Record], dialect: Dialect) -> list[str]:
    cols = stored_columns(cls, dialect)
    body = ", ".join(f'"{n}" {t}' for n, t in cols)
    key = ", ".join(f'"{k}"' for k in primary_key(cls))
    stmts = [f'CREATE TABLE IF NOT EXISTS "{cls.table}" ({body}, PRIMARY KEY ({key}))']
    if "doc" in dict(cols):
        stmts.append(f'CREATE INDEX IF NOT EXISTS "idx_{cls.table}_doc" ON "{cls.table}" (doc)')
    return stmts


def needs_migration(conn, dialect: Dialect) -> bool:
    """True when a table or column is missing or the recorded version is older (a read, no lock)."""
    if not dialect.existing_columns(conn, "schema_version"):
        return True
    for cls in RECORD_TYPES:
        if {n for n, _ in stored_columns(cls, dialect)} - dialect.existing_columns(conn, cls.table):
            return True
    current = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    return current is None or current < SCHEMA_VERSION


def migrate(conn, dialect: Dialect) -> None:
    """Create missing tables and columns; record the schema version (inside the write lock)."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied TEXT NOT NULL)")
    for cls in RECORD_TYPES:
        for stmt in create_sql(cls, dialect):
            conn.execute(stmt)
        existing = dialect.existing_columns(conn, cls.table)
        for name, sql_type in stored_columns(cls, dialect):
            if name not in existing:
                conn.execute(f'ALTER TABLE "{cls.table}" ADD COLUMN "{name}" {sql_type}')
    conn.execute('CREATE INDEX IF NOT EXISTS "idx_documents_hash" ON documents (content_hash)')
    for table, names in INDEXES.items():
        for name in names:
            conn.execute(f'CREATE INDEX IF NOT EXISTS "idx_{table}_{name}" ON "{table}" ("{name}")')
    # One stored document per content (records built in code may leave the hash empty).
    conn.execute('CREATE UNIQUE INDEX IF NOT EXISTS "uniq_documents_hash" ON documents (content_hash) '
                 "WHERE content_hash <> ''")
    current = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    if current is None or current < SCHEMA_VERSION:
        conn.execute("INSERT INTO schema_version VALUES (?, ?)",
                     (SCHEMA_VERSION, time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())))


def to_row(record: Record) -> dict[str, Any]:
    """A record's stored columns, encoded for the store (lists and dicts as JSON text)."""
    data = record.columns() if isinstance(record, Document) else record.to_dict()
    return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in data.items()}


@functools.cache
def _kinds(cls: type[Record]) -> dict[str, str]:
    return dict(columns(cls))


def from_row(cls: type[Record], row: Mapping[str, Any]) -> Record:
    """A record from a stored row (sqlite3.Row, the Postgres row or a dict); unknown columns are ignored."""
    names = tuple(row.keys())
    if isinstance(row, dict):  # the stores' own rows are read by position (a name lookup scans)
        row = tuple(row[n] for n in names)
    plain, decoded = _plan(cls, names)
    data = {n: row[i] for i, n in plain}
    for i, key, kind in decoded:
        value = row[i]
        if kind == "JSON":
            if value is None or value in ("", b"", "[]"):  # most stored lists are empty: no parse
                value = []
            elif isinstance(value, (str, bytes)):
                value = json.loads(value)
        elif value is not None:  # BOOLEAN
            value = bool(value)
        data[key] = value
    return cls(**data)  # keys are the class's own columns: no per-row field reflection


@functools.cache
def _plan(cls: type[Record], names: tuple[str, ...]):
    """For a row with columns ``names``: the (position, column) pairs ``cls`` takes as stored, and
    the (position, column, kind) ones it decodes (JSON, BOOLEAN): worked out once per query shape."""
    kinds = _kinds(cls)
    mine = [(i, n, kinds[n]) for i, n in enumerate(names) if n in kinds]
    return (tuple((i, n) for i, n, k in mine if k not in ("JSON", "BOOLEAN")),
            tuple(m for m in mine if m[2] in ("JSON", "BOOLEAN")))
