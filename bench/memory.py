"""Peak memory and time of ``claimledger add`` on huge inputs (issue: bounded memory on any input).

    python bench/memory.py                    # a 60 MB text and a 2,000,000-token single line
    python bench/memory.py --mb 10 --tokens 500000 --doc-timeout 120

Both are made of real news text (bench/corpus.py): the 60 MB text is whole articles one after
another, the single line is their words joined by spaces with no line break.  Each is added to a
fresh ledger in its own process, beside three ordinary articles; peak RSS is the largest sum
over the process tree (the add and its workers) of proportional set sizes (shared pages once),
sampled every 0.2 s.  Long texts are parsed in
segments of 100,000 characters, and the per-document time budget skips what it cannot finish,
so the batch always completes and memory stays bounded.  Target: <= 1.5 GB.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
from scale import claimledger  # noqa: E402


def big_text(base: list[dict], chars: int) -> str:
    parts, size, i = [], 0, 0
    while size < chars:
        text = base[i % len(base)]["text"] + f"\n\n(Part {i}.)\n\n"
        parts.append(text)
        size += len(text)
        i += 1
    return "".join(parts)[:chars]


def single_line(base: list[dict], tokens: int) -> str:
    words: list[str] = []
    i = 0
    while len(words) < tokens:
        words.extend(base[i % len(base)]["text"].split())
        i += 1
    return " ".join(words[:tokens])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=60, help="size of the long text in MB (default 60)")
    parser.add_argument("--tokens", type=int, default=2_000_000, help="tokens in the single line (default 2M)")
    parser.add_argument("--doc-timeout", type=float, default=60, help="per-document budget in seconds (default 60)")
    args = parser.parse_args()
    base = corpus.base_articles()
    print(f"load before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        small = corpus.write_jsonl(work / "small.jsonl", base[:3])
        cases = [(f"{args.mb:g} MB text", "big.txt", lambda: big_text(base, int(args.mb * 1_000_000))),
                 (f"{args.tokens:,}-token single line", "line.txt", lambda: single_line(base, args.tokens))]
        for label, name, make in cases:
            path = work / name
            path.write_text(make(), encoding="utf-8")
            size = path.stat().st_size
            db = work / (name + ".db")
            run = claimledger(db, "add", str(path), str(work / "small.jsonl"), "--doc-timeout", str(args.doc_timeout),
                              "--max-bytes", str(size + 1))
            summary = run["stdout"].strip().splitlines()[-1] if run["stdout"].strip() else ""
            rows.append((label, f"{size / 1e6:.1f}", f"{run['wall']:.0f}", f"{run['rss_mb']:.0f}", summary))
            path.unlink()
        del small
    header = ("input", "MB", "wall s", "peak RSS MB", "outcome (with 3 ordinary articles)")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for row in rows:
        print(" | ".join(row))
    print(f"\nload after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
