"""The one view model: what each record looks like to a person, for every view.

The CLI tables and ``--json``, the CSV/JSON exports, the Markdown and HTML report and the web
app all render from :class:`LedgerView`, so a source has the same name, a measure the same
figures in the same order, and a count the same value whichever view shows it.  The class only
indexes model objects (it stores no facts of its own); the display rules live here once:

- a source's name is its cross-document entity's name when linked, an article's own voice is
  the article's label; sources are grouped by entity, else by that name;
- a vague amount reads as written with its honest range ("thousands (2,000–9,999)"), a year
  without separators (2022), another unit converted to the measure's unit before plotting;
- a measure's figures run in date order (undated last, then by how long ago the text says);
- a date taken from an inferred publication date says "(inferred)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Optional, Union

from claimledger.model import Conflict, Document, Entity, Figure, Measure, Source, Statement

Item = Union[Figure, Statement]

VERDICT_ORDER = {"conflict": 0, "far_apart": 1, "evolving": 2, "agree": 3, "single_origin": 4}
"""Headline order: what a fact-checker must look at first."""

UNIT_LABELS = {"km2": "km²", "m2": "m²", "ft2": "sq ft", "mi2": "sq mi", "percent": "%", "count": "",
               "fraction": "", "degC": "°C"}

CONVERSIONS: dict[tuple[str, str], float] = {
    ("mi2", "km2"): 2.589988, ("ha", "km2"): 0.01, ("acre", "km2"): 0.00404686, ("m2", "km2"): 1e-6,
    ("ft2", "km2"): 9.290304e-8, ("mi", "km"): 1.609344, ("m", "km"): 0.001, ("ft", "km"): 0.0003048,
    ("yd", "km"): 0.0009144, ("km", "mi"): 1 / 1.609344, ("km2", "mi2"): 1 / 2.589988,
    ("lb", "kg"): 0.45359237, ("t", "kg"): 1000.0, ("kg", "t"): 0.001,
}
"""Exact factors between units a measure may mix (x ``from`` = factor x ``to``)."""

VIEW_ANNOTATIONS = ("figures", "statements", "sources")
"""The annotations the report and exports render; sentence spans and entity mentions (over half
of a ledger's rows) are only counted by ``claimledger`` summaries, so those views skip them."""

IMPLICIT_STORY = ""
"""The story key of a ledger that has no stories: everything is one story."""


# Numbers and amounts -------------------------------------------------------------------------

def fmt_number(value: Optional[float], kind: str = "figure") -> str:
    """``12,000``, ``0.5``; a year never gets a thousands separator (``2022``)."""
    if value is None:
        return ""
    if kind == "year" or (kind == "date" and float(value).is_integer()):
        return str(int(value))
    if float(value).is_integer():
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def fmt_bounds(low: Optional[float], high: Optional[float], kind: str = "figure") -> str:
    """``2,000–9,999``; an open side reads ``…``."""
    if low is None and high is None:
        return ""
    if low == high:
        return fmt_number(low, kind)
    return f"{fmt_number(low, kind) or '…'}–{fmt_number(high, kind) or '…'}"


def unit_label(unit: Optional[str]) -> str:
    if not unit:
        return ""
    return UNIT_LABELS.get(unit, unit)


def convert(value: Optional[float], from_unit: Optional[str], to_unit: Optional[str]) -> Optional[float]:
    """``value`` in ``to_unit``; unchanged when the units agree, None when no factor is known."""
    if value is None:
        return None
    if not from_unit or not to_unit or from_unit == to_unit:
        return value
    factor = CONVERSIONS.get((from_unit, to_unit))
    return value * factor if factor is not None else None


def amount_text(f: Figure) -> str:
    """How a figure's amount reads: as written when vague, with its honest range; else bounded.

    ``thousands (2,000–9,999)`` · ``≈ 11,000`` · ``≥ 1`` · ``≤ 12,000`` · ``500–800`` · ``2022``.
    """
    if f.kind != "figure":
        return f.text or fmt_number(f.value, f.kind)
    if f.vague:
        written = " ".join((f.text or "").split())
        rng = fmt_bounds(f.low, f.high)
        return f"{written} ({rng})" if written and rng else written or rng
    q = f.qualifier
    if q == "range":
        return fmt_bounds(f.low, f.high)
    if q == "at_least":
        return "≥ " + fmt_number(f.low if f.low is not None else f.value)
    if q == "at_most":
        return "≤ " + fmt_number(f.high if f.high is not None else f.value)
    if q == "approx":
        return "≈ " + fmt_number(f.value)
    return fmt_number(f.value)


def qualifier_label(f: Figure) -> str:
    """``vague`` for "thousands" (never ``exact``), else the qualifier in words."""
    if f.vague:
        return "vague"
    return f.qualifier.replace("_", " ")


def axis_bounds(figure: Figure, measure: Optional[Measure] = None):
    """(low, point, high) in the measure's unit, for a chart; None when it has no number or
    its unit cannot be converted (483 sq mi is plotted as 1,251 on a km² axis)."""
    point, low, high = figure.value, figure.low, figure.high
    if point is None:
        if low is not None and high is not None:
            point = (low + high) / 2
        else:
            point = low if low is not None else high
    if point is None:
        return None
    target = (measure.unit if measure is not None else None) or figure.unit
    if figure.unit and target and figure.unit != target:
        if convert(1.0, figure.unit, target) is None:
            return None
        return (convert(low, figure.unit, target), convert(point, figure.unit, target),
                convert(high, figure.unit, target))
    return (low, point, high)


def excerpt(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# Dates ----------------------------------------------------------------------------------------

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}")
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]")
"""Compiled once: every figure's date and every link's anchor go through them."""


