"""What differs between the two stores, in one place: SQLite (embedded default) and PostgreSQL.

The ledger's SQL is written once, with ``?`` placeholders, and runs on both.  A dialect supplies
only what cannot be shared: how to connect, column types, the upsert statement, how to list a
table's columns, the insertion-order column, and how to take the single write lock (SQLite's
``BEGIN IMMEDIATE``; a transaction-scoped advisory lock on PostgreSQL), including waiting for it
with a one-line message instead of failing when another writer holds it.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
import time
from typing import Any, Callable, Iterable, Sequence

BUSY_MESSAGE = "ledger is busy (another add is writing), waiting…"
LOCK_WAIT = float(os.environ.get("CLAIMLEDGER_LOCK_WAIT", "900"))  # seconds before giving up on the write lock


class Busy(Exception):
    """The write lock stayed taken for longer than ``LOCK_WAIT``."""


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """A connection URL without its password, for messages."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    return f"{scheme}://{creds.split(':', 1)[0]}@{host}"


def warn(msg: str) -> None:
    print(f"claimledger: {msg}", file=sys.stderr, flush=True)


class Dialect:
    """The SQLite dialect; :class:`PostgresDialect` overrides what PostgreSQL does differently."""

    name = "sqlite"
    order_column = "rowid"  # insertion order, for tables without a natural order
    types = {"INTEGER": "INTEGER", "REAL": "REAL", "TEXT": "TEXT", "JSON": "JSON", "BOOLEAN": "INTEGER"}
    extra_columns: tuple[tuple[str, str], ...] = ()  # columns the store adds beside the model's fields
    busy_poll = 1.0  # seconds each attempt at the write lock waits inside the driver

    def __init__(self, on_wait: Callable[[str], None] = warn):
        self.on_wait = on_wait

    # -- connecting --------------------------------------------------------------------------
    def connect(self, target: str, readonly: bool):
        if readonly:
            if os.access(target, os.W_OK) and os.access(os.path.dirname(os.path.abspath(target)) or ".", os.W_OK):
                # A read-write handle kept read-only by query_only: as the last one to close it can
                # remove the -wal/-shm files, which a mode=ro handle never can.
                conn = sqlite3.connect(target, isolation_level=None, timeout=self.busy_poll)
                conn.execute("PRAGMA query_only = ON")
            else:
                uri = "file:" + os.path.abspath(target) + "?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=self.busy_poll)
        else:
            os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
            conn = sqlite3.connect(target, isolation_level=None, timeout=self.busy_poll)
            self.wait_for_lock(lambda: conn.execute("PRAGMA journal_mode = WAL"))
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def close(self, conn, readonly: bool) -> None:
        if not readonly:
            # Fold the WAL back into the file so that the last handle to close can delete it.
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.OperationalError:
                pass
        conn.close()

    # -- the write lock ------------------------------------------------------------------------
    def begin_write(self, conn) -> None:
        self.wait_for_lock(lambda: conn.execute("BEGIN IMMEDIATE"))

    def commit(self, conn) -> None:
        conn.execute("COMMIT")

    def rollback(self, conn) -> None:
        conn.execute("ROLLBACK")

    def is_busy(self, exc: BaseException) -> bool:
        return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))

    def wait_for_lock(self, attempt: Callable[[], Any]) -> Any:
        """Run ``attempt`` until it gets past a lock held by another writer; say so once."""
        deadline = time.monotonic() + LOCK_WAIT
        told = False
        while True:
            try:
                return attempt()
            except Exception as exc:
                if not self.is_busy(exc):
                    raise
                if time.monotonic() > deadline:
                    raise Busy(f"another process has held the write lock for over {LOCK_WAIT:.0f} s") from exc
                if not told:
                    self.on_wait(BUSY_MESSAGE)
                    told = True
                time.sleep(0.05)

    # -- schema --------------------------------------------------------------------------------
    def column_type(self, kind: str) -> str:
        return self.types[kind]

    def existing_columns(self, conn, table: str) -> set[str]:
        return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}

    def upsert(self, table: str, names: Sequence[str], key: Iterable[str]) -> str:
        """Insert a row, replacing the stored row with the same primary key."""
        cols = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join("?" for _ in names)
        return f'INSERT OR REPLACE INTO "{table}" ({cols}) VALUES ({marks})'


