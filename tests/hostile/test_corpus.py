"""Every hostile case in a batch with good articles, through the real ``claimledger add`` command.

Each asserts: exit code 0 (the documented code when anything was ingested), no traceback, one
clear line naming the input and the problem (or none for an input that lands cleanly), the good
articles landed, and how many documents of the hostile input landed.
"""

from __future__ import annotations

import re

import pytest

from claimledger import cli
from claimledger.ingest import url as url_module
from claimledger.store import Ledger

from ..local_http import serve
from .corpus import CASES, URL_ROUTES, Case, Ctx
from .helpers import GOOD_ARTICLES, assert_sane_dates, write_good


@pytest.fixture(scope="module")
def server():
    with serve(URL_ROUTES, drip=b"drip ", count=30, pause=0.5, length=10000) as base:
        yield base


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
