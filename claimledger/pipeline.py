"""The ordered per-document stages and how a document flows through them.

Like a spaCy pipeline, each stage is a small function that reads the shared ``Document`` (and
the spaCy parse of its text) and adds annotations to it.  Stages register themselves by name
with :func:`stage`; :data:`DEFAULT_STAGES` is the order ``add`` runs.  Per-document stages are
pure functions of one document plus the loaded models, so they can run on many workers.

Cross-document steps (entity linking, measures, dates, verdicts, conflicts) live in
:mod:`claimledger.reconcile` and run over the whole store afterwards.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc

from claimledger import nlp as nlp_mod
from claimledger.model import Document

StageFn = Callable[[Document, SpacyDoc, "Context"], None]

STAGES: dict[str, StageFn] = {}

DEFAULT_STAGES: tuple[str, ...] = ("sentences", "mentions", "figures", "implicit_counts", "statements", "attribution",
                                   "news_check")
"""Run in this order.  A stage listed here but not importable is an error, not a silent skip."""

# Modules that define stages; importing them fills STAGES.
STAGE_MODULES: tuple[str, ...] = (
    "claimledger.extract.sentences",
    "claimledger.extract.mentions",
    "claimledger.extract.figures",
    "claimledger.extract.implicit_counts",
    "claimledger.extract.statements",
    "claimledger.extract.attribution",
    "claimledger.extract.news_check",
)


def stage(name: str) -> Callable[[StageFn], StageFn]:
    """Register a per-document stage under ``name``."""

    def register(fn: StageFn) -> StageFn:
        STAGES[name] = fn
        return fn

    return register


@dataclass
class Context:
    """What stages share besides the document: the models and run options."""

    model: str | None = None
    options: dict = field(default_factory=dict)
    jobs: int | None = None              # worker processes (None: the cores available)
    doc_timeout: float | None = None     # seconds per document (None: $CLAIMLEDGER_DOC_TIMEOUT or 60; 0: none)
    segment_chars: int = 100_000         # longer texts are parsed in segments of at most this size
    engine: str = "local"                # local (process pool) | dask
    scheduler: str | None = None         # dask scheduler address (None: start a local cluster)

    @property
    def nlp(self) -> Language:
        return nlp_mod.load(self.model)


def load_stages(names: Iterable[str] = DEFAULT_STAGES) -> list[tuple[str, StageFn]]:
    for module in STAGE_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
    missing = [n for n in names if n not in STAGES]
    if missing:
        raise KeyError(f"unknown stage(s): {', '.join(missing)}")
    return [(n, STAGES[n]) for n in names]


class Pipeline:
    """Parse documents in batches and run the registered stages over each."""

    def __init__(self, context: Context | None = None, stages: Iterable[str] = DEFAULT_STAGES):
        self.context = context or Context()
        self.stages = load_stages(stages)

    def parse(self, docs: list[Document]) -> Iterator[tuple[Document, SpacyDoc]]:
        texts = (d.text for d in docs)
        yield from zip(docs, self.context.nlp.pipe(texts, batch_size=16))

    def annotate(self, doc: Document, parsed: SpacyDoc) -> Document:
        for field_name in Document.ANNOTATIONS:
            getattr(doc, field_name).clear()
        for _name, fn in self.stages:
            fn(doc, parsed, self.context)
        return doc

    def analyse(self, doc: Document, check: Callable[[], None] = lambda: None) -> Document:
        """Annotate ``doc`` in place, parsing a long text in bounded segments (offsets stay exact).

        ``check`` is called between segments so a time budget can stop a long document.
        """
        from claimledger.engine.segments import cut_points, merge_segment, segment_document

        cuts = cut_points(doc.text, self.context.segment_chars)
        if len(cuts) == 1:
            return self.annotate(doc, self.context.nlp(doc.text))
        for field_name in Document.ANNOTATIONS:
            getattr(doc, field_name).clear()
        for start, end in cuts:
            seg = segment_document(doc, start, end)
            self.annotate(seg, self.context.nlp(seg.text))
            merge_segment(doc, seg, start)
            check()
        return doc

    def run(self, docs: list[Document]) -> Iterator[Document]:
        for doc, parsed in self.parse(docs):
            yield self.annotate(doc, parsed)

    def __call__(self, doc: Document) -> Document:
        return next(self.run([doc]))
