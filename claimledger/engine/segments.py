"""Cut long texts into bounded segments and merge the per-segment annotations back.

spaCy's memory grows with the length of what it parses (a 5 MB single line reached 5 GB), so a
document longer than ``limit`` characters is parsed piece by piece.  Cuts fall, in order of
preference, at a blank line, a line break, a sentence end, or whitespace, in the last half of
the window; only a run of ``limit`` characters without any whitespace is cut hard.  Every
segment ends where the next begins, so the segments tile the text exactly, and offsets found in
a segment are shifted back into ``Document.text``.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Iterator

from claimledger.model import Document, Figure, Mention, Span, Statement

DEFAULT_LIMIT = 100_000
"""Characters per segment: a few seconds of parsing and tens of MB of spaCy state."""

SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
WHITESPACE = re.compile(r"\s+")

OFFSET_FIELDS = ("start", "end", "sentence_start", "sentence_end", "cue_start", "cue_end",
                 "source_start", "source_end")
"""Fields of the annotation records that hold character offsets into the text."""


def cut_points(text: str, limit: int = DEFAULT_LIMIT) -> list[tuple[int, int]]:
    """``[(start, end), ...]`` tiling ``text`` with pieces of at most ``limit`` characters."""
    if len(text) <= limit:
        return [(0, len(text))]
    spans, start = [], 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _cut(text: str, start: int, stop: int) -> int:
    """Where to end the segment that begins at ``start`` and must end by ``stop``."""
    floor = start + (stop - start) // 2
    for sep in ("\n\n", "\n"):
        at = text.rfind(sep, floor, stop)
        if at >= 0:
            return at + len(sep)
    for pattern in (SENTENCE_END, WHITESPACE):
        last = None
        for last in pattern.finditer(text, floor, stop):
            pass
        if last is not None and last.end() > start:
            return last.end()
    return stop


def segment_document(doc: Document, start: int, end: int) -> Document:
    """A copy of ``doc`` holding only ``text[start:end]``, without annotations.

    Only the first segment keeps the title, so headline rules see one headline.
    """
    fields = {name: [] for name in Document.ANNOTATIONS}
    seg = dataclasses.replace(doc, text=doc.text[start:end], **fields)
    if start:
        seg.title = None
    return seg


def merge_segment(doc: Document, seg: Document, offset: int) -> None:
    """Append ``seg``'s annotations to ``doc``: offsets shifted by ``offset``, ids renumbered.

    Sources with the same name, kind and role (the outlet, the author, a person quoted in two
    segments) become one source; references between records follow their new ids.
    """
    ids: dict[str, str] = {}
    by_key = {(s.name, s.kind, s.role): s for s in doc.sources}
    used = [int(s.id.rsplit(":s", 1)[1]) for s in doc.sources if s.id.rsplit(":s", 1)[-1].isdigit()]
    next_source = max(used, default=0) + 1
    for src in seg.sources:
        same = by_key.get((src.name, src.kind, src.role))
        if same is not None:
            ids[src.id] = same.id
            same.variants.extend(v for v in src.variants if v not in same.variants)
            same.title = same.title or src.title
            same.affiliation = same.affiliation or src.affiliation
            continue
        new = dataclasses.replace(src, id=doc.new_id("s", next_source), variants=list(src.variants))
        next_source += 1
        ids[src.id] = new.id
        by_key[(new.name, new.kind, new.role)] = new
        doc.sources.append(new)
    for records, letter in ((seg.figures, "f"), (seg.statements, "q"), (seg.mentions, "m")):
        base = len(getattr(doc, _list_of(letter)))
        for n, rec in enumerate(records, start=base + 1):
            ids[rec.id] = doc.new_id(letter, n)

    def ref(value):
        return ids.get(value, value) if isinstance(value, str) else value

    for span in seg.sentences:
        doc.sentences.append(Span(doc=doc.id, start=span.start + offset, end=span.end + offset))
    for fig in seg.figures:
        doc.figures.append(_shift(fig, offset, id=ids[fig.id], statement=ref(fig.statement), source=ref(fig.source),
                                  via=[ref(v) for v in fig.via], relative_to=ref(fig.relative_to)))
    for st in seg.statements:
        doc.statements.append(_shift(st, offset, id=ids[st.id], speaker=ref(st.speaker), via=[ref(v) for v in st.via],
                                     parts=[[a + offset, b + offset] for a, b in st.parts]))
    for m in seg.mentions:
        doc.mentions.append(_shift(m, offset, id=ids[m.id]))


def _list_of(letter: str) -> str:
    return {"f": "figures", "q": "statements", "m": "mentions"}[letter]


def _shift(record: Figure | Statement | Mention, offset: int, **changes):
    for name in OFFSET_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, int) and not isinstance(value, bool) and name not in changes:
            changes[name] = value + offset
    return dataclasses.replace(record, **changes)


def segments(doc: Document, limit: int = DEFAULT_LIMIT) -> Iterator[tuple[int, Document]]:
    """``(offset, segment document)`` for each bounded piece of ``doc``."""
    for start, end in cut_points(doc.text, limit):
        yield start, segment_document(doc, start, end)


__all__ = ["DEFAULT_LIMIT", "cut_points", "merge_segment", "segment_document", "segments"]
