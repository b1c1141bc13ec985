from .conftest import run_async

import uvicorn

from claimledger.web import PREFIX, make_app, serve
from claimledger.web.plugin import ledger_path


def test_serve_binds_localhost_and_read_only_by_default(sample_db, monkeypatch, capsys):
    calls = {}

    def fake_run(app, host, port, **kw):
        calls.update(app=app, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    serve(str(sample_db))
    assert calls["host"] == "127.0.0.1" and calls["port"] == 8001
    assert f"http://127.0.0.1:8001{PREFIX}" in capsys.readouterr().out


def test_writable_mode_opens_the_file_mutable(sample_db):
    ds = make_app(str(sample_db), readonly=False)
    assert ds.databases["sample"].is_mutable


def test_ledger_is_found_without_plugin_config(sample_db):
    from datasette.app import Datasette

    ds = Datasette(immutables=[str(sample_db)], memory=True)
    assert ledger_path(ds) == str(sample_db)


def test_menu_links_reach_our_pages(sample_db):
    ds = make_app(str(sample_db))
    html = run_async(ds.client.get("/")).text
    assert f'href="{PREFIX}"' in html and f'href="{PREFIX}/conflicts"' in html


def test_an_unmerged_wal_is_not_ignored(tmp_path):
    import sqlite3

    path = tmp_path / "busy.db"
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("create table figures (id text)")
    writer.execute("insert into figures values ('x:f1')")
    writer.commit()  # still open: the row lives in busy.db-wal
    try:
        ds = make_app(str(path))
        rows = run_async(ds.client.get("/busy/figures.json?_shape=array")).json()
        assert rows == [{"rowid": 1, "id": "x:f1"}] or [r["id"] for r in rows] == ["x:f1"]
    finally:
        writer.close()
