"""What the CLI verbs do, as library calls: add articles, re-analyse, rebuild the ledger.

``add`` reads inputs, skips exact re-adds (content hash), marks near-duplicates, runs the
per-document pipeline, saves each document in its own transaction, then assigns the new
documents to stories (:mod:`claimledger.link.stories`) and re-runs the cross-document step
only for the stories they touched, each story in one transaction.

Crash consistency: a document is stored with ``story`` unset until it is grouped, and a story
is marked ``stale`` from the moment a document joins it until its derived rows are rebuilt.
Whatever point an ``add`` is killed at, the next ``add`` (or ``reanalyse``) finds the ungrouped
documents and stale stories, says so, and finishes the work; the result equals a clean run's.
"""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Iterable, Iterator

from claimledger import engine
from claimledger.ingest import IngestError, IngestWarning, read_inputs
from claimledger.ingest.dedup import StoredNearDuplicates
from claimledger.link import stories as story_links
from claimledger.model import Document, StoryCorrection
from claimledger.pipeline import Context
from claimledger.reconcile import reconcile
from claimledger.store import Ledger

KILL_ENV = "CLAIMLEDGER_KILL_AT"
"""Test hook for crash consistency: ``STEP:N`` kills this process (SIGKILL) at the N-th ``STEP``."""
_passed: dict[str, int] = {}


def checkpoint(step: str) -> None:
    """A point where a crash must leave a repairable store (``ingest``, ``document``, ``group``, ``story``)."""
    wanted = os.environ.get(KILL_ENV)
    if not wanted:
        return
    _passed[step] = _passed.get(step, 0) + 1
    name, _, n = wanted.partition(":")
    if name == step and str(_passed[step]) == (n or "1"):
        os.kill(os.getpid(), signal.SIGKILL)


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

    index = StoredNearDuplicates(ledger)
    _say_pending(ledger, report)
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
            checkpoint("ingest")
            yield item

    analyse(ledger, fresh(), context, keep=keep, report=report, saved=summary.added, skipped=summary.errors,
            already=summary.already)
    link_stories(ledger)
    return summary


def analyse(ledger: Ledger, docs: Iterable[Document], context: Context | None = None,
            keep: Callable[[Document], bool] = lambda doc: True,
            report: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr),
            saved: list[str] | None = None, skipped: list[str] | None = None,
            already: list[str] | None = None) -> int:
    """Run the per-document stages (on ``context.jobs`` processes, or Dask) and save each document atomically.

    Documents stream through the engine; this process is the only writer, in input order.  Only
    documents ``keep`` accepts are saved (their ids appended to ``saved``).  A document that fails
    or runs out of its time budget is reported in one line (also appended to ``skipped``) and the
    batch goes on.  With ``already`` (new documents), one that a concurrent writer stored meanwhile
    is not saved again but listed there.  Returns how many documents were saved.
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
        if already is None:
            ledger.save_document(outcome.doc)
        elif not ledger.add_document(outcome.doc):
            already.append(outcome.doc_id)
            continue
        checkpoint("document")
        if saved is not None:
            saved.append(outcome.doc_id)
        n += 1
    return n


def reanalyse(ledger: Ledger, context: Context | None = None) -> int:
    """Re-run every stage on every stored document (after an upgrade or a model change)."""
    n = analyse(ledger, ledger.documents(), context)
    regroup(ledger)
    return n


def regroup(ledger: Ledger) -> None:
    """Forget the grouping, assign every document again (replaying corrections), rebuild every story."""
    ledger.clear_grouping()
    link_stories(ledger)


def _say_pending(ledger: Ledger, report: Callable[[str], None]) -> None:
    ungrouped, stale = len(ledger.ungrouped_documents()), len(ledger.stale_stories())
    if ungrouped or stale:
        report(f"repairing an interrupted run: {ungrouped} document(s) not yet in a story, "
               f"{stale} story(ies) to rebuild")


def link_stories(ledger: Ledger) -> list[str]:
    """Group every ungrouped document, then rebuild each stale story; the stories rebuilt."""
    corrections = story_links.Corrections(ledger.rows(StoryCorrection))
    ungrouped = ledger.ungrouped_documents()
    if ungrouped:
        ledger.drop_unscoped_derived()           # rows of a ledger from before stories, rebuilt per story below
    for doc in ungrouped:
        doc.mentions.extend(ledger.rows(Document.ANNOTATION_TYPES["mentions"], doc=doc.id))
        with ledger.transaction():  # matched and assigned under the write lock: concurrent adds take turns
            if ledger.document_story(doc.id) is None:  # not grouped meanwhile by a concurrent add
                story_links.assign(ledger, doc, corrections)
        checkpoint("group")
    stale = ledger.stale_stories()
    for story_id in stale:
        reconcile_story(ledger, story_id)
        checkpoint("story")
    return stale


def reconcile_story(ledger: Ledger, story_id: str) -> None:
    """Cross-document step over one story's documents, replacing only that story's derived rows.

    Read, computed and written under the write lock, so that a document a concurrent ``add``
    puts in the story is either seen here or marks the story stale again for that add to rebuild.
    """
    with ledger.transaction():
        _reconcile_story(ledger, story_id)


def _reconcile_story(ledger: Ledger, story_id: str) -> None:
    story = ledger.story(story_id)
    docs = ledger.story_documents(story_id)
    if story is None or not docs:
        ledger.delete_story(story_id)
        return
    result = reconcile(docs)
    derived = story_links.scope_to_story(result, docs, story_id)
    story.label = story_links.label_story(docs)
    story.start, story.end = story_links.story_span(docs)
    story.documents = [d.id for d in docs]
    story.stale = False
    ledger.replace_story(story, docs, derived)


def reconcile_all(ledger: Ledger) -> None:
    """Rebuild every story's derived rows (the grouping itself is kept)."""
    for story in ledger.rows(story_links.Story):
        reconcile_story(ledger, story.id)


