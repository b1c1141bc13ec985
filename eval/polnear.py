"""Evaluate attribution extraction on PolNeAR (train sample read, dev held back) against textacy.

    python eval/polnear.py [--train-sample N] [--limit N] [--root DIR] [--errors]

Held-out discipline: error analysis uses the ``train`` split only (a fixed sample of
``--train-sample`` articles chosen by a hash of the article name, the "read" column); ``dev`` is
scored, never studied (``--errors`` lists train articles only).  Both columns print side by side.

Prints precision / recall / F1 for Source, Cue and Content spans, exact and token-overlap, and
for whole attributions (source + content linked), for claimledger's ``statements`` stage and,
in the same run on the same parses, for ``textacy.extract.triples.direct_quotations`` (prints
"not installed" when textacy is missing; counts an article as empty when textacy raises).

Matching (documented so numbers are comparable across runs):
- spans are compared after trimming whitespace and ``, . ; :`` at both ends; multi-part spans
  compare as their list of parts (exact) or their union of word tokens (overlap);
- *exact*: identical trimmed parts; *overlap*: at least one shared word token; predictions and
  gold are paired one-to-one, greedily, by largest overlap;
- *attribution*: a predicted (source, content) pair matches a gold attribution when both the
  content and the source match (a missing source matches a missing source);
- for direct quotes our content excludes the quotation marks; they are added back here because
  PolNeAR content spans include them;
- statements that differ only by speaker ("Neither X nor Y confirmed": one per name) count once;
- ``--errors`` lists our misses (no predicted content touches the gold content), wrong sources
  and false alarms, with the cue in brackets, to study misses by category;
- *named source right*: of gold attributions whose source holds a capitalised word (a name) and
  whose content one of our statements touches, the share where that statement's source shares a
  word with the gold source;
- one annotator file per article (the first by name); PolNeAR only annotates the outermost
  attribution of a chain, so only our outermost cue/source span is scored, not the chain.

Research use only: the corpus texts are read from the benchmark folder, never copied.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

# ../shared/benchmarks beside the checkout (as in CI), or $CLAIMLEDGER_BENCHMARKS.
DEFAULT_ROOT = Path(os.environ.get("CLAIMLEDGER_BENCHMARKS", Path(__file__).resolve().parents[2] / "shared" / "benchmarks")) / "polnear"
LABELS = ("Source", "Cue", "Content")
TRIM = " \t\n,.;:"
WORD = re.compile(r"\w+")
OPEN_MARKS = "“\"‘'"
CLOSE_MARKS = "”\"’'"

Parts = tuple[tuple[int, int], ...]


@dataclass
class Attribution:
    """One attribution as spans: each role is a tuple of (start, end) parts (empty = absent)."""

    source: Parts = ()
    cue: Parts = ()
    content: Parts = ()


@dataclass
class Article:
    name: str
    text: str
    gold: list[Attribution] = field(default_factory=list)


# -- loading ----------------------------------------------------------------------------------

def _parts(offsets: str) -> Parts:
    out = []
    for seg in offsets.split(";"):
        a, b = seg.split()
        out.append((int(a), int(b)))
    return tuple(out)


def read_ann(path: Path) -> list[Attribution]:
    spans: dict[str, tuple[str, Parts]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2 and cols[0].startswith("T"):
            label, offsets = cols[1].split(" ", 1)
            spans[cols[0]] = (label, _parts(offsets))
        elif len(cols) >= 2 and cols[0].startswith("E"):
            roles = {}
            for item in cols[1].split()[1:]:
                role, ref = item.split(":")
                roles[re.sub(r"\d+$", "", role)] = ref
            events.append(roles)
    out = []
    for roles in events:
        get = lambda r: spans[roles[r]][1] if r in roles and roles[r] in spans else ()
        out.append(Attribution(source=get("Source"), cue=get("Cue"), content=get("Content")))
    return out


def train_sample(root: Path = DEFAULT_ROOT, n: int = 120) -> list[str]:
    """A fixed sample of ``n`` train article names (by hash of the name): the part read for error analysis."""
    names = sorted({ann.stem.rsplit("_", 1)[0] for ann in (root / "train" / "attributions").glob("*.ann")})
    return sorted(names, key=lambda name: hashlib.sha1(name.encode("utf-8")).hexdigest())[:n]


def load_split(split: str = "dev", root: Path = DEFAULT_ROOT, limit: Optional[int] = None,
               names: Optional[Iterable[str]] = None) -> list[Article]:
    """Articles of ``split`` with one annotator's attributions each (sorted by name)."""
    text_dir, ann_dir = root / split / "text", root / split / "attributions"
    by_article: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        base = ann.stem.rsplit("_", 1)[0]
        by_article.setdefault(base, ann)
    wanted = set(names) if names is not None else None
    articles = []
    for base in sorted(by_article):
        if wanted is not None and base not in wanted:
            continue
        txt = text_dir / f"{base}.txt"
        if not txt.exists():
            continue
        articles.append(Article(base, txt.read_text(encoding="utf-8"), read_ann(by_article[base])))
        if limit and len(articles) >= limit:
            break
    return articles