def parse_day(value: Optional[str]) -> Optional[date]:
    """First ISO date in ``value``; for a ``start/end`` window, its end (the latest it can be)."""
    if not value:
        return None
    found = _ISO_DAY.findall(value)
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


def date_text(value: Optional[str]) -> str:
    """A stored date as a person reads it: a window stays a window (``2024-11-01 … 2024-12-15``)."""
    if not value:
        return ""
    if "/" in value:
        start, end = value.split("/", 1)
        if end in ("", ".."):
            return f"after {start}"
        if start in ("", ".."):
            return f"before {end}"
        return f"{start} … {end}"
    return value


def published_text(doc: Document) -> str:
    """The publication date, marked ``(inferred)`` when it was guessed from the text."""
    text = date_text(doc.published)
    if text and doc.published_how == "inferred":
        text += " (inferred)"
    return text


def anchor(kind: str, ident: str) -> str:
    """A stable HTML id for a record: ids such as ``abc:f1`` contain characters URLs dislike."""
    return f"{kind}-" + _NOT_ID.sub("-", ident)


def _fields(cls) -> set[str]:
    import dataclasses

    return {f.name for f in dataclasses.fields(cls)}


def story_records(ledger) -> list[Any]:
    """The ledger's Story records, when the model has them (else none: one implicit story)."""
    from claimledger import model

    story_cls = getattr(model, "Story", None)
    if story_cls is None or not getattr(story_cls, "table", ""):
        return []
    try:
        return ledger.rows(story_cls)
    except Exception:  # noqa: BLE001 - a ledger written before stories existed, opened read-only
        return []


def story_record(ledger, key: str) -> list[Any]:
    """Story ``key``'s record as a one-item list (none when absent): one row, not every story's."""
    try:
        record = ledger.story(key)
    except Exception:  # noqa: BLE001 - as story_records: a ledger written before stories existed
        return []
    return [record] if record is not None else []


def story_index(ledger) -> list[tuple[str, str, int]]:
    """(key, label, documents) per story, from the light Story records (no document text)."""
    stories = sorted(story_records(ledger), key=lambda s: (-len(getattr(s, "documents", []) or []), s.id))
    keys = [(s.id, getattr(s, "label", "") or s.id, len(getattr(s, "documents", []) or [])) for s in stories]
    in_stories = sum(n for _, _, n in keys)
    rest = ledger.count(Document) - in_stories
    if rest > 0 or not keys:
        keys.append((IMPLICIT_STORY, "All articles" if not keys else "Articles in no story", rest))
    return keys


# The view ---------------------------------------------------------------------------------------