def _correct(ledger: Ledger, correction: StoryCorrection) -> None:
    correction.id = f"K{ledger.count(StoryCorrection) + 1}"
    with ledger.transaction():
        ledger._insert(correction)


def merge_stories(ledger: Ledger, target_ref: str, other_refs: list[str]) -> story_links.Story:
    """Move every document of ``other_refs`` into ``target_ref``; recorded so reanalyse keeps it."""
    target = ledger.find_story(target_ref)
    others = [ledger.find_story(ref) for ref in other_refs]
    with ledger.transaction():
        for other in others:
            if other.id == target.id:
                continue
            _correct(ledger, StoryCorrection(kind="merge", source=other.id, target=target.id))
            for doc_id in ledger.story_doc_ids(other.id):
                ledger.set_document_story(doc_id, target.id)
            ledger.delete_story(other.id)
        target.stale = True
        ledger.put_story(target)
    reconcile_story(ledger, target.id)
    return ledger.story(target.id)


def move_document(ledger: Ledger, doc_ref: str, story_ref: str | None) -> story_links.Story:
    """Put one document into another story (``None``: a new story of its own); recorded for reanalyse."""
    doc = ledger.document(doc_ref)
    old = doc.story
    if story_ref is None:
        base = target = story_links.story_id(doc.id)
        n = 1
        while ledger.story(target) is not None:
            n += 1
            target = f"{base}x{n}"
        correction = StoryCorrection(kind="split", doc=doc.id, target=target)
    else:
        target = ledger.find_story(story_ref).id
        correction = StoryCorrection(kind="move", doc=doc.id, target=target)
    with ledger.transaction():
        _correct(ledger, correction)
        story = ledger.story(target) or story_links.Story(id=target, label=story_links.label_story([doc]))
        story.stale = True
        ledger.put_story(story)
        ledger.set_document_story(doc.id, target)
        if old and old != target:
            previous = ledger.story(old)
            if previous:
                previous.stale = True
                ledger.put_story(previous)
    for story_id in sorted({target, old} - {None}):
        reconcile_story(ledger, story_id)
    return ledger.story(target)
