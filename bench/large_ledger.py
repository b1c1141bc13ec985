"""A large ledger for the web and report benchmarks, synthesised through the model and the store.

    python bench/large_ledger.py --articles 2000 --out /tmp/claimledger-large-2000.db

Analysing 2,000 real articles takes many minutes on a shared machine; the views do not care
where rows came from, so this copies the analysed bundled example (``claimledger demo``) under
fresh ids until the ledger holds ``--articles`` documents: every copy keeps its own documents,
sentences, figures, statements, sources, mentions, entities, measures and conflicts, written by
the real store in one transaction.  A ledger already at the path with the same size is reused.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from claimledger import cli
from claimledger.model import Conflict, Document, Entity, Measure, Record
from claimledger.store import Ledger


def _rewrite(value: Any, docs: dict[str, str], ids: dict[str, str]) -> Any:
    if isinstance(value, str):
        if value in ids:
            return ids[value]
        for old, new in docs.items():
            if old in value:
                value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [_rewrite(v, docs, ids) for v in value]
    if isinstance(value, dict):
        return {k: _rewrite(v, docs, ids) for k, v in value.items()}
    return value


def _copy(record: Record, docs: dict[str, str], ids: dict[str, str]) -> Record:
    data = {k: v for k, v in record.to_dict().items() if k != "text" or not isinstance(record, Document)}
    out = type(record).from_dict(_rewrite(data, docs, ids))
    if isinstance(record, Document):
        out.text = record.text
        for name, cls in Document.ANNOTATION_TYPES.items():
            setattr(out, name, [_copy(a, docs, ids) for a in getattr(record, name)])
    return out


def build(articles: int, out: Path) -> Path:
    if out.exists():
        with Ledger(out) as ledger:  # writable: an older ledger is migrated to the current schema
            if ledger.count(Document) == articles:
                return out
        out.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        with contextlib.redirect_stdout(io.StringIO()):
            assert cli.main(["demo", "--out", tmp]) == 0
        with Ledger(Path(tmp) / "ledger.db", readonly=True) as demo:
            docs = demo.documents(annotated=True)
            derived: list[Record] = [*demo.rows(Entity), *demo.rows(Measure), *demo.rows(Conflict)]
    copies = -(-articles // len(docs))
    new_docs: list[Document] = []
    new_derived: list[Record] = []
    for k in range(copies):
        doc_ids = {d.id: hashlib.sha1(f"{d.id}:{k}".encode()).hexdigest()[:12] for d in docs}
        ids = {r.id: f"{r.id}.{k}" for r in derived}
        for d in docs:
            if len(new_docs) < articles:
                copy = _copy(d, doc_ids, ids)
                copy.content_hash = hashlib.sha256(f"{d.content_hash}:{k}".encode()).hexdigest()
                copy.name = f"copy{k:04d}/{Path(d.name).name}"
                new_docs.append(copy)
        new_derived.extend(_copy(r, doc_ids, ids) for r in derived)
    kept = {d.id for d in new_docs}
    new_derived = [r for r in new_derived if not isinstance(r, Entity) or set(r.documents) & kept]
    out.parent.mkdir(parents=True, exist_ok=True)
    with Ledger(out) as ledger:
        ledger.replace_derived(new_docs, new_derived)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="documents in the ledger (default 2000)")
    parser.add_argument("--out", default=None, help="ledger path (default /tmp/claimledger-large-N.db)")
    args = parser.parse_args()
    out = Path(args.out or f"{tempfile.gettempdir()}/claimledger-large-{args.articles}.db")
    start = time.perf_counter()
    build(args.articles, out)
    with Ledger(out, readonly=True) as ledger:
        counts = {cls.table: ledger.count(cls) for cls in (Document, Entity, Measure, Conflict)}
    print(json.dumps({"ledger": str(out), "seconds": round(time.perf_counter() - start, 1), **counts}), file=sys.stderr)
    print(out)


if __name__ == "__main__":
    main()
