"""The self-contained HTML report, and the HTML fragments the web app reuses.

Everything is rendered by Jinja with autoescaping on; only our own SVG and highlight markup
(built from escaped text) is marked safe.  The page carries a Content-Security-Policy that
forbids every script and every fetch, so even a bug in escaping could not run article text.
"""

from __future__ import annotations

from importlib import resources
from typing import Iterator, Optional
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup, escape

from claimledger.model import Conflict, Document, Entity, Figure, Measure, Source, Statement
from claimledger.report import charts
from claimledger.report.highlight import document_marks, highlight, sentence_with_mark
from claimledger.report.story import Story, anchor
from claimledger.views import amount_text, published_text

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


class Linker:
    """Where each kind of record lives: in-page anchors for the single-file report."""

    def measure(self, ident: str) -> str:
        return "#" + anchor("measure", ident)

    def figure(self, figure: Figure) -> str:
        return "#" + anchor("fig", figure.id)

    def statement(self, statement: Statement) -> str:
        return "#" + anchor("q", statement.id)

    def item(self, item) -> str:
        return self.figure(item) if isinstance(item, Figure) else self.statement(item)

    def source(self, source: Source) -> str:
        return "#" + anchor("source", self.source_key(source))

    def source_key(self, source: Source) -> str:
        return self.story.source_key(source) if self.story else source.id

    def conflict(self, ident: str) -> str:
        return "#" + anchor("conflict", ident)

    def sources_index(self) -> str:
        return "#sources"

    def measures_index(self) -> str:
        return "#measures"

    def documents_index(self) -> str:
        return "#documents"

    def document(self, ident: str) -> str:
        return "#" + anchor("doc", ident)

    story: Optional[Story] = None


