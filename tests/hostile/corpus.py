"""The hostile-input corpus (issue 13 §3), generated: every case writes its files into a temporary
folder at test time, so no binary is checked in.

A case is one hostile input (or a few) that goes into a batch with good articles.  ``expect`` says
what the user must see: ``"skip"`` (one line "skipped <name>: <reason>"), ``"warn"`` (the input
lands and one line "warning: <name>: <reason>" says what was repaired or dropped), ``"land"`` (it
lands silently), ``"partial"`` (some records land, the bad ones are skipped with their own line).
``pattern`` must match the reason; ``named`` is the name the line must carry (default: the file).
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from tests.ingest.samples import html_page, write_warc


@dataclass
class Ctx:
    """Where a case writes, and the local web server (127.0.0.1) URL cases fetch from."""

    folder: Path
    server: str = ""

    def file(self, name: str, data: bytes | str) -> str:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return str(path)


@dataclass
class Case:
    id: str
    kind: str                                  # txt | html | jsonl | feed | warc | url | folder | name | number | date
    build: Callable[[Ctx], list[str]]
    expect: str                                # skip | warn | land | partial
    pattern: str = ""                          # regex the reason matches (skip/warn/partial)
    named: Callable[[Ctx, list[str]], str] | None = None
    options: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    landed: int | None = None                  # documents of the hostile input that must land
    slow: bool = False
    hangs: str | None = None                   # xfail reason while an owner fixes a hang


ARTICLE = "Officials said {n} {what} were {done} after the storm, the regional council said on Tuesday."


def article(n: int = 64, what: str = "roads", done: str = "closed") -> str:
    return ARTICLE.format(n=n, what=what, done=done)


RSS_ITEM = "<item><title>{title}</title><description>{body}</description>{extra}</item>"


def rss(*items: str, head: str = "") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?>{head}<rss version="2.0"><channel><title>Valley Wire</title>'
            + "".join(items) + "</channel></rss>")


LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
          '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
          '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
          '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
          '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
          '<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
          '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>')
XXE = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("a.txt", article())
    return out.getvalue()


def _jsonl(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


def _good_line(n: int) -> dict:
    return {"text": article(n, "bridges", "inspected"), "title": f"Bridges {n}"}


def _warc(ctx: Ctx, name: str, pages, *, gzip_it: bool = True) -> str:
    return str(write_warc(ctx.folder / name, pages, gzip=gzip_it))


def _page(n: int) -> bytes:
    return html_page(f"Storm closes {n} roads", article(n) + "\nCrews worked overnight, the council said.").encode()


def _truncated_warc(ctx: Ctx) -> list[str]:
    path = Path(_warc(ctx, "cut.warc", [("https://w.example/a", "text/html", _page(3), "2024-05-01T10:00:00Z"),
                                        ("https://w.example/b", "text/html", _page(4), "2024-05-01T10:00:00Z")],
                      gzip_it=False))
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.7)])
    return [str(path)]


def _fifo(ctx: Ctx) -> list[str]:
    path = ctx.folder / "pipe.txt"
    os.mkfifo(path)
    return [str(path)]


def _symlink_loop(ctx: Ctx) -> list[str]:
    folder = ctx.folder / "loop"
    folder.mkdir()
    (folder / "self.txt").symlink_to(folder / "self.txt")
    (folder / "ok.txt").write_text(article(71, "schools", "shut"))
    return [str(folder)]


def _readme_folder(ctx: Ctx) -> list[str]:
    folder = ctx.folder / "story"
    folder.mkdir()
    for name in ("README.md", "PROVENANCE.md", "LICENSE", "CHANGELOG.txt"):
        (folder / name).write_text("# Notes\nThese files were collected by 46 people in 2024.\n")
    (folder / "a.txt").write_text(article(72, "ferries", "cancelled"))
    return [str(folder)]


def _deep_json(depth: int) -> str:
    return '{"text": ' + "[" * depth + "]" * depth + "}"


def _numbers(count: int) -> str:
    return "Officials said " + ", ".join(str(7 * i + 3) for i in range(count)) + " ballots were counted, the commission said."


URL_ROUTES: dict[str, tuple[str, bytes]] = {
    "/story": ("text/html; charset=utf-8", _page(9)),
    "/logo": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
    "/latin": ("text/plain; charset=iso-8859-1", article(12, "caf\xe9s", "closed").encode("latin-1")),
    "/empty": ("text/html", b""),
}
"""What the local server answers; ``/drip`` and ``/redirect/...`` are handled in code (see test_corpus)."""

CASES: list[Case] = [
    # plain text and encodings
    Case("empty", "txt", lambda c: [c.file("empty.txt", b"")], "skip", "empty file"),
    Case("blank", "txt", lambda c: [c.file("blank.txt", " \n\t\n ")], "skip", "empty file"),
    Case("nul-bytes", "txt", lambda c: [c.file("nul.txt", article().encode() + b"\x00" * 40)], "skip", "binary"),
    Case("utf16-le-bom", "txt", lambda c: [c.file("u16le.txt", codecs.BOM_UTF16_LE + article(41).encode("utf-16-le"))],
         "land", landed=1),
    Case("utf16-be-bom", "txt", lambda c: [c.file("u16be.txt", codecs.BOM_UTF16_BE + article(42).encode("utf-16-be"))],
         "land", landed=1),
    Case("utf8-bom", "txt", lambda c: [c.file("u8bom.txt", codecs.BOM_UTF8 + article(43).encode())], "land", landed=1),
    Case("invalid-utf8-byte", "txt",
         lambda c: [c.file("bad-byte.txt", ("\u201cOfficials\u201d said 44 roads were closed \u2014 caf\u00e9s too. ").encode()
                           + b"\xff" + article(45).encode())], "warn", "invalid UTF-8", landed=1),
    Case("latin1", "txt", lambda c: [c.file("latin1.txt", article(46, "caf\xe9s", "shut").encode("latin-1"))],
         "warn", "not UTF-8.*cp1252", landed=1),
    Case("cesu-surrogate-bytes", "txt", lambda c: [c.file("cesu.txt", article(47).encode() + b" \xed\xa0\xbd end.")],
         "warn", "invalid UTF-8", landed=1),
    Case("png-as-txt", "txt", lambda c: [c.file("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(300))], "skip", "PNG"),
    Case("zip-as-txt", "txt", lambda c: [c.file("bundle.txt", _zip())], "skip", "ZIP"),
    Case("gzip-as-txt", "txt", lambda c: [c.file("article.txt.gz", gzip.compress(article().encode()))], "skip", "gzip"),
    Case("pdf", "txt", lambda c: [c.file("report.pdf", b"%PDF-1.7\n" + bytes(500))], "skip", "PDF"),
    Case("only-digits", "txt", lambda c: [c.file("digits.txt", "12 345 6789 10\n")], "skip", "no words"),
    Case("control-and-ansi", "txt", lambda c: [c.file("ansi.txt", "\x1b[31m" + article(48) + "\x1b[0m\x07\x08")],
         "land", landed=1),
    Case("bidi-and-zero-width", "txt", lambda c: [c.file("bidi.txt", "\u202e" + article(49) + "\u200b\u2066x\u2069")],
         "land", landed=1),
    Case("too-large-option", "txt", lambda c: [c.file("big.txt", (article(50) + "\n") * 3000)], "skip",
         "too large.*--max-bytes", options=["--max-bytes", "100k"]),
    Case("too-large-env", "txt", lambda c: [c.file("big-env.txt", (article(51) + "\n") * 3000)], "skip",
         "too large.*CLAIMLEDGER_MAX_BYTES", env={"CLAIMLEDGER_MAX_BYTES": "50000"}),
    Case("long-single-line", "txt", lambda c: [c.file("oneline.txt", " ".join([article(52)] * 150))], "land",
         landed=1, slow=True),
    Case("huge-single-line-refused", "txt", lambda c: [c.file("huge-line.txt", "word " * 1_000_000)], "skip",
         "too large", options=["--max-bytes", "2M"]),
    Case("many-numbers-sentence", "number", lambda c: [c.file("numbers.txt", _numbers(10_000))], "land", landed=1,
         slow=True),
    Case("one-megabyte-word", "number",
         lambda c: [c.file("word.txt", "The council said 40 homes flooded. " + "a" * 1_000_000 + " was written.")],
         "land", landed=1, slow=True),
    # odd numbers
    Case("number-1e308", "number", lambda c: [c.file("e308.txt", "Officials said 1e308 dollars and 1.8e308 euros "
                                                                 "were claimed, the court said.")], "land", landed=1),
    Case("number-30-digits", "number", lambda c: [c.file("digits30.txt",
         "The agency said 123456789012345678901234567890 people and 999,999,999,999,999,999,999,999,999 votes "
         "were counted.")], "land", landed=1),
    Case("number-unicode-minus", "number", lambda c: [c.file("minus.txt",
         "Forecasters said temperatures fell to \u221240 degrees and shares lost \u22125.5 percent.")], "land", landed=1),
    Case("number-vulgar-fractions", "number", lambda c: [c.file("fractions.txt",
         "Officials said \u00bd million people and 2\u00be tonnes of aid, up \u215b, arrived, the UN said.")],
         "land", landed=1),
    Case("number-odd-digits", "number", lambda c: [c.file("digits-odd.txt",
         "Officials said \u0661\u0662\u0663 families and \uff14\uff15 tents and 1\u00a0000 blankets arrived, aid "
         "workers said.")], "land", landed=1),
    # HTML
    Case("html-billion-laughs", "html", lambda c: [c.file("laughs.html", "<?xml version='1.0'?>" + LAUGHS +
         "<html><body><p>" + article(53) + "</p><p>&lol9;</p></body></html>")], "land", landed=1),
    Case("html-xxe", "html", lambda c: [c.file("xxe.html", "<?xml version='1.0'?>" + XXE +
         "<html><body><p>" + article(54) + "</p><p>&xxe;</p></body></html>")], "land", landed=1),
    Case("html-no-text", "html", lambda c: [c.file("shell.html", "<html><head><title>x</title></head>"
                                                                 "<body><script>1</script></body></html>")],
         "skip", "no article text|empty|no text"),
    Case("html-surrogate-ref", "html", lambda c: [c.file("ref.html", "<html><body><p>" + article(55) +
                                                         " &#55357; &#xDE00;</p></body></html>")], "land", landed=1),
    Case("html-bogus-charset", "html", lambda c: [c.file("charset.html", '<html><head><meta charset="x-bogus-9">'
                                                         "</head><body><p>" + article(56) + "</p></body></html>")],
         "land", landed=1),
    Case("html-truncated", "html", lambda c: [c.file("cut.html", "<html><body><p>" + article(57) + "</p><p>More")],
         "land", landed=1),
    Case("html-binary", "html", lambda c: [c.file("garbage.html", bytes(range(256)) * 8)], "skip", "binary"),
    Case("html-many-paragraphs", "html", lambda c: [c.file("paras.html", "<html><body>" +
         "".join(f"<p>{article(i)}</p>" for i in range(300)) + "</body></html>")], "land", landed=1, slow=True),
    # JSON Lines
    Case("jsonl-lone-surrogate", "jsonl", lambda c: [c.file("emoji.jsonl", _jsonl(
         '{"text": "Officials said 58 roads were closed \\ud83d after the storm, police said.", "title": "Cut \\ud83d"}',
         _good_line(1)))], "warn", "lone surrogate", named=lambda c, p: p[0] + ":1", landed=2),
    Case("jsonl-deep-nesting", "jsonl", lambda c: [c.file("deep.jsonl", _jsonl(_deep_json(100_000), _good_line(2)))],
         "partial", "nested too deeply", named=lambda c, p: p[0] + ":1", landed=1),
    Case("jsonl-bad-json", "jsonl", lambda c: [c.file("broken.jsonl", _jsonl('{"text": "unterminated', _good_line(3)))],
         "partial", "invalid JSON", named=lambda c, p: p[0] + ":1", landed=1),
    Case("jsonl-huge-int", "jsonl", lambda c: [c.file("bigint.jsonl", _jsonl('{"text": "x", "n": ' + "9" * 5000 + "}",
                                                                             _good_line(4)))],
         "partial", "invalid JSON", named=lambda c, p: p[0] + ":1", landed=1),
    Case("jsonl-odd-numbers", "jsonl", lambda c: [c.file("nums.jsonl", _jsonl(
         '{"text": "Officials said 59 roads were closed, police said.", "n": 1e400, "m": 123456789012345678901234567890,'
         ' "published": 1e308}'))], "warn", "published", named=lambda c, p: p[0] + ":1", landed=1),
    Case("jsonl-relative-date", "jsonl", lambda c: [c.file("rel.jsonl", _jsonl(
         {"text": article(60), "published": "yesterday at noon"}))], "warn", "relative date",
         named=lambda c, p: p[0] + ":1", landed=1),
    Case("jsonl-far-future-date", "jsonl", lambda c: [c.file("future.jsonl", _jsonl(
         {"text": article(61), "published": "9999-12-31"}))], "warn", "future", named=lambda c, p: p[0] + ":1",
         landed=1),
    Case("jsonl-open-window-date", "jsonl", lambda c: [c.file("open.jsonl", _jsonl(
         {"text": article(62), "published": "2016-01-01/.."}))], "warn", "not one date",
         named=lambda c, p: p[0] + ":1", landed=1),
    Case("jsonl-text-not-string", "jsonl", lambda c: [c.file("types.jsonl", _jsonl({"text": 42}, [1, 2],
                                                                                   _good_line(5)))],
         "partial", "must be a string", named=lambda c, p: p[0] + ":1", landed=1),
    Case("jsonl-nul-and-controls", "jsonl", lambda c: [c.file("nul.jsonl", _jsonl(
         {"text": article(63) + "\u0000\u0007 more"}))], "land", landed=1),
    Case("jsonl-record-too-large", "jsonl", lambda c: [c.file("fat.jsonl", _jsonl(
         {"text": (article(64) + " ") * 400}, _good_line(6)))], "partial", "too large", named=lambda c, p: p[0] + ":1",
         options=["--max-bytes", "20k"], landed=1),
    Case("jsonl-crlf-bom", "jsonl", lambda c: [c.file("crlf.jsonl", codecs.BOM_UTF8 +
                                                      _jsonl(_good_line(7), _good_line(8)).replace("\n", "\r\n").encode())],
         "land", landed=2),
    # feeds
    Case("rss-surrogate-ref", "feed", lambda c: [c.file("surrogate.rss", rss(
         RSS_ITEM.format(title="Cut &#55357;", body=article(65) + " &#55357;", extra=""),
         RSS_ITEM.format(title="Fine", body=article(66, "dams", "checked"), extra="")))],
         "warn", "character reference", landed=2),
    Case("rss-billion-laughs", "feed", lambda c: [c.file("laughs.rss", rss(
         RSS_ITEM.format(title="Laughs &lol9;", body=article(67), extra=""), head=LAUGHS))], "land", landed=1),
    Case("rss-xxe", "feed", lambda c: [c.file("xxe.rss", rss(
         RSS_ITEM.format(title="X &xxe;", body=article(68) + " &xxe;", extra=""), head=XXE))], "land", landed=1),
    Case("rss-no-entries", "feed", lambda c: [c.file("none.rss", rss())], "skip", "no entries"),
    Case("rss-empty-entry", "feed", lambda c: [c.file("blank-entry.rss", rss(
         RSS_ITEM.format(title="", body="", extra=""), RSS_ITEM.format(title="Ok", body=article(69), extra="")))],
         "partial", "no content", named=lambda c, p: p[0] + "#1", landed=1),
    Case("rss-odd-dates", "feed", lambda c: [c.file("dates.rss", rss(
         RSS_ITEM.format(title="A", body=article(70), extra="<pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate>"),
         RSS_ITEM.format(title="B", body=article(71, "dams", "opened"), extra="<pubDate>yesterday</pubDate>")))],
         "land", landed=2),
    Case("atom-truncated", "feed", lambda c: [c.file("cut.atom", '<?xml version="1.0"?><feed xmlns='
         '"http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title><content>' + article(72) +
         "</content></entry><entry><title>B</title><content>Officials")], "partial", "no content",
         named=lambda c, p: p[0] + "#2", landed=1),
    Case("feed-not-xml", "feed", lambda c: [c.file("junk.xml", "<rss><<<>>>&&&")], "skip", "feed"),
    # WARC
    Case("warc-truncated", "warc", _truncated_warc, "partial", "truncated", landed=1),
    Case("warc-no-html", "warc", lambda c: [_warc(c, "img.warc.gz", [("https://w.example/i.png", "image/png",
                                                                      bytes(64), "2024-05-01T10:00:00Z")])],
         "skip", "no HTML response"),
    Case("warc-bad-record", "warc", lambda c: [_warc(c, "mixed.warc.gz", [
         ("https://w.example/bad", "text/html", bytes(range(256)) * 4, "2024-05-01T10:00:00Z"),
         ("https://w.example/good", "text/html", _page(5), "2024-05-01T10:00:00Z")])], "partial", "binary",
         named=lambda c, p: p[0] + "#https://w.example/bad", landed=1),
    Case("warc-date-9999", "warc", lambda c: [_warc(c, "future.warc.gz", [
         ("https://w.example/f", "text/html", _page(6).replace(b"2024-03-14", b"9999-03-14"), "9999-12-31T10:00:00Z")])],
         "land", landed=1),
    Case("warc-not-warc", "warc", lambda c: [c.file("fake.warc", article())], "skip", "not a WARC"),
    Case("warc-corrupt-gzip", "warc", lambda c: [c.file("corrupt.warc.gz", b"\x1f\x8b\x08\x00" + bytes(range(200)))],
         "skip", "WARC"),
    # URLs (a local server on 127.0.0.1)
    Case("url-404", "url", lambda c: [f"{c.server}/missing"], "skip", "HTTP 404", named=lambda c, p: p[0]),
    Case("url-refused", "url", lambda c: ["http://127.0.0.1:9/story"], "skip", "connection refused|cannot fetch",
         named=lambda c, p: p[0]),
    Case("url-binary", "url", lambda c: [f"{c.server}/logo"], "skip", "PNG", named=lambda c, p: p[0]),
    Case("url-empty", "url", lambda c: [f"{c.server}/empty"], "skip", "empty", named=lambda c, p: p[0]),
    Case("url-latin1", "url", lambda c: [f"{c.server}/latin"], "land", landed=1),
    Case("url-drip", "url", lambda c: [f"{c.server}/drip"], "skip", "deadline", named=lambda c, p: p[0]),
    Case("url-password", "url", lambda c: [c.server.replace("http://", "http://ann:s3cret@") + "/missing"], "skip",
         "HTTP 404", named=lambda c, p: p[0].replace("ann:s3cret@", "***@")),
    Case("url-redirect-internal", "url", lambda c: [f"{c.server}/redirect/http://localhost:PORT/story"], "skip",
         "internal address", named=lambda c, p: p[0]),
    Case("url-dot-dot", "url", lambda c: [f"{c.server}/../../etc/passwd"], "skip", "HTTP 404",
         named=lambda c, p: p[0]),
    # folders and file names
    Case("fifo", "folder", _fifo, "skip", "empty file"),
    Case("symlink-loop", "folder", _symlink_loop, "partial", "cannot read|symbolic links|no such",
         named=lambda c, p: p[0] + "/self.txt", landed=1),
    Case("empty-folder", "folder", lambda c: [str(Path(c.file("hollow/.keep", "")).parent)], "skip", "no files"),
    Case("non-article-files", "folder", _readme_folder, "land", landed=1),
    Case("name-unicode-spaces", "name", lambda c: [c.file("\u00dcberschwemmung \u2013 2024 \u2614.txt", article(73))],
         "land", landed=1),
    Case("name-newline", "name", lambda c: [c.file("two\nlines.txt", article(74))], "land", landed=1),
    Case("name-dash", "name", lambda c: [c.file("-rf.txt", article(75))], "land", landed=1),
    Case("name-long", "name", lambda c: [c.file("n" * 240 + ".txt", article(76))], "land", landed=1),
    Case("name-no-extension-html", "name", lambda c: [c.file("page", "<html><body><p>" + article(77) +
                                                             "</p></body></html>")], "land", landed=1),
    # dates in the text
    Case("text-dateline-9999", "date", lambda c: [c.file("d9999.txt", "PARIS, Dec 31, 9999 (Wire) - " + article(78))],
         "land", landed=1),
    Case("text-historical-years", "date", lambda c: [c.file("years.txt",
         "Veterans active circa 2022 marched, as in the protests in 1989. " + article(79))], "land", landed=1),
]
