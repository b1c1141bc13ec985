"""What the CLI verbs do, as library calls: add articles, re-analyse, rebuild the ledger.

``add`` reads inputs, skips exact re-adds (content hash), marks near-duplicates, runs the
per-document pipeline, saves each document in its own transaction, then re-runs the
cross-document step over the whole ledger so that the store is always fully analysed.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Iterable, Iterator

from claimledger import engine
from claimledger.ingest import IngestError, IngestWarning, NearDuplicateIndex, read_inputs
from claimledger.model import Document
from claimledger.pipeline import Context
from claimledger.reconcile import reconcile
from claimledger.store import Ledger


@dataclass
class AddSummary:
    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    not_news: list[str] = field(default_factory=list)   # left out by skip_non_news

    @property
    def ok(self) -> bool:
        """False only when inputs were given and nothing at all could be ingested."""
        return bool(self.added or self.already) or not self.errors


def add(
    ledger: Ledger,
    inputs: list[str],
    *,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    stdin: BinaryIO | None = None,
    context: Context | None = None,
    report: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr),
    max_bytes: int | None = None,
    skip_non_news: bool = False,
) -> AddSummary:
    """Ingest ``inputs`` into ``ledger`` and leave it fully analysed.

    A document that does not read like news (``Document.not_news``) gets one notice line through
    ``report``; with ``skip_non_news`` it is left out of the ledger.
    """
    summary = AddSummary()

    def keep(doc: Document) -> bool:
        if not doc.not_news:
            return True
        report(f"notice: {doc.name} does not look like news: {doc.not_news}"
               + ("; skipped (--skip-non-news)" if skip_non_news else "; kept (--skip-non-news leaves such files out)"))
        if skip_non_news:
            summary.not_news.append(doc.id)
        return not skip_non_news

    index = NearDuplicateIndex()
    for doc_id, text in ledger.texts():
        index.add(doc_id, text)
    seen: set[str] = set()

    def fresh() -> Iterator[Document]:
        """New documents as they are read: streamed into the engine, never all inputs in memory first."""
        for item in read_inputs(inputs, outlet=outlet, published=published, url=url, stdin=stdin,
                                max_bytes=max_bytes):
            if isinstance(item, IngestError):
                summary.errors.append(str(item))
                report(f"skipped {item}")
                continue
            if isinstance(item, IngestWarning):
                summary.warnings.append(str(item))
                report(f"warning: {item}")
                continue
            if item.id in seen or ledger.find_hash(item.content_hash):
                summary.already.append(item.id)
                continue
            seen.add(item.id)
            item.duplicate_of = index.find(item.text, exclude=item.id)
            if item.duplicate_of:
                summary.duplicates.append((item.id, item.duplicate_of))
            index.add(item.id, item.text)
            yield item

    analyse(ledger, fresh(), context, keep=keep, report=report, saved=summary.added, skipped=summary.errors)
    if summary.added:
        reconcile_all(ledger)
    return summary


def analyse(ledger: Ledger, docs: Iterable[Document], context: Context | None = None,
            keep: Callable[[Document], bool] = lambda doc: True,
            report: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr),
            saved: list[str] | None = None, skipped: list[str] | None = None) -> int:
    """Run the per-document stages (on ``context.jobs`` processes, or Dask) and save each document atomically.

    Documents stream through the engine; this process is the only writer, in input order.  Only
    documents ``keep`` accepts are saved (their ids appended to ``saved``).  A document that fails
    or runs out of its time budget is reported in one line (also appended to ``skipped``) and the
    batch goes on.  Returns how many documents were saved.
    """
    n = 0
    for outcome in engine.run(docs, context or Context()):
        if outcome.doc is None:
            report(f"skipped {outcome.error}")
            if skipped is not None:
                skipped.append(outcome.error or outcome.name)
            continue
        if not keep(outcome.doc):
            continue
        ledger.save_document(outcome.doc)
        if saved is not None:
            saved.append(outcome.doc_id)
        n += 1
    return n


def reanalyse(ledger: Ledger, context: Context | None = None) -> int:
    """Re-run every stage on every stored document (after an upgrade or a model change)."""
    n = analyse(ledger, ledger.documents(), context)
    reconcile_all(ledger)
    return n


def reconcile_all(ledger: Ledger) -> None:
    """Cross-document step: entities, measures, dates, verdicts, conflicts over the whole ledger."""
    docs = ledger.documents(annotated=True)
    result = reconcile(docs)
    ledger.replace_derived(docs, [*result.entities, *result.measures, *result.conflicts])
