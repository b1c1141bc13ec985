"""Cost of adding 10 articles: to an empty ledger vs to a ledger of N (incremental by construction).

Articles come from the GVA benchmark (``../shared/benchmarks/gva``): the base ledger holds the
first N articles of the eval/gva.py mix order, the 10 added are articles of other incidents.
Each ``add`` goes through ``workflow.add`` (the CLI's path) and is timed wall-clock; the rows
also show how many stories the 10 articles touched and how many stories were rebuilt.

    nice python bench/add10.py --base 500
    nice python bench/add10.py --reuse /tmp/gva300.db   # a copy of an existing ledger as the base
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import gva  # noqa: E402

from claimledger import workflow  # noqa: E402
from claimledger.model import Document, Story  # noqa: E402
from claimledger.store import Ledger  # noqa: E402


def write_jsonl(path: Path, articles: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({k: a[k] for k in ("title", "published", "url", "text")}, ensure_ascii=False) + "\n")


def timed_add(db: Path, jsonl: Path) -> tuple[float, int]:
    with Ledger(db) as ledger:
        started = time.perf_counter()
        rebuilt: list[str] = []
        original = workflow.link_stories

        def spy(ledger_):
            rebuilt.extend(original(ledger_))
            return rebuilt

        workflow.link_stories = spy
        try:
            workflow.add(ledger, [str(jsonl)], report=lambda msg: None)
        finally:
            workflow.link_stories = original
        return time.perf_counter() - started, len(rebuilt)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=300, help="articles in the base ledger (default 300)")
    parser.add_argument("--reuse", help="copy this existing ledger as the base instead of building one")
    args = parser.parse_args()
    _, _, articles = gva.load_mix(1590)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        base = tmp_path / "base.db"
        if args.reuse:
            shutil.copy(args.reuse, base)
            with Ledger(base) as ledger:
                urls = {d.url for d in ledger.documents()}
        else:
            write_jsonl(tmp_path / "base.jsonl", articles[:args.base])
            with Ledger(base) as ledger:
                workflow.add(ledger, [str(tmp_path / "base.jsonl")], report=lambda msg: None)
            urls = {a["url"] for a in articles[:args.base]}
        rest = [a for a in articles if a["url"] not in urls]
        with Ledger(base) as ledger:                     # warm-up: one add so one-time migrations are not timed
            write_jsonl(tmp_path / "warm.jsonl", rest[:1])
            workflow.add(ledger, [str(tmp_path / "warm.jsonl")], report=lambda msg: None)
            size = ledger.count(Document)
        rows = []
        for k, label in ((1, "a"), (2, "b")):
            batch = rest[k * 10:(k + 1) * 10]
            write_jsonl(tmp_path / f"ten{k}.jsonl", batch)
            empty = tmp_path / f"empty{k}.db"
            t_empty, r_empty = timed_add(empty, tmp_path / f"ten{k}.jsonl")
            t_base, r_base = timed_add(base, tmp_path / f"ten{k}.jsonl")
            rows.append((label, t_empty, r_empty, t_base, r_base))
        with Ledger(base, readonly=True) as ledger:
            stories = ledger.count(Story)
    print(f"base ledger: {size} documents, {stories} stories\n")
    print(f"{'batch':<6} {'empty: s':>9} {'stories':>8} {'base: s':>9} {'stories':>8} {'ratio':>6}")
    for label, t_empty, r_empty, t_base, r_base in rows:
        print(f"{label:<6} {t_empty:>9.1f} {r_empty:>8} {t_base:>9.1f} {r_base:>8} {t_base / t_empty:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
