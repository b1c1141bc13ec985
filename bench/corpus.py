"""A corpus of real news text of any size, for the scale and memory benchmarks.

The base articles are the GVA dev articles (2,712), the PolNeAR article texts (train + dev) and
the NewsQuant sentences grouped ten to an article, interleaved in a fixed order.  Past the base,
distinct documents are made by recombining paragraphs of three base articles chosen by a seeded
generator (deterministic: the same N gives the same corpus).  Texts are read from the shared
benchmarks folder and never copied into the repository.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
from benchmarks import benchmarks_dir as _benchmarks_dir  # noqa: E402


def benchmarks_dir() -> Path:
    """The benchmark folder (see eval/benchmarks.py); a bench run cannot go on without it."""
    root = _benchmarks_dir()
    if not root.is_dir():
        raise SystemExit("no benchmarks folder found (set CLAIMLEDGER_BENCHMARKS)")
    return root


def base_articles(root: Path | None = None) -> list[dict]:
    """Every real article, as JSONL records (``text``, optional ``title``, ``published``, ``url``)."""
    root = root or benchmarks_dir()
    gva = [json.loads(line) for line in (root / "gva" / "gva_dev_articles.jsonl").open(encoding="utf-8")]
    gva = [{"title": a.get("title"), "published": a.get("published"), "url": a.get("url"), "text": a["text"]}
           for a in gva if a.get("text", "").strip()]
    polnear = [{"text": p.read_text(encoding="utf-8")} for split in ("train", "dev")
               for p in sorted((root / "polnear" / split / "text").glob("*.txt"))]
    sentences = [s["text"] for s in json.loads((root / "newsquant" / "newsquant_dev.json").read_text(encoding="utf-8"))]
    newsquant = [{"text": "\n\n".join(sentences[i:i + 10])} for i in range(0, len(sentences), 10)]
    out: list[dict] = []
    sources = [gva, polnear, newsquant]
    while any(sources):
        for src in sources:
            for _ in range(3 if src is gva else 1):  # GVA is the largest: keep the mix through the corpus
                if src:
                    out.append(src.pop(0))
    return out


def articles(n: int, base: list[dict] | None = None, seed: int = 0) -> Iterator[dict]:
    """``n`` distinct articles: the base ones first, then paragraph recombinations of three of them."""
    base = base if base is not None else base_articles()
    for i in range(min(n, len(base))):
        yield base[i]
    rng = random.Random(seed)
    paragraphs = [[p for p in a["text"].split("\n\n") if p.strip()] for a in base]
    for k in range(len(base), n):
        picks = rng.sample(range(len(base)), 3)
        parts = [p for i in picks for p in paragraphs[i][: rng.randint(2, 6)]]
        rng.shuffle(parts)
        yield {"title": base[picks[0]].get("title"), "published": base[picks[0]].get("published"),
               "text": "\n\n".join(parts) + f"\n\n(Compiled report {k}.)"}


def write_jsonl(path: Path, records) -> tuple[int, int]:
    """Write ``records`` to ``path``; (documents, words)."""
    n = words = 0
    with path.open("w", encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps({k: v for k, v in rec.items() if v}, ensure_ascii=False) + "\n")
            n += 1
            words += len(rec["text"].split())
    return n, words
