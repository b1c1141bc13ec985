"""Evaluate the cross-document step on annotated story sets (``eval/stories/<story>/``).

Each story folder holds several articles (``*.txt``) and ``expected.json``::

    {"published": {"a1.txt": "2025-03-04"}, "duplicates": {"a3.txt": "a1.txt"},
     "measures": [{"name": .., "verdict": .., "figures": [["a1.txt", "at least 1,200 people"], ..]}],
     "claim_conflicts": [[["a4.txt", "snippet"], ["a2.txt", "snippet" or ["alternative", ..]]], ..]}

A gold figure is the system figure whose span overlaps the snippet's (first) occurrence.
The articles go through the real Pipeline and :func:`claimledger.reconcile.reconcile`; the
script prints B-cubed precision / recall / F1 of figure grouping (over gold figures), verdict
accuracy (each gold measure against the system measure holding most of its figures) and the
recall of expected claim conflicts.

    python eval/reconcile.py [story_dir ...]
    python eval/reconcile.py --speed 10     # also time reconcile() over 10 renamed copies of all stories
"""

from __future__ import annotations

import copy
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Optional

from claimledger.model import Document
from claimledger.pipeline import DEFAULT_STAGES, STAGES, Pipeline, load_stages
from claimledger.reconcile import reconcile

STORIES = Path(__file__).parent / "stories"


def load_story(folder: Path) -> tuple[list[Document], dict]:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    docs = []
    for path in sorted(folder.glob("*.txt")):
        published = expected.get("published", {}).get(path.name)
        docs.append(Document(id=path.stem, name=path.name, text=path.read_text(encoding="utf-8"),
                             outlet=path.stem, published=published,
                             published_how="metadata" if published else None))
    by_name = {d.name: d for d in docs}
    for copy, original in expected.get("duplicates", {}).items():
        by_name[copy].duplicate_of = by_name[original].id
    return docs, expected


def find_figure(doc: Document, snippet: str) -> Optional[str]:
    """Id of the ``kind="figure"`` figure whose span overlaps the snippet."""
    at = doc.text.find(snippet)
    if at < 0:
        raise ValueError(f"snippet {snippet!r} not in {doc.name}")
    hits = [f for f in doc.figures if f.kind == "figure" and f.start < at + len(snippet) and f.end > at]
    return hits[0].id if hits else None


def find_statements(doc: Document, snippet: str | list[str]) -> set[str]:
    """Ids of the statements overlapping the snippet (or any of its alternatives)."""
    if isinstance(snippet, list):
        return {q for s in snippet for q in find_statements(doc, s)}
    q = find_statement(doc, snippet)
    return {q} if q else set()


def find_statement(doc: Document, snippet: str) -> Optional[str]:
    at = doc.text.find(snippet)
    if at < 0:
        raise ValueError(f"snippet {snippet!r} not in {doc.name}")
    hits = [q for q in doc.statements if q.start < at + len(snippet) and q.end > at]
    return hits[0].id if hits else None


def bcubed(gold: dict[str, str], system: dict[str, str]) -> tuple[float, float]:
    """B-cubed precision and recall over the items of ``gold`` (item -> cluster label)."""
    items = list(gold)
    p = r = 0.0
    for i in items:
        same_sys = [j for j in items if system[j] == system[i]]
        same_gold = [j for j in items if gold[j] == gold[i]]
        both = [j for j in same_sys if gold[j] == gold[i]]
        p += len(both) / len(same_sys)
        r += len(both) / len(same_gold)
    return p / len(items), r / len(items)


