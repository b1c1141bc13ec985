"""Stories and killed/injured counts on a mixed feed of Gun Violence Archive incidents.

A deterministic mix of ``--incidents N`` incidents (sorted by sha1 of the incident id, first N)
is written as ONE JSONL file and added to a fresh ledger through the library (``workflow.add``,
the same path as ``claimledger add``).  Printed, separately for the incidents at even positions
of that order (dev: read while tuning) and odd positions (held back, scoring only):

* story B-cubed precision / recall / F1: articles -> gold incidents vs articles -> stories;
* killed / injured exact accuracy per incident: the story holding most of the incident's
  articles, and that story's whole-event killed / injured measure (:func:`story_count`);
* the naive baseline beside them: the largest "N killed/dead" and "N injured/wounded" number
  found by a regex in the incident's own articles (given the correct grouping).

    python eval/gva.py                       # 300 incidents
    python eval/gva.py --incidents 40 --db /tmp/gva.db
    python eval/gva.py --reuse --db /tmp/gva.db   # score an existing ledger of the same mix
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Optional

from claimledger.model import Measure

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmarks import benchmarks_dir  # noqa: E402

KILLED_EVENTS = ("killed",)
INJURED_EVENTS = ("injured", "wounded")
WHOLE_SCOPES = (None, "", "event", "whole", "total")


DATA = benchmarks_dir() / "gva"


# -- the count a ledger gives for one story ------------------------------------------------------

def story_count(measures: Iterable[Measure], events: tuple[str, ...]) -> int:
    """The story's whole-event count for ``events``: ``latest`` if set, else ``best``; 0 when none.

    Among the story's measures with one of ``events`` and whole-event scope (no place or
    subgroup breakdown, not a past-event comparison), the one backed by most figures wins.
    """
    candidates = [m for m in measures
                  if (m.event or "") in events
                  and getattr(m, "scope", None) in WHOLE_SCOPES
                  and getattr(m, "time_ref", None) in (None, "", "current")]
    if not candidates:
        return 0
    main = max(candidates, key=lambda m: (len(m.figures), m.articles, -len(m.id), m.id))
    value = getattr(main, "latest", None)
    if value is None:
        value = main.best
    return int(round(value)) if value is not None else 0


# -- the naive baseline --------------------------------------------------------------------------

_NUMBER_WORDS = ("zero no one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                 "fifteen sixteen seventeen eighteen nineteen twenty").split()
_NUM = r"(\d+|" + "|".join(_NUMBER_WORDS) + r")"
_KILLED = re.compile(_NUM + r"\s+(?:[a-z]+\s+){0,2}(?:killed|dead)\b", re.I)
_INJURED = re.compile(_NUM + r"\s+(?:[a-z]+\s+){0,2}(?:injured|wounded)\b", re.I)


def _as_int(token: str) -> int:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return 0 if token == "no" else _NUMBER_WORDS.index(token) - (1 if _NUMBER_WORDS.index(token) > 1 else 0)


def naive_count(texts: Iterable[str], pattern: re.Pattern) -> int:
    """Largest number a regex finds before "killed/dead" (or "injured/wounded"); 0 when none."""
    values = [_as_int(m.group(1)) for text in texts for m in pattern.finditer(text)]
    values = [v for v in values if v < 1000]
    return max(values, default=0)


# -- scoring -------------------------------------------------------------------------------------

def bcubed(gold: dict[str, str], system: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``system`` clusters against ``gold`` (item -> cluster)."""
    items = [i for i in gold if i in system]
    if not items:
        return 0.0, 0.0, 0.0
    gold_members: dict[str, set[str]] = defaultdict(set)
    sys_members: dict[str, set[str]] = defaultdict(set)
    for i in items:
        gold_members[gold[i]].add(i)
        sys_members[system[i]].add(i)
    p = r = 0.0
    for i in items:
        same = len(gold_members[gold[i]] & sys_members[system[i]])
        p += same / len(sys_members[system[i]])
        r += same / len(gold_members[gold[i]])
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def incident_order(incidents: dict[str, dict]) -> list[str]:
    return sorted(incidents, key=lambda i: hashlib.sha1(i.encode()).hexdigest())