# -- systems ----------------------------------------------------------------------------------

def _widen_to_marks(text: str, s: int, e: int) -> tuple[int, int]:
    if text[max(0, s - 2):s] in {"''", "``"}:
        s -= 2
    elif s > 0 and text[s - 1] in OPEN_MARKS:
        s -= 1
    if text[e:e + 2] == "''":
        e += 2
    elif text[e:e + 3][1:] == "''" and text[e] in ",.!?":
        e += 3
    elif e < len(text) and text[e] in CLOSE_MARKS:
        e += 1
    elif e + 1 < len(text) and text[e] in ",.!?" and text[e + 1] in CLOSE_MARKS:
        e += 2
    return s, e


def claimledger_predict(article_text: str, parsed, doc_id: str = "eval") -> list[Attribution]:
    """Our statements as attributions (outermost cue/source, content with quote marks)."""
    from claimledger.extract.statements import extract_statements
    from claimledger.model import Document

    doc = Document(id=doc_id, text=article_text)
    out = []
    seen = set()
    for st in extract_statements(doc, parsed):
        key = (tuple(map(tuple, st.parts)), st.cue_start, st.source_start)
        if key in seen:  # "X and Y said": one attribution in PolNeAR, one statement per name here
            continue
        seen.add(key)
        content = []
        for s, e in st.parts:
            if st.direct:
                s, e = _widen_to_marks(article_text, s, e)
            content.append((s, e))
        source = ((st.source_start, st.source_end),) if st.source_start is not None else ()
        cue = ((st.cue_start, st.cue_end),) if st.cue_start is not None else ()
        out.append(Attribution(source=source, cue=cue, content=tuple(content)))
    return out


def textacy_available() -> bool:
    try:
        import textacy.extract.triples  # noqa: F401
    except Exception:
        return False
    return True


def textacy_predict(parsed) -> list[Attribution]:
    """textacy's direct quotations; an article it raises on yields no predictions."""
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        triples = list(direct_quotations(parsed))
    except Exception:
        return []
    for t in triples:
        def toks(tokens) -> Parts:
            if not tokens:
                return ()
            return ((min(x.idx for x in tokens), max(x.idx + len(x.text) for x in tokens)),)
        content = ((t.content.start_char, t.content.end_char),)
        out.append(Attribution(source=toks(t.speaker), cue=toks(t.cue), content=content))
    return out


# -- scoring ----------------------------------------------------------------------------------

def _trim(text: str, parts: Parts) -> Parts:
    out = []
    for s, e in parts:
        while s < e and text[s] in TRIM:
            s += 1
        while e > s and text[e - 1] in TRIM:
            e -= 1
        if e > s:
            out.append((s, e))
    return tuple(out)


def _word_spans(text: str, parts: Parts) -> list[tuple[int, int]]:
    """(start, end) of each word in ``parts``, skipping a leading determiner ("the", "a")."""
    out = [(m.start(), m.end()) for s, e in parts for m in WORD.finditer(text, s, e)]
    return [w for w in out if text[w[0]:w[1]].lower() not in ("the", "a", "an", "i")]


def _tokens(text: str, parts: Parts) -> frozenset[int]:
    toks = set()
    for s, e in parts:
        for m in WORD.finditer(text, s, e):
            toks.add(m.start())
    return frozenset(toks)