def evaluate_story(folder: Path, pipeline: Pipeline) -> dict:
    docs, expected = load_story(folder)
    docs = list(pipeline.run(docs))
    result = reconcile(docs)
    by_name = {d.name: d for d in docs}
    measure_of = {fid: m.id for m in result.measures for fid in m.figures}
    gold: dict[str, str] = {}
    missed = 0
    for gm in expected["measures"]:
        for name, snippet in gm["figures"]:
            fid = find_figure(by_name[name], snippet)
            if fid is None:
                missed += 1
                continue
            gold[fid] = gm["name"]
    system = {fid: measure_of.get(fid, f"single:{fid}") for fid in gold}
    precision, recall = bcubed(gold, system) if gold else (0.0, 0.0)
    verdicts = []
    verdict_of = {m.id: m.verdict for m in result.measures}
    for gm in expected["measures"]:
        ids = [system[f] for f, g in gold.items() if g == gm["name"]]
        best = Counter(ids).most_common(1)[0][0] if ids else None
        got = verdict_of.get(best or "", "missing")
        verdicts.append((gm["name"], gm["verdict"], got))
    claim_pairs = [set(c.items) for c in result.conflicts if c.kind == "claims"]
    found_claims = []
    correct: set[int] = set()                 # reported pairs that match an expected pair
    for pair in expected.get("claim_conflicts", []):
        (n1, s1), (n2, s2) = pair
        left, right = find_statements(by_name[n1], s1), find_statements(by_name[n2], s2)
        hits = [i for i, p in enumerate(claim_pairs) if p & left and p & right and left != right]
        found_claims.append(bool(hits))
        correct.update(hits)
    return {"story": folder.name, "precision": precision, "recall": recall, "missed_figures": missed,
            "verdicts": verdicts, "claims_found": sum(found_claims), "claims_expected": len(found_claims),
            "claim_conflicts_reported": len(claim_pairs), "claim_conflicts_correct": len(correct),
            "result": result, "docs": docs}


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def available_pipeline() -> Pipeline:
    """The default stages that exist (peers' stages land over time; the eval runs meanwhile)."""
    load_stages([])
    return Pipeline(stages=[s for s in DEFAULT_STAGES if s in STAGES])


def evaluate(folders: list[Path], pipeline: Optional[Pipeline] = None) -> dict:
    pipeline = pipeline or available_pipeline()
    stories = [evaluate_story(f, pipeline) for f in folders]
    verdicts = [v for s in stories for v in s["verdicts"]]
    p = sum(s["precision"] for s in stories) / len(stories)
    r = sum(s["recall"] for s in stories) / len(stories)
    return {"stories": stories, "precision": p, "recall": r, "f1": f1(p, r),
            "verdict_accuracy": sum(e == g for _, e, g in verdicts) / len(verdicts),
            "claims_found": sum(s["claims_found"] for s in stories),
            "claims_expected": sum(s["claims_expected"] for s in stories),
            "claims_precision": (sum(s["claim_conflicts_correct"] for s in stories)
                                 / max(1, sum(s["claim_conflicts_reported"] for s in stories)))}


def renamed_copy(doc: Document, suffix: str) -> Document:
    """The document and its annotations under new ids (an independent article for timing)."""
    text = json.dumps({k: [a.to_dict() for a in getattr(doc, k)] for k in Document.ANNOTATIONS})
    text = text.replace(f'"{doc.id}:', f'"{doc.id}{suffix}:').replace(f'"{doc.id}"', f'"{doc.id}{suffix}"')
    data = json.loads(text)
    clone = copy.copy(doc)
    clone.id = doc.id + suffix
    clone.duplicate_of = doc.duplicate_of and doc.duplicate_of + suffix
    for k, rows in data.items():
        setattr(clone, k, [Document.ANNOTATION_TYPES[k].from_dict(r) for r in rows])
    return clone


def time_reconcile(docs: list[Document], copies: int) -> str:
    many = [renamed_copy(d, f"_{i}") for i in range(copies) for d in docs]
    start = time.perf_counter()
    result = reconcile(many)
    took = time.perf_counter() - start
    return (f"speed: reconcile() over {len(many)} documents, {sum(len(d.figures) for d in many)} figures, "
            f"{sum(len(d.statements) for d in many)} statements took {took:.2f} s "
            f"({len(result.measures)} measures, {len(result.conflicts)} conflicts)")


def main(argv: list[str]) -> int:
    copies = 0
    if "--speed" in argv:
        at = argv.index("--speed")
        copies = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    folders = [Path(a) for a in argv] or sorted(p for p in STORIES.iterdir() if (p / "expected.json").exists())
    report = evaluate(folders)
    for s in report["stories"]:
        print(f"{s['story']}: B3 P={s['precision']:.2f} R={s['recall']:.2f} F1={f1(s['precision'], s['recall']):.2f}"
              f"  gold figures not extracted: {s['missed_figures']}"
              f"  claim conflicts {s['claims_found']}/{s['claims_expected']} (reported {s['claim_conflicts_reported']})")
        for name, want, got in s["verdicts"]:
            print(f"    {'ok ' if want == got else 'BAD'} {name}: expected {want}, got {got}")
    print(f"ALL: B-cubed P={report['precision']:.3f} R={report['recall']:.3f} F1={report['f1']:.3f}  "
          f"verdict accuracy={report['verdict_accuracy']:.3f}  "
          f"claim conflicts found={report['claims_found']}/{report['claims_expected']} "
          f"precision={report['claims_precision']:.2f}")
    if copies:
        print(time_reconcile([d for s in report["stories"] for d in s["docs"]], copies))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