def safe_url(url: Optional[str]) -> Optional[str]:
    """Only http(s) links survive: a ``javascript:`` or ``data:`` URL from an article is dropped."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else None


def chain_links(story: Story, linker: "Linker", item) -> Markup:
    """Who said ``item``, each source linked to its card: "A via B".  Written in Python, not as a
    template macro, because it is the report's most repeated fragment (every claim and estimate)."""
    sources = story.chain(item)
    if not sources:
        return Markup(f'<span class="unattributed">{escape(story.chain_text(item))}</span>')
    return Markup(' <span class="via">via</span> '.join(
        f'<a class="source-name" href="{escape(linker.source(s))}">{escape(story.source_label(s))}</a>' for s in sources))


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("claimledger.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["num"] = charts.format_number
    env.filters["amount"] = amount_text
    env.filters["pct_url"] = lambda s: quote(s, safe="")
    env.globals.update(
        anchor=anchor,
        safe_url=safe_url,
        sentence_with_mark=sentence_with_mark,
        chain=chain_links,
        isfigure=lambda x: isinstance(x, Figure),
        published_text=published_text,
    )
    return env


ENV = _environment()


def stylesheet() -> str:
    return resources.files("claimledger.report").joinpath("static/report.css").read_text(encoding="utf-8")


class Fragments:
    """Renders each view of a story as an HTML fragment, linking through ``linker``."""

    def __init__(self, story: Story, linker: Optional[Linker] = None):
        self.story = story
        self.linker = linker or Linker()
        self.linker.story = story
        self.macros = ENV.get_template("parts.html").make_module({})

    def chart(self, measure: Measure) -> Markup:
        return Markup(charts.measure_chart(self.story, measure, link=self.linker.figure))

    def overview(self, heading: Optional[str] = "Overview") -> Markup:
        """Counts, headline conflicts, top measures, sources and documents; ``heading`` None when
        the page's own title already names it (the web app)."""
        return Markup(self.macros.overview(self.story, self.linker, heading))

    def documents_table(self, docs: list[Document]) -> Markup:
        return Markup(self.macros.documents_table(self.story, self.linker, docs))

    def measure(self, measure: Measure) -> Markup:
        return Markup(self.macros.measure(self.story, self.linker, measure, self.chart(measure),
                                          charts.legend(self.story, measure)))

    def conflict(self, conflict: Conflict) -> Markup:
        return Markup(self.macros.conflict(self.story, self.linker, conflict))

    def source_group(self, key: str, sources: list[Source], limit: Optional[int] = None) -> Markup:
        """A source's card; ``limit`` caps the claims, relays and articles listed (a pager shows the rest)."""
        return Markup(self.macros.source_group(self.story, self.linker, key, sources, limit))

    def document(self, doc: Document) -> Markup:
        body = highlight(doc.text, document_marks(self.story, doc, self.linker))
        return Markup(self.macros.document(self.story, self.linker, doc, body))


SECTIONS = ("overview", "measures", "conflicts", "sources", "documents")


def render_sections(story: Story, parts: Fragments, sections: tuple[str, ...], source_limit: Optional[int]) -> Markup:
    """The story's own sections (overview, measures, conflicts, sources) as one fragment."""
    return Markup(ENV.get_template("sections.html").render(story=story, parts=parts, sections=sections,
                                                          source_limit=source_limit))


def render_story(story: Story, title: Optional[str] = None) -> str:
    """The whole report as one HTML string."""
    parts = Fragments(story)
    return ENV.get_template("report.html").render(
        story=story, parts=parts, css=Markup(stylesheet()), csp=CSP, title=title or "claimledger report",
        sections=SECTIONS, story_href="", docs=story.documents, pages=[], index_href=None, docs_label="",
        main=render_sections(story, parts, SECTIONS, None),
    )


class PagedLinker(Linker):
    """Links between the pages of a paged report: a story page and its document pages."""

    def __init__(self, story_file: str, doc_page: dict[str, str]):
        self.story_file = story_file
        self.doc_page = doc_page

    def _on_story(self, fragment: str) -> str:
        return self.story_file + fragment

    def measure(self, ident: str) -> str:
        return self._on_story(super().measure(ident))

    def figure(self, figure: Figure) -> str:
        return self.doc_page.get(figure.doc, "") + super().figure(figure)

    def statement(self, statement: Statement) -> str:
        return self.doc_page.get(statement.doc, "") + super().statement(statement)

    def source(self, source: Source) -> str:
        return self._on_story(super().source(source))

    def conflict(self, ident: str) -> str:
        return self._on_story(super().conflict(ident))

    def sources_index(self) -> str:
        return self._on_story("#sources")

    def measures_index(self) -> str:
        return self._on_story("#measures")

    def documents_index(self) -> str:
        return self._on_story("#document-pages")

    def document(self, ident: str) -> str:
        return self.doc_page.get(ident, "") + super().document(ident)


SOURCE_LIMIT = 50
"""Claims listed per source on a paged report's story page."""


def render_paged_story(story: Story, title: str, label: str, stem: str, index_href: str,
                       page_documents: int) -> Iterator[tuple[str, str]]:
    """``(file name, html)`` one page at a time (memory holds one page, not the story's set): the
    story's page (overview, measures, conflicts, sources) and its documents in pages of
    ``page_documents``, all linking to each other by relative URL."""
    story_file = f"{stem}.html"
    chunks = [story.documents[i:i + page_documents] for i in range(0, len(story.documents), page_documents)] or [[]]
    names = [f"{stem}-documents-{n}.html" for n in range(1, len(chunks) + 1)]
    doc_page = {d.id: name for name, chunk in zip(names, chunks) for d in chunk}
    pages = [(name, f"documents {n * page_documents + 1}–{n * page_documents + len(chunk)}")
             for n, (name, chunk) in enumerate(zip(names, chunks))]
    common = dict(story=story, css=Markup(stylesheet()), csp=CSP, title=f"{title}: {label}",
                  index_href=index_href.replace("../", "../", 1))
    # The story's sections are the same on every page but for which links stay on the page, so
    # they are rendered once, every link naming its file, and each page drops its own name.
    shared = render_sections(story, Fragments(story, PagedLinker(story_file, doc_page)), SECTIONS[:4], SOURCE_LIMIT)
    template = ENV.get_template("report.html")
    yield story_file, template.render(parts=None, sections=SECTIONS[:4], story_href="", docs=[], pages=pages,
                                      docs_label="", main=_on_page(shared, story_file), **common)
    for name, chunk, (_, span) in zip(names, chunks, pages):
        linker = PagedLinker(story_file, {d: (p if p != name else "") for d, p in doc_page.items()})
        yield name, template.render(parts=Fragments(story, linker), sections=SECTIONS[:4], story_href=story_file,
                                    docs=chunk, pages=pages, docs_label=span, main=_on_page(shared, name), **common)


def _on_page(fragment: Markup, page: str) -> Markup:
    """``fragment`` as seen from ``page``: its links into ``page`` become in-page anchors.  Only
    :class:`PagedLinker` writes ``href="<page>#`` (article text is escaped; URLs must be http(s))."""
    return Markup(str(fragment).replace(f'href="{page}#', 'href="#'))


def render_index(entries: list[dict], title: str) -> str:
    """The paged report's front page: one entry per story with its counts."""
    return ENV.get_template("index.html").render(entries=entries, title=title, css=Markup(stylesheet()), csp=CSP)


def render_html(docs: list[Document], measures: list[Measure] = (), conflicts: list[Conflict] = (),
                entities: list[Entity] = (), title: Optional[str] = None) -> str:
    """One self-contained HTML report from model objects (documents must carry annotations)."""
    return render_story(Story(list(docs), list(measures), list(conflicts), list(entities)), title)
