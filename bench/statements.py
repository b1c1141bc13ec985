"""Benchmark: statements extracted per second, claimledger vs textacy, on the same parses.

    python bench/statements.py [--articles N] [--repeat 3]

Articles: the bundled example story plus the PolNeAR dev texts when the benchmark folder is
present (read in place, never copied).  Both extractors get the same spaCy parses; parsing is
timed separately because it dominates and is shared.  Prints, in one run, articles/s and
statements/s for each extractor and the speed ratio (claimledger time / textacy time).
textacy raises on some articles (unbalanced quote marks): those count as zero statements.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import best_of  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "claimledger" / "examples" / "kursk"
POLNEAR_DEV = Path(os.environ.get("CLAIMLEDGER_BENCHMARKS", Path(__file__).resolve().parents[2] / "shared" / "benchmarks")) / "polnear" / "dev" / "text"


def load_texts(limit: int | None) -> list[str]:
    paths = sorted(EXAMPLES.glob("*.txt"))
    if POLNEAR_DEV.exists():
        paths += sorted(POLNEAR_DEV.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    return texts[:limit] if limit else texts


def run_claimledger(parsed_docs, texts) -> int:
    from claimledger.extract.statements import extract_statements
    from claimledger.model import Document

    n = 0
    for i, (text, parsed) in enumerate(zip(texts, parsed_docs)):
        doc = Document(id=f"b{i}", text=text)
        n += len(extract_statements(doc, parsed))
    return n


def run_textacy(parsed_docs) -> tuple[int, int]:
    from textacy.extract.triples import direct_quotations

    n, failures = 0, 0
    for parsed in parsed_docs:
        try:
            n += sum(1 for _ in direct_quotations(parsed))
        except Exception:
            failures += 1
    return n, failures



def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    from claimledger import nlp as nlp_mod

    nlp = nlp_mod.load()
    texts = load_texts(args.articles)
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=16))
    parse_s = time.perf_counter() - t0
    print(f"{len(texts)} articles, {words} words; spaCy parse {parse_s:.2f}s ({words / parse_s:,.0f} words/s, shared)")

    ours_s, ours_n = best_of(args.repeat, lambda: run_claimledger(parsed, texts))
    print(f"claimledger statements: {ours_n} statements in {ours_s:.3f}s = "
          f"{ours_n / ours_s:,.0f} statements/s, {len(texts) / ours_s:,.1f} articles/s")
    try:
        import textacy.extract.triples  # noqa: F401
    except Exception:
        print("textacy direct_quotations: not installed")
        return 0
    tx_s, (tx_n, failures) = best_of(args.repeat, lambda: run_textacy(parsed))
    print(f"textacy direct_quotations: {tx_n} quotes in {tx_s:.3f}s = {tx_n / tx_s:,.0f} statements/s, "
          f"{len(texts) / tx_s:,.1f} articles/s ({failures} articles raised)")
    print(f"ratio (claimledger time / textacy time, same articles): {ours_s / tx_s:.2f}x; "
          f"statements/s ratio {((ours_n / ours_s) / (tx_n / tx_s)) if tx_n else float('nan'):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
