"""No -wal/-shm files are left beside a SQLite ledger once a command ends."""

from __future__ import annotations

from pathlib import Path

from claimledger import cli
from claimledger.model import Figure
from claimledger.store import Ledger
from tests.ingest.samples import ARTICLES
from tests.store.test_ledger import make_doc


def stray(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir() if p.name.startswith(db.name + "-"))


def test_commands_leave_no_wal_or_shm(tmp_path, capsys):
    db = tmp_path / "ledger.db"
    article = tmp_path / "results.txt"
    article.write_text(ARTICLES["results"], encoding="utf-8")
    assert cli.main(["--db", str(db), "add", str(article)]) == 0
    assert stray(db) == []
    for argv in (["ls"], ["figures"], ["measures"], ["export", "--format", "json", "--out", str(tmp_path / "l.json")],
                 ["report", "-o", str(tmp_path / "r.html")], ["reanalyse"]):
        assert cli.main(["--db", str(db), *argv]) == 0, argv
        assert stray(db) == [], argv


def test_demo_leaves_no_wal_or_shm(demo_db):
    assert stray(demo_db) == []


def test_a_reader_closing_last_cleans_up_after_a_writer(tmp_path):
    db = tmp_path / "ledger.db"
    writer = Ledger(db)
    writer.save_document(make_doc())
    reader = Ledger(db, readonly=True)
    assert len(reader.rows(Figure)) == 2
    writer.close()
    assert stray(db) != []  # the reader still has the ledger open
    reader.close()
    assert stray(db) == []

