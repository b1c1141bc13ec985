"""Precision of the entity and source names the ledger keeps, on the four real stories.

Each story of ``../shared/benchmarks/stories`` is run with its metadata (as ``eval/stories_bench.py``
does), and every entity name (``claimledger entities``) and every source name (``claimledger
sources``) of the result is looked up in ``eval/names_gold.tsv``: one row per (story, table,
name) with a hand judgement, ``keep`` (an analyst would keep this row as it is) or ``junk`` (an
analyst would delete or rename it: not a name, a unit, a bare common noun, a name with a role
phrase glued on, a wrong type).  Precision = keep / judged.

Two stories were read while writing the rules (dev), two were judged only afterwards (held back),
and both numbers are printed side by side.

    python eval/names.py                    # the table
    python eval/names.py --unjudged         # rows to judge: names the gold does not list yet
    python eval/names.py --junk             # the names judged junk that the ledger still keeps
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories_bench import BENCH, DEV, HELD_BACK, annotated  # noqa: E402

from claimledger.pipeline import Pipeline  # noqa: E402
from claimledger.reconcile import reconcile  # noqa: E402
from claimledger.views import LedgerView  # noqa: E402

GOLD = Path(__file__).with_name("names_gold.tsv")


def kept_names(story: str, pipeline: Pipeline, cache: Optional[Path]) -> list[tuple[str, str, str]]:
    """(table, name, type or kind) for every entity and source row the ledger shows for ``story``."""
    docs = annotated(BENCH / story, True, pipeline, cache)
    result = reconcile(docs)
    view = LedgerView(documents=docs, measures=result.measures, conflicts=result.conflicts, entities=result.entities)
    rows = [("entity", r["entity"], r["type"]) for r in view.entity_rows()]
    rows += [("source", r["source"], r["kind"]) for r in view.source_rows()]
    return list(dict.fromkeys(rows))


def load_gold(path: Path = GOLD) -> dict[tuple[str, str, str, str], str]:
    """(story, table, name, type) -> keep | junk."""
    gold = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            gold[(row["story"], row["table"], row["name"], row["type"])] = row["judgement"]
    return gold


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stories", nargs="*", help="story folder names (default: all four)")
    ap.add_argument("--cache", type=Path, help="folder for parsed documents (delete it after changing extract/)")
    ap.add_argument("--unjudged", action="store_true", help="print the rows the gold does not judge yet (TSV)")
    ap.add_argument("--junk", action="store_true", help="print the kept rows judged junk")
    args = ap.parse_args(argv)
    if not BENCH.is_dir():
        print(f"stories benchmark not found at {BENCH} (set CLAIMLEDGER_BENCHMARKS)", file=sys.stderr)
        return 2
    gold = load_gold() if GOLD.exists() else {}
    pipeline = Pipeline()
    totals: dict[tuple[str, str], list[int]] = {}
    print(f"{'story':36} {'set':9} {'table':7} {'kept':>5} {'judged':>6} {'keep':>5} {'precision':>9}")
    for story in args.stories or [*DEV, *HELD_BACK]:
        group = "dev" if story in DEV else "held-back"
        rows = kept_names(story, pipeline, args.cache)
        for table in ("entity", "source"):
            mine = [r for r in rows if r[0] == table]
            judged = [gold[(story, *r)] for r in mine if (story, *r) in gold]
            keep = judged.count("keep")
            t = totals.setdefault((group, table), [0, 0, 0])
            t[0] += len(mine)
            t[1] += len(judged)
            t[2] += keep
            precision = f"{keep / len(judged):.3f}" if judged else "–"
            print(f"{story:36} {group:9} {table:7} {len(mine):>5} {len(judged):>6} {keep:>5} {precision:>9}")
            for r in mine:
                verdict = gold.get((story, *r))
                if args.unjudged and verdict is None:
                    print("\t".join((story, *r, "?")))
                if args.junk and verdict == "junk":
                    print("   junk:", "\t".join(r))
    print()
    for (group, table), (kept, judged, keep) in sorted(totals.items()):
        precision = f"{keep / judged:.3f}" if judged else "–"
        print(f"== {group:9} {table:7} names kept {kept:>4}, judged {judged:>4}, precision {precision}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
