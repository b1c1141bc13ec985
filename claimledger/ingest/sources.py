"""Walking the user's inputs (files, folders, ``-`` for stdin, URLs) and routing each to its reader.

Formats are detected by extension first (the user named the file), then by content (stdin,
URLs, unknown extensions).  Size policy: a file larger than ``max_bytes`` (``DEFAULT_MAX_BYTES``,
or ``CLAIMLEDGER_MAX_BYTES``, or ``add --max-bytes``) is refused before it is read, with its size
in the message; a JSONL, feed or WARC file may be ``CONTAINER_FACTOR`` times larger, and each of
its records whose text exceeds the limit is skipped alone.  Every
problem with one input, or one record of it, becomes one :class:`IngestError` and the walk goes
on; a flaw in a usable input (a date dropped, bytes replaced) is one :class:`IngestWarning`.

A folder walk skips hidden files and notes that travel with articles (README, LICENSE,
PROVENANCE, CHANGELOG... listed in ``vocab/non_article_files.txt``, any extension) and manifest
files (``claimledger.csv``/``.jsonl``, ``manifest.*``); named explicitly, such a file is read.
"""

from __future__ import annotations

import functools
import gzip
import io
import os
import re
import sys
import zlib
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from ..model import Document
from .dates import DateRangeError, check_range, parse_user_date
from .decode import binary_kind, binary_reason, bom_encoding, decode_with_notice
from .errors import IngestError, IngestWarning
from .feed import feed_documents
from .front_matter import apply_front_matter
from .html import html_document
from .identity import assign_identity
from .jsonl import jsonl_documents
from .manifest import Manifests, apply_entry, is_manifest
from .text import text_document
from .url import FetchError, fetch, is_url, redact
from .warc import warc_documents

STDIN_NAME = "<stdin>"
DEFAULT_MAX_BYTES = 200_000_000
MAX_BYTES_ENV = "CLAIMLEDGER_MAX_BYTES"
CONTAINER_FACTOR = 100
NON_ARTICLE_LIST = Path(__file__).resolve().parent.parent / "vocab" / "non_article_files.txt"
SUFFIX_FORMATS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"), (".warc", "warc"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"), (".shtml", "html"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"),
    (".rss", "feed"), (".atom", "feed"), (".xml", "feed"),
    (".txt", "text"), (".text", "text"), (".md", "text"),
)
FEED_MARKERS = ("<rss", "<feed", "<rdf:rdf", "<channel")
HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div")

_WORD = re.compile(r"[^\W\d_]{2,}")

Item = Document | IngestError | IngestWarning


def max_bytes_from_env(default: int = DEFAULT_MAX_BYTES) -> int:
    """``CLAIMLEDGER_MAX_BYTES`` (plain bytes, or with a k/M/G suffix) when set, else ``default``."""
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    return parse_size(value) if value else default


def parse_size(value: str) -> int:
    """``"5000000"``, ``"5M"``, ``"200k"``, ``"1G"`` -> bytes; ``ValueError`` with a clear message otherwise."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)[bB]?\s*", value or "")
    if not match:
        raise ValueError(f"invalid size {value!r}: use bytes or a number with k, M or G (e.g. 20M)")
    size = int(float(match[1]) * {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}[match[2].lower()])
    if size <= 0:
        raise ValueError(f"invalid size {value!r}: must be positive")
    return size


@functools.cache
def _non_article_stems() -> frozenset[str]:
    lines = NON_ARTICLE_LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def is_non_article_file(file_name: str) -> bool:
    """Project notes (README.md, LICENSE, PROVENANCE.md, CHANGELOG...) and manifests, skipped in folders."""
    lowered = file_name.lower()
    stem = lowered.split(".", 1)[0]
    return stem in _non_article_stems() or lowered in ("claimledger.csv", "claimledger.jsonl")


def read_inputs(
    inputs: list[str], *, outlet: str | None = None, published: str | None = None,
    url: str | None = None, stdin: BinaryIO | None = None, max_bytes: int | None = None,
) -> Iterator[Item]:
    """Yield one Document per article found, or one IngestError per bad input; never raise for user errors.

    User-given ``outlet``/``published``/``url`` override what the files say (``published_how='user'``).
    ``max_bytes`` (default: ``CLAIMLEDGER_MAX_BYTES`` or ``DEFAULT_MAX_BYTES``) bounds each input.
    """
    if max_bytes is None:
        try:
            max_bytes = max_bytes_from_env()
        except ValueError as exc:
            yield IngestError(MAX_BYTES_ENV, str(exc))
            return
    if published is not None:
        try:
            published = parse_user_date(published)
        except ValueError as exc:
            yield IngestError("--published", str(exc))
            return
    manifests = Manifests()
    for given in inputs:
        shown = redact(given) if is_url(given) else given  # never echo a password
        for item in _guarded(shown, lambda given=given: _read_one(given, stdin, max_bytes, manifests)):
            if isinstance(item, Document):
                yield from _finished(item, outlet=outlet, published=published, url=url, max_bytes=max_bytes)
            else:
                yield item


def detect_format(name: str, head: bytes) -> str:
    """text | html | jsonl | feed | warc, from the file name and its first bytes."""
    lowered = name.lower()
    for suffix, fmt in SUFFIX_FORMATS:
        if lowered.endswith(suffix):
            return fmt
    return sniff_format(head)


def sniff_format(head: bytes) -> str:
    """The format from content alone (stdin, URLs, unknown extensions)."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = gzip.GzipFile(fileobj=io.BytesIO(head)).read(16)
        except (OSError, EOFError, zlib.error):
            return "text"  # left to the binary check
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    start = head[:4096].decode(bom_encoding(head) or "latin-1", errors="ignore")
    start = start.lstrip("\ufeff\xef\xbb\xbf \t\r\n").lower()
    if start.startswith("<?xml") or start.startswith(FEED_MARKERS):
        if any(marker in start for marker in FEED_MARKERS):
            return "feed"
    if start.startswith("<") and any(marker in start for marker in HTML_MARKERS):
        return "html"
    if start.startswith("{"):
        return "jsonl"
    return "text"


