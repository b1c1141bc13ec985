"""JSON Lines: one article object per line (``text`` required; ``title``, ``url``, ``published``,
``outlet``, ``author`` optional).  A bad line is reported with its line number and the other lines
still land; documents are named ``<file>:<line>``."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..model import Document
from .dates import metadata_date
from .errors import IngestError
from .text import normalise_text

OPTIONAL_FIELDS = ("title", "url", "outlet", "author")


def jsonl_documents(raw: str, name: str) -> Iterator[Document | IngestError]:
    """One Document per good line, one IngestError per bad line (blank lines are skipped)."""
    found = False
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        found = True
        where = f"{name}:{number}"
        try:
            yield line_document(line, where)
        except IngestError as err:
            yield err
    if not found:
        yield IngestError(name, "empty file")


def line_document(line: str, where: str) -> Document:
    """The Document of one JSON line; :class:`IngestError` naming the line when it is unusable."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(where, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise IngestError(where, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise IngestError(where, "missing 'text' field" if text is None else "'text' must be a string")
    text = normalise_text(text)
    if not text:
        raise IngestError(where, "empty 'text'")
    fields = {key: _string(record.get(key)) for key in OPTIONAL_FIELDS}
    published = metadata_date(record.get("published"))
    return Document(
        name=where, format="jsonl", extractor="jsonl", text=text, **fields,
        published=published, published_how="metadata" if published else None,
        published_evidence="'published' field" if published else None,
    )


def _string(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(str(value).split())
    return text or None