@dataclass
class LedgerView:
    """All documents (annotated) plus the cross-document results of one ledger, or one story of it."""

    documents: list[Document]
    measures: list[Measure] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    stories: list[Any] = field(default_factory=list)       # Story records, when the ledger has them

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
        # claims and relays by source id, built once (the sources page must not rescan every document)
        self._claims: dict[str, list[Item]] = {}
        self._relays: dict[str, list[Item]] = {}
        for d in self.documents:
            for it in (*d.statements, *d.figures):
                first = it.speaker if isinstance(it, Statement) else it.source
                if first:
                    self._claims.setdefault(first, []).append(it)
                for sid in set(it.via):
                    self._relays.setdefault(sid, []).append(it)
        self._groups: Optional[list[tuple[str, list[Source]]]] = None
        self._doc_labels: dict[str, str] = {}
        self._source_keys: dict[str, str] = {}
        self._memo: dict[str, Any] = {}
        self._duplicates: dict[str, list[Document]] = {}
        for d in self.documents:
            if d.duplicate_of:
                self._duplicates.setdefault(d.duplicate_of, []).append(d)

    @classmethod
    def load(cls, ledger, story: Optional[str] = None, annotations: Optional[Iterable[str]] = None) -> "LedgerView":
        """Everything a view needs, read once from a ``claimledger.store.Ledger``.

        With ``story``, only that story's documents, measures, conflicts and entities are read
        (memory bounded by the story, not the ledger) when the model records stories.  With
        ``annotations`` (e.g. :data:`VIEW_ANNOTATIONS`), documents carry only those lists.
        """
        if story is not None and "story" in _fields(Document):
            def of_story(record_cls):
                return ledger.rows(record_cls, story=story) if "story" in _fields(record_cls) else ledger.rows(record_cls)
            view = cls(documents=ledger.documents_of_story(story, annotations), measures=of_story(Measure),
                       conflicts=of_story(Conflict), entities=of_story(Entity), stories=story_record(ledger, story))
            return view if "story" in _fields(Entity) else view.story_view(story)
        stories = story_records(ledger)
        view = cls(documents=ledger.documents(annotated=True, annotations=annotations), measures=ledger.rows(Measure),
                   conflicts=ledger.rows(Conflict), entities=ledger.rows(Entity), stories=stories)
        return view.story_view(story) if story is not None else view

    # Stories --------------------------------------------------------------------------------

    def story_keys(self) -> list[str]:
        """The stories to show, in order; one implicit story when the ledger has none."""
        keys = [s.id for s in self.stories]
        seen = set(keys)
        for d in self.documents:
            k = getattr(d, "story", None)
            if k and k not in seen:
                seen.add(k)
                keys.append(k)
        if any(not getattr(d, "story", None) for d in self.documents) or not keys:
            keys.append(IMPLICIT_STORY)
        return keys

    def story_label(self, key: str) -> str:
        for s in self.stories:
            if s.id == key:
                return getattr(s, "label", None) or getattr(s, "title", None) or getattr(s, "name", None) or key
        return key or "All articles"

    def story_view(self, key: str) -> "LedgerView":
        """The part of the ledger that belongs to story ``key`` (``""``: documents in no story)."""
        def mine(record) -> bool:
            return (getattr(record, "story", None) or IMPLICIT_STORY) == key

        docs = [d for d in self.documents if mine(d)]
        ids = {d.id for d in docs}
        figs = {f.id for d in docs for f in d.figures} | {s.id for d in docs for s in d.statements}
        measures = [m for m in self.measures if mine(m) or (not getattr(m, "story", None) and set(m.figures) & figs)]
        conflicts = [c for c in self.conflicts if mine(c) or (not getattr(c, "story", None) and set(c.items) & figs)]
        entities = [e for e in self.entities if set(e.documents) & ids]
        return LedgerView(docs, measures, conflicts, entities, [s for s in self.stories if s.id == key])

    # Items ----------------------------------------------------------------------------------

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
        """The ONE order of a measure's figures: by date (undated last), then by how long ago the
        text says ("last year" before "so far"), then by id."""
        from claimledger.link.timeline import months_ago

        def key(f: Figure):
            ago = months_ago(f.as_of_text)
            day = self.day_of(f)
            return (day is None, day or date.max, -(ago if ago is not None else 0.0), f.id)

        return sorted(self.figures_of(measure), key=key)

    def day_of(self, figure: Figure) -> Optional[date]:
        """When the estimate holds: its resolved ``as_of``, else its article's publication date."""
        day = parse_day(figure.as_of)
        if day is None:
            doc = self.doc_by_id.get(figure.doc)
            day = parse_day(doc.published) if doc else None
        return day

    def date_inferred(self, figure: Figure) -> bool:
        """True when the figure's date comes from a publication date guessed from the text."""
        if parse_day(figure.as_of):
            return False
        doc = self.doc_by_id.get(figure.doc)
        return bool(doc and doc.published and doc.published_how == "inferred")

    def when_text(self, figure: Figure) -> str:
        """``2024-11-03``, ``2024-11-01 … 2024-12-15 (inferred)``, ``undated``; plus the as-of wording."""
        value = figure.as_of if parse_day(figure.as_of) else None
        doc = self.doc_by_id.get(figure.doc)
        text = date_text(value) if value else (published_text(doc) if doc else "")
        text = text or "undated"
        if figure.as_of_text:
            text += f" ({figure.as_of_text})"
        return text

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

    def amount_in_unit(self, figure: Figure, measure: Optional[Measure]) -> str:
        """The amount with its unit, and the converted value when the measure uses another unit."""
        text = amount_text(figure)
        unit = unit_label(figure.unit)
        if unit and figure.kind == "figure" and not figure.vague:
            text += ("" if unit == "%" else " ") + unit
        target = measure.unit if measure is not None else None
        if figure.unit and target and figure.unit != target:
            converted = convert(figure.value, figure.unit, target)
            if converted is not None:
                text += f" (≈ {fmt_number(converted)} {unit_label(target)})"
        return text

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
            outlet = self.doc_label(item.doc) if doc else ""
            return f"{outlet} (unattributed)" if outlet else "unattributed"
        return ", via ".join(names)

    def origin(self, item: Item) -> str:
        """The name that colours a chart mark: the original speaker's name."""
        chain = self.chain(item)
        if not chain:
            doc = self.doc_by_id.get(item.doc)
            return self.doc_label(item.doc) if doc else "unattributed"
        return self.source_label(chain[0])

    def is_own_voice(self, source: Source) -> bool:
        """The article speaking for itself (its publisher, not a named outlet it cites)."""
        return source.kind == "outlet" and (source.role == "publisher" or source.name.startswith("("))

    def source_label(self, source: Source) -> str:
        """A source's display name: its entity's when linked, the article's label for its own voice."""
        entity = self.entity_by_id.get(source.entity or "")
        if entity:
            return entity.name
        if self.is_own_voice(source):
            return self.doc_label(source.doc)
        return source.name

    def source_kind(self, source: Source) -> str:
        """A source's kind as every view shows it: where the speaker finder's guess contradicts the
        linked entity's type, voted over all articles, the entity wins ("Ana Ruiz" guessed an
        organisation in one article is the person the others name)."""
        entity = self.entity_by_id.get(source.entity or "")
        if entity is not None:
            if entity.type == "person" and source.kind in {"organisation", "unknown"}:
                return "person"
            if entity.type == "organisation" and source.kind in {"person", "unknown"}:
                return "organisation"
        return source.kind

    def source_label_by_id(self, ident: Optional[str], default: str = "") -> str:
        source = self.source_by_id.get(ident or "")
        return self.source_label(source) if source is not None else default

    def source_key(self, source: Source) -> str:
        """Groups one speaker across documents: its entity when linked, else its display name
        (computed once per source: every link to its card asks)."""
        key = self._source_keys.get(source.id)
        if key is None:
            if source.entity and source.entity in self.entity_by_id:
                key = source.entity
            else:
                key = "name:" + self.source_label(source).casefold()
            self._source_keys[source.id] = key
        return key

    def source_groups(self) -> list[tuple[str, list[Source]]]:
        """Sources grouped across documents, most claims first (the ONE list every view shows)."""
        if self._groups is None:
            groups: dict[str, list[Source]] = {}
            for doc in self.documents:
                for s in doc.sources:
                    groups.setdefault(self.source_key(s), []).append(s)
            self._groups = sorted(groups.items(),
                                  key=lambda kv: (-len(self.claims_of(kv[1])), self.source_label(kv[1][0]).casefold()))
        return self._groups

    def claims_of(self, sources: Iterable[Source]) -> list[Item]:
        """Statements and figures whose chain starts with one of ``sources``."""
        out: list[Item] = []
        for s in sources:
            out.extend(self._claims.get(s.id, ()))
        return out

    def relayed_by(self, sources: Iterable[Source]) -> list[Item]:
        out: dict[str, Item] = {}
        for s in sources:
            out.update((i.id, i) for i in self._relays.get(s.id, ()))
        return list(out.values())

    # Ordering ---------------------------------------------------------------------------------

    def headline_measures(self) -> list[Measure]:
        if "measures" not in self._memo:
            self._memo["measures"] = sorted(self.measures, key=lambda m: (VERDICT_ORDER.get(m.verdict, 9), -m.articles,
                                                                           -len(m.figures), m.label))
        return self._memo["measures"]

    def headline_conflicts(self) -> list[Conflict]:
        def weight(c: Conflict) -> tuple:
            m = self.measure_by_id.get(c.measure or "")
            return (-(m.articles if m else 0), -len(c.items), c.id)

        if "conflicts" not in self._memo:
            self._memo["conflicts"] = sorted(self.conflicts, key=weight)
        return self._memo["conflicts"]

    def warm(self) -> "LedgerView":
        """Compute the orderings, groupings and counts every page needs, once (a server calls
        this at start-up so that no request pays for them)."""
        self.counts()
        self.headline_measures()
        self.headline_conflicts()
        for d in self.documents:
            self.doc_label(d.id)
        return self

    def conflict_title(self, c: Conflict) -> str:
        """A conflict's heading: its measure's label, never one figure's number."""
        m = self.measure_by_id.get(c.measure or "")
        return m.label if m else f"{c.kind.capitalize()} in conflict"

    def doc_label(self, doc_id: str) -> str:
        """How to name an article in a line (the model's rule, ``Document.label``), computed once."""
        label = self._doc_labels.get(doc_id)
        if label is None:
            doc = self.doc_by_id.get(doc_id)
            label = self._doc_labels[doc_id] = doc.label if doc is not None else doc_id
        return label

    def doc_title(self, doc: Document) -> str:
        return doc.title or re.split(r"[\\/]", doc.name.rstrip("/\\"))[-1] or doc.id

    def duplicates_of(self, doc: Document) -> list[Document]:
        return self._duplicates.get(doc.id, [])

    def counts(self) -> dict[str, int]:
        """The counts every view prints; ``statements`` = ``quotes`` + ``claims``."""
        if "counts" not in self._memo:
            self._memo["counts"] = self._count()
        return dict(self._memo["counts"])

    def _count(self) -> dict[str, int]:
        quotes = sum(1 for d in self.documents for s in d.statements if s.direct)
        statements = sum(len(d.statements) for d in self.documents)
        return {
            "documents": len(self.documents),
            "near-duplicates": sum(1 for d in self.documents if d.duplicate_of),
            "sources": len(self.source_groups()),
            "figures": sum(1 for d in self.documents for f in d.figures if f.kind == "figure"),
            "statements": statements,
            "quotes": quotes,
            "claims": statements - quotes,
            "entities": len(self.entities),
            "measures": len(self.measures),
            "conflicts": len(self.conflicts),
        }

    # Rows: the same records as plain dicts, for tables, --json, CSV and JSON endpoints -----------

    def document_row(self, d: Document) -> dict[str, Any]:
        return {"id": d.id, "published": published_text(d), "outlet": self.doc_label(d.id), "words": d.words,
                "figures": sum(1 for f in d.figures if f.kind == "figure"), "statements": len(d.statements),
                "duplicate_of": d.duplicate_of or "", "title": self.doc_title(d),
                "story": getattr(d, "story", None) or ""}

    def document_rows(self) -> list[dict[str, Any]]:
        return [self.document_row(d) for d in self.documents]

    def figure_row(self, f: Figure, measure: Optional[Measure] = None) -> dict[str, Any]:
        measure = measure or self.measure_of_figure.get(f.id)
        day = self.day_of(f)
        return {
            "id": f.id, "document": f.doc, "outlet": self.doc_label(f.doc), "amount": amount_text(f),
            "value": f.value, "low": f.low, "high": f.high, "bounds": fmt_bounds(f.low, f.high, f.kind),
            "qualifier": qualifier_label(f), "unit": unit_label(f.unit), "counted": f.counted or "",
            "event": f.event or "", "kind": f.kind, "measure": measure.id if measure else "",
            "date": day.isoformat() if day else "", "when": self.when_text(f),
            "date_inferred": self.date_inferred(f),
            "source": self.source_label_by_id(f.source, "") or self.chain_text(f),
            "chain": self.chain_text(f), "text": f.text, "sentence": " ".join(self.sentence(f).split()),
        }

    def figure_rows(self, doc: Optional[str] = None, counted: Optional[str] = None, event: Optional[str] = None,
                    kinds_all: bool = False) -> list[dict[str, Any]]:
        rows = []
        for d in self.documents:
            if doc and not d.id.startswith(doc):
                continue
            for f in d.figures:
                if not kinds_all and f.kind != "figure":
                    continue
                if counted and counted.lower() not in (f.counted or "").lower():
                    continue
                if event and event.lower() != (f.event or "").lower():
                    continue
                rows.append(self.figure_row(f))
        return rows

    def statement_rows(self, speaker: Optional[str] = None) -> list[dict[str, Any]]:
        rows = []
        for d in self.documents:
            for q in d.statements:
                name = self.source_label_by_id(q.speaker, q.source_text or "?")
                if speaker and speaker.lower() not in name.lower():
                    continue
                relays = [self.source_label(s) for s in self.chain(q)[1:]]
                rows.append({"id": q.id, "document": q.doc, "outlet": self.doc_label(q.doc),
                             "type": "quote" if q.direct else "claim",
                             "speaker": name + ("" if q.resolved else " (?)"), "cue": q.cue or "",
                             "via": ", via ".join(relays), "chain": self.chain_text(q),
                             "text": " ".join(q.text.split())})
        return rows

    def source_row(self, key: str, members: list[Source]) -> dict[str, Any]:
        first = members[0]
        claims = self.claims_of(members)
        return {
            "key": key, "source": self.source_label(first), "kind": self.source_kind(first),
            "title": next((m.title for m in members if m.title), "") or "",
            "role": next((m.role or m.affiliation for m in members if m.role or m.affiliation), "") or "",
            "documents": len({m.doc for m in members}),
            "statements": sum(1 for c in claims if isinstance(c, Statement)),
            "figures": sum(1 for c in claims if isinstance(c, Figure) and c.kind == "figure"),
            "relayed": len(self.relayed_by(members)),
            "named_as": "; ".join(dict.fromkeys(m.name for m in members)),
        }

    def source_rows(self) -> list[dict[str, Any]]:
        return [self.source_row(key, members) for key, members in self.source_groups()]

    def entity_rows(self) -> list[dict[str, Any]]:
        return [{"id": e.id, "entity": e.name, "type": e.type, "mentions": e.mentions,
                 "documents": len(e.documents), "variants": "; ".join(v for v in e.variants if v != e.name)}
                for e in self.entities]

    def measure_row(self, m: Measure) -> dict[str, Any]:
        return {"id": m.id, "measure": m.label, "unit": unit_label(m.unit), "figures": len(m.figures),
                "articles": m.articles, "origins": len(m.origins), "range": fmt_bounds(m.low, m.high),
                "verdict": m.verdict.replace("_", " "), "explanation": m.explanation,
                **{k: getattr(m, k) for k in ("scope", "parent", "time_ref", "latest", "latest_date")
                   if getattr(m, k, None) not in (None, "")},
                "story": getattr(m, "story", None) or ""}

    def measure_rows(self) -> list[dict[str, Any]]:
        return [self.measure_row(m) for m in self.headline_measures()]

    def estimate_rows(self, measure: Measure) -> list[dict[str, Any]]:
        """One measure's figures in the ONE timeline order."""
        return [self.figure_row(f, measure) for f in self.measure_figures(measure)]

    def conflict_row(self, c: Conflict) -> dict[str, Any]:
        items = []
        for ident in c.items:
            it = self.item(ident)
            if it is None:
                continue
            items.append({"id": it.id, "what": amount_text(it) if isinstance(it, Figure)
                          else ("quote" if it.direct else "claim"),
                          "chain": self.chain_text(it), "outlet": self.doc_label(it.doc),
                          "sentence": " ".join(self.sentence(it).split())})
        return {"id": c.id, "kind": c.kind, "title": self.conflict_title(c), "measure": c.measure or "",
                "explanation": c.explanation, "items": items}

    def conflict_rows(self) -> list[dict[str, Any]]:
        return [self.conflict_row(c) for c in self.headline_conflicts()]
