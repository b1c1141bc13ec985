"""Speed of the figures stage: figures per second beside quantulum3, and its cost next to the parse.

Usage::

    python bench/figures.py [--repeat 5] [--files PATH ...]
    python bench/figures.py --newsquant /work/shared/benchmarks/newsquant/newsquant_dev.json
    python bench/figures.py --hostile 10000

``--hostile N`` times the two inputs that used to be quadratic: one sentence holding N numbers
and one 1 MB word (through the URL / e-mail scan of ``figure_kinds``); both must stay linear.

Runs on the bundled example articles by default.  Everything is measured in one run on the same
texts, so the printed ratios (not the absolute seconds, which depend on the machine) are what to
compare: the stage's time as a share of the spaCy parse, and figures per second against
quantulum3 (which does its own tokenising, so its time is compared with ours end to end too).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import best_of  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "claimledger" / "examples" / "kursk"



def hostile(n: int) -> int:
    """Seconds for one sentence of ``n`` numbers (parse, then figures) and for a 1 MB word."""
    from claimledger import nlp as nlp_mod
    from claimledger.extract.figure_kinds import special_spans
    from claimledger.extract.figures import extract_figures
    from claimledger.model import Document

    word = "x" * 1_000_000 + "@example"
    t0 = time.perf_counter()
    special_spans(word)
    t_word = time.perf_counter() - t0
    nlp = nlp_mod.load()
    for count in sorted({max(1, n // 4), n}):
        text = "The tallies were " + ", ".join(str(7 * i + 3) for i in range(count)) + " in all."
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        t0 = time.perf_counter()
        parsed = nlp(text)
        t_parse = time.perf_counter() - t0
        t0 = time.perf_counter()
        rows = extract_figures(Document(id="h", text=text), parsed)
        t_stage = time.perf_counter() - t0
        print(f"{count:6d} numbers in one sentence: parse {t_parse:7.2f}s, figures {t_stage:7.2f}s, {len(rows)} rows")
    print(f"1 MB word through the URL/e-mail scan: {t_word:.3f}s")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--files", nargs="*", type=Path, default=sorted(EXAMPLES.glob("*.txt")))
    ap.add_argument("--newsquant", type=Path, default=None,
                    help="a NewsQuant-format JSON file: use its sentences (one text each) instead of --files")
    ap.add_argument("--hostile", type=int, default=None, metavar="N",
                    help="time one sentence of N numbers and a 1 MB word instead (the quadratic cases)")
    args = ap.parse_args(argv)
    if args.hostile:
        return hostile(args.hostile)

    from claimledger import nlp as nlp_mod
    from claimledger.extract.figures import extract_figures
    from claimledger.model import Document

    if args.newsquant:
        import json
        texts = [entry["text"] for entry in json.loads(args.newsquant.read_text())]
    else:
        texts = [p.read_text(encoding="utf-8") for p in args.files]
    nlp = nlp_mod.load()
    nlp("warm up")
    t_parse, parsed = best_of(args.repeat, lambda: list(nlp.pipe(texts)))
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    t_stage, rows = best_of(args.repeat, lambda: [extract_figures(d, p) for d, p in zip(docs, parsed)])
    n_rows = sum(len(r) for r in rows)
    n_figures = sum(1 for r in rows for f in r if f.kind == "figure")

    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} texts, {words} words, best of {args.repeat}")
    print(f"{'':34} {'seconds':>9} {'rows':>6} {'rows/s':>10}")
    print(f"{'spaCy parse':34} {t_parse:9.3f}")
    print(f"{'figures stage (on the parse)':34} {t_stage:9.3f} {n_rows:6d} {n_rows / t_stage:10.0f}")
    print(f"{'parse + figures stage':34} {t_parse + t_stage:9.3f} {n_rows:6d} {n_rows / (t_parse + t_stage):10.0f}")
    print(f"  (of which kind=figure: {n_figures})")

    try:
        import quantulum3.classifier as classifier
        classifier.USE_CLF = False
        from quantulum3 import parser
    except Exception:  # noqa: BLE001 - baseline optional
        parser = None
    ratios = [f"figures stage / spaCy parse time: {t_stage / t_parse:.3f}"]
    if parser is None:
        print(f"{'quantulum3':34} {'not installed':>9}")
    else:
        t_q, found = best_of(args.repeat, lambda: [parser.parse(t) for t in texts])
        n_q = sum(len(f) for f in found)
        print(f"{'quantulum3':34} {t_q:9.3f} {n_q:6d} {n_q / t_q:10.0f}")
        ratios.append(f"rows/s, stage only vs quantulum3: {(n_rows / t_stage) / (n_q / t_q):.1f}x")
        ratios.append(f"rows/s, parse + stage vs quantulum3: {(n_rows / (t_parse + t_stage)) / (n_q / t_q):.2f}x")
    print("ratios: " + "; ".join(ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
