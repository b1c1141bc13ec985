"""kill -9 during ``add`` (per document, grouping, per-story rebuild) and the next ``add`` converges.

Each case runs the real CLI in a subprocess with ``CLAIMLEDGER_KILL_AT=STEP:N`` (the process
SIGKILLs itself at the N-th pass of STEP), re-runs the same ``add`` and compares the whole JSON
export with a clean run's, on each store (a SQLite file, a PostgreSQL database).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLES = {
    "fire1.txt": "A fire destroyed a warehouse in Kelso Bay on Monday night. Fire chief Mara Ostlund said 30 "
                 "firefighters fought the blaze and two workers were injured.",
    "strike1.txt": "Dock workers in the port of Veldra walked out on Tuesday. The Harbour Workers Union said "
                   "about 900 members joined the Veldra dock strike over pay.",
    "fire2.txt": "The Kelso Bay warehouse fire injured three workers, fire chief Mara Ostlund said on Tuesday, "
                 "after 40 firefighters fought the blaze through the night.",
    "strike2.txt": "The Veldra dock strike entered its third day as the Harbour Workers Union said 1,100 members "
                   "had stopped work, halting ships at the port of Veldra.",
    "fire3.txt": "Investigators in Kelso Bay said on Wednesday the warehouse fire began in a storage room; "
                 "fire chief Mara Ostlund said three workers had been injured.",
}
KILL_POINTS = ("group:3", "story-commit:1")   # bench/killpoints.py runs 20+ points


def run_add(db: Path | str, folder: Path, kill_at: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    env.pop("CLAIMLEDGER_KILL_AT", None)
    if kill_at:
        env["CLAIMLEDGER_KILL_AT"] = kill_at
    return subprocess.run([sys.executable, "-m", "claimledger", "--db", str(db), "add", "--jobs", "1", str(folder)],
                          env=env, capture_output=True, text=True, timeout=300)


def export(db: Path | str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    out = subprocess.run([sys.executable, "-m", "claimledger", "--db", str(db), "export", "--format", "json"],
                         env=env, capture_output=True, text=True, timeout=300, check=True).stdout
    data = json.loads(out)
    data.pop("claimledger")
    return {k: sorted(json.dumps(r, sort_keys=True) for r in rows) for k, rows in data.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    clean = folder.parent / "clean.db"
    assert run_add(clean, folder).returncode == 0
    return folder, export(clean)


@pytest.mark.parametrize("kill_at", KILL_POINTS)
def test_killed_add_converges_on_the_next_add(corpus, store_url, kill_at):
    folder, expected = corpus
    db = store_url
    killed = run_add(db, folder, kill_at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    again = run_add(db, folder)
    assert again.returncode == 0, again.stderr
    assert "repairing an interrupted run" in again.stderr
    got = export(db)
    assert got["stories"] and got["measures"]
    assert got == expected