def _read_one(given: str, stdin: BinaryIO | None, max_bytes: int, manifests: Manifests | None = None) -> Iterator[Item]:
    if given == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _read_bytes(stream.read(max_bytes + 1), STDIN_NAME, None, max_bytes)
    elif is_url(given):
        yield from _read_url(given, max_bytes)
    elif os.path.isdir(given):
        yield from _read_folder(given, max_bytes, manifests)
    elif not is_manifest(given):  # "add folder/*" names the manifest too: it is metadata, not an article
        yield from _with_manifest(given, _read_file(given, max_bytes), manifests)


def _with_manifest(path: str, items: Iterable[Item], manifests: Manifests | None) -> Iterator[Item]:
    """``items`` read from ``path``, with what the folder's manifest says about that file."""
    entry = manifests.entry_for(path) if manifests is not None else None
    if manifests is not None:
        yield from manifests.take_errors()
    for item in items:
        yield apply_entry(item, entry) if entry is not None and isinstance(item, Document) else item


def _read_folder(folder: str, max_bytes: int, manifests: Manifests | None = None) -> Iterator[Item]:
    found = False
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(f for f in files if not f.startswith(".") and not is_manifest(f)
                           and not is_non_article_file(f)):
            found = True
            path = os.path.join(root, file)
            yield from _guarded(path, lambda path=path: _with_manifest(path, _read_file(path, max_bytes), manifests))
    for error in unreadable:
        yield IngestError(error.filename or folder, f"cannot read folder: {error.strerror or error}")
    if not found and not unreadable:
        yield IngestError(folder, "folder holds no files")


def _read_file(path: str, max_bytes: int) -> Iterator[Item]:
    try:
        size = os.path.getsize(path)
        limit = _file_limit(detect_format(path, b""), max_bytes)
        if size > limit:
            raise IngestError(path, f"file too large ({_size(size)}; the limit is {_size(limit)}, "
                                    f"set with --max-bytes or {MAX_BYTES_ENV})")
        if size == 0:
            raise IngestError(path, "empty file")
        with open(path, "rb") as handle:
            head = handle.read(4096)
            fmt = detect_format(path, head)
            handle.seek(0)
            if fmt == "warc" and sniff_format(head) != "warc":
                raise IngestError(path, "not a WARC archive (no WARC header)")
            if fmt == "warc":
                yield from warc_documents(handle, path)
                return
            data = handle.read()
    except FileNotFoundError:
        yield IngestError(path, "no such file or directory")
        return
    except PermissionError:
        yield IngestError(path, "permission denied")
        return
    except IsADirectoryError:
        yield IngestError(path, "is a directory")
        return
    except IngestError as err:
        yield err
        return
    except OSError as exc:
        yield IngestError(path, f"cannot read: {exc.strerror or exc}")
        return
    yield from _read_bytes(data, path, fmt, max_bytes)


def _read_bytes(data: bytes, name: str, fmt: str | None, max_bytes: int) -> Iterator[Item]:
    """Route an input already in memory (file, stdin, fetched page) to its reader."""
    if not data.strip():
        yield IngestError(name, "empty file")
        return
    fmt = fmt or sniff_format(data[:4096])
    if len(data) > _file_limit(fmt, max_bytes):
        yield IngestError(name, f"input too large (more than {_size(_file_limit(fmt, max_bytes))}, the limit "
                                f"set with --max-bytes or {MAX_BYTES_ENV})")
        return
    if fmt == "warc":
        yield from warc_documents(io.BytesIO(data), name)
        return
    kind = binary_kind(data)
    if kind:
        yield IngestError(name, binary_reason(kind))
        return
    if fmt == "feed":
        yield from feed_documents(data, name)
        return
    try:
        text, notice = decode_with_notice(data, name)
    except IngestError as err:
        yield err
        return
    if notice:
        yield IngestWarning(name, notice)
    if not text.strip():
        yield IngestError(name, "empty file")
    elif fmt == "jsonl":
        yield from jsonl_documents(text, name)
    elif fmt == "html":
        yield _attempt(name, lambda: html_document(text, name))
    else:
        yield _attempt(name, lambda: text_document(text, name))


