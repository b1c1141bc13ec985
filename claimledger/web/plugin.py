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

    def measures_index(self) -> str:
        return f"{PREFIX}/measures"

    def documents_index(self) -> str:
        return f"{PREFIX}/documents"

    def document(self, ident: str) -> str:
        return f"{PREFIX}/documents/{quote(ident, safe=':')}"


# Loading -------------------------------------------------------------------------------------

_CACHE: dict[tuple[str, float], Story] = {}
_PAGES: "OrderedDict[tuple, Response]" = OrderedDict()
_LOCK = threading.Lock()
PAGE_CACHE_SIZE = 256
"""Rendered pages kept per ledger version: a page is a pure function of the file and the URL."""
PAGE_SIZE = 20
"""Measures, conflicts, sources and documents shown per HTML page (``?page=N``)."""
OVERVIEW_ROWS = 50
"""Documents, measures and conflicts in the overview's JSON (the list endpoints have the rest)."""
JSON_PAGE_SIZE = 100
"""Rows per page of a list endpoint's JSON."""
LIST_LIMIT = 10
"""Claims, relays and articles listed per source on the sources page (its own page lists more)."""
SOURCE_LIMIT = 100
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
    """The ledger's view, loaded once per version of the file (one loader at a time).

    When the file changes under a running server (an ``add`` elsewhere), the view it already
    has keeps answering while the new one loads in the background: pages never wait for it.
    """
    key = _version(path)
    story = _CACHE.get(key)
    if story is not None:
        return story
    stale = next((v for (p, _), v in _CACHE.items() if p == key[0]), None)
    if stale is not None:
        if _LOCK.acquire(blocking=False):
            threading.Thread(target=_reload, args=(path, key), daemon=True, name="claimledger-reload").start()
        return stale
    with _LOCK:
        if key not in _CACHE:
            _store(key, _read(path))
    return _CACHE[key]


def _read(path: str) -> Story:
    from claimledger.store import Ledger

    ledger = Ledger(path, readonly=True)
    try:
        return LedgerView.load(ledger).warm()
    finally:
        ledger.close()


def _store(key: tuple[str, float], view: Story) -> None:
    _CACHE.clear()
    _PAGES.clear()
    _CACHE[key] = view


def _reload(path: str, key: tuple[str, float]) -> None:
    """Background reload (the caller holds ``_LOCK``; released here)."""
    try:
        _store(key, _read(path))
    except Exception as exc:  # noqa: BLE001 - keep serving the old view, say why once
        log.error("claimledger: could not reload %s: %s", path, exc)
    finally:
        _LOCK.release()


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


