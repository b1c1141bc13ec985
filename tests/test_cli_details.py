"""CLI details a first-time user trips over: start-up cost, id spelling, missing inputs, help text."""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys

import pytest

from claimledger import cli
from claimledger.ids import canonical_doc_ref, canonical_id

FLOOD = """River bursts its banks in valley towns

Floodwater covered 40 streets in Ardmore on Friday and about 2,300 residents were moved to shelters, the county emergency
office said. "The water is still rising," said Tomas Reyes, the county's flood coordinator.
"""


def run(*argv: str) -> int:
    return cli.main(list(argv))


LOADED_BY_HELP = """
import sys
from claimledger import cli
try:
    cli.main({argv!r})
except SystemExit:
    pass
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {{"spacy", "thinc", "trafilatura", "datasette",
                                                              "dateparser", "numpy", "lxml", "justext"}})
print("HEAVY:" + ",".join(heavy), file=sys.stderr)
"""


@pytest.mark.parametrize("argv", [["--help"], ["add", "--help"], ["measure", "--help"], ["export", "--help"]])
def test_help_imports_no_heavy_library(argv):
    proc = subprocess.run([sys.executable, "-c", LOADED_BY_HELP.format(argv=argv)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.returncode == 0, proc.stderr
    assert "usage: claimledger" in proc.stdout
    assert proc.stderr.strip().splitlines()[-1] == "HEAVY:"


def _walk(parser: argparse.ArgumentParser, path: str):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helped = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield f"{path} {name}", helped.get(name)
                yield from _walk(sub, f"{path} {name}")
        elif not isinstance(action, argparse._HelpAction):
            yield f"{path} {'/'.join(action.option_strings) or action.dest}", action.help


def test_every_verb_and_option_has_help():
    missing = [where for where, text in _walk(cli.build_parser(), "claimledger") if not text]
    assert missing == []


@pytest.mark.parametrize("typed, letter, stored", [
    ("M1", "M", "M1"), ("m1", "M", "M1"), ("1", "M", "M1"), (" 12 ", "M", "M12"), ("c3", "C", "C3"),
    ("M01", "M", "M1"), ("E4", "M", "E4"),
])
def test_canonical_id(typed, letter, stored):
    assert canonical_id(typed, letter) == stored


def test_document_refs_are_case_insensitive():
    assert canonical_doc_ref(" 7F76AB ") == "7f76ab"


def test_measure_ids_in_any_spelling(demo_db, capsys):
    conn = sqlite3.connect(demo_db)
    measure_id = conn.execute("SELECT id FROM measures ORDER BY rowid").fetchone()[0]
    local = measure_id.rsplit("-", 1)[-1]          # "M1" of "S<doc>-M1": enough in a one-story ledger
    outputs = []
    for typed in (measure_id, measure_id.lower(), local, local[1:]):
        assert run("--db", str(demo_db), "measure", typed) == 0
        outputs.append(capsys.readouterr().out)
        assert run("--db", str(demo_db), "timeline", typed) == 0
        capsys.readouterr()
    assert outputs[0] == outputs[1] == outputs[2] == outputs[3] and outputs[0].startswith(measure_id)


def test_document_prefix_in_upper_case(demo_db, capsys):
    doc_id = sqlite3.connect(demo_db).execute("SELECT id FROM documents WHERE id GLOB '*[a-f]*'").fetchone()[0]
    assert run("--db", str(demo_db), "show", doc_id[:8].upper()) == 0
    assert f"id: {doc_id}" in capsys.readouterr().out


def test_missing_input_creates_nothing(tmp_path, capsys):
    db = tmp_path / "ledger.db"
    assert run("--db", str(db), "add", str(tmp_path / "nonexistent.txt")) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nonexistent.txt" in err[0] and "no such file" in err[0]
    assert list(tmp_path.iterdir()) == []


def test_unreadable_only_input_leaves_no_empty_ledger(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    db = tmp_path / "ledger.db"
    assert run("--db", str(db), "add", str(empty)) == 1
    assert "empty.txt" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt"]


def test_existing_ledger_survives_a_bad_add(tmp_path, capsys):
    article = tmp_path / "flood.txt"
    article.write_text(FLOOD, encoding="utf-8")
    db = tmp_path / "ledger.db"
    assert run("--db", str(db), "add", str(article)) == 0
    assert run("--db", str(db), "add", str(tmp_path / "typo.txt")) == 1
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_csv_to_stdout_says_what_it_writes(demo_db, capsys):
    assert run("--db", str(demo_db), "export", "--format", "csv") == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("id,document,")
    note = captured.err.strip().splitlines()
    assert len(note) == 1 and "figures table" in note[0] and "--out DIR" in note[0]
