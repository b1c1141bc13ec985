"""The local process-pool engine: same ledger as one process, and a slow document costs only itself."""

from __future__ import annotations

import signal
import time

import pytest

from claimledger import cli
from claimledger.engine import local
from claimledger.engine.local import available_cores
from claimledger.pipeline import Context, Pipeline

from tests.engine import corpus
from tests.engine.helpers import export_of


def test_two_jobs_give_the_same_export_as_one(tmp_path):
    paths = corpus.write(tmp_path)
    one = export_of(tmp_path / "one.db", paths, Context(jobs=1))
    two = export_of(tmp_path / "two.db", paths, Context(jobs=2))
    assert len(one["documents"]) == len(corpus.ARTICLES) and one["figures"]
    assert two == one


def test_jobs_default_to_the_cores_available():
    assert available_cores() >= 1
    args = cli.build_parser().parse_args(["add", "x.txt"])
    assert args.jobs is None and cli.context(args).jobs is None  # None = available_cores() at run time


def test_cli_rejects_zero_jobs(tmp_path, capsys):
    assert cli.main(["--db", str(tmp_path / "l.db"), "add", "--jobs", "0", str(tmp_path)]) == 1
    assert "--jobs must be 1 or more" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_over_its_budget_is_skipped_and_the_batch_goes_on(tmp_path, jobs):
    paths = corpus.write(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text(corpus.long_text(2_500), encoding="utf-8")  # ~500k characters: far more than 1.5 s of parsing
    messages: list[str] = []
    data = export_of(tmp_path / "l.db", [*paths, str(big)], Context(jobs=jobs, doc_timeout=1.5), messages)
    assert {d["name"] for d in data["documents"]} == set(paths)
    skipped = [m for m in messages if "big.txt" in m]
    assert len(skipped) == 1 and "budget" in skipped[0] and "\n" not in skipped[0]


def _hang_on_marker(self, doc, parsed):
    """A stage run that ignores the alarm and never returns (as C code stuck in a loop would)."""
    if "WEDGED" in doc.text:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)
    return _original_annotate(self, doc, parsed)


_original_annotate = Pipeline.annotate


def test_a_stuck_worker_is_killed_and_replaced(tmp_path, monkeypatch):
    monkeypatch.setattr(local, "HARD_GRACE", 2.0)
    monkeypatch.setattr(local, "start_method", lambda: "fork")  # the patched stage must reach the workers
    monkeypatch.setattr(Pipeline, "annotate", _hang_on_marker)
    paths = corpus.write(tmp_path)
    stuck = tmp_path / "stuck.txt"
    stuck.write_text("WEDGED: the pumps failed at 3 stations, the water board said.\n", encoding="utf-8")
    messages: list[str] = []
    t0 = time.monotonic()
    data = export_of(tmp_path / "l.db", [str(stuck), *paths], Context(jobs=2, doc_timeout=1.0), messages)
    assert time.monotonic() - t0 < 120
    assert {d["name"] for d in data["documents"]} == set(paths)
    assert any("stuck.txt" in m and "worker was replaced" in m for m in messages)
