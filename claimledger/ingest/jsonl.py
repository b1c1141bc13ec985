"""JSON Lines: one article object per line (``text`` required; ``title``, ``url``, ``published``,
``outlet``, ``author`` optional).  A bad line is reported with its line number and the other lines
still land; documents are named ``<file>:<line>``."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..model import Document
from .dates import checked_metadata_date
from .errors import IngestError, IngestWarning
from .text import lone_surrogates, normalise_text

OPTIONAL_FIELDS = ("title", "url", "outlet", "author")


def jsonl_documents(raw: str, name: str) -> Iterator[Document | IngestError | IngestWarning]:
    """One Document per good line, one IngestError per bad line (blank lines are skipped).

    Whatever goes wrong on one line (bad JSON, nesting too deep, a number too long) costs only
    that line; flaws in a usable line (an unusable date) come as an IngestWarning before it.
    """
    found = False
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        found = True
        where = f"{name}:{number}"
        warnings: list[IngestWarning] = []
        try:
            doc = line_document(line, where, warnings)
        except IngestError as err:
            yield err
            continue
        except Exception as exc:  # noqa: BLE001 - one odd line must never cost the rest of the file
            yield IngestError(where, f"unreadable line ({type(exc).__name__})")
            continue
        yield from warnings
        yield doc
    if not found:
        yield IngestError(name, "empty file")


def line_document(line: str, where: str, warnings: list[IngestWarning] | None = None) -> Document:
    """The Document of one JSON line; :class:`IngestError` naming the line when it is unusable.

    ``warnings`` collects one-line notices about flaws that do not stop the line.
    """
    warnings = warnings if warnings is not None else []
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(where, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise IngestError(where, "invalid JSON (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer longer than Python's digit limit
        raise IngestError(where, f"invalid JSON ({str(exc).splitlines()[0][:80]})") from None
    if not isinstance(record, dict):
        raise IngestError(where, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise IngestError(where, "missing 'text' field" if text is None else "'text' must be a string")
    broken = lone_surrogates(text)
    if broken:
        warnings.append(IngestWarning(where, f"{broken} lone surrogate(s) in 'text' (a cut-off character) "
                                             "replaced with U+FFFD"))
    text = normalise_text(text)
    if not text:
        raise IngestError(where, "empty 'text'")
    fields = {key: _string(record.get(key)) for key in OPTIONAL_FIELDS}
    try:
        published = checked_metadata_date(record.get("published"))
    except ValueError as exc:
        published = None
        warnings.append(IngestWarning(where, f"'published' ignored: {exc}"))
    return Document(
        name=where, format="jsonl", extractor="jsonl", text=text, **fields,
        published=published, published_how="metadata" if published else None,
        published_evidence="'published' field" if published else None,
    )


def _string(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = normalise_text(" ".join(str(value).split()))
    return text or None
