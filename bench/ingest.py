"""Ingestion throughput and memory, alone and with spaCy parsing, on synthetic news articles.

    python bench/ingest.py --docs 500            # mixed .txt / .html / .jsonl inputs
    python bench/ingest.py --docs 5000 --no-parse  # ingestion only
    python bench/ingest.py --dedup                 # near-duplicate detection by kind of edit

Each phase runs in a fresh process so its peak RSS is its own.  "ingest" = read_inputs (decode,
format detection, HTML extraction, normalisation, identity) + near-duplicate indexing;
"ingest+parse" = the same followed by ``nlp.pipe`` over the texts with ``claimledger.nlp.load()``.
The ratio shows what our code costs next to the parser.  Not a test: numbers vary by machine.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import tempfile
import time
from pathlib import Path

PLACES = ["Valdora", "Port Essen", "Marrow County", "the northern province", "Lake Tarin", "Kelso"]
PEOPLE = ["Anna Berg", "Daniel Ortiz", "Lena Okafor", "Sam Reyes", "Ines Kahn", "Tomas Weil", "Priya Nair"]
BODIES = ["the health ministry", "the electoral commission", "the national disaster agency", "Harbor Foods",
          "the football association", "the central bank", "the United Nations"]
SENTENCES = [
    "{body} said on {day} that {n1:,} people had been affected, up from {n2:,} a week earlier.",
    "\"We expect the number to rise further,\" {person}, a spokesperson for {body}, told reporters in {place}.",
    "According to official figures, about {pct} percent of households in {place} were without power.",
    "Revenue rose {pct}% to ${n3} million in the quarter, beating forecasts, {body} said in a statement.",
    "Turnout reached {pct} percent, the highest since {year}, while the governing party won {small} of {big} seats.",
    "{person} said at least {small} teams had been sent to {place}, and that more would follow by {day}.",
    "Officials warned that between {n2:,} and {n1:,} people could still need help over the coming weeks.",
    "The agency said {small} people had died and {n2:,} had been injured, but the toll was expected to climb.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(rng: random.Random, paragraphs: int) -> tuple[str, str]:
    """(title, body) of one synthetic article: real-looking sentences with varying figures and names."""
    def sentence() -> str:
        return rng.choice(SENTENCES).format(
            body=rng.choice(BODIES), person=rng.choice(PEOPLE), place=rng.choice(PLACES), day=rng.choice(DAYS),
            n1=rng.randint(5_000, 90_000), n2=rng.randint(100, 4_999), n3=rng.randint(10, 999),
            pct=rng.randint(5, 95), year=rng.randint(1960, 2020), small=rng.randint(2, 60), big=rng.randint(61, 300),
        )
    title = f"{rng.choice(BODIES).capitalize()} reports {rng.randint(2, 90)} new cases in {rng.choice(PLACES)}"
    body = "\n".join(" ".join(sentence() for _ in range(rng.randint(2, 4))) for _ in range(paragraphs))
    return title, body[0].upper() + body[1:]


def html(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in body.split("\n"))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | Courier</title>"
            f"<meta property='og:site_name' content='Courier'><meta name='author' content='Staff'>"
            f"<meta property='article:published_time' content='2024-05-0{1 + len(title) % 9}'></head><body>"
            f"<header><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav></header>"
            f"<main><article><h1>{title}</h1>{paragraphs}</article>"
            f"<section class='comments'><p>reader1: Terrible news.</p></section></main>"
            f"<footer>Copyright Courier. Privacy. Terms.</footer></body></html>")


def make_corpus(folder: Path, docs: int, seed: int) -> dict[str, str]:
    """docs articles: 45% .txt, 45% .html, 10% in one .jsonl; one in ten a lightly edited copy of an
    earlier original (new first line, a verb changed).  Returns {copy name: original name}."""
    rng = random.Random(seed)
    originals: list[tuple[str, str, str]] = []
    copies: dict[str, str] = {}
    lines = []
    for i in range(docs):
        kind = i % 20
        if kind < 9:
            name = str(folder / f"a{i:05d}.txt")
        elif kind < 18:
            name = str(folder / f"a{i:05d}.html")
        else:
            name = f"{folder / 'batch.jsonl'}:{len(lines) + 1}"
        if originals and i % 10 == 9:
            title, body, source = rng.choice(originals)
            body = "Updated with local reaction.\n" + body.replace(" said", " stated", 1)
            copies[name] = source
        else:
            title, body = article(rng, rng.randint(6, 14))
            originals.append((title, body, name))
        if kind < 9:
            Path(name).write_text(f"{title}\n{body}\n", encoding="utf-8")
        elif kind < 18:
            Path(name).write_text(html(title, body), encoding="utf-8")
        else:
            lines.append(json.dumps({"text": body, "title": title, "outlet": "Wire", "published": "2024-05-02"}))
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return copies


def run_phase(folder: str, parse: bool, copies: dict[str, str], queue) -> None:
    from claimledger.ingest import IngestError, NearDuplicateIndex, read_inputs

    nlp = None
    if parse:
        from claimledger import nlp as nlp_module
        nlp = nlp_module.load()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    index = NearDuplicateIndex()
    docs, errors, chars = [], 0, 0
    names: dict[str, str] = {}
    found: dict[str, str] = {}
    for item in read_inputs([folder]):
        if isinstance(item, IngestError):
            errors += 1
            continue
        item.duplicate_of = index.find(item.text, exclude=item.id)
        names[item.id] = item.name
        if item.duplicate_of:
            found[item.name] = names[item.duplicate_of]
        index.add(item.id, item.text)
        chars += len(item.text)
        docs.append(item)
    ingest_seconds = time.perf_counter() - start
    parse_seconds = 0.0
    if nlp is not None:
        start = time.perf_counter()
        for _ in nlp.pipe((doc.text for doc in docs), batch_size=32):
            pass
        parse_seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # right: both belong to the same planted family (files are read in name order, so a copy can come
    # first and its original is then the one flagged; identical copies share an id and count once)
    right = sum(copies.get(name, name) == copies.get(other, other) for name, other in found.items())
    queue.put(dict(docs=len(docs), errors=errors, duplicates=len(found), right=right, planted=len(copies),
                   chars=chars, ingest=ingest_seconds,
                   parse=parse_seconds, peak_mb=peak / 1024, added_mb=(peak - baseline) / 1024))


def phase(folder: str, parse: bool, copies: dict[str, str]) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=run_phase, args=(folder, parse, copies, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def dedup_robustness(seed: int, n: int = 100) -> None:
    """How often a copy is traced to its original, by kind of edit; and false alarms on new articles."""
    from claimledger.ingest import NearDuplicateIndex

    rng = random.Random(seed)
    originals = [article(rng, rng.randint(6, 14))[1] for _ in range(3 * n)]
    index = NearDuplicateIndex()
    for i, text in enumerate(originals):
        index.add(str(i), text)

    def rewrite(text: str, share: float) -> str:
        paragraphs = text.split("\n")
        for j in rng.sample(range(len(paragraphs)), max(1, int(len(paragraphs) * share))):
            paragraphs[j] = article(rng, 1)[1]
        return "\n".join(paragraphs)

    edits = {
        "new intro line + one verb changed": lambda t: "Local reaction follows.\n" + t.replace(" said", " stated", 1),
        "last paragraph dropped": lambda t: "\n".join(t.split("\n")[:-1]),
        "last two paragraphs dropped": lambda t: "\n".join(t.split("\n")[:-2]),
        "10% of paragraphs rewritten": lambda t: rewrite(t, 0.1),
        "30% of paragraphs rewritten": lambda t: rewrite(t, 0.3),
    }
    for label, edit in edits.items():
        hits = sum(index.find(edit(text)) == str(i) for i, text in enumerate(originals[:n]))
        print(f"copy traced to its original, {label:36}: {hits}/{n}")
    fresh = [article(rng, rng.randint(6, 14))[1] for _ in range(3 * n)]
    print(f"false alarms on {3 * n} new articles of the same templates: {sum(index.find(t) is not None for t in fresh)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300, help="number of synthetic articles (default 300)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-parse", action="store_true", help="skip the ingest+parse phase")
    parser.add_argument("--dedup", action="store_true", help="only measure near-duplicate detection by kind of edit")
    args = parser.parse_args()
    if args.dedup:
        dedup_robustness(args.seed)
        return
    with tempfile.TemporaryDirectory() as tmp:
        copies = make_corpus(Path(tmp), args.docs, args.seed)
        alone = phase(tmp, parse=False, copies=copies)
        both = phase(tmp, parse=True, copies=copies) if not args.no_parse else None
    n = alone["docs"]
    print(f"corpus: {n} documents, {alone['chars'] / n:,.0f} chars each on average, {alone['errors']} errors")
    print(f"near-duplicates: {alone['planted']} planted copies, {alone['duplicates']} flagged, "
          f"{alone['right']} of them pointing into the right original/copy pair")
    print(f"ingest        : {n / alone['ingest']:8.1f} docs/s  ({alone['ingest']:.2f} s)  "
          f"peak RSS {alone['peak_mb']:.0f} MB (+{alone['added_mb']:.0f} MB during the run)")
    if both is None:
        return
    total = both["ingest"] + both["parse"]
    print(f"ingest+parse  : {n / total:8.1f} docs/s  ({total:.2f} s; parse alone {both['parse']:.2f} s)  "
          f"peak RSS {both['peak_mb']:.0f} MB (+{both['added_mb']:.0f} MB during the run)")
    print(f"ingest / parse time ratio: {both['ingest'] / both['parse']:.2f}  "
          f"(ingestion is {100 * both['ingest'] / total:.0f}% of ingest+parse)")


if __name__ == "__main__":
    main()