class PgRow(tuple):
    """A row readable by position and by column name, like :class:`sqlite3.Row`."""

    __slots__ = ()
    _index: dict[str, int] = {}

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


@functools.lru_cache(maxsize=256)
def _pg_row_class(names: tuple[str, ...]) -> type[PgRow]:
    return type("Row", (PgRow,), {"__slots__": (), "_index": {n: i for i, n in enumerate(names)}})


def _pg_row_factory(cursor):
    return _pg_row_class(tuple(c.name for c in cursor.description or ()))


class PgConnection:
    """A psycopg connection that takes the ledger's ``?`` SQL, so that one copy of it serves both stores."""

    def __init__(self, raw):
        self.raw = raw

    @staticmethod
    def translate(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()):
        return self.raw.execute(self.translate(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]):
        cur = self.raw.cursor()
        cur.executemany(self.translate(sql), [tuple(r) for r in rows])
        return cur

    def close(self) -> None:
        self.raw.close()


class PostgresDialect(Dialect):
    name = "postgresql"
    order_column = "_seq"
    types = {"INTEGER": "BIGINT", "REAL": "DOUBLE PRECISION", "TEXT": "TEXT COLLATE \"C\"", "JSON": "JSONB", "BOOLEAN": "BOOLEAN"}
    extra_columns = (("_seq", "BIGSERIAL"),)
    LOCK_KEY = 0x636C6C67  # "cllg": the ledger's write lock, one per database

    def connect(self, target: str, readonly: bool):
        try:
            import psycopg
        except ImportError as exc:  # declared in the default dependencies; a trimmed install may lack it
            raise ConnectionError("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from exc
        options = "-c default_transaction_read_only=on" if readonly else None
        try:
            raw = psycopg.connect(target, autocommit=True, row_factory=_pg_row_factory, options=options,
                                  connect_timeout=10)
        except psycopg.Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ConnectionError(f"cannot connect ({first})") from exc
        conn = PgConnection(raw)
        conn.execute("SET client_min_messages = warning")  # no NOTICE for IF NOT EXISTS
        return conn

    def close(self, conn, readonly: bool) -> None:
        conn.close()

    def begin_write(self, conn) -> None:
        conn.execute("BEGIN")
        got = conn.execute("SELECT pg_try_advisory_xact_lock(?)", (self.LOCK_KEY,)).fetchone()[0]
        if not got:
            self.on_wait(BUSY_MESSAGE)
            conn.execute("SELECT pg_advisory_xact_lock(?)", (self.LOCK_KEY,))

    def is_busy(self, exc: BaseException) -> bool:
        return False

    def existing_columns(self, conn, table: str) -> set[str]:
        rows = conn.execute("SELECT column_name FROM information_schema.columns "
                            "WHERE table_schema = current_schema() AND table_name = ?", (table,))
        return {r[0] for r in rows}

    def upsert(self, table: str, names: Sequence[str], key: Iterable[str]) -> str:
        key = list(key)
        cols = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join("?" for _ in names)
        # Like SQLite's INSERT OR REPLACE, a replaced row moves to the end of the insertion order.
        sets = [f'"{n}" = EXCLUDED."{n}"' for n in names if n not in key] + [f'"{self.order_column}" = DEFAULT']
        conflict = ", ".join(f'"{k}"' for k in key)
        return f'INSERT INTO "{table}" ({cols}) VALUES ({marks}) ON CONFLICT ({conflict}) DO UPDATE SET {", ".join(sets)}'


def for_target(target: str, on_wait: Callable[[str], None] = warn) -> Dialect:
    return (PostgresDialect if is_postgres_url(target) else Dialect)(on_wait)
