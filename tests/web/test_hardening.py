"""The web app under errors and hostile requests: short answers, one log line, nothing written."""

from __future__ import annotations

import logging
from urllib.parse import quote

import pytest

from claimledger.views import LedgerView
from claimledger.web import PREFIX, make_app, serve
from claimledger.web import plugin

from .conftest import run_async


@pytest.fixture(scope="module")
def app(sample_db):
    return make_app(str(sample_db))


def get(app, path):
    return run_async(app.client.get(path))


def raw(app, path: str) -> tuple[int, bytes]:
    """One request straight through ASGI with ``path`` exactly as given (no client normalising it)."""
    async def call():
        sent = []
        scope = {"type": "http", "http_version": "1.1", "method": "GET", "path": path, "raw_path": path.encode(),
                 "query_string": b"", "headers": [(b"host", b"localhost")], "scheme": "http",
                 "server": ("127.0.0.1", 8001), "client": ("127.0.0.1", 5000), "root_path": ""}

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            sent.append(message)
        await app.app()(scope, receive, send)
        status = next(m["status"] for m in sent if m["type"] == "http.response.start")
        return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return run_async(call())


def test_fts3_tokenizer_is_refused(app):
    sql = quote("select hex(fts3_tokenizer('simple')) as p")
    r = get(app, f"/sample.json?sql={sql}")
    assert r.status_code != 200 and "not authorized" in r.text


def test_a_write_through_the_sql_endpoint_is_refused(app, sample_db):
    r = get(app, f"/sample.json?sql={quote('delete from figures')}")
    assert r.status_code == 400
    assert get(app, "/sample/figures.json?_shape=array").json()  # still there


def test_a_raw_dotdot_path_is_a_short_404_without_traceback(app, capsys):
    status, body = raw(app, f"{PREFIX}/documents/../../../etc/passwd")
    assert status == 404 and b"Traceback" not in body and b"root:" not in body
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err


def test_a_failing_page_is_a_short_500_and_one_log_line(app, monkeypatch, caplog):
    def broken(self, *args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(LedgerView, "document_row", broken)
    plugin._PAGES.clear()
    with caplog.at_level(logging.ERROR, logger="claimledger.web"):
        r = get(app, f"{PREFIX}/documents.json")
    assert r.status_code == 500 and "RuntimeError" in r.text and len(r.text) < 200
    assert len([rec for rec in caplog.records if rec.name == "claimledger.web"]) == 1
    assert "disk on fire" in caplog.records[-1].getMessage()


def test_list_json_is_paged_with_a_next_link(app, monkeypatch):
    monkeypatch.setattr(plugin, "JSON_PAGE_SIZE", 1)
    plugin._PAGES.clear()
    first = get(app, f"{PREFIX}/conflicts.json").json()
    assert first["total"] == 2 and first["pages"] == 2 and len(first["rows"]) == 1
    second = get(app, first["next"]).json()
    assert second["next"] is None and second["rows"][0]["id"] != first["rows"][0]["id"]
    plugin._PAGES.clear()


def test_a_non_local_host_is_warned_about(sample_db, monkeypatch, capsys):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: None)
    serve(str(sample_db), host="0.0.0.0")
    assert "warning: --host 0.0.0.0" in capsys.readouterr().err
    serve(str(sample_db))
    assert "warning" not in capsys.readouterr().err
