"""Look-ups over one ledger's model objects, shared by the HTML/Markdown report and the web app.

The views need to jump from a figure to its measure, its conflicts, its source chain and its
sentence; this class only indexes the model objects (it stores no facts of its own), so both
renderers answer those questions the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Optional, Union

from claimledger.model import Conflict, Document, Entity, Figure, Measure, Source, Statement

Item = Union[Figure, Statement]

VERDICT_ORDER = {"conflict": 0, "evolving": 1, "agree": 2, "single_origin": 3}
"""Headline order: what a fact-checker must look at first."""


def parse_day(value: Optional[str]) -> Optional[date]:
    """First ISO date in ``value``; for a ``start/end`` window, its end (the latest it can be)."""
    if not value:
        return None
    found = re.findall(r"\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}", value)
    if not found:
        return None
    text = found[-1]
    parts = [int(p) for p in text.split("-")]
    while len(parts) < 3:
        parts.append(1)
    try:
        return date(*parts)
    except ValueError:
        return None


def anchor(kind: str, ident: str) -> str:
    """A stable HTML id for a record: ids such as ``abc:f1`` contain characters URLs dislike."""
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9_-]", "-", ident)


@dataclass
class Story:
    """All documents (annotated) plus the cross-document results of one ledger."""

    documents: list[Document]
    measures: list[Measure] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.doc_by_id = {d.id: d for d in self.documents}
        self.figure_by_id = {f.id: f for d in self.documents for f in d.figures}
        self.statement_by_id = {s.id: s for d in self.documents for s in d.statements}
        self.source_by_id = {s.id: s for d in self.documents for s in d.sources}
        self.entity_by_id = {e.id: e for e in self.entities}
        self.measure_by_id = {m.id: m for m in self.measures}
        self.conflict_by_id = {c.id: c for c in self.conflicts}
        self.measure_of_figure: dict[str, Measure] = {}
        for m in self.measures:
            for fid in m.figures:
                self.measure_of_figure.setdefault(fid, m)
        self.conflicts_of_item: dict[str, list[Conflict]] = {}
        for c in self.conflicts:
            for item in c.items:
                self.conflicts_of_item.setdefault(item, []).append(c)

    # Items ------------------------------------------------------------------------------------

    def item(self, ident: str) -> Optional[Item]:
        return self.figure_by_id.get(ident) or self.statement_by_id.get(ident)

    def sentence(self, item: Item) -> str:
        doc = self.doc_by_id.get(item.doc)
        if doc is None:
            return item.text
        if item.sentence_end > item.sentence_start:
            return doc.text[item.sentence_start:item.sentence_end]
        return doc.text[item.start:item.end]

    def figures_of(self, measure: Measure) -> list[Figure]:
        return [self.figure_by_id[f] for f in measure.figures if f in self.figure_by_id]

    def measure_figures(self, measure: Measure) -> list[Figure]:
        """The measure's figures in date order (undated last), for tables and charts."""
        return sorted(self.figures_of(measure), key=lambda f: (self.day_of(f) or date.max, f.id))

    def day_of(self, figure: Figure) -> Optional[date]:
        """When the estimate holds: its resolved ``as_of``, else its article's publication date."""
        day = parse_day(figure.as_of)
        if day is None:
            doc = self.doc_by_id.get(figure.doc)
            day = parse_day(doc.published) if doc else None
        return day

    def window_of(self, figure: Figure) -> Optional[tuple[date, date]]:
        """The ``(start, end)`` dates when the estimate's date is only known as a window."""
        value = figure.as_of
        if not parse_day(value):
            doc = self.doc_by_id.get(figure.doc)
            value = doc.published if doc else None
        if not value or "/" not in value:
            return None
        start, end = (parse_day(p) for p in value.split("/", 1))
        return (start, end) if start and end and start < end else None

    # Sources ----------------------------------------------------------------------------------

    def chain(self, item: Item) -> list[Source]:
        """Who said it, innermost first: the original speaker, then each relay."""
        first = item.source if isinstance(item, Figure) else item.speaker
        if first is None and isinstance(item, Figure) and item.statement:
            stmt = self.statement_by_id.get(item.statement)
            if stmt is not None:
                return self.chain(stmt)
        ids = ([first] if first else []) + [v for v in item.via if v != first]
        return [self.source_by_id[i] for i in ids if i in self.source_by_id]

    def chain_text(self, item: Item) -> str:
        """``"Ministry, via Reuters, via Daily Planet"``; falls back to the article's outlet."""
        names = [self.source_label(s) for s in self.chain(item)]
        if not names:
            doc = self.doc_by_id.get(item.doc)
            outlet = doc.label if doc else ""
            return f"{outlet} (unattributed)" if outlet else "unattributed"
        return ", via ".join(names)

    def origin(self, item: Item) -> str:
        """The name that colours a chart mark: the original speaker's entity or name."""
        chain = self.chain(item)
        if not chain:
            doc = self.doc_by_id.get(item.doc)
            return doc.label if doc else "unattributed"
        return self.source_label(chain[0])

    def source_label(self, source: Source) -> str:
        """A source's display name: its entity's, or the article itself when it is the publisher."""
        entity = self.entity_by_id.get(source.entity or "")
        if entity:
            return entity.name
        if source.role == "publisher" and source.kind == "outlet":
            return self.doc_label(source.doc)
        return source.name

    def source_key(self, source: Source) -> str:
        """Groups one speaker across documents: its entity when linked, else its name."""
        return source.entity or ("name:" + source.name.casefold())

    def source_groups(self) -> list[tuple[str, list[Source]]]:
        groups: dict[str, list[Source]] = {}
        for doc in self.documents:
            for s in doc.sources:
                groups.setdefault(self.source_key(s), []).append(s)
        return sorted(groups.items(), key=lambda kv: (-len(self.claims_of(kv[1])), self.source_label(kv[1][0]).casefold()))

    def claims_of(self, sources: Iterable[Source]) -> list[Item]:
        """Statements and figures whose chain starts with one of ``sources``."""
        ids = {s.id for s in sources}
        out: list[Item] = []
        for doc in self.documents:
            out.extend(s for s in doc.statements if s.speaker in ids)
            out.extend(f for f in doc.figures if f.source in ids)
        return out

    def relayed_by(self, sources: Iterable[Source]) -> list[Item]:
        ids = {s.id for s in sources}
        return [i for d in self.documents for i in (*d.statements, *d.figures) if ids & set(i.via)]

    # Ordering ---------------------------------------------------------------------------------

    def headline_measures(self) -> list[Measure]:
        return sorted(self.measures, key=lambda m: (VERDICT_ORDER.get(m.verdict, 9), -m.articles, -len(m.figures), m.label))

    def headline_conflicts(self) -> list[Conflict]:
        def weight(c: Conflict) -> tuple:
            m = self.measure_by_id.get(c.measure or "")
            return (-(m.articles if m else 0), -len(c.items), c.id)

        return sorted(self.conflicts, key=weight)

    def doc_label(self, doc_id: str) -> str:
        """How to name an article in a line: outlet, else title, else its file name."""
        doc = self.doc_by_id.get(doc_id)
        return doc.label if doc is not None else doc_id

    def doc_title(self, doc: Document) -> str:
        return doc.title or re.split(r"[\\/]", doc.name.rstrip("/\\"))[-1] or doc.id

    def duplicates_of(self, doc: Document) -> list[Document]:
        return [d for d in self.documents if d.duplicate_of == doc.id]

    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "sources": len(self.source_groups()),
            "figures": sum(1 for d in self.documents for f in d.figures if f.kind == "figure"),
            "quotes": sum(1 for d in self.documents for s in d.statements if s.direct),
            "claims": sum(1 for d in self.documents for s in d.statements if not s.direct),
            "measures": len(self.measures),
            "conflicts": len(self.conflicts),
        }