def _paged(items: list, request, size: Optional[int] = None) -> tuple[list, dict[str, Any]]:
    """One page of ``items`` (``?page=N``) and what the pager needs."""
    size = size or (JSON_PAGE_SIZE if _wants_json(request) else PAGE_SIZE)
    n = _page_number(request)
    pages = max(1, -(-len(items) // size))
    n = min(n, pages)
    return items[(n - 1) * size: n * size], ({"page": n, "pages": pages, "total": len(items)} if pages > 1 else {})


def _json_page(request, items: list, render) -> Response:
    """A list endpoint's JSON: ``{"total", "page", "pages", "next", "rows"}``, ``JSON_PAGE_SIZE``
    rows a page (every row of a table is in Datasette's own JSON and in ``claimledger export``)."""
    shown, pager = _paged(items, request)
    page_no, pages = pager.get("page", 1), pager.get("pages", 1)
    nxt = f"{request.path}?page={page_no + 1}" if page_no < pages else None
    return Response.json({"total": len(items), "page": page_no, "pages": pages, "next": nxt,
                          "rows": [render(i) for i in shown]})


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


_INFLIGHT: dict[tuple, "asyncio.Future[Response]"] = {}


def page(handler):
    """Run a page off the event loop, once for all concurrent requests for it, cache it per
    ledger version, and turn a failure into a short 500 with one log line (never a traceback
    on the console, never a stalled server)."""
    @functools.wraps(handler)
    async def run(datasette, request):
        try:
            key = (ledger_path(datasette), request.path, request.query_string)
        except LookupError as exc:
            return Response.text(f"claimledger: {exc}", status=404)
        cached = _PAGES.get(key)
        if cached is not None and _current(datasette):
            return cached
        waiting = _INFLIGHT.get(key)
        if waiting is not None:
            return await asyncio.shield(waiting)
        future: asyncio.Future[Response] = asyncio.get_running_loop().create_future()
        _INFLIGHT[key] = future
        try:
            await asyncio.to_thread(load_story, key[0])
            response = await handler(datasette, request)
        except Exception as exc:  # noqa: BLE001 - a page must fail alone, with one line
            log.error("claimledger page %s failed: %s: %s", request.path, type(exc).__name__, exc)
            response = Response.text(f"claimledger: this page failed ({type(exc).__name__}); see the server log.",
                                     status=500)
        finally:
            _INFLIGHT.pop(key, None)
        if response.status == 200:
            _PAGES[key] = response
            while len(_PAGES) > PAGE_CACHE_SIZE:
                _PAGES.popitem(last=False)
        future.set_result(response)
        return response
    return run


def _current(datasette) -> bool:
    """True when the cached pages belong to the file as it is now."""
    try:
        return _version(ledger_path(datasette)) in _CACHE
    except (OSError, LookupError):
        return False


async def _off_loop(fn, *args):
    return await asyncio.to_thread(fn, *args)


@page
async def overview(datasette, request):
    story, parts = _context(datasette)
    if _wants_json(request):
        return Response.json({
            "counts": story.counts(),
            "documents": [d.columns() | {"text": None} | story.document_row(d) for d in story.documents[:OVERVIEW_ROWS]],
            "measures": [story.measure_row(m) for m in story.headline_measures()[:OVERVIEW_ROWS]],
            "conflicts": [story.conflict_row(c) for c in story.headline_conflicts()[:OVERVIEW_ROWS]],
            "more": {"documents": f"{PREFIX}/documents.json", "measures": f"{PREFIX}/measures.json",
                     "conflicts": f"{PREFIX}/conflicts.json", "sources": f"{PREFIX}/sources.json"},
        })
    return await _page(datasette, request, "Ledger overview", await _off_loop(parts.overview, None))


@page
async def measures(datasette, request):
    story, parts = _context(datasette)
    if _wants_json(request):
        return await _off_loop(_json_page, request, story.headline_measures(), lambda m: _measure_json(story, m))
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
        def one(c):
            items = [story.item(i) for i in c.items]
            return {**c.to_dict(), **story.conflict_row(c), "details": [
                {**i.to_dict(), "chain": story.chain_text(i), "sentence": story.sentence(i)} for i in items if i]}
        return await _off_loop(_json_page, request, story.headline_conflicts(), one)
    shown, pager = _paged(story.headline_conflicts(), request)
    body = await _off_loop(lambda: [parts.conflict(c) for c in shown])
    return await _page(datasette, request, "Conflicts", body or "No conflicts found.", pager)


@page
async def sources(datasette, request):
    story, parts = _context(datasette)
    groups = story.source_groups()
    if _wants_json(request):
        def one(group):
            row = story.source_row(*group)
            return {**row, "name": row["source"], "sources": [x.to_dict() for x in group[1]],
                    "claims": [c.id for c in story.claims_of(group[1])]}
        return await _off_loop(_json_page, request, groups, one)
    shown, pager = _paged(groups, request)
    body = await _off_loop(lambda: [parts.source_group(k, s, LIST_LIMIT) for k, s in shown])
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
    body = await _off_loop(parts.source_group, key, group, SOURCE_LIMIT)
    return await _page(datasette, request, story.source_label(group[0]), body)


@page
async def documents(datasette, request):
    story, parts = _context(datasette)
    if _wants_json(request):
        return await _off_loop(_json_page, request, story.documents, lambda d: d.columns() | story.document_row(d))
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
        shown, pager = _paged(hits, request)
        page_no, pages = pager.get("page", 1), pager.get("pages", 1)
        nxt = f"{request.path}?q={quote(query)}&page={page_no + 1}" if page_no < pages else None
        return Response.json({"q": query, "count": len(hits), "page": page_no, "pages": pages, "next": nxt,
                              "statements": [{**s.to_dict(), "chain": story.chain_text(s), "sentence": story.sentence(s)}
                                             for s in shown]})
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
def handle_exception(datasette, request, exception):
    """Every error as a short page (or JSON) and at most one log line, never a console traceback.

    Datasette's own handler prints a full traceback with locals for every error, even a 404
    (and itself fails on a path such as a raw ``..``); :func:`claimledger.web.make_app`
    blocks it so this one answers.
    """
    async def inner():
        from datasette.utils.asgi import Base400
        from datasette.views.base import DatasetteError
        from markupsafe import Markup

        title = None
        if isinstance(exception, Base400):
            status, message = exception.status, (exception.args[0] if exception.args else "error")
        elif isinstance(exception, DatasetteError):
            status, message, title = exception.status, exception.message, exception.title
            if exception.message_is_html:
                message = Markup(message)
        else:
            status, message = 500, f"this page failed ({type(exception).__name__}); see the server log"
            log.error("claimledger: %s failed: %s: %s", request.path, type(exception).__name__, exception)
        info = {"ok": False, "error": message, "status": status, "title": title}
        if request.path.split("?")[0].endswith(".json"):
            return Response.json(info, status=status)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        return Response.html(await template.render_async(dict(info, urls=datasette.urls,
                                                              app_css_hash=datasette.app_css_hash(),
                                                              menu_links=lambda: [])), status=status)
    return inner


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
