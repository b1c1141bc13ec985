"""Shared fixtures: the bundled example analysed once per test session, and both stores.

``store_url`` is a fresh, empty ledger location, once as a SQLite file and once as a new
PostgreSQL database on the server named by ``CLAIMLEDGER_TEST_PG`` (a ``postgresql://`` URL of a
user allowed to create databases).  Without that variable the PostgreSQL half is skipped, except
under ``CI=true``, where a missing server is a failure.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from claimledger import cli

STORES = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """``claimledger demo`` run once; tests open the ledger read-only."""
    out = tmp_path_factory.mktemp("demo")
    assert cli.main(["demo", "--out", str(out)]) == 0
    return out / "ledger.db"


def postgres_server() -> str:
    """The test server's URL, or skip (fail under CI) when there is none."""
    server = os.environ.get("CLAIMLEDGER_TEST_PG")
    if not server:
        if os.environ.get("CI") == "true":
            pytest.fail("CLAIMLEDGER_TEST_PG is not set: CI must test the PostgreSQL store (.ci/run starts one)")
        pytest.skip("no PostgreSQL test server (set CLAIMLEDGER_TEST_PG=postgresql://user@host:port/db)")
    return server


def new_postgres_database(request) -> str:
    """Create an empty database on the test server, dropped when the requesting test ends."""
    import psycopg

    server = postgres_server()
    name = f"cl_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    request.addfinalizer(drop)
    return urlunsplit(urlsplit(server)._replace(path="/" + name))


@pytest.fixture(params=STORES)
def store_url(request, tmp_path) -> str:
    """A fresh, empty ledger location on each store: a SQLite file path, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    return new_postgres_database(request)


@pytest.fixture(scope="session")
def demo_postgres(request) -> str:
    """The bundled example analysed into a PostgreSQL ledger, exactly as ``demo`` does into SQLite."""
    from claimledger import workflow
    from claimledger.store import Ledger

    url = new_postgres_database(request)
    with Ledger(url) as ledger:
        workflow.add(ledger, sorted(str(p) for p in cli.EXAMPLE_DIR.glob("*.txt")))
    return url


@pytest.fixture(scope="session", params=STORES)
def demo_store(request, demo_db) -> str:
    """The bundled example in each store: ``demo_db``, then ``demo_postgres``."""
    return str(demo_db) if request.param == "sqlite" else request.getfixturevalue("demo_postgres")
