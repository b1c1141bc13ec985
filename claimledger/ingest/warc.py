"""WARC archives (warcio): every HTML response record becomes a document.

The document gets the record's target URI as ``url`` (the address captured, even when the page
declares another canonical URL) and name ``<file>#<target URI>``.  Its date
is the page's own metadata when present; otherwise the capture date (``WARC-Date``), marked
``published_how="inferred"`` since a page is published on or before the day it was archived.
A truncated or corrupt archive keeps every record read before the damage and reports the rest.
Non-HTML records (images, scripts, requests, metadata) and non-2xx responses are skipped silently.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import Document
from .dates import metadata_date
from .decode import decode_bytes
from .errors import IngestError
from .html import html_document

HTML_TYPES = ("text/html", "application/xhtml+xml")
READ_ERRORS = (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError)


def warc_documents(stream: BinaryIO, name: str) -> Iterator[Document | IngestError]:
    """Documents of the HTML responses in a WARC (gzipped or not) read from ``stream``."""
    records = 0
    html_records = 0
    try:
        for record in ArchiveIterator(stream):
            records += 1
            content_type = _content_type(record)
            wanted = record.rec_type in ("response", "resource") and content_type.startswith(HTML_TYPES)
            if wanted and record.http_headers is not None and not _ok(record.http_headers.get_statuscode()):
                wanted = False
            body = record.content_stream().read() if wanted else b""
            if _incomplete(record):
                yield IngestError(name, f"truncated WARC: record {records} is incomplete; "
                                        f"{records - 1} records before it were read")
                return
            if wanted:
                html_records += 1
                yield _guarded_record(record, body, name, content_type)
    except Exception as exc:  # noqa: BLE001 - warcio raises anything (even AttributeError) on corrupt input
        reason = str(exc).splitlines()[0] if isinstance(exc, READ_ERRORS) and str(exc).strip() else "unreadable record"
        yield IngestError(name, f"truncated or malformed WARC after {records} records: {reason}")
        return
    if records == 0:
        yield IngestError(name, "not a WARC archive (no records)")
    elif html_records == 0:
        yield IngestError(name, f"no HTML response among {records} WARC records")


def _incomplete(record) -> bool:
    """Whether the record ended before its declared Content-Length (a cut-off archive)."""
    raw = record.raw_stream
    while raw.read(65536):
        pass
    return getattr(raw, "limit", 0) > 0


def _guarded_record(record, body: bytes, name: str, content_type: str) -> Document | IngestError:
    """One record's document; whatever fails inside it costs only that record."""
    try:
        return _record_document(record, body, name, content_type)
    except Exception as exc:  # noqa: BLE001 - one odd record must never cost the rest of the archive
        target = record.rec_headers.get_header("WARC-Target-URI") or "record"
        return IngestError(f"{name}#{target}", f"unreadable record ({type(exc).__name__})")


def _record_document(record, body: bytes, name: str, content_type: str) -> Document | IngestError:
    target = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{name}#{target}" if target else f"{name}#{record.rec_headers.get_header('WARC-Record-ID')}"
    try:
        if not body.strip():
            return IngestError(where, "empty HTML response")
        charset = _charset(content_type)
        doc = html_document(decode_bytes(body, where, hint=charset), where, url=target or None, fmt="warc")
    except IngestError as err:
        return err
    doc.url = target or doc.url  # what was captured, even when the page names another canonical URL
    if not doc.published:
        captured = metadata_date(record.rec_headers.get_header("WARC-Date"))
        if captured:
            doc.published, doc.published_how = captured, "inferred"
            doc.published_evidence = "capture date (WARC-Date); published on or before it"
    return doc


def _content_type(record) -> str:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    return (headers.get_header("Content-Type") or "").strip().lower()


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _ok(status: str | None) -> bool:
    return status is None or status.startswith("2")
