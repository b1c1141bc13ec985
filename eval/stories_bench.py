"""Score the current code on the real multi-outlet stories of ``../shared/benchmarks/stories``.

Each story is run twice, as the benchmark's ``run.sh`` does: *bare* (the texts alone, title on
line 1) and *meta* (outlet, publication date and url from ``meta.json``).  The articles go
through the real ingest, the per-document pipeline and :func:`claimledger.reconcile.reconcile`;
the export is built in memory and scored by the benchmark's own ``score.py``.

Two stories were read while writing rules (dev); two were never opened (held back), so the table
shows both kinds side by side.  ``eval/gold_stories/`` adds stories we wrote ourselves in the same gold
format (set "own"): dev twins of the held-back kinds (a strike and its turnout war) to write rules on.

    python eval/stories_bench.py                 # the table
    python eval/stories_bench.py -v rana-plaza-collapse-2013   # the scorer's details for one story
    python eval/stories_bench.py --cache /tmp/sb  # keep parsed documents (re-run reconcile only)
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import importlib.util
import io
import json
import pickle
import sys
from pathlib import Path
from typing import Any, Optional

from claimledger.export.json_export import ARRAYS, record_json
from claimledger.ingest import NearDuplicateIndex, read_inputs
from claimledger.model import Document
from claimledger.pipeline import Pipeline
from claimledger.reconcile import reconcile

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmarks import benchmarks_dir  # noqa: E402

BENCH = benchmarks_dir() / "stories"
DEV = ("rana-plaza-collapse-2013", "kanjuruhan-stadium-2022")
HELD_BACK = ("galwan-valley-clash-2020", "france-pension-strike-2023-01-19")
OWN_DIR = Path(__file__).resolve().parent / "gold_stories"
OWN = tuple(sorted(p.name for p in OWN_DIR.iterdir() if (p / "gold.json").exists()))


def story_dir(name: str) -> Path:
    return OWN_DIR / name if name in OWN else BENCH / name


def story_set(name: str) -> str:
    return "dev" if name in DEV else "own" if name in OWN else "held-back"


def load_scorer(bench: Path = BENCH):
    spec = importlib.util.spec_from_file_location("stories_score", bench / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def read_story(folder: Path, meta: bool) -> list[Document]:
    """The story's documents as ``claimledger add`` reads them (bare folder, or one file at a time
    with its metadata), near-duplicates marked."""
    docs: list[Document] = []
    if meta:
        info = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.txt")):
            m = info[path.name]
            docs += [d for d in read_inputs([str(path)], outlet=m["outlet"], published=m["published"], url=m["url"])
                     if isinstance(d, Document)]
    else:
        docs = [d for d in read_inputs(sorted(str(p) for p in folder.glob("*.txt"))) if isinstance(d, Document)]
    index = NearDuplicateIndex()
    for d in docs:
        d.duplicate_of = index.find(d.text, exclude=d.id)
        index.add(d.id, d.text)
    return docs


def annotated(folder: Path, meta: bool, pipeline: Pipeline, cache: Optional[Path]) -> list[Document]:
    target = cache / f"{folder.name}-{'meta' if meta else 'bare'}.pickle" if cache else None
    if target is not None and target.exists():
        return pickle.loads(target.read_bytes())
    docs = list(pipeline.run(read_story(folder, meta)))
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pickle.dumps(docs))
    return docs


def export(docs: list[Document]) -> dict[str, Any]:
    """The JSON export of a ledger holding exactly these documents, built without a store."""
    docs = copy.deepcopy(docs)
    result = reconcile(docs)
    out: dict[str, Any] = {"documents": [d.columns() for d in docs]}
    per_doc = {"figures": "figures", "quotes": "statements", "sources": "sources", "mentions": "mentions"}
    for name in ARRAYS:
        if name in per_doc:
            out[name] = [record_json(r) for d in docs for r in getattr(d, per_doc[name])]
        else:
            out[name] = [record_json(r) for r in getattr(result, name, [])]
    return out


def score(ex: dict, folder: Path, scorer, verbose: bool = False) -> dict:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    sink = io.StringIO()
    with contextlib.redirect_stdout(sys.stdout if verbose else sink):
        ex2, gold, docs, byid, sources = _load(ex, gold)
        s = scorer.Scorer(ex2, gold, docs, byid, sources, verbose)
        s.score_figures()
        s.score_measures()
    return s.out


def _load(ex: dict, gold: dict):
    """score.load() over an in-memory export."""
    docs = {}
    for d in ex["documents"]:
        name = str(d.get("name") or "")
        for key, fname in gold["docs"].items():
            if name.endswith(fname) or Path(name).name == fname:
                docs[key] = d
    byid = {d["id"]: k for k, d in docs.items()}
    sources = {s["id"]: s for s in ex.get("sources", [])}
    return ex, gold, docs, byid, sources


def row(out: dict) -> dict[str, Any]:
    fg, ms, ds, cs = out["figures"], out["measures"], out["disputes"], out["conflicts"]
    return {"figures F1": f"{fg['f1']:.3f}", "event": f"{fg['event_ok']}/{fg['event_n']}",
            "measures F1": f"{ms['pairwise_f1']:.3f}",
            "disputes flagged": f"{ds['flagged']}/{ds['n']}", "backed": f"{ds['evidenced']}/{ds['n']}",
            "conflicts justified": f"{cs['justified']}/{cs['judged']}",
            "sources": f"{fg['source_ok_via']}/{fg['source_n']}",
            "_sources": (fg["source_ok_via"], fg["source_n"]),
            "_": (fg["event_ok"], fg["event_n"], ms["pairwise_f1"], ds["evidenced"], ds["n"], cs["justified"],
                  cs["judged"])}


def evaluate(names, cache: Optional[Path] = None, verbose: bool = False) -> list[tuple[str, str, dict]]:
    """(story, bare|meta, table row) for each story, both runs."""
    scorer = load_scorer()
    pipeline = Pipeline()
    rows: list[tuple[str, str, dict]] = []
    for name in names:
        for meta in (False, True):
            docs = annotated(story_dir(name), meta, pipeline, cache)
            out = score(export(docs), story_dir(name), scorer, verbose)
            rows.append((name, "meta" if meta else "bare", row(out)))
    return rows


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stories", nargs="*", help="story folder names (default: all, ours included)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the scorer's details")
    ap.add_argument("--cache", type=Path, help="folder for parsed documents (delete it after changing extract/)")
    ap.add_argument("--json", type=Path, help="write the numbers as JSON here")
    args = ap.parse_args(argv)
    if not (BENCH / "score.py").exists():
        print(f"stories benchmark not found at {BENCH} (set CLAIMLEDGER_BENCHMARKS)", file=sys.stderr)
        return 2
    names = args.stories or [*DEV, *OWN, *HELD_BACK]
    rows = evaluate(names, args.cache, args.verbose)
    cols = ["figures F1", "event", "measures F1", "disputes flagged", "backed", "conflicts justified", "sources"]
    print(f"{'story':36} {'set':9} {'run':5} " + " ".join(f"{c:>19}" for c in cols))
    for name, run, r in rows:
        kind = story_set(name)
        print(f"{name:36} {kind:9} {run:5} " + " ".join(f"{r[c]:>19}" for c in cols))
    for kind, group in (("dev", DEV), ("own", OWN), ("held-back", HELD_BACK)):
        sel = [r["_"] for n, _, r in rows if n in group]
        if not sel:
            continue
        ev = sum(s[0] for s in sel) / max(1, sum(s[1] for s in sel))
        mf = sum(s[2] for s in sel) / len(sel)
        backed = sum(s[3] for s in sel) / max(1, sum(s[4] for s in sel))
        just = sum(s[5] for s in sel) / max(1, sum(s[6] for s in sel))
        src = [r["_sources"] for n, _, r in rows if n in group]
        right = sum(s[0] for s in src) / max(1, sum(s[1] for s in src))
        print(f"{'== ' + kind + ' (mean F1, pooled ratios)':52} event {ev:.2f}  measures F1 {mf:.3f}  "
              f"backed {backed:.0%}  conflicts justified {just:.0%}  sources right {right:.0%}")
    if args.json:
        args.json.write_text(json.dumps([{"story": n, "run": run, **{k: v for k, v in r.items() if not k.startswith("_")}}
                                         for n, run, r in rows], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
