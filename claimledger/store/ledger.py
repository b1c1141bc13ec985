"""The :class:`Ledger`: reads and writes model records in one SQLite file or a PostgreSQL database.

``Ledger("ledger.db")`` is the embedded default; ``Ledger("postgresql://user@host:5432/db")`` is the
same ledger on a server.  The SQL below is the only copy and runs on both; what differs lives in
:mod:`claimledger.store.dialect`.

Every write is one transaction: a document and all its annotations land together or not at
all, so an exception, Ctrl-C or a killed process leaves the store as it was before that
document.  Re-saving a document replaces its annotation rows; it never duplicates them.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from typing import Any, Callable, Iterable, Iterator, TypeVar

from claimledger.model import DERIVED_TYPES, Document, Record
from claimledger.store import schema
from claimledger.store.dialect import Busy, Dialect, for_target, is_postgres_url, redact, warn

R = TypeVar("R", bound=Record)


class StoreError(RuntimeError):
    """The ledger file is missing, unreadable or not a claimledger store."""


class Ledger:
    def __init__(self, path: str | os.PathLike, readonly: bool = False,
                 on_wait: Callable[[str], None] = warn):
        """Open (and for writing, create or migrate) the ledger at a file path or ``postgresql://`` URL.

        ``on_wait`` hears one line when another process holds the write lock and this one waits.
        """
        self.path = os.fspath(path)
        self.readonly = readonly
        self.dialect: Dialect = for_target(self.path, on_wait)
        self.is_postgres = is_postgres_url(self.path)
        self.name = redact(self.path) if self.is_postgres else self.path
        self._depth = 0
        if readonly and not self.is_postgres and not os.path.exists(self.path):
            raise StoreError(f"{self.path}: no ledger here (run `claimledger add` or `claimledger demo` first)")
        try:
            self.conn: Any = self.dialect.connect(self.path, readonly)
        except ConnectionError as exc:
            raise StoreError(f"{self.name}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.name}: not a claimledger ledger ({exc})") from exc
        try:
            if readonly:
                self.conn.execute("SELECT count(*) FROM documents").fetchone()
            elif schema.needs_migration(self.conn, self.dialect):
                with self.transaction():
                    schema.migrate(self.conn, self.dialect)
        except Busy as exc:
            self.conn.close()
            raise StoreError(f"{self.name}: ledger is busy: {exc}") from exc
        except Exception as exc:
            self.conn.close()
            if self.is_postgres and readonly and "documents" in str(exc):
                raise StoreError(f"{self.name}: no ledger here (run `claimledger add` first)") from exc
            if isinstance(exc, sqlite3.DatabaseError) or self.is_postgres and _is_db_error(exc):
                raise StoreError(f"{self.name}: not a claimledger ledger ({str(exc).strip().splitlines()[0]})") from exc
            raise

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection; on SQLite the last handle to close removes the -wal/-shm files."""
        if self.conn is not None:
            self.dialect.close(self.conn, self.readonly)
            self.conn = None

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """Hold the write lock: all or nothing, rolled back on any exception including KeyboardInterrupt.

        Nested calls join the outer transaction.  When another process holds the lock this waits
        (saying so once) instead of failing.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        try:
            self.dialect.begin_write(self.conn)
        except Busy as exc:
            raise StoreError(f"{self.name}: ledger is busy: {exc}") from exc
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self._depth = 0
            self.dialect.rollback(self.conn)
            raise
        else:
            self._depth = 0
            self.dialect.commit(self.conn)

    # -- writing ---------------------------------------------------------------------------
    def save_document(self, doc: Document) -> None:
        """Store ``doc`` and its annotations atomically, replacing any earlier analysis."""
        with self.transaction():
            self._write_document(doc)

    def add_document(self, doc: Document) -> bool:
        """Store a new document unless its content is already stored; False when another writer was first.

        The check and the write share the write lock, so concurrent adds of the same article
        store it once and each knows whether it was the one that did.
        """
        with self.transaction():
            if doc.content_hash and self.find_hash(doc.content_hash):
                return False
            self._write_document(doc)
            return True

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
        sql = self.dialect.upsert(record.table, list(row), schema.primary_key(type(record)))
        self.conn.execute(sql, tuple(row.values()))

    # -- reading ---------------------------------------------------------------------------
    @property
    def order(self) -> str:
        """The column giving insertion order (SQLite's rowid; an explicit sequence on PostgreSQL)."""
        return self.dialect.order_column

    def rows(self, cls: type[R], **where) -> list[R]:
        """All rows of a record type, optionally filtered by equality on columns."""
        return list(self.iter_rows(cls, **where))

    def iter_rows(self, cls: type[R], **where) -> Iterator[R]:
        """Like :meth:`rows`, one record at a time (exports stream with bounded memory)."""
        sql = f'SELECT * FROM "{cls.table}"'
        if where:
            sql += " WHERE " + " AND ".join(f'"{k}" = ?' for k in where)
        for r in self.conn.execute(f"{sql} ORDER BY {self._order_of(cls)}", tuple(where.values())):
            yield schema.from_row(cls, r)

    def _order_of(self, cls: type[Record]) -> str:
        """The one row order of a record type: by document and offset when it has them, else insertion."""
        return f"doc, start, {self.order}" if {"doc", "start"} <= set(dict(schema.columns(cls))) else self.order

    def count(self, cls: type[Record]) -> int:
        return self.conn.execute(f'SELECT count(*) FROM "{cls.table}"').fetchone()[0]

    def documents(self, annotated: bool = False, annotations: Iterable[str] | None = None) -> list[Document]:
        """Every document; ``annotated``: with its annotation lists (only those named in ``annotations``
        when given: the others stay empty)."""
        docs = [schema.from_row(Document, r) for r in
                self.conn.execute(f"SELECT * FROM documents ORDER BY published IS NULL, published, {self.order}")]
        if annotated:
            by_id = {d.id: d for d in docs}
            for name, cls in _annotation_types(annotations):
                for record in self.rows(cls):
                    if record.doc in by_id:
                        getattr(by_id[record.doc], name).append(record)
        return docs

    def document(self, ref: str) -> Document:
        """A document by id or unique id prefix, with its annotations."""
        matches = [r[0] for r in self.conn.execute("SELECT id FROM documents WHERE substr(id, 1, ?) = ?", (len(ref), ref))]
        if not matches:
            raise StoreError(f"no document {ref!r} in {self.name} (see `claimledger ls`)")
        if len(matches) > 1:
            raise StoreError(f"document id {ref!r} is ambiguous: {', '.join(matches[:5])}")
        doc = schema.from_row(Document, self.conn.execute("SELECT * FROM documents WHERE id = ?", (matches[0],)).fetchone())
        for name, cls in Document.ANNOTATION_TYPES.items():
            getattr(doc, name).extend(self.rows(cls, doc=doc.id))
        return doc

    def documents_of_story(self, story_id: str, annotations: Iterable[str] | None = None) -> list[Document]:
        """A story's documents in insertion order, each with its annotations as :meth:`document`
        gives them (only those named in ``annotations`` when given), read with one query per
        record type (not one lookup per document)."""
        where, params = ("story = ?", (story_id,)) if story_id else ("(story IS NULL OR story = '')", ())
        docs = [schema.from_row(Document, r) for r in self.conn.execute(
            f"SELECT * FROM documents WHERE {where} ORDER BY {self.order}", params)]   # "": documents in no story
        self._annotate(docs, f"doc IN (SELECT id FROM documents WHERE {where})", params, annotations)
        return docs

    def _annotate(self, docs: list[Document], where: str, params: tuple,
                  annotations: Iterable[str] | None = None) -> None:
        """Append to ``docs`` the annotation rows that ``where`` selects, in :meth:`_order_of` order."""
        by_id = {d.id: d for d in docs}
        for name, cls in _annotation_types(annotations):
            for r in self.conn.execute(f'SELECT * FROM "{cls.table}" WHERE {where} ORDER BY {self._order_of(cls)}',
                                       params):
                record = schema.from_row(cls, r)
                getattr(by_id[record.doc], name).append(record)

    def find_hash(self, content_hash: str) -> str | None:
        row = self.conn.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return row[0] if row else None

    def texts(self) -> Iterator[tuple[str, str]]:
        yield from ((r[0], r[1]) for r in self.conn.execute(f"SELECT id, text FROM documents ORDER BY {self.order}"))

    # -- stories (claimledger.link.stories, workflow) ---------------------------------------
    def story(self, story_id: str):
        from claimledger.model import Story

        row = self.conn.execute('SELECT * FROM stories WHERE id = ?', (story_id,)).fetchone()
        return schema.from_row(Story, row) if row else None

    def put_story(self, story) -> None:
        with self.transaction():
            self._insert(story)

    def find_story(self, ref: str):
        """A story by id or unique id prefix (case-insensitive), else StoreError."""
        from claimledger.model import Story

        ref = ref.strip()
        rows = list(self.conn.execute("SELECT * FROM stories WHERE upper(substr(id, 1, ?)) = upper(?)",
                                      (len(ref), ref)))
        exact = [r for r in rows if r["id"].upper() == ref.upper()]
        rows = exact or rows
        if not rows:
            raise StoreError(f"no story {ref!r} in {self.name} (see `claimledger stories`)")
        if len(rows) > 1:
            raise StoreError(f"story id {ref!r} is ambiguous: {', '.join(r['id'] for r in rows[:5])}")
        return schema.from_row(Story, rows[0])

    def delete_story(self, story_id: str) -> None:
        with self.transaction():
            for table in ("entities", "measures", "conflicts"):
                self.conn.execute(f'DELETE FROM "{table}" WHERE story = ?', (story_id,))
            self.conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))

    def set_document_story(self, doc_id: str, story_id: str | None) -> None:
        with self.transaction():
            self.conn.execute("UPDATE documents SET story = ? WHERE id = ?", (story_id, doc_id))

    def document_story(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT story FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def story_doc_ids(self, story_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents WHERE story = ? ORDER BY id", (story_id,))]

    def grouped_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents WHERE story IS NOT NULL").fetchone()[0]

    def ungrouped_documents(self) -> list[Document]:
        """Analysed documents not yet in a story, in the order they were stored."""
        return [schema.from_row(Document, r) for r in
                self.conn.execute(f"SELECT * FROM documents WHERE story IS NULL ORDER BY {self.order}")]

    def stale_stories(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM stories WHERE stale = ? ORDER BY id", (True,))]

    def story_documents(self, story_id: str) -> list[Document]:
        """A story's documents with all their annotations (dated first, then by id: deterministic)."""
        docs = [schema.from_row(Document, r) for r in self.conn.execute(
            "SELECT * FROM documents WHERE story = ? ORDER BY published IS NULL, published, id", (story_id,))]
        for start in range(0, len(docs), 500):
            chunk = docs[start:start + 500]
            self._annotate(chunk, f"doc IN ({', '.join('?' for _ in chunk)})", tuple(d.id for d in chunk))
        return docs

    def replace_story(self, story, docs: Iterable[Document], derived: Iterable[Record]) -> None:
        """One transaction: a story's documents, its derived rows (replaced) and the story row."""
        with self.transaction():
            for table in ("entities", "measures", "conflicts"):
                self.conn.execute(f'DELETE FROM "{table}" WHERE story = ?', (story.id,))
            for doc in docs:
                self._write_document(doc)
            for record in derived:
                self._insert(record)
            self._insert(story)
            from claimledger.workflow import checkpoint

            checkpoint("story-commit")           # killed here: the whole story rolls back

    def add_story_terms(self, doc_id: str, terms: dict[str, float]) -> None:
        """Store a document's grouping profile and count its terms (replacing an earlier profile)."""
        from claimledger.model import StoryTerm, TermCount

        with self.transaction():
            old = [r[0] for r in self.conn.execute("SELECT term FROM story_terms WHERE doc = ?", (doc_id,))]
            if old:
                self._bump_terms(old, -1)
                self.conn.execute("DELETE FROM story_terms WHERE doc = ?", (doc_id,))
            for term, tf in terms.items():
                self._insert(StoryTerm(doc=doc_id, term=term, tf=tf))
            self._bump_terms(list(terms), +1)

    def _bump_terms(self, terms: list[str], delta: int) -> None:
        from claimledger.model import TermCount

        counts = self.term_counts(terms)
        for term in terms:
            self._insert(TermCount(id=term, df=max(0, counts.get(term, 0) + delta)))

    def term_counts(self, terms: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for start in range(0, len(terms), 500):
            chunk = terms[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            out.update((r[0], r[1]) for r in self.conn.execute(
                f"SELECT id, df FROM term_counts WHERE id IN ({marks})", tuple(chunk)))
        return out

    def docs_with_terms(self, terms: list[str], limit: int) -> dict[str, str]:
        """Grouped documents sharing any of ``terms`` (most shared first) → their story."""
        if not terms:
            return {}
        marks = ", ".join("?" for _ in terms)
        rows = self.conn.execute(
            f"SELECT t.doc, d.story, count(*) AS shared FROM story_terms t JOIN documents d ON d.id = t.doc "
            f"WHERE t.term IN ({marks}) AND d.story IS NOT NULL GROUP BY t.doc, d.story "
            f"ORDER BY shared DESC, t.doc LIMIT ?", (*terms, limit))
        return {r[0]: r[1] for r in rows}

    def story_profiles(self, doc_ids: list[str]) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for start in range(0, len(doc_ids), 500):
            chunk = doc_ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            for r in self.conn.execute(f"SELECT doc, term, tf FROM story_terms WHERE doc IN ({marks}) "
                                       "ORDER BY doc, term", tuple(chunk)):
                out.setdefault(r[0], {})[r[1]] = r[2]
        return out

    def unsigned_texts(self) -> Iterator[tuple[str, str]]:
        """(id, text) of stored documents without a near-duplicate signature."""
        rows = self.conn.execute("SELECT d.id, d.text FROM documents d LEFT JOIN duplicate_signatures s "
                                 f"ON s.id = d.id WHERE s.id IS NULL ORDER BY d.{self.order}").fetchall()
        yield from ((r[0], r[1]) for r in rows)

    def duplicate_candidates(self, bands: list[str]) -> list[tuple[str, list[int]]]:
        """Stored documents sharing an LSH band with ``bands``, with their signatures."""
        if not bands:
            return []
        marks = ", ".join("?" for _ in bands)
        rows = self.conn.execute(
            "SELECT DISTINCT s.id, s.\"values\" FROM duplicate_bands b JOIN duplicate_signatures s ON s.id = b.doc "
            f"JOIN documents d ON d.id = b.doc WHERE b.band IN ({marks}) ORDER BY s.id", tuple(bands))
        return [(r[0], r[1] if isinstance(r[1], list) else json.loads(r[1])) for r in rows]

    def drop_unscoped_derived(self) -> None:
        """Delete entities, measures and conflicts that belong to no story (a ledger from before stories)."""
        with self.transaction():
            for table in ("entities", "measures", "conflicts"):
                self.conn.execute(f'DELETE FROM "{table}" WHERE story IS NULL')

    def clear_grouping(self) -> None:
        """Forget every story and grouping profile (corrections stay): the start of a regrouping."""
        with self.transaction():
            for table in ("stories", "story_terms", "term_counts", "entities", "measures", "conflicts"):
                self.conn.execute(f'DELETE FROM "{table}"')
            self.conn.execute("UPDATE documents SET story = NULL")


def _annotation_types(names: Iterable[str] | None) -> list[tuple[str, type[Record]]]:
    """(list name, record type) of the document annotations named (all when None)."""
    wanted = None if names is None else set(names)
    return [(n, c) for n, c in Document.ANNOTATION_TYPES.items() if wanted is None or n in wanted]


def _is_db_error(exc: BaseException) -> bool:
    try:
        import psycopg
    except ImportError:
        return False
    return isinstance(exc, psycopg.Error)
