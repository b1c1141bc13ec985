"""The store, on SQLite and on PostgreSQL: round trips, idempotent re-saves, atomic writes, migrations."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from claimledger.model import Conflict, Document, Figure, Measure, Source, Statement
from claimledger.store import Ledger, StoreError, schema
from claimledger.store.dialect import for_target, is_postgres_url, redact


def make_doc(doc_id: str = "abc123def456", n_figures: int = 2) -> Document:
    text = "Officials said 40 people died and 120 were injured in the quake."
    doc = Document(id=doc_id, name="quake.txt", text=text, content_hash=doc_id * 2, words=12)
    doc.sources.append(Source(id=doc.new_id("s", 1), doc=doc_id, name="officials", kind="anonymous", variants=["Officials"]))
    for i in range(n_figures):
        doc.figures.append(Figure(id=doc.new_id("f", i + 1), doc=doc_id, start=15, end=17, text="40", value=40.0,
                                  low=40.0, high=40.0, via=[doc.new_id("s", 1)], negated=False))
    doc.statements.append(Statement(id=doc.new_id("q", 1), doc=doc_id, start=15, end=63, text=text[15:63],
                                    parts=[[15, 63]], speaker=doc.new_id("s", 1)))
    return doc


def test_round_trip_keeps_types(store_url):
    with Ledger(store_url) as ledger:
        ledger.save_document(make_doc())
    with Ledger(store_url, readonly=True) as ledger:
        doc = ledger.document("abc1")
    assert doc.text.startswith("Officials said")
    assert [f.value for f in doc.figures] == [40.0, 40.0]
    assert doc.figures[0].via == ["abc123def456:s1"] and doc.figures[0].negated is False
    assert doc.statements[0].parts == [[15, 63]]
    assert doc.sources[0].variants == ["Officials"]


def test_resave_replaces_annotations(store_url):
    with Ledger(store_url) as ledger:
        ledger.save_document(make_doc(n_figures=3))
        ledger.save_document(make_doc(n_figures=1))
        assert len(ledger.rows(Figure)) == 1
        assert len(ledger.documents()) == 1


def test_exception_mid_document_leaves_store_unchanged(store_url, monkeypatch):
    ledger = Ledger(store_url)
    ledger.save_document(make_doc("aaaaaaaaaaaa"))
    original = Ledger._insert
    calls = {"n": 0}

    def failing(self, record):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # Ctrl-C half way through a document
        return original(self, record)

    monkeypatch.setattr(Ledger, "_insert", failing)
    with pytest.raises(KeyboardInterrupt):
        ledger.save_document(make_doc("bbbbbbbbbbbb"))
    monkeypatch.setattr(Ledger, "_insert", original)
    assert [d.id for d in ledger.documents()] == ["aaaaaaaaaaaa"]
    assert {f.doc for f in ledger.rows(Figure)} == {"aaaaaaaaaaaa"}
    # and re-analysing the first one after the failure does not duplicate anything
    ledger.save_document(make_doc("aaaaaaaaaaaa"))
    assert len(ledger.rows(Figure)) == 2
    ledger.close()


def test_killed_process_leaves_store_as_before(store_url):
    db = store_url
    with Ledger(db) as ledger:
        ledger.save_document(make_doc("aaaaaaaaaaaa"))
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {os.getcwd()!r})
        from tests.store.test_ledger import make_doc
        from claimledger.store import Ledger
        ledger = Ledger({str(db)!r})
        original = Ledger._insert
        n = [0]
        def insert(self, record):
            n[0] += 1
            if n[0] == 3:
                os.kill(os.getpid(), 9)   # killed mid-transaction
            original(self, record)
        Ledger._insert = insert
        ledger.save_document(make_doc("bbbbbbbbbbbb"))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -9
    with Ledger(db, readonly=True) as ledger:
        assert [d.id for d in ledger.documents()] == ["aaaaaaaaaaaa"]
        assert len(ledger.rows(Figure)) == 2


def test_replace_derived_is_whole(store_url):
    with Ledger(store_url) as ledger:
        doc = make_doc()
        ledger.save_document(doc)
        ledger.replace_derived([doc], [Measure(id="M1", label="people killed", figures=[doc.figures[0].id])])
        ledger.replace_derived([doc], [Measure(id="M2", label="people injured"),
                                       Conflict(id="C1", kind="figures", items=["x", "y"])])
        assert [m.id for m in ledger.rows(Measure)] == ["M2"]
        assert ledger.rows(Conflict)[0].items == ["x", "y"]


def test_migration_adds_missing_columns_and_records_version(store_url):
    dialect = for_target(store_url)
    conn = dialect.connect(store_url, readonly=False)  # an older ledger: one table, three columns
    conn.execute('CREATE TABLE figures (id TEXT PRIMARY KEY, doc TEXT, value REAL)')
    conn.execute("INSERT INTO figures VALUES (?, ?, ?)", ("d:f1", "d", 7))
    dialect.close(conn, readonly=False)
    with Ledger(store_url) as ledger:
        cols = ledger.dialect.existing_columns(ledger.conn, "figures")
        assert {"qualifier", "counted", "via"} <= cols
        assert ledger.rows(Figure)[0].value == 7.0
        assert ledger.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] >= 1
        assert not schema.needs_migration(ledger.conn, ledger.dialect)
        ledger.save_document(make_doc())  # the migrated table takes today's rows
        assert len(ledger.rows(Figure)) == 3


def test_insertion_order_and_ordering_agree_across_stores(store_url):
    with Ledger(store_url) as ledger:
        for doc_id in ("cccccccccccc", "aaaaaaaaaaaa", "bbbbbbbbbbbb"):
            ledger.save_document(make_doc(doc_id))
        ledger.save_document(make_doc("cccccccccccc"))  # a re-save moves it to the end, as on SQLite
        assert [d for d, _ in ledger.texts()] == ["aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"]
        assert [m.id for m in ledger.rows(Measure)] == []
        ledger.replace_derived([], [Measure(id="Mb", label="b"), Measure(id="MA", label="A"), Measure(id="Ma", label="a")])
        assert [m.id for m in ledger.rows(Measure)] == ["Mb", "MA", "Ma"]
        ids = [r[0] for r in ledger.conn.execute('SELECT id FROM measures ORDER BY id')]
        assert ids == ["MA", "Ma", "Mb"]  # byte order on both (PostgreSQL text columns use COLLATE "C")


def test_a_storys_documents_read_together_match_each_read_alone(store_url):
    with Ledger(store_url) as ledger:
        for doc_id, story in (("cccccccccccc", "S1"), ("aaaaaaaaaaaa", "S2"), ("bbbbbbbbbbbb", "S1"),
                              ("dddddddddddd", None)):
            doc = make_doc(doc_id, n_figures=3)
            doc.story = story
            ledger.save_document(doc)
        together = ledger.documents_of_story("S1")
        assert [d.id for d in together] == ["cccccccccccc", "bbbbbbbbbbbb"]  # insertion order
        assert together == [ledger.document(d.id) for d in together]
        assert ledger.documents_of_story("S9") == []
        assert [d.id for d in ledger.documents_of_story("")] == ["dddddddddddd"]   # "articles in no story"
        light = ledger.documents_of_story("S1", annotations=("figures",))
        assert [len(d.figures) for d in light] == [3, 3] and not any(d.statements or d.sources for d in light)


def test_postgres_urls_are_told_apart_and_passwords_hidden():
    assert is_postgres_url("postgresql://u@h:5432/db") and is_postgres_url("postgres://u@h/db")
    assert not is_postgres_url("ledger.db") and not is_postgres_url("/tmp/postgresql/ledger.db")
    assert redact("postgresql://ana:s3cret@db.example.org:5432/ledger") == "postgresql://ana@db.example.org:5432/ledger"


def test_unreachable_server_is_one_clear_error():
    with pytest.raises(StoreError, match=r"postgresql://nobody@127\.0\.0\.1:9/none: cannot connect"):
        Ledger("postgresql://nobody:pw@127.0.0.1:9/none")


def test_file_errors_are_clear(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a claimledger ledger"):
        Ledger(junk)


def test_errors_are_clear(store_url):
    with pytest.raises(StoreError, match="no ledger here"):
        Ledger(store_url, readonly=True)
    with Ledger(store_url) as ledger:
        ledger.save_document(make_doc("abc000000001"))
        ledger.save_document(make_doc("abc000000002"))
        with pytest.raises(StoreError, match="ambiguous"):
            ledger.document("abc")
        with pytest.raises(StoreError, match="no document"):
            ledger.document("zzz")
