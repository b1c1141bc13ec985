"""Crash consistency: kill ``add`` with SIGKILL at 20+ points and check the next ``add`` converges.

The feed is the committed ``eval/stories`` articles (five stories, interleaved so every story
is touched several times).  For each kill point ``STEP:N`` (``CLAIMLEDGER_KILL_AT``, see
``claimledger.workflow.checkpoint``) a fresh ledger gets a killed ``add``, then an ordinary
``add`` of the same inputs; its whole JSON export (minus the export timestamp) must equal a clean
run's.  Prints one row per point and how many converged.

    nice python bench/killpoints.py            # 22 points, SQLite ledgers
    python bench/killpoints.py --points group:2 story-commit:1
    python bench/killpoints.py --pg postgresql://user@127.0.0.1:5432/postgres   # PostgreSQL ledgers

With ``--pg`` (a server URL whose user may create databases) every ledger, the clean one included,
is a new PostgreSQL database on that server, dropped at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
POINTS = ("ingest:1", "ingest:6", "ingest:12", "document:1", "document:3", "document:7", "document:11",
          "document:16", "group:1", "group:4", "group:8", "group:12", "group:17", "story:1", "story:3",
          "story:5", "story-commit:1", "story-commit:2", "story-commit:4", "story-commit:5",
          "document:17", "group:16")


def feed(folder: Path) -> None:
    """eval/stories/*/NAME.txt copied flat, interleaved: the first article of each story, then the second..."""
    for path in sorted((ROOT / "eval" / "stories").glob("*/*.txt")):
        shutil.copy(path, folder / f"{path.stem[1:]}{path.stem[0]}_{path.name}")


def run(args: list[str], kill_at: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("CLAIMLEDGER_KILL_AT", None)
    if kill_at:
        env["CLAIMLEDGER_KILL_AT"] = kill_at
    return subprocess.run([sys.executable, "-m", "claimledger", *args], env=env, capture_output=True, text=True)


def export(db: Path) -> dict:
    data = json.loads(run(["--db", str(db), "export", "--format", "json"]).stdout)
    data.pop("claimledger")
    return {k: sorted(json.dumps(r, sort_keys=True) for r in rows) for k, rows in data.items()}


@contextlib.contextmanager
def ledgers(tmp_path: Path, server: str | None):
    """``new(name)``: a fresh ledger location, a file in ``tmp_path`` or a new database on ``server``."""
    made: list[str] = []

    def new(name: str) -> str:
        if server is None:
            return str(tmp_path / f"{name}.db")
        import psycopg

        db = f"cl_kill_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{db}"')
        made.append(db)
        return urlunsplit(urlsplit(server)._replace(path="/" + db))

    try:
        yield new
    finally:
        if made:
            import psycopg

            with psycopg.connect(server, autocommit=True) as admin:
                for db in made:
                    admin.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", nargs="+", default=list(POINTS), help="kill points STEP:N (default: 22 points)")
    parser.add_argument("--pg", metavar="URL", help="run on PostgreSQL: a server URL whose user may create databases")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, ledgers(Path(tmp), args.pg) as new:
        tmp_path = Path(tmp)
        folder = tmp_path / "feed"
        folder.mkdir()
        feed(folder)
        add = lambda db: ["--db", str(db), "add", "--jobs", "1", str(folder)]
        clean = new("clean")
        print(f"store: {'PostgreSQL' if args.pg else 'SQLite'}")
        run(add(clean))
        expected = export(clean)
        print(f"feed: {len(list(folder.iterdir()))} articles; clean run: {len(expected['stories'])} stories, "
              f"{len(expected['measures'])} measures, {len(expected['conflicts'])} conflicts\n")
        print(f"{'kill point':<18} {'killed':>6} {'repair said':>11} {'converged':>9} {'seconds':>7}")
        converged = 0
        for point in args.points:
            db = new(point.replace(":", "_"))
            started = time.perf_counter()
            killed = run(add(db), point)
            again = run(add(db))
            same = export(db) == expected
            converged += same
            print(f"{point:<18} {str(killed.returncode == -signal.SIGKILL):>6} "
                  f"{str('repairing an interrupted run' in again.stderr):>11} {str(same):>9} "
                  f"{time.perf_counter() - started:>7.1f}")
        print(f"\nconverged: {converged}/{len(args.points)}")
    return 0 if converged == len(args.points) else 1


if __name__ == "__main__":
    sys.exit(main())
