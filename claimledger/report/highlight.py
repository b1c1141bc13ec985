"""A document's text as escaped HTML with its figures, statements and source mentions marked.

Annotations may nest (a figure inside a quote) or cross (a quote ending inside a name); the
renderer keeps a stack of open tags and closes/reopens only what a boundary forces, so the
markup is always well formed and the text between tags is always escaped.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from html import escape
from typing import Optional

from markupsafe import Markup
from markupsafe import escape as markup_escape

from claimledger.model import Document
from claimledger.report.story import Story, anchor


@dataclass
class Mark:
    """One highlighted stretch: the tag it becomes and where it sits."""

    start: int
    end: int
    css: str
    ident: str = ""                 # HTML id, written on the first piece only
    href: Optional[str] = None      # makes it a link (unless inside another link)
    title: str = ""
    rank: int = 0                   # outer (lower) first when two marks share a span
    after: list[tuple[str, str]] = field(default_factory=list)  # (href, label) links after the end
    tag: str = "span"               # set while rendering: the element the open piece used


def document_marks(story: Story, doc: Document, linker) -> list[Mark]:
    from claimledger.report.charts import figure_caption

    marks: list[Mark] = []
    for st in doc.statements:
        pieces = st.parts or [[st.start, st.end]]
        css = "quote" if st.direct else "claim"
        title = f"{'Quote' if st.direct else 'Claim'} · {story.chain_text(st)}"
        for n, (a, b) in enumerate(pieces):
            marks.append(Mark(a, b, css, anchor("q", st.id) if n == 0 else "", None, title, rank=0,
                              after=_conflict_links(story, st.id, linker) if n == len(pieces) - 1 else []))
        if st.source_start is not None and st.source_end is not None and st.speaker in story.source_by_id:
            src = story.source_by_id[st.speaker]
            marks.append(Mark(st.source_start, st.source_end, "src", "", linker.source(src),
                              f"{story.source_label(src)} ({story.source_kind(src)})", rank=1))
    for fig in doc.figures:
        measure = story.measure_of_figure.get(fig.id)
        marks.append(Mark(fig.start, fig.end, f"fig kind-{fig.kind}", anchor("fig", fig.id),
                          linker.measure(measure.id) if measure else None,
                          figure_caption(story, fig) + (f"\nMeasure: {measure.label}" if measure else ""),
                          rank=2, after=_conflict_links(story, fig.id, linker)))
    return [m for m in marks if 0 <= m.start < m.end <= len(doc.text)]


def _conflict_links(story: Story, item_id: str, linker) -> list[tuple[str, str]]:
    return [(linker.conflict(c.id), "⚑") for c in story.conflicts_of_item.get(item_id, [])]


def highlight(text: str, marks: list[Mark]) -> Markup:
    """Escaped ``text`` with ``marks`` wrapped in spans/links, well nested."""
    marks = sorted(marks, key=lambda m: (m.start, -m.end, m.rank))
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    opened_once: set[int] = set()
    stack: list[int] = []          # indexes into marks, outermost first
    pending: list[str] = []        # backlinks waiting until no link is open (links never nest)
    out: list[str] = []

    def close_down_to(depth: int, at: int) -> None:
        while len(stack) > depth:
            i = stack.pop()
            out.append(_close(marks[i]))
            if marks[i].end <= at:
                pending.extend(_backlinks(marks[i]))
            if pending and not any(marks[j].tag == "a" for j in stack):
                out.extend(pending)
                pending.clear()

    starting: dict[int, list[int]] = {}
    for i, m in enumerate(marks):
        starting.setdefault(m.start, []).append(i)
    active: list[int] = []         # marks covering the current stretch, in mark order (a sweep, not a rescan)
    for a, b in zip(bounds, bounds[1:]):
        for i in starting.get(a, ()):
            bisect.insort(active, i)
        active = [i for i in active if marks[i].end > a]
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] == active[keep]:
            keep += 1
        close_down_to(keep, a)
        for i in active[keep:]:
            in_link = any(marks[j].tag == "a" for j in stack)
            out.append(_open(marks[i], first=i not in opened_once, link=bool(marks[i].href) and not in_link))
            opened_once.add(i)
            stack.append(i)
        out.append(escape(text[a:b]))
    close_down_to(0, len(text))
    out.extend(pending)
    return Markup("".join(out))


def _backlinks(mark: Mark) -> list[str]:
    return [f'<a class="backlink" href="{escape(h)}" title="see the conflict">{escape(lbl)}</a>' for h, lbl in mark.after]


def _open(mark: Mark, first: bool, link: bool) -> str:
    attrs = [f'class="{escape(mark.css)}"']
    if first and mark.ident:
        attrs.append(f'id="{escape(mark.ident)}"')
    elif mark.ident:
        attrs.append(f'data-part-of="{escape(mark.ident)}"')
    if mark.title:
        attrs.append(f'title="{escape(mark.title)}"')
    tag = "a" if link else "span"
    if link:
        attrs.append(f'href="{escape(mark.href)}"')
    mark.tag = tag  # remembered so the close tag matches this piece
    return f"<{tag} {' '.join(attrs)}>"


def _close(mark: Mark) -> str:
    return f"</{mark.tag}>"


def sentence_with_mark(story: Story, item) -> Markup:
    """The item's sentence, escaped, with the item itself wrapped in ``<mark>``."""
    doc = story.doc_by_id.get(item.doc)
    if doc is None:
        return Markup(f"<mark>{markup_escape(item.text)}</mark>")
    s0, s1 = item.sentence_start, item.sentence_end
    if s1 <= s0:
        s0, s1 = item.start, item.end
    a, b = max(s0, item.start), min(s1, item.end)
    if a >= b:
        return Markup(escape(doc.text[s0:s1]))
    # markupsafe's escaping (as Jinja's), not html.escape's: the same entities as the rest of the page
    return Markup(f"{markup_escape(doc.text[s0:a])}<mark>{markup_escape(doc.text[a:b])}</mark>"
                  f"{markup_escape(doc.text[b:s1])}")
