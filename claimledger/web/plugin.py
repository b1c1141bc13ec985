"""Datasette plugin hooks: the ledger's own pages on top of Datasette's table browsing.

Datasette already gives tables, facets, SQL, JSON/CSV export and an API over the SQLite file;
these hooks add the journalist's views (story, measure with chart, conflicts, sources,
documents with highlights, statement search), each also as complete JSON (``.json``).
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
import os
import threading
from collections import OrderedDict
from typing import Any, Optional
from urllib.parse import quote, unquote

from datasette import Response, hookimpl

from claimledger.model import Figure, Measure, Source, Statement
from claimledger.report.html import Fragments, Linker, stylesheet
from claimledger.report.story import Story, anchor
from claimledger.views import LedgerView

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
_PAGES: "OrderedDict[tuple, Response]" = OrderedDict()
_LOCK = threading.Lock()
PAGE_CACHE_SIZE = 256
"""Rendered pages kept per ledger version: a page is a pure function of the file and the URL."""
PAGE_SIZE = 50
"""Measures, conflicts, sources and documents shown per page (``?page=N``)."""
log = logging.getLogger("claimledger.web")


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


def _version(path: str) -> tuple[str, float]:
    wal = path + "-wal"
    stamp = max(os.path.getmtime(path), os.path.getmtime(wal) if os.path.exists(wal) else 0.0)
    return (os.path.abspath(path), stamp)


def load_story(path: str) -> Story:
    """The whole ledger's view, loaded once per version of the file (one loader at a time)."""
    from claimledger.store import Ledger

    key = _version(path)
    story = _CACHE.get(key)
    if story is not None:
        return story
    with _LOCK:
        if key not in _CACHE:
            ledger = Ledger(path, readonly=True)
            try:
                loaded = LedgerView.load(ledger)
            finally:
                ledger.close()
            _CACHE.clear()
            _PAGES.clear()
            _CACHE[key] = loaded
    return _CACHE[key]


# Pages ---------------------------------------------------------------------------------------

def _wants_json(request) -> bool:
    return request.path.endswith(".json") or request.args.get("_format") == "json"


def _strip_json(value: str) -> str:
    """A URL variable without its ``.json`` suffix (decoded: test clients pass paths raw)."""
    value = unquote(value)
    return value[:-5] if value.endswith(".json") else value


def _page_number(request) -> int:
    try:
        return max(1, int(request.args.get("page", "1")))
    except ValueError:
        return 1


