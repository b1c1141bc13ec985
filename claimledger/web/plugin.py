"""Datasette plugin hooks: the ledger's own pages on top of Datasette's table browsing.

Datasette already gives tables, facets, SQL, JSON/CSV export and an API over the SQLite file;
these hooks add the journalist's views (story, measure with chart, conflicts, sources,
documents with highlights, statement search), each also as complete JSON (``.json``).
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any
from urllib.parse import quote, unquote

from datasette import Response, hookimpl

from claimledger.model import Figure, Measure, Source, Statement
from claimledger.report.html import Fragments, Linker, stylesheet
from claimledger.report.story import Story, anchor

PREFIX = "/-/ledger"
PLUGIN = "claimledger"


class WebLinker(Linker):
    """Links between the app's pages (the report's in-page anchors become URLs)."""

    def measure(self, ident: str) -> str:
        return f"{PREFIX}/measures/{quote(ident, safe=':')}"

    def figure(self, figure: Figure) -> str:
        return f"{self.document(figure.doc)}#{anchor('fig', figure.id)}"

    def statement(self, statement: Statement) -> str:
        return f"{self.document(statement.doc)}#{anchor('q', statement.id)}"

    def source(self, source: Source) -> str:
        return f"{PREFIX}/sources/{quote(source.id, safe=':')}"

    def conflict(self, ident: str) -> str:
        return f"{PREFIX}/conflicts#{anchor('conflict', ident)}"

    def sources_index(self) -> str:
        return f"{PREFIX}/sources"

    def document(self, ident: str) -> str:
        return f"{PREFIX}/documents/{quote(ident, safe=':')}"


# Loading -------------------------------------------------------------------------------------

_CACHE: dict[tuple[str, float], Story] = {}


def ledger_path(datasette) -> str:
    """The SQLite file holding the ledger: from plugin config, else the first database with figures."""
    config = datasette.plugin_config(PLUGIN) or {}
    name = config.get("database")
    if name:
        return datasette.get_database(name).path
    for db in datasette.databases.values():
        if db.path and _has_table(db.path, "figures"):
            return db.path
    raise LookupError("no claimledger ledger among the attached databases")


def _has_table(path: str, table: str) -> bool:
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{os.path.abspath(path)}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone() is not None
        finally:
            conn.close()
    except Exception:
        return False


def load_story(path: str) -> Story:
    """The whole ledger in memory, reloaded only when the file changes."""
    from claimledger.report import story_from_ledger
    from claimledger.store import Ledger

    key = (os.path.abspath(path), os.path.getmtime(path))
    if key not in _CACHE:
        ledger = Ledger(path, readonly=True)
        try:
            _CACHE.clear()
            _CACHE[key] = story_from_ledger(ledger)
        finally:
            ledger.close()
    return _CACHE[key]


# Pages ---------------------------------------------------------------------------------------

def _wants_json(request) -> bool:
    return request.path.endswith(".json") or request.args.get("_format") == "json"


def _strip_json(value: str) -> str:
    """A URL variable without its ``.json`` suffix (decoded: test clients pass paths raw)."""
    value = unquote(value)
    return value[:-5] if value.endswith(".json") else value


async def _page(datasette, request, title: str, body, **extra) -> Response:
    html = await datasette.render_template(
        "claimledger_page.html",
        {"title": title, "body": body, "css": stylesheet(), "prefix": PREFIX, "json_url": _json_url(request), **extra},
        request=request,
    )
    return Response.html(html)


def _json_url(request) -> str:
    path = request.path
    return path if path.endswith(".json") else path + ".json" + (f"?{request.query_string}" if request.query_string else "")


def _context(datasette) -> tuple[Story, Fragments]:
    story = load_story(ledger_path(datasette))
    return story, Fragments(story, WebLinker())


def _measure_json(story: Story, m: Measure) -> dict[str, Any]:
    figures = []
    for f in story.measure_figures(m):
        day = story.day_of(f)
        figures.append({**f.to_dict(), "date": day.isoformat() if day else None,
                        "chain": story.chain_text(f), "sentence": story.sentence(f)})
    return {**m.to_dict(), "figures": figures}


async def overview(datasette, request):
    story, parts = _context(datasette)
    if _wants_json(request):
        return Response.json({
            "counts": story.counts(),
            "documents": [d.columns() | {"text": None} for d in story.documents],
            "measures": [m.to_dict() for m in story.headline_measures()],
            "conflicts": [c.to_dict() for c in story.headline_conflicts()],
        })
    return await _page(datasette, request, "Story overview", parts.overview())


async def measures(datasette, request):
    story, parts = _context(datasette)
    if _wants_json(request):
        return Response.json([_measure_json(story, m) for m in story.headline_measures()])
    body = [parts.measure(m) for m in story.headline_measures()]
    return await _page(datasette, request, "Measures", body)


async def measure(datasette, request):
    story, parts = _context(datasette)
    ident = _strip_json(request.url_vars["ident"])
    m = story.measure_by_id.get(ident)
    if m is None:
        return Response.text(f"no measure {ident}", status=404)
    if _wants_json(request):
        return Response.json(_measure_json(story, m))
    conflicts = [parts.conflict(c) for c in story.headline_conflicts() if c.measure == m.id]
    return await _page(datasette, request, m.label, [parts.measure(m), *conflicts])


async def conflicts(datasette, request):
    story, parts = _context(datasette)
    if _wants_json(request):
        out = []
        for c in story.headline_conflicts():
            items = [story.item(i) for i in c.items]
            out.append({**c.to_dict(), "details": [
                {**i.to_dict(), "chain": story.chain_text(i), "sentence": story.sentence(i)} for i in items if i]})
        return Response.json(out)
    body = [parts.conflict(c) for c in story.headline_conflicts()]
    return await _page(datasette, request, "Conflicts", body or "No conflicts found.")


async def sources(datasette, request):
    story, parts = _context(datasette)
    groups = story.source_groups()
    if _wants_json(request):
        return Response.json([{"key": k, "name": story.source_label(s[0]), "sources": [x.to_dict() for x in s],
                               "claims": [c.id for c in story.claims_of(s)]} for k, s in groups])
    body = [parts.source_group(k, s) for k, s in groups]
    return await _page(datasette, request, "Sources", body)


async def source(datasette, request):
    story, parts = _context(datasette)
    key = _strip_json(request.url_vars["key"])
    groups = dict(story.source_groups())
    group = groups.get(key)
    if group is None and key in story.source_by_id:  # linked by one member's id
        key = story.source_key(story.source_by_id[key])
        group = groups.get(key)
    if group is None:
        return Response.text(f"no source {key}", status=404)
    if _wants_json(request):
        claims = story.claims_of(group)
        return Response.json({"key": key, "name": story.source_label(group[0]), "sources": [s.to_dict() for s in group],
                              "claims": [{**c.to_dict(), "chain": story.chain_text(c)} for c in claims]})
    return await _page(datasette, request, story.source_label(group[0]), parts.source_group(key, group))


async def documents(datasette, request):
    story, parts = _context(datasette)
    if _wants_json(request):
        return Response.json([d.columns() for d in story.documents])
    return await _page(datasette, request, "Documents", parts.overview())


async def document(datasette, request):
    story, parts = _context(datasette)
    ident = _strip_json(request.url_vars["ident"])
    doc = story.doc_by_id.get(ident)
    if doc is None:
        return Response.text(f"no document {ident}", status=404)
    if _wants_json(request):
        return Response.json(dataclasses.asdict(doc))
    return await _page(datasette, request, story.doc_title(doc), parts.document(doc))


def search_statements(story: Story, query: str) -> list[Statement]:
    """Statements whose text, sentence or source chain contains every word of ``query``."""
    words = [w.casefold() for w in query.split()]
    if not words:
        return []
    hits = []
    for doc in story.documents:
        for st in doc.statements:
            hay = " ".join((st.text, story.sentence(st), story.chain_text(st))).casefold()
            if all(w in hay for w in words):
                hits.append(st)
    return hits


async def search(datasette, request):
    story, parts = _context(datasette)
    query = request.args.get("q", "")
    hits = search_statements(story, query)
    if _wants_json(request):
        return Response.json({"q": query, "count": len(hits), "statements": [
            {**s.to_dict(), "chain": story.chain_text(s), "sentence": story.sentence(s)} for s in hits]})
    return await _page(datasette, request, "Search statements", None, query=query, hits=hits, story=story,
                       linker=parts.linker)


ROUTES = [
    (rf"^{PREFIX}(\.json)?$", overview),
    (rf"^{PREFIX}/measures(\.json)?$", measures),
    (rf"^{PREFIX}/measures/(?P<ident>[^/]+)$", measure),
    (rf"^{PREFIX}/conflicts(\.json)?$", conflicts),
    (rf"^{PREFIX}/sources(\.json)?$", sources),
    (rf"^{PREFIX}/sources/(?P<key>[^/]+)$", source),
    (rf"^{PREFIX}/documents(\.json)?$", documents),
    (rf"^{PREFIX}/documents/(?P<ident>[^/]+)$", document),
    (rf"^{PREFIX}/search(\.json)?$", search),
]


@hookimpl
def register_routes(datasette):
    return ROUTES


@hookimpl
def menu_links(datasette, actor, request):
    return [
        {"href": PREFIX, "label": "Story overview"},
        {"href": f"{PREFIX}/measures", "label": "Measures"},
        {"href": f"{PREFIX}/conflicts", "label": "Conflicts"},
        {"href": f"{PREFIX}/sources", "label": "Sources"},
        {"href": f"{PREFIX}/search", "label": "Search statements"},
    ]
