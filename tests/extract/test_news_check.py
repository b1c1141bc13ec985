"""The news check: code, changelogs, price lists and index pages are flagged; news prose is not."""

from __future__ import annotations

import sqlite3

import pytest

from claimledger import cli
from claimledger.extract.news_check import Signals, not_news_reason, signals
from claimledger.ingest.text import normalise_text
from tests.extract.news_samples import CHANGELOG, NEWS, SAMPLES_NEWS, SAMPLES_NOT_NEWS


def _reason(nlp, text: str) -> str | None:
    text = normalise_text(text)
    return not_news_reason(signals(text, nlp(text)))


@pytest.mark.parametrize("name, expected", [
    ("changelog", "code-like"), ("code", "code-like"), ("menu", "few full sentences"), ("index", "few full sentences"),
])
def test_not_news_is_flagged_with_a_reason(nlp, name, expected):
    assert expected in (_reason(nlp, SAMPLES_NOT_NEWS[name]) or "")


@pytest.mark.parametrize("name", sorted(SAMPLES_NEWS))
def test_news_prose_is_not_flagged(nlp, name):
    assert _reason(nlp, SAMPLES_NEWS[name]) is None


def test_rules_read_the_signals():
    prose = dict(words=300, code_words=0, sentences=12, finite=11, reporting=0, lines=12, ended_lines=11, item_lines=0)
    assert not_news_reason(Signals(**prose)) is None                              # a feature without quotes
    assert "list" in not_news_reason(Signals(**{**prose, "item_lines": 8}))
    assert not_news_reason(Signals(**{**prose, "item_lines": 8, "reporting": 2})) is None   # a live blog
    assert "headlines" in not_news_reason(Signals(**{**prose, "ended_lines": 1, "words": 90}))
    assert not_news_reason(Signals(**{**prose, "ended_lines": 1})) is None         # long unpunctuated paragraphs
    assert "code-like" in not_news_reason(Signals(**{**prose, "code_words": 40, "reporting": 3}))


def test_add_gives_a_notice_and_can_skip(tmp_path, capsys):
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "release_notes.txt").write_text(CHANGELOG, encoding="utf-8")
    (folder / "flood.txt").write_text(NEWS, encoding="utf-8")
    db = tmp_path / "kept.db"
    assert cli.main(["--db", str(db), "add", str(folder / "release_notes.txt"), str(folder / "flood.txt")]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "release_notes.txt does not look like news" in err[0] and "kept" in err[0]
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents WHERE not_news IS NOT NULL").fetchone()[0] == 1

    db = tmp_path / "skipped.db"
    assert cli.main(["--db", str(db), "add", "--skip-non-news", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "skipped (--skip-non-news)" in captured.err and "1 not news, left out" in captured.out
    names = [r[0] for r in sqlite3.connect(db).execute("SELECT name FROM documents")]
    assert len(names) == 1 and names[0].endswith("flood.txt")
    values = {r[0] for r in sqlite3.connect(db).execute("SELECT value FROM figures")}
    assert 46 not in values
