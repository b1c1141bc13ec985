"""The :class:`Ledger`: reads and writes model records in one SQLite file.

Every write is one transaction: a document and all its annotations land together or not at
all, so an exception, Ctrl-C or a killed process leaves the store as it was before that
document.  Re-saving a document replaces its annotation rows; it never duplicates them.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from typing import Iterable, Iterator, TypeVar

from claimledger.model import DERIVED_TYPES, Document, Record
from claimledger.store import schema

R = TypeVar("R", bound=Record)


class StoreError(RuntimeError):
    """The ledger file is missing, unreadable or not a claimledger store."""


class Ledger:
    def __init__(self, path: str | os.PathLike, readonly: bool = False):
        self.path = os.fspath(path)
        self.readonly = readonly
        if readonly and not os.path.exists(self.path):
            raise StoreError(f"{self.path}: no ledger here (run `claimledger add` or `claimledger demo` first)")
        try:
            if readonly:
                uri = "file:" + os.path.abspath(self.path) + "?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                parent = os.path.dirname(os.path.abspath(self.path))
                os.makedirs(parent, exist_ok=True)
                self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if readonly:
                self.conn.execute("SELECT count(*) FROM documents").fetchone()
            else:
                self.conn.execute("PRAGMA journal_mode = WAL")
                with self.transaction():
                    schema.migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a claimledger ledger ({exc})") from exc

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception including KeyboardInterrupt."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------
    def save_document(self, doc: Document) -> None:
        """Store ``doc`` and its annotations atomically, replacing any earlier analysis."""
        with self.transaction():
            self._write_document(doc)

    def replace_derived(self, docs: Iterable[Document], derived: Iterable[Record]) -> None:
        """One transaction: rewrite the given documents and replace every cross-document row."""
        with self.transaction():
            for cls in DERIVED_TYPES:
                self.conn.execute(f'DELETE FROM "{cls.table}"')
            for doc in docs:
                self._write_document(doc)
            for record in derived:
                self._insert(record)

    def _write_document(self, doc: Document) -> None:
        self._delete_annotations(doc.id)
        self._insert(doc)
        for name in Document.ANNOTATIONS:
            for record in getattr(doc, name):
                self._insert(record)

    def _delete_annotations(self, doc_id: str) -> None:
        for cls in schema.PER_DOCUMENT:
            self.conn.execute(f'DELETE FROM "{cls.table}" WHERE doc = ?', (doc_id,))

    def _insert(self, record: Record) -> None:
        row = schema.to_row(record)
        names = ", ".join(f'"{k}"' for k in row)
        marks = ", ".join("?" for _ in row)
        self.conn.execute(
            f'INSERT OR REPLACE INTO "{record.table}" ({names}) VALUES ({marks})', tuple(row.values())
        )

    # -- reading ---------------------------------------------------------------------------
    def rows(self, cls: type[R], **where) -> list[R]:
        """All rows of a record type, optionally filtered by equality on columns."""
        sql = f'SELECT * FROM "{cls.table}"'
        if where:
            sql += " WHERE " + " AND ".join(f'"{k}" = ?' for k in where)
        order = " ORDER BY doc, start" if "start" in dict(schema.columns(cls)) else " ORDER BY rowid"
        return [schema.from_row(cls, r) for r in self.conn.execute(sql + order, tuple(where.values()))]

    def count(self, cls: type[Record]) -> int:
        return self.conn.execute(f'SELECT count(*) FROM "{cls.table}"').fetchone()[0]

    def documents(self, annotated: bool = False) -> list[Document]:
        docs = [schema.from_row(Document, r) for r in
                self.conn.execute("SELECT * FROM documents ORDER BY published IS NULL, published, rowid")]
        if annotated:
            by_id = {d.id: d for d in docs}
            for name, cls in Document.ANNOTATION_TYPES.items():
                for record in self.rows(cls):
                    if record.doc in by_id:
                        getattr(by_id[record.doc], name).append(record)
        return docs

    def document(self, ref: str) -> Document:
        """A document by id or unique id prefix, with its annotations."""
        matches = [r[0] for r in self.conn.execute("SELECT id FROM documents WHERE substr(id, 1, ?) = ?", (len(ref), ref))]
        if not matches:
            raise StoreError(f"no document {ref!r} in {self.path} (see `claimledger ls`)")
        if len(matches) > 1:
            raise StoreError(f"document id {ref!r} is ambiguous: {', '.join(matches[:5])}")
        doc = schema.from_row(Document, self.conn.execute("SELECT * FROM documents WHERE id = ?", (matches[0],)).fetchone())
        for name, cls in Document.ANNOTATION_TYPES.items():
            getattr(doc, name).extend(self.rows(cls, doc=doc.id))
        return doc

    def source_names(self) -> dict[str, str]:
        """Source id → the name to print; an article's unnamed own voice reads as the article's label."""
        from claimledger.model import Source

        labels = {d.id: d.label for d in self.documents()}
        return {s.id: (labels.get(s.doc, s.name) if s.kind == "outlet" and s.name.startswith("(") else s.name)
                for s in self.rows(Source)}

    def find_hash(self, content_hash: str) -> str | None:
        row = self.conn.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return row[0] if row else None

    def texts(self) -> Iterator[tuple[str, str]]:
        yield from ((r[0], r[1]) for r in self.conn.execute("SELECT id, text FROM documents ORDER BY rowid"))
