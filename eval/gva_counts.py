"""Killed / injured exact accuracy per GVA incident, given the correct grouping.

Each incident's articles go alone through the pipeline and :func:`claimledger.reconcile.reconcile`
(the grouping is the gold one, so this measures counting, not story detection; ``eval/gva.py``
measures both on a mixed feed).  The count is read with ``eval/gva.py``'s ``story_count`` (the
whole-event, current killed / injured measure: ``latest``, else ``best``), the naive regex
baseline beside it.  Incidents at even positions of ``gva.py``'s deterministic order were read
while writing rules (dev), odd positions were only scored (held back).

    python eval/gva_counts.py                  # first 120 incidents of the order
    python eval/gva_counts.py --incidents 40 --cache /tmp/gva-docs   # keep parsed documents
    python eval/gva_counts.py -v               # every wrong count with the figures behind it
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gva  # noqa: E402  (the mix, the count picker and the naive baseline)

from claimledger.model import Document  # noqa: E402
from claimledger.pipeline import Pipeline  # noqa: E402
from claimledger.reconcile import reconcile  # noqa: E402


def parsed_incident(inc: str, arts: list[dict], pipeline: Pipeline, cache: Optional[Path]) -> list[Document]:
    key = hashlib.sha1("".join(a["id"] for a in arts).encode()).hexdigest()[:12]
    target = cache / f"{inc}-{key}.pickle" if cache else None
    if target is not None and target.exists():
        return pickle.loads(target.read_bytes())
    docs = [Document(id=a["id"][:12], name=a["id"], title=a["title"], url=a["url"], published=a["published"],
                     published_how="metadata", text=(a["title"] + "\n\n" + a["text"]).strip())
            for a in arts]
    docs = list(pipeline.run(docs))
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pickle.dumps(docs))
    return docs


def evaluate(n: int, cache: Optional[Path] = None, verbose: bool = False) -> dict[str, Counter]:
    chosen, incidents, articles = gva.load_mix(n)
    by_incident: dict[str, list[dict]] = defaultdict(list)
    for a in articles:
        by_incident[a["incident"]].append(a)
    pipeline = Pipeline()
    out = {"dev": Counter(), "held-back": Counter()}
    for k, inc in enumerate(chosen):
        part = "dev" if k % 2 == 0 else "held-back"
        arts = by_incident.get(inc, [])
        truth = incidents[inc]
        docs = parsed_incident(inc, arts, pipeline, cache)
        measures = reconcile(copy.deepcopy(docs)).measures
        killed = gva.story_count(measures, gva.KILLED_EVENTS)
        injured = gva.story_count(measures, gva.INJURED_EVENTS)
        texts = [a["title"] + "\n" + a["text"] for a in arts]
        c = out[part]
        c["incidents"] += 1
        c["killed"] += killed == truth["killed"]
        c["injured"] += injured == truth["injured"]
        c["naive_killed"] += gva.naive_count(texts, gva._KILLED) == truth["killed"]
        c["naive_injured"] += gva.naive_count(texts, gva._INJURED) == truth["injured"]
        if verbose and part == "dev" and (killed != truth["killed"] or injured != truth["injured"]):
            print(f"{inc}: killed {killed} (gold {truth['killed']}), injured {injured} (gold {truth['injured']})")
            for m in measures:
                if m.event in ("killed", "wounded"):
                    print(f"    {m.id} {m.label!r} scope={m.scope} {m.time_ref} best={m.best} latest={m.latest} "
                          f"figures={len(m.figures)}")
    return out


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=120, help="how many incidents of the order (default 120)")
    ap.add_argument("--cache", type=Path, help="folder for parsed documents (delete it after changing extract/)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the dev incidents counted wrong")
    args = ap.parse_args(argv)
    if not (gva.DATA / "gva_dev_articles.jsonl").exists():
        print(f"gva: no benchmark at {gva.DATA} (set CLAIMLEDGER_BENCHMARKS)", file=sys.stderr)
        return 2
    results = evaluate(args.incidents, args.cache, args.verbose)
    print(f"{'':<10} {'incidents':>9} {'killed':>7} {'naive':>6} {'injured':>8} {'naive':>6}")
    for part, c in results.items():
        n = c["incidents"] or 1
        print(f"{part:<10} {c['incidents']:>9} {c['killed'] / n:>7.3f} {c['naive_killed'] / n:>6.3f}"
              f" {c['injured'] / n:>8.3f} {c['naive_injured'] / n:>6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
