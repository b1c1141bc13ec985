"""A Markdown summary of the ledger: overview, measures with their estimates, conflicts.

Markdown viewers render inline HTML and links, so every piece of article text is escaped:
HTML-significant characters become entities and Markdown punctuation is backslashed.
"""

from __future__ import annotations

import re

from claimledger.model import Figure
from claimledger.views import amount_text, published_text
from claimledger.report.story import Story

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^(\d+(?=[.)])|(?=[#+-]))(.)")


def md_escape(text: object) -> str:
    """Text safe to place in Markdown (also inside a table cell): no HTML, no links, one line."""
    s = str(text if text is not None else "")
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = re.sub(r"\s+", " ", s).strip()
    return _LINE_START.sub(r"\1\\\2", s)


def bounds_text(f: Figure) -> str:
    """The amount as every view shows it (:func:`claimledger.views.amount_text`)."""
    return amount_text(f)


def render_markdown(story: Story, title: str = "claimledger report") -> str:
    out: list[str] = [f"# {md_escape(title)}", ""]
    c = story.counts()
    out.append(f"**{c['documents']}** documents · **{c['sources']}** sources · **{c['figures']}** figures · "
               f"**{c['statements']}** statements (**{c['quotes']}** quotes + **{c['claims']}** claims) · "
               f"**{c['measures']}** measures · **{c['conflicts']}** conflicts")
    out.append("")
    out += ["## Documents", "", "| Outlet | Published | Title | Figures | Statements | Duplicate of |",
            "|---|---|---|---|---|---|"]
    for d in story.documents:
        out.append(f"| {md_escape(story.doc_label(d.id))} | {md_escape(published_text(d))} | {md_escape(story.doc_title(d))} "
                   f"| {len(d.figures)} | {len(d.statements)} | {md_escape(d.duplicate_of or '')} |")
    out.append("")
    if story.conflicts:
        out += ["## Headline conflicts", ""]
        for c in story.headline_conflicts():
            m = story.measure_by_id.get(c.measure or "")
            out.append(f"### {md_escape(story.conflict_title(c))}")
            out += ["", md_escape(c.explanation), ""]
            for ident in c.items:
                item = story.item(ident)
                if item is None:
                    continue
                head = bounds_text(item) if isinstance(item, Figure) else ("quote" if item.direct else "claim")
                out.append(f"- **{md_escape(head)}**, {md_escape(story.chain_text(item))}: "
                           f"“{md_escape(story.sentence(item))}”")
            out.append("")
    out += ["## Measures", ""]
    for m in story.headline_measures():
        out.append(f"### {md_escape(m.label)} ({md_escape(m.verdict.replace('_', ' '))})")
        out += ["", md_escape(m.explanation), "", "| Estimate | When | Who | Sentence |", "|---|---|---|---|"]
        for f in story.measure_figures(m):
            out.append(f"| {md_escape(story.amount_in_unit(f, m))} | {md_escape(story.when_text(f))} "
                       f"| {md_escape(story.chain_text(f))} | {md_escape(story.sentence(f))} |")
        out.append("")
    if not story.measures:
        out += ["No measures in this ledger.", ""]
    out += ["## Sources", ""]
    for _key, sources in story.source_groups():
        s = sources[0]
        extra = ", ".join(md_escape(x) for x in (s.role, s.affiliation) if x)
        n = len(story.claims_of(sources))  # statements + figures, as in every view
        out.append(f"- **{md_escape(story.source_label(s))}** ({md_escape(story.source_kind(s))}){': ' + extra if extra else ''}"
                   f" — {n} claim{'s' if n != 1 else ''}")
    out.append("")
    return "\n".join(out)