def _paged(items: list, request) -> tuple[list, dict[str, Any]]:
    """One page of ``items`` and what the pager needs (JSON asks for everything: ``?page`` ignored)."""
    if _wants_json(request):
        return items, {}
    n = _page_number(request)
    pages = max(1, -(-len(items) // PAGE_SIZE))
    n = min(n, pages)
    return items[(n - 1) * PAGE_SIZE: n * PAGE_SIZE], ({"page": n, "pages": pages, "total": len(items)}
                                                          if pages > 1 else {})


async def _page(datasette, request, title: str, body, pager: Optional[dict] = None, **extra) -> Response:
    html = await datasette.render_template(
        "claimledger_page.html",
        {"title": title, "body": body, "css": stylesheet(), "prefix": PREFIX, "json_url": _json_url(request),
         "pager": pager or {}, "path": request.path, **extra},
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
    for f, row in zip(story.measure_figures(m), story.estimate_rows(m)):
        figures.append({**f.to_dict(), **row, "id": f.id})
    return {**m.to_dict(), "figures": figures}


def page(handler):
    """Run a page off the event loop, cache it per ledger version, and turn a failure into a
    short 500 with one log line (never a traceback on the console, never a stalled server)."""
    @functools.wraps(handler)
    async def run(datasette, request):
        key = (request.path, request.query_string)
        try:
            await asyncio.to_thread(load_story, ledger_path(datasette))
            cached = _PAGES.get(key)
            if cached is not None:
                return cached
            response = await handler(datasette, request)
        except Exception as exc:  # noqa: BLE001 - a page must fail alone, with one line
            log.error("claimledger page %s failed: %s: %s", request.path, type(exc).__name__, exc)
            return Response.text(f"claimledger: this page failed ({type(exc).__name__}); see the server log.",
                                 status=500)
        if response.status == 200:
            _PAGES[key] = response
            while len(_PAGES) > PAGE_CACHE_SIZE:
                _PAGES.popitem(last=False)
        return response
    return run


async def _off_loop(fn, *args):
    return await asyncio.to_thread(fn, *args)


@page
async def overview(datasette, request):
    story, parts = _context(datasette)
    if _wants_json(request):
        return Response.json({
            "counts": story.counts(),
            "documents": [d.columns() | {"text": None} | row for d, row in zip(story.documents, story.document_rows())],
            "measures": [m.to_dict() | row for m, row in zip(story.headline_measures(), story.measure_rows())],
            "conflicts": [c.to_dict() | row for c, row in zip(story.headline_conflicts(), story.conflict_rows())],
        })
    return await _page(datasette, request, "Ledger overview", await _off_loop(parts.overview))


@page
async def measures(datasette, request):
    story, parts = _context(datasette)
    if _wants_json(request):
        return Response.json(await _off_loop(lambda: [_measure_json(story, m) for m in story.headline_measures()]))
    shown, pager = _paged(story.headline_measures(), request)
    body = await _off_loop(lambda: [parts.measure(m) for m in shown])
    return await _page(datasette, request, "Measures", body, pager)


@page
async def measure(datasette, request):
    story, parts = _context(datasette)
    ident = _strip_json(request.url_vars["ident"])
    m = story.measure_by_id.get(ident)
    if m is None:
        return Response.text(f"no measure {ident}", status=404)
    if _wants_json(request):
        return Response.json(_measure_json(story, m))
    body = await _off_loop(lambda: [parts.measure(m), *(parts.conflict(c) for c in story.headline_conflicts()
                                                        if c.measure == m.id)])
    return await _page(datasette, request, m.label, body)


@page
async def conflicts(datasette, request):
    story, parts = _context(datasette)
    if _wants_json(request):
        def everything():
            out = []
            for c, row in zip(story.headline_conflicts(), story.conflict_rows()):
                items = [story.item(i) for i in c.items]
                out.append({**c.to_dict(), **row, "details": [
                    {**i.to_dict(), "chain": story.chain_text(i), "sentence": story.sentence(i)} for i in items if i]})
            return out
        return Response.json(await _off_loop(everything))
    shown, pager = _paged(story.headline_conflicts(), request)
    body = await _off_loop(lambda: [parts.conflict(c) for c in shown])
    return await _page(datasette, request, "Conflicts", body or "No conflicts found.", pager)


@page
async def sources(datasette, request):
    story, parts = _context(datasette)
    groups = story.source_groups()
    if _wants_json(request):
        return Response.json(await _off_loop(lambda: [
            {**row, "name": row["source"], "sources": [x.to_dict() for x in s], "claims": [c.id for c in story.claims_of(s)]}
            for (k, s), row in zip(groups, story.source_rows())]))
    shown, pager = _paged(groups, request)
    body = await _off_loop(lambda: [parts.source_group(k, s) for k, s in shown])
    return await _page(datasette, request, "Sources", body, pager)


@page
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
    body = await _off_loop(parts.source_group, key, group)
    return await _page(datasette, request, story.source_label(group[0]), body)


@page
async def documents(datasette, request):
    story, parts = _context(datasette)
    if _wants_json(request):
        return Response.json([d.columns() | row for d, row in zip(story.documents, story.document_rows())])
    shown, pager = _paged(story.documents, request)
    body = await _off_loop(parts.documents_table, shown)
    return await _page(datasette, request, "Documents", body, pager)


@page
async def document(datasette, request):
    story, parts = _context(datasette)
    ident = _strip_json(request.url_vars["ident"])
    doc = story.doc_by_id.get(ident)
    if doc is None:
        return Response.text(f"no document {ident}", status=404)
    if _wants_json(request):
        return Response.json(dataclasses.asdict(doc))
    return await _page(datasette, request, story.doc_title(doc), await _off_loop(parts.document, doc))


def search_statements(story: Story, query: str, limit: Optional[int] = None) -> list[Statement]:
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
                if limit is not None and len(hits) >= limit:
                    return hits
    return hits


SEARCH_LIMIT = 500
"""The HTML search page lists at most this many statements (the JSON gives all)."""


@page
async def search(datasette, request):
    story, parts = _context(datasette)
    query = request.args.get("q", "")
    if _wants_json(request):
        hits = await _off_loop(search_statements, story, query)
        return Response.json({"q": query, "count": len(hits), "statements": [
            {**s.to_dict(), "chain": story.chain_text(s), "sentence": story.sentence(s)} for s in hits]})
    hits = await _off_loop(search_statements, story, query, SEARCH_LIMIT)
    return await _page(datasette, request, "Search statements", None, query=query, hits=hits, story=story,
                       linker=parts.linker, limit=SEARCH_LIMIT)


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

FORBIDDEN_FUNCTIONS = frozenset({"fts3_tokenizer", "load_extension", "readfile", "writefile", "edit"})
"""SQL functions the SQL endpoint may not call: ``fts3_tokenizer`` leaks a pointer, the rest
touch files."""


def _authorizer(action, arg1, arg2, dbname, source):
    import sqlite3

    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in FORBIDDEN_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


@hookimpl
def prepare_connection(conn, database, datasette):
    """Refuse dangerous SQL functions on every connection Datasette opens."""
    conn.set_authorizer(_authorizer)


@hookimpl
def register_routes(datasette):
    return ROUTES


@hookimpl
def menu_links(datasette, actor, request):
    return [
        {"href": PREFIX, "label": "Ledger overview"},
        {"href": f"{PREFIX}/measures", "label": "Measures"},
        {"href": f"{PREFIX}/conflicts", "label": "Conflicts"},
        {"href": f"{PREFIX}/sources", "label": "Sources"},
        {"href": f"{PREFIX}/documents", "label": "Documents"},
        {"href": f"{PREFIX}/search", "label": "Search statements"},
    ]
