"""Report and exports on a large ledger: wall time and peak memory of each command.

    python bench/views_large.py                 # the 2,000-article ledger of bench/large_ledger.py

Each command runs in a fresh interpreter (as a user runs it); peak RSS is that process's
``ru_maxrss``.  Exports stream from the store record by record; the report is paged (an
index plus a page per story and per ``PAGE_DOCUMENTS`` documents).  Not a test.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from large_ledger import build  # noqa: E402

RUN = ("import resource, sys; from claimledger import cli; rc = cli.main(sys.argv[1:]); "
       "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(rc)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="documents in the generated ledger (default 2000)")
    args = parser.parse_args()
    db = build(args.articles, Path(f"/tmp/claimledger-large-{args.articles}.db"))
    out = Path(tempfile.mkdtemp(prefix="claimledger-views-"))
    commands = {
        "export --format json --out": ["export", "--format", "json", "--out", str(out / "ledger.json")],
        "export --format csv --out": ["export", "--format", "csv", "--out", str(out / "csv")],
        "report (html, paged)": ["report", "-o", str(out / "report.html")],
        "report --format md": ["report", "--format", "md", "-o", str(out / "report.md")],
        "measures --json": ["measures", "--json"],
    }
    print(f"ledger {db} ({db.stat().st_size / 1e6:.0f} MB), output in {out}")
    print(f"{'command':<30} {'seconds':>8} {'peak RSS MB':>12} {'output MB':>10}")
    for label, argv in commands.items():
        start = time.perf_counter()
        run = subprocess.run([sys.executable, "-c", RUN, "--db", str(db), *argv], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if run.returncode:
            print(f"{label:<30} failed: {run.stderr.strip().splitlines()[-1:]}")
            continue
        rss_mb = int(run.stderr.strip().splitlines()[-1]) / 1024
        target = Path(argv[-1]) if argv[-1].startswith(str(out)) else None
        size = (sum(p.stat().st_size for p in target.parent.rglob("*") if p.is_file() and p.name.startswith(target.stem))
                if target and target.exists() else len(run.stdout)) / 1e6
        print(f"{label:<30} {seconds:>8.1f} {rss_mb:>12.0f} {size:>10.1f}")


if __name__ == "__main__":
    main()