def load_mix(n: int, data: Path = DATA) -> tuple[list[str], dict[str, dict], list[dict]]:
    """(ordered incident ids, incidents, articles): each article once, under its first incident."""
    incidents = json.loads((data / "gva_dev_incidents.json").read_text(encoding="utf-8"))
    chosen = incident_order(incidents)[:n]
    rank = {inc: k for k, inc in enumerate(chosen)}
    articles: dict[str, dict] = {}
    with open(data / "gva_dev_articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["incident"] not in rank:
                continue
            if a["id"] not in articles or rank[a["incident"]] < rank[articles[a["id"]]["incident"]]:
                articles[a["id"]] = a
    ordered = sorted(articles.values(), key=lambda a: (a["published"] or "", hashlib.sha1(a["id"].encode()).hexdigest()))
    return chosen, {i: incidents[i] for i in chosen}, ordered


def build_ledger(db: str, articles: list[dict]) -> float:
    """Add the articles as one JSONL file through ``workflow.add``; the seconds it took."""
    from claimledger import workflow
    from claimledger.store import Ledger

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gva-mix.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps({"title": a["title"], "published": a["published"], "url": a["url"],
                                     "text": a["text"]}, ensure_ascii=False) + "\n")
        started = time.perf_counter()
        with Ledger(db) as ledger:
            workflow.add(ledger, [str(path)], report=lambda msg: None)
        return time.perf_counter() - started


def score(db: str, chosen: list[str], incidents: dict[str, dict], articles: list[dict]) -> dict[str, dict]:
    from claimledger.store import Ledger

    with Ledger(db, readonly=True) as ledger:
        docs = ledger.documents()
        measures = ledger.rows(Measure)
    by_url = {d.url: d for d in docs if d.url}
    story_of = {a["id"]: (getattr(by_url[a["url"]], "story", None) or "ALL")
                for a in articles if a["url"] in by_url}
    measures_of: dict[str, list[Measure]] = defaultdict(list)
    for m in measures:
        measures_of[getattr(m, "story", None) or "ALL"].append(m)
    texts_of: dict[str, list[str]] = defaultdict(list)
    gold_story = {}
    for a in articles:
        gold_story[a["id"]] = a["incident"]
        texts_of[a["incident"]].append(a["title"] + "\n" + a["text"])
    out = {}
    for part, keep in (("dev", 0), ("held-back", 1)):
        part_incidents = [inc for k, inc in enumerate(chosen) if k % 2 == keep]
        wanted = set(part_incidents)
        gold = {a: i for a, i in gold_story.items() if i in wanted}
        p, r, f = bcubed(gold, story_of)
        hits = Counter()
        for inc in part_incidents:
            arts = [a for a, i in gold.items() if i == inc and a in story_of]
            truth = incidents[inc]
            if arts:
                story = Counter(story_of[a] for a in arts).most_common(1)[0][0]
                hits["killed"] += story_count(measures_of[story], KILLED_EVENTS) == truth["killed"]
                hits["injured"] += story_count(measures_of[story], INJURED_EVENTS) == truth["injured"]
            hits["naive_killed"] += naive_count(texts_of[inc], _KILLED) == truth["killed"]
            hits["naive_injured"] += naive_count(texts_of[inc], _INJURED) == truth["injured"]
        n = len(part_incidents) or 1
        out[part] = {"incidents": len(part_incidents), "articles": len(gold),
                     "stories": len({story_of[a] for a in gold if a in story_of}),
                     "precision": p, "recall": r, "f1": f,
                     **{k: v / n for k, v in hits.items()}}
    return out


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=300, help="how many incidents to mix (default 300)")
    parser.add_argument("--db", help="ledger file to build (default: a temporary file)")
    parser.add_argument("--reuse", action="store_true", help="score the existing --db instead of building it")
    parser.add_argument("--data", default=str(DATA), help="folder of the GVA benchmark")
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not (data / "gva_dev_articles.jsonl").exists():
        print(f"gva: no benchmark at {data} (set CLAIMLEDGER_BENCHMARKS)", file=sys.stderr)
        return 2
    chosen, incidents, articles = load_mix(args.incidents, data)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "gva.db")
        seconds = None
        if not args.reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(db + suffix).unlink(missing_ok=True)
            seconds = build_ledger(db, articles)
        results = score(db, chosen, incidents, articles)
    took = f", add took {seconds:.0f} s" if seconds is not None else ""
    print(f"GVA mix: {len(chosen)} incidents, {len(articles)} articles{took}\n")
    print(f"{'':<10} {'incidents':>9} {'articles':>8} {'stories':>7} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}"
          f" {'killed':>7} {'naive':>6} {'injured':>8} {'naive':>6}")
    for part, r in results.items():
        print(f"{part:<10} {r['incidents']:>9} {r['articles']:>8} {r['stories']:>7} {r['precision']:>6.3f}"
              f" {r['recall']:>6.3f} {r['f1']:>6.3f} {r['killed']:>7.3f} {r['naive_killed']:>6.3f}"
              f" {r['injured']:>8.3f} {r['naive_injured']:>6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
