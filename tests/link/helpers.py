"""Hand-built documents for the cross-document tests (no parser needed)."""

from __future__ import annotations

from claimledger.model import Document, Figure, Mention, Source, Statement


def doc_with(doc_id: str, text: str, *, published: str | None = None, outlet: str | None = None,
             duplicate_of: str | None = None) -> Document:
    return Document(id=doc_id, name=f"{doc_id}.txt", text=text, published=published, outlet=outlet or doc_id,
                    published_how="metadata" if published else None, duplicate_of=duplicate_of)


def add_figure(doc: Document, snippet: str, value: float, *, counted: str | None = None, event: str | None = None,
               qualifier: str = "exact", unit: str = "count", low: float | None = None, high: float | None = None,
               source: str | None = None, relative: str | None = None, relative_to: str | None = None,
               as_of_text: str | None = None, occurrence: int = 0, kind: str = "figure") -> Figure:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(snippet, start + 1)
    sent_start = max(doc.text.rfind(". ", 0, start) + 2, doc.text.rfind("\n", 0, start) + 1, 0)
    if sent_start == 1:
        sent_start = 0
    ends = [i for i in (doc.text.find(". ", start), doc.text.find("\n", start)) if i >= 0]
    sent_end = min(ends) + 1 if ends else len(doc.text)
    if low is None and qualifier in ("exact", "at_least"):
        low = value
    if high is None and qualifier in ("exact", "at_most"):
        high = value
    fig = Figure(id=doc.new_id("f", len(doc.figures) + 1), doc=doc.id, start=start, end=start + len(snippet),
                 text=snippet, sentence_start=sent_start, sentence_end=sent_end, kind=kind, value=value,
                 low=low, high=high, qualifier=qualifier, unit=unit, counted=counted, event=event,
                 relative=relative, relative_to=relative_to, as_of_text=as_of_text, source=source)
    doc.figures.append(fig)
    return fig


def add_source(doc: Document, name: str, kind: str = "person", affiliation: str | None = None,
               role: str | None = None) -> Source:
    src = Source(id=doc.new_id("s", len(doc.sources) + 1), doc=doc.id, name=name, kind=kind,
                 affiliation=affiliation, role=role)
    doc.sources.append(src)
    return src


def add_mention(doc: Document, text: str, label: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    m = Mention(id=doc.new_id("m", len(doc.mentions) + 1), doc=doc.id, start=start, end=start + len(text),
                text=text, label=label)
    doc.mentions.append(m)
    return m


def add_statement(doc: Document, snippet: str, speaker: Source | None = None, polarity: str = "positive",
                  hedged: bool = False) -> Statement:
    start = doc.text.index(snippet)
    q = Statement(id=doc.new_id("q", len(doc.statements) + 1), doc=doc.id, start=start, end=start + len(snippet),
                  text=snippet, speaker=speaker.id if speaker else None, polarity=polarity, hedged=hedged,
                  sentence_start=start, sentence_end=start + len(snippet))
    doc.statements.append(q)
    return q
