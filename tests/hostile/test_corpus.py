"""Every hostile case in a batch with good articles, through the real ``claimledger add`` command.

Each asserts: exit code 0 (the documented code when anything was ingested), no traceback, one
clear line naming the input and the problem (or none for an input that lands cleanly), the good
articles landed, and how many documents of the hostile input landed.
"""

from __future__ import annotations

import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claimledger import cli
from claimledger.ingest import url as url_module
from claimledger.store import Ledger

from .corpus import CASES, URL_ROUTES, Case, Ctx
from .helpers import GOOD_ARTICLES, assert_sane_dates, write_good


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "10000")
            self.end_headers()
            for _ in range(30):  # 5 bytes every 0.5 s: no single read times out, the whole fetch must
                try:
                    self.wfile.write(b"drip ")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.5)
            return
        if self.path.startswith("/redirect/"):
            self.send_response(302)
            target = self.path[len("/redirect/"):].replace("PORT", str(self.server.server_address[1]))
            self.send_header("Location", target)
            self.end_headers()
            return
        if self.path not in URL_ROUTES:
            self.send_error(404, "Not Found")
            return
        content_type, body = URL_ROUTES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _param(case: Case):
    marks = []
    if case.hangs:
        marks.append(pytest.mark.xfail(run=False, reason=case.hangs))
    if case.slow:
        marks.append(pytest.mark.slow)
    return pytest.param(case, id=case.id, marks=marks)


def test_the_corpus_is_big_and_covers_every_input_kind():
    assert len(CASES) >= 60
    assert {"txt", "html", "jsonl", "feed", "warc", "url", "folder", "name", "number", "date"} <= {c.kind for c in CASES}


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_hostile_input_in_a_good_batch(case: Case, tmp_path, server, capsys, monkeypatch):
    ctx = Ctx(tmp_path / "in", server)
    ctx.folder.mkdir()
    hostile = case.build(ctx)
    good = write_good(tmp_path / "good")
    for key, value in case.env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(url_module, "DEADLINE_SECONDS", 1.5)
    db = tmp_path / "ledger.db"

    code = cli.main(["--db", str(db), "add", "--jobs", "1", *case.options, *hostile, *good])  # ingest, not the pool

    err = capsys.readouterr().err
    assert code == 0, err
    assert "Traceback" not in err and "Error" not in err.replace("IngestError", ""), err
    lines = err.splitlines()
    named = case.named(ctx, hostile) if case.named else hostile[0]
    about = [line for line in lines if named in line]
    if case.expect == "land":
        assert not [line for line in lines if line.startswith("skipped ")], err
    else:
        prefix = "warning: " if case.expect == "warn" else "skipped "
        matching = [line for line in about if line.startswith(prefix) and re.search(case.pattern, line)]
        assert matching, f"no {prefix!r} line naming {named!r} matching {case.pattern!r} in:\n{err}"
        if case.expect == "skip":
            assert len(about) == 1, err
    assert "s3cret" not in err

    with Ledger(db, readonly=True) as ledger:
        names = [d.name for d in ledger.documents()]
    assert all(path in names for path in good), (names, err)
    landed = len(names) - len(GOOD_ARTICLES)
    if case.expect == "skip":
        assert landed == 0, names
    if case.landed is not None:
        assert landed == case.landed, (names, err)
    assert_sane_dates(db)