@dataclass
class Counts:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _match(pred: list, gold: list, score) -> int:
    """Greedy one-to-one matching; ``score(p, g)`` > 0 means a match (larger is better)."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            s = score(p, g)
            if s > 0:
                pairs.append((s, i, j))
    pairs.sort(reverse=True)
    used_p, used_g, tp = set(), set(), 0
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            tp += 1
    return tp


def score_article(text: str, pred: list[Attribution], gold: list[Attribution]) -> dict[str, Counts]:
    """Counts per metric (``<role>_exact``, ``<role>_overlap``, ``attribution_*``) for one article."""
    result: dict[str, Counts] = {}
    for role in ("source", "cue", "content"):
        p_spans = [_trim(text, getattr(a, role)) for a in pred if getattr(a, role)]
        g_spans = [_trim(text, getattr(a, role)) for a in gold if getattr(a, role)]
        p_spans = list(dict.fromkeys(p_spans))
        g_spans = list(dict.fromkeys(g_spans))
        p_tok = [_tokens(text, s) for s in p_spans]
        g_tok = [_tokens(text, s) for s in g_spans]
        exact = _match(p_spans, g_spans, lambda a, b: 1 if a == b else 0)
        overlap = _match(list(range(len(p_tok))), list(range(len(g_tok))),
                         lambda i, j: len(p_tok[i] & g_tok[j]) / max(1, len(p_tok[i] | g_tok[j])))
        result[f"{role}_exact"] = Counts(exact, len(p_spans), len(g_spans))
        result[f"{role}_overlap"] = Counts(overlap, len(p_spans), len(g_spans))

    def pair(a: Attribution) -> tuple:
        return (_trim(text, a.source), _trim(text, a.content))

    p_pairs = [pair(a) for a in pred if a.content]
    g_pairs = [pair(a) for a in gold if a.content]

    def exact_pair(a, b) -> float:
        return 1.0 if a == b else 0.0

    def overlap_pair(a, b) -> float:
        sa, sb = _tokens(text, a[0]), _tokens(text, b[0])
        ca, cb = _tokens(text, a[1]), _tokens(text, b[1])
        if not (ca & cb):
            return 0.0
        if (sa or sb) and not (sa & sb):
            return 0.0
        return len(ca & cb) / max(1, len(ca | cb)) + (len(sa & sb) / max(1, len(sa | sb)) if sa else 0)

    named = Counts()
    for g in gold:
        if not g.content or not g.source or not any(text[s:e][:1].isupper() for s, e in _word_spans(text, g.source)):
            continue
        gc, gs = _tokens(text, g.content), _tokens(text, g.source)
        touching = [a for a in pred if a.content and _tokens(text, a.content) & gc]
        if not touching:
            continue
        named.n_gold += 1
        named.n_pred += 1
        named.tp += any(_tokens(text, a.source) & gs for a in touching)
    result["named_source_right"] = named
    result["attribution_exact"] = Counts(_match(p_pairs, g_pairs, exact_pair), len(p_pairs), len(g_pairs))
    result["attribution_overlap"] = Counts(_match(p_pairs, g_pairs, overlap_pair), len(p_pairs), len(g_pairs))
    return result


def attribution_errors(text: str, pred: list[Attribution], gold: list[Attribution]) -> list[tuple[str, str]]:
    """(category, snippet) for each gold attribution we miss and each prediction that is wrong.

    Categories: ``missed`` (no prediction shares a content word), ``wrong source`` (content
    found, source differs), ``spurious`` (a prediction no gold content touches).  The snippet
    shows the gold or predicted cue in brackets so misses can be grouped by cue form.
    """
    def show(a: Attribution) -> str:
        span = a.content + a.cue + a.source
        lo, hi = min(s for s, _ in span), max(e for _, e in span)
        out = text[max(0, lo - 40):hi + 20]
        for s, e in sorted(a.cue, reverse=True):
            out = out[:s - max(0, lo - 40)] + "[" + text[s:e] + "]" + out[e - max(0, lo - 40):]
        return " ".join(out.split())[:300]

    errors = []
    p_tok = [(_tokens(text, a.content), _tokens(text, a.source)) for a in pred if a.content]
    g_tok = [(_tokens(text, a.content), _tokens(text, a.source)) for a in gold if a.content]
    for g, (gc, gs) in zip([a for a in gold if a.content], g_tok):
        touching = [ps for pc, ps in p_tok if pc & gc]
        if not touching:
            errors.append(("missed", show(g)))
        elif gs and not any(ps & gs for ps in touching):
            errors.append(("wrong source", show(g)))
    for a, (pc, _) in zip([a for a in pred if a.content], p_tok):
        if not any(pc & gc for gc, _ in g_tok):
            errors.append(("spurious", show(a)))
    return errors


METRICS = tuple(f"{r}_{m}" for r in ("source", "cue", "content", "attribution") for m in ("exact", "overlap")) + (
    "named_source_right",)


def evaluate(articles: list[Article], systems: tuple[str, ...] = ("claimledger", "textacy"),
             model: Optional[str] = None, errors: Optional[list[tuple[str, str, str]]] = None,
             ) -> dict[str, dict[str, tuple[float, float, float]]]:
    """P/R/F1 per metric per system over ``articles`` (systems share one parse per article).

    A system that is not installed maps to an empty dict.  When ``errors`` is a list, our
    misses and false alarms are appended to it as (article, category, snippet).
    """
    from claimledger import nlp as nlp_mod

    nlp = nlp_mod.load(model)
    totals: dict[str, dict[str, Counts]] = {s: {m: Counts() for m in METRICS} for s in systems}
    have_textacy = "textacy" in systems and textacy_available()
    parsed_docs = nlp.pipe((a.text for a in articles), batch_size=16)
    for i, (article, parsed) in enumerate(zip(articles, parsed_docs)):
        for system in systems:
            if system == "claimledger":
                pred = claimledger_predict(article.text, parsed, f"pn{i}")
                if errors is not None:
                    errors.extend((article.name, c, snip) for c, snip in attribution_errors(article.text, pred, article.gold))
            elif system == "textacy" and have_textacy:
                pred = textacy_predict(parsed)
            else:
                continue
            for metric, counts in score_article(article.text, pred, article.gold).items():
                totals[system][metric].add(counts)
    report: dict[str, dict[str, tuple[float, float, float]]] = {}
    for system in systems:
        if system == "textacy" and not have_textacy:
            report[system] = {}
            continue
        report[system] = {m: totals[system][m].prf() for m in METRICS}
    return report


def format_report(report: dict[str, dict[str, tuple[float, float, float]]]) -> str:
    """One column per (system, part), P / R / F1 per metric (named_source_right: the share right)."""
    systems = list(report)
    lines = ["metric".ljust(22) + "".join(f"{s:>27}" for s in systems),
             " " * 22 + "".join(f"{'P':>9}{'R':>9}{'F1':>9}" for _ in systems)]
    for metric in METRICS:
        row = metric.ljust(22)
        for s in systems:
            if not report[s]:
                row += f"{'not installed':>27}"
            else:
                p, r, f = report[s][metric]
                row += f"{100 * p:9.1f}{100 * r:9.1f}{100 * f:9.1f}"
        lines.append(row)
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train-sample", type=int, default=120,
                    help="how many train articles form the read part (fixed by a hash of their names)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N dev articles")
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the PolNeAR folder (train/, dev/)")
    ap.add_argument("--model", default=None, help="spaCy model name (default: claimledger's)")
    ap.add_argument("--errors", action="store_true",
                    help="also print our misses and false alarms on the train sample (never on dev)")
    ap.add_argument("--no-dev", action="store_true", help="score the train sample only (faster error analysis)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    read = load_split("train", args.root, names=train_sample(args.root, args.train_sample))
    errors: Optional[list[tuple[str, str, str]]] = [] if args.errors else None
    report = {"claimledger train (read)": evaluate(read, systems=("claimledger",), model=args.model,
                                                   errors=errors)["claimledger"]}
    n_held = 0
    if not args.no_dev:
        held = load_split("dev", args.root, args.limit)
        n_held = len(held)
        scored = evaluate(held, model=args.model)
        report["claimledger dev (held)"] = scored["claimledger"]
        report["textacy dev"] = scored["textacy"]
    elapsed = time.perf_counter() - t0
    print(f"PolNeAR: train sample {len(read)} articles (read), dev {n_held} articles (held back) ({elapsed:.1f}s)")
    print(format_report(report))
    print("Anchors (exact F1, test): CofeNet source 83.2, cue 75.3, content 72.9; textacy content+source ~42")
    if errors:
        for category in ("missed", "wrong source", "spurious"):
            rows = [e for e in errors if e[1] == category]
            print(f"\n== {category}: {len(rows)}")
            for name, _, snippet in rows:
                print(f"{name[:40]:40}  {snippet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
