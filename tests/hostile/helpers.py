"""Running ``add`` in-process on a throwaway ledger, capturing what the user would read on stderr."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from claimledger import workflow
from claimledger.export.json_export import to_json
from claimledger.link.dates import parse_window
from claimledger.pipeline import Context
from claimledger.store import Ledger

GOOD_ARTICLES = {
    "quake.txt": "Rescuers said 42 people died after the earthquake struck the coastal town on Tuesday, "
                 "the regional governor said.\nAbout 300 homes were damaged, officials said.\n",
    "strike.txt": "Union leaders said 1,200 workers walked out at the port, the union said.\n"
                  "The company said 800 staff stayed at work.\n",
}


@dataclass
class Run:
    lines: list[str] = field(default_factory=list)
    summary: workflow.AddSummary | None = None


def write_good(folder: Path) -> list[str]:
    """The good articles every hostile batch carries, written into ``folder``; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in GOOD_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    return paths


def run_add(db: Path, inputs: list[str], **options) -> Run:
    """``claimledger add`` as a library call; every line it reports is kept."""
    run = Run()
    with Ledger(db) as ledger:
        options.setdefault("context", Context(jobs=1))  # these tests are about ingest, not the process pool
        run.summary = workflow.add(ledger, inputs, report=run.lines.append, **options)
    return run


def ledger_state(db: Path) -> dict:
    with Ledger(db, readonly=True) as ledger:
        return to_json(ledger)


DATE_KEYS = ("published", "as_of", "date", "when", "window", "start", "end")


def _date_values(node, key: str = ""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _date_values(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _date_values(v, key)
    elif isinstance(node, str) and key.lower().endswith(DATE_KEYS) and key != "published_evidence":
        yield key, node


def assert_sane_dates(db: Path) -> None:
    """No impossible year in any date field of the ledger; every stored publication date parses."""
    state = ledger_state(db)
    for key, value in _date_values({k: v for k, v in state.items() if k != "claimledger"}):
        assert "9999" not in value and "0001-01-01" not in value, (key, value)
    for doc in state["documents"]:
        if doc.get("published"):
            assert parse_window(doc["published"]) is not None, doc["published"]
            assert "/.." not in doc["published"], doc["published"]