def _file_limit(fmt: str, max_bytes: int) -> int:
    """The size limit of one input: ``max_bytes`` for an article, ``CONTAINER_FACTOR`` times it for
    a JSONL, feed or WARC file (many articles, each of which must fit ``max_bytes`` on its own)."""
    return max_bytes * CONTAINER_FACTOR if fmt in ("jsonl", "feed", "warc") else max_bytes


def _read_url(given: str, max_bytes: int) -> Iterator[Item]:
    address = redact(given)
    try:
        page = fetch(given, max_bytes=max_bytes)
    except FetchError as exc:
        yield IngestError(address, str(exc))
        return
    declared = page.content_type
    if "html" in declared:
        fmt = "html"
    elif any(kind in declared for kind in ("rss", "atom", "xml")):
        fmt = "feed"
    elif declared.startswith("text/"):
        fmt = "text"
    else:
        fmt = None
    for item in _read_bytes(page.body, address, fmt, max_bytes):
        if isinstance(item, Document):
            item.format = "url"
            item.url = item.url or page.url
            if fmt == "html" or item.name == address:
                item.name = address
        yield item


def _finished(doc: Document, *, outlet: str | None, published: str | None, url: str | None,
              max_bytes: int) -> Iterator[Item]:
    """The document checked and given its identity, or one error; never an exception (a record
    that fails here costs only itself)."""
    name = doc.name or "<input>"
    try:
        if len(doc.text) > max_bytes:
            yield IngestError(name, f"article text too large ({_size(len(doc.text))}; the limit is "
                                    f"{_size(max_bytes)}, set with --max-bytes or {MAX_BYTES_ENV})")
            return
        finished = _finish(doc, outlet=outlet, published=published, url=url)
        notice = _checked_date(finished) if isinstance(finished, Document) and not published else None
    except MemoryError:
        yield IngestError(name, "out of memory while reading")
        return
    except Exception as exc:  # noqa: BLE001 - one bad record must never stop a batch or show a traceback
        yield IngestError(name, f"unexpected error ({type(exc).__name__}: {str(exc)[:200]})")
        return
    if notice and isinstance(finished, Document):
        yield IngestWarning(name, notice)
    yield finished


def _checked_date(doc: Document) -> str | None:
    """Drop a publication date that cannot be one (future, before 1800, unreadable); say why."""
    from datetime import date

    if doc.dateline_date and not doc.dateline_date.startswith("--"):
        try:
            check_range(date.fromisoformat(doc.dateline_date))
        except (DateRangeError, ValueError):
            doc.dateline_date = None  # the dateline stays as written; its impossible date is not kept
    if not doc.published:
        return None
    try:
        check_range(date.fromisoformat(doc.published.split("/")[0].strip()[:10]))
        return None
    except (DateRangeError, ValueError) as exc:
        given = doc.published
        doc.published = doc.published_how = doc.published_evidence = None
        reason = str(exc) if isinstance(exc, DateRangeError) else f"unreadable date {given!r}"
        return f"publication date ignored: {reason}"


def _finish(doc: Document, *, outlet: str | None, published: str | None, url: str | None) -> Item:
    if not doc.text.strip():
        return IngestError(doc.name, "no article text")
    if not _WORD.search(doc.text):
        return IngestError(doc.name, "no words in the text (only digits or symbols)")
    apply_front_matter(doc)  # bylines and datelines fill only what the metadata left empty
    if outlet:
        doc.outlet = outlet
    if url:
        doc.url = url
    if published:
        doc.published, doc.published_how = published, "user"
        doc.published_evidence = "given by the user"
    return assign_identity(doc)


def _attempt(name: str, build: Callable[[], Document]) -> Item:
    try:
        return build()
    except IngestError as err:
        return err


def _guarded(name: str, produce: Callable[[], Iterable[Item]]) -> Iterator[Item]:
    """Turn an unexpected exception inside one input into an error line; the batch goes on."""
    try:
        yield from produce()
    except MemoryError:
        yield IngestError(name, "out of memory while reading")
    except RecursionError:
        yield IngestError(name, "input nested too deeply to read")
    except Exception as exc:  # noqa: BLE001 - one bad input must never stop a batch or show a traceback
        yield IngestError(name, f"unexpected error ({type(exc).__name__}: {str(exc)[:200]})")


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.1f} kB"
