"""The one data model of claimledger.

Every stage, the store, the JSON/CSV export and the views use these classes; nothing keeps a
parallel dict of the same facts.  All character offsets (``start``/``end``) point into
``Document.text``, the exact string stored for the document.

Identifiers are strings and deterministic: a document's id is derived from its content hash,
and every annotation id is ``"<doc id>:<letter><n>"`` (``f`` figure, ``q`` statement, ``s``
source, ``m`` mention), so the same article analysed twice, on any machine, gets the same ids.

Citation chains are stored as lists **innermost first**: ``chain[0]`` is the original speaker,
the last element is the outermost reporter (usually the article's outlet).  ``Statement.via``
and ``Figure.via`` are the chain without its first element (who passed the claim on).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar, Optional

# Vocabularies -----------------------------------------------------------------------------

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")
"""``exact`` 11,000 · ``approx`` about / around / some / roughly / an estimated ·
``at_least`` at least / more than / over / upwards of · ``at_most`` up to / as many as /
as high as / no more than / fewer than / nearly / almost (the true value is not above it) ·
``range`` between 500 and 800, 5-10,000."""

FIGURE_KINDS = ("figure", "age", "duration", "year", "date", "time", "ordinal", "other")
"""Only ``figure`` rows are estimates that enter measures; the rest are kept so the ledger
can show them on demand (``--all-kinds``)."""

SOURCE_KINDS = (
    "person", "government", "military", "intelligence", "outlet", "wire_agency",
    "report", "anonymous", "organisation", "unknown",
)

VERDICTS = ("agree", "far_apart", "conflict", "evolving", "single_origin")
"""Per measure: ``agree`` two or more independent origins whose figures are compatible and close;
``far_apart`` compatible as stated but far apart ("at least 100", "around 300", "as many as
1,000": nothing rules any out, yet they do not say the same thing); ``conflict`` figures that
cannot all be true at about the same time; ``evolving`` later reports revise the count;
``single_origin`` one origin, or nothing to compare."""

EVENTS = (
    "killed", "wounded", "killed_and_wounded", "shot", "missing", "rescued", "displaced",
    "arrested", "attended", "deployed", "captured", "reclaimed", "hospitalised", "infected",
    "destroyed", "lost", "supplied", "cut", "employed", "hired", "voted", "vaccinated", "launched",
    "sold", "earned", "raised", "spent", "scored", "surrendered", "released", "exchanged", "trained",
    "handed_over", "buried", "identified", "striking",
)
"""What happened to what a figure counts: the ONE event vocabulary (``Figure.event``,
``Measure.event``).  Each name has its words and phrases in ``claimledger/vocab/events/<name>.txt``
("the death toll stood at", "died", "lost their lives" -> ``killed``; "in critical condition" ->
``wounded``, i.e. injured; "five people were shot" -> ``shot``, hit by gunfire whether they died or
not (``extract.implicit_counts`` turns it into ``wounded`` once the article's deaths are known);
"took to the streets" -> ``attended``, a turnout; evacuated people are
``displaced``).  Changes are
``change:up`` / ``change:down``; an event outside this list never enters a figure."""

TIME_REFS = ("current", "historical", "forecast")
"""``Measure.time_ref``: the story's own event, a past event quoted for comparison ("in 1970 ...
killed at least 15,000"), or a projection ("could reach 2,000")."""


@dataclass
class Record:
    """Base of every stored row: knows its table and how to (de)serialise itself."""

    table: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Span(Record):
    """A stretch of a document's text; sentences are stored as spans."""

    table: ClassVar[str] = "sentences"
    doc: str = ""
    start: int = 0
    end: int = 0


@dataclass
class Figure(Record):
    """One reported number with what it counts, its bounds and its attribution."""

    table: ClassVar[str] = "figures"
    id: str = ""
    doc: str = ""
    start: int = 0
    end: int = 0
    text: str = ""                       # the figure as written, text[start:end]
    sentence_start: int = 0              # the evidence sentence (a window of an overlong one, see extract.sentence_index)
    sentence_end: int = 0
    kind: str = "figure"                 # one of FIGURE_KINDS
    value: Optional[float] = None        # best single value (midpoint of a range)
    low: Optional[float] = None          # honest lower bound (None = unbounded)
    high: Optional[float] = None         # honest upper bound (None = unbounded)
    qualifier: str = "exact"             # one of QUALIFIERS
    qualifier_text: Optional[str] = None  # the words that set the qualifier ("as many as")
    hedge: Optional[str] = None          # hedging word(s) in the sentence ("probably")
    negated: bool = False                # the figure is denied ("not 10,000")
    vague: bool = False                  # "thousands", "millions"
    unit: Optional[str] = None           # normalised: count, km2, km, mi, percent, USD, t, ...
    unit_text: Optional[str] = None      # unit as written
    unit_warning: Optional[str] = None   # e.g. "territory given as a length (km), probably km2"
    counted: Optional[str] = None        # what is counted, normalised noun phrase
    event: Optional[str] = None          # killed, wounded, killed_and_wounded, deployed, ...
    relative: Optional[str] = None       # share | change | multiple (None = absolute figure)
    relative_to: Optional[str] = None    # id of the figure it is relative to, when in the text
    change: Optional[str] = None         # up | down, for changes ("rose by 20%")
    as_of_text: Optional[str] = None     # "so far", "by last month", "last November"
    as_of: Optional[str] = None          # ISO date or "start/end" window, resolved by link.dates
    statement: Optional[str] = None      # id of the Statement containing the figure
    source: Optional[str] = None         # id of the Source the figure is attributed to
    via: list[str] = field(default_factory=list)  # source ids that relayed it, inner to outer
    implicit: bool = False               # a count read from words, not a number ("a man was killed")


@dataclass
class Statement(Record):
    """A direct quote or an attributed claim (indirect speech, 'according to')."""

    table: ClassVar[str] = "statements"
    id: str = ""
    doc: str = ""
    start: int = 0                       # content span (first to last part)
    end: int = 0
    text: str = ""                       # content text (parts joined with " … ")
    parts: list[list[int]] = field(default_factory=list)  # [[start, end], ...] when split
    direct: bool = False                 # inside quotation marks
    cue: Optional[str] = None            # "said", "according to", "told"
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    source_text: Optional[str] = None    # the mention as written ("he", "Mr. Putin")
    source_start: Optional[int] = None
    source_end: Optional[int] = None
    speaker: Optional[str] = None        # Source id of the original speaker
    resolved: bool = True                # False when the mention could not be resolved
    via: list[str] = field(default_factory=list)  # Source ids that relayed it, inner to outer
    hedged: bool = False                 # "reportedly", "is believed to"
    polarity: str = "positive"           # positive | negative | denial
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass
class Source(Record):
    """Who said something: a person, a body, an outlet, a document, an anonymous source."""

    table: ClassVar[str] = "sources"
    id: str = ""
    doc: str = ""
    name: str = ""                       # canonical name within the document
    kind: str = "unknown"                # one of SOURCE_KINDS
    title: Optional[str] = None          # "Lt. Gen.", "President"
    role: Optional[str] = None           # "head of Ukraine's Defense Intelligence Directorate"
    affiliation: Optional[str] = None    # country or organisation ("Ukraine", "Russia")
    variants: list[str] = field(default_factory=list)
    entity: Optional[str] = None         # cross-document Entity id (link stage)


@dataclass
class Mention(Record):
    """A named-entity mention found by the parser."""

    table: ClassVar[str] = "mentions"
    id: str = ""
    doc: str = ""
    start: int = 0
    end: int = 0
    text: str = ""
    label: str = ""                      # spaCy label: PERSON, ORG, GPE, NORP, ...
    entity: Optional[str] = None         # cross-document Entity id (link stage)


@dataclass
class Entity(Record):
    """A person, organisation or place resolved across documents."""

    table: ClassVar[str] = "entities"
    id: str = ""
    name: str = ""
    type: str = ""                       # person | organisation | place | group
    variants: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    mentions: int = 0
    story: Optional[str] = None          # entities are resolved within one story


@dataclass
class Measure(Record):
    """One real-world quantity that several figures estimate."""

    table: ClassVar[str] = "measures"
    id: str = ""
    label: str = ""
    unit: Optional[str] = None
    counted: Optional[str] = None
    event: Optional[str] = None
    figures: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)   # independent root source names
    articles: int = 0
    verdict: str = "single_origin"       # one of VERDICTS
    explanation: str = ""
    low: Optional[float] = None
    high: Optional[float] = None
    best: Optional[float] = None
    per_source: list[dict[str, Any]] = field(default_factory=list)  # source, low, best, high, date, interested
    related: list[str] = field(default_factory=list)   # ids of measures this one combines / parts of
    scope: Optional[str] = None          # None = the whole event; else the place / subgroup ("inside the stadium")
    parent: Optional[str] = None         # id of the whole-event measure a breakdown is part of
    time_ref: str = "current"            # one of TIME_REFS
    latest: Optional[float] = None       # best value of the most recent report
    latest_date: Optional[str] = None    # its date as stated (metadata or text), None when unknown
    story: Optional[str] = None          # the Story this measure belongs to


@dataclass
class Conflict(Record):
    """Two or more figures or claims that cannot all be true."""

    table: ClassVar[str] = "conflicts"
    id: str = ""
    kind: str = ""                       # figures | claims | unit
    items: list[str] = field(default_factory=list)     # figure or statement ids
    measure: Optional[str] = None
    explanation: str = ""
    story: Optional[str] = None          # the Story both sides belong to


@dataclass
class Document(Record):
    """An article: its metadata, its exact text, and (while in memory) its annotations."""

    table: ClassVar[str] = "documents"
    id: str = ""
    name: str = ""                       # file name or URL it came from
    title: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None      # ISO date (or "start/end" window when inferred)
    published_how: Optional[str] = None  # metadata | user | dateline | inferred
    published_evidence: Optional[str] = None
    dateline: Optional[str] = None       # as written in the text: "SEOUL, Jan 14 (Reuters)"
    dateline_place: Optional[str] = None  # "Seoul"
    dateline_date: Optional[str] = None  # ISO date, or "--MM-DD" when the dateline gives no year
    format: str = "text"                 # text | html | jsonl | feed | warc | url
    extractor: Optional[str] = None      # what produced the text (e.g. "trafilatura 2.3")
    text: str = ""
    content_hash: str = ""
    duplicate_of: Optional[str] = None
    words: int = 0
    not_news: Optional[str] = None       # why the text does not read like news (None: it does); see extract/news_check
    story: Optional[str] = None          # id of the Story the document belongs to (link.stories)
    # Annotations filled by the per-document stages (not columns of the documents table).
    sentences: list[Span] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    ANNOTATIONS: ClassVar[tuple[str, ...]] = ("sentences", "figures", "statements", "sources", "mentions")
    ANNOTATION_TYPES: ClassVar[dict[str, type]] = {}

    def columns(self) -> dict[str, Any]:
        """The document's own fields, without the annotation lists."""
        return {k: v for k, v in self.to_dict().items() if k not in self.ANNOTATIONS}

    @property
    def label(self) -> str:
        """How a reader names this document as a source: its outlet, else "unknown outlet (file name)".

        Never a headline, and unique per file: two articles whose outlet is unknown are two
        sources, never one made-up outlet.
        """
        if self.outlet:
            return self.outlet
        return f"unknown outlet ({self.file_name})"

    @property
    def file_name(self) -> str:
        """The last part of the file name or URL it came from (the id when it has none)."""
        base = self.name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        return base or self.id

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def new_id(self, letter: str, n: int) -> str:
        return f"{self.id}:{letter}{n}"


Document.ANNOTATION_TYPES = {
    "sentences": Span, "figures": Figure, "statements": Statement,
    "sources": Source, "mentions": Mention,
}

@dataclass
class Story(Record):
    """One real-world event or development: the unit measures, verdicts and conflicts live in.

    Documents are assigned as they arrive (:mod:`claimledger.link.stories`).  ``related`` names
    other stories an article of this one also matched (an article spanning two stories joins
    the best and links the second).  ``stale`` is set while the story's derived rows wait to be
    rebuilt (an interrupted ``add``); the next ``add`` repairs it.
    """

    table: ClassVar[str] = "stories"
    id: str = ""
    label: str = ""
    start: Optional[str] = None          # first publication date of its documents (ISO)
    end: Optional[str] = None            # last publication date
    documents: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    stale: bool = False


@dataclass
class StoryCorrection(Record):
    """A user's correction of the grouping, replayed by every regrouping (``reanalyse``).

    ``kind`` is ``merge`` (story ``source`` into ``target``), ``move`` (document ``doc`` into
    story ``target``) or ``split`` (document ``doc`` into a story of its own).
    """

    table: ClassVar[str] = "story_corrections"
    id: str = ""
    kind: str = ""
    doc: Optional[str] = None
    source: Optional[str] = None
    target: Optional[str] = None


@dataclass
class StoryTerm(Record):
    """One weighted term of a document's grouping profile (the inverted index stories match on)."""

    table: ClassVar[str] = "story_terms"
    doc: str = ""
    term: str = ""
    tf: float = 0.0


@dataclass
class TermCount(Record):
    """How many grouped documents carry a term (document frequency, kept incrementally)."""

    table: ClassVar[str] = "term_counts"
    id: str = ""                         # the term
    df: int = 0


@dataclass
class DuplicateBand(Record):
    """One LSH band of a document's MinHash signature: documents sharing a band are candidates."""

    table: ClassVar[str] = "duplicate_bands"
    doc: str = ""
    band: str = ""


@dataclass
class DuplicateSignature(Record):
    """A document's MinHash signature, kept so ``add`` never re-reads every stored text."""

    table: ClassVar[str] = "duplicate_signatures"
    id: str = ""                         # the document id
    values: list[int] = field(default_factory=list)


DERIVED_TYPES: tuple[type[Record], ...] = (Entity, Measure, Conflict)
"""Cross-document results, rewritten as a whole by the reconcile step."""
