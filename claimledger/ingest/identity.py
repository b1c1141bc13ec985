"""Content identity: the same article text gets the same id on any machine, whatever its layout."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator

from ..model import Document

ID_LENGTH = 12
CHUNK_CHARS = 1 << 20
_SPACE = re.compile(r"\s")


def _word_chunks(text: str) -> Iterator[list[str]]:
    """The whitespace-separated words of ``text``, a megabyte at a time (cut only at whitespace).

    Splitting a 50 MB article at once would hold millions of small strings; chunks keep memory flat.
    """
    start, length = 0, len(text)
    while start < length:
        space = _SPACE.search(text, min(start + CHUNK_CHARS, length))
        end = space.start() + 1 if space else length
        yield text[start:end].split()
        start = end


def _identity(text: str) -> tuple[str, int]:
    digest = hashlib.sha256()
    words = 0
    for chunk in _word_chunks(unicodedata.normalize("NFC", text)):
        if chunk:
            digest.update(((" " if words else "") + " ".join(chunk)).encode("utf-8"))
            words += len(chunk)
    return digest.hexdigest(), words


def content_hash(text: str) -> str:
    """sha256 of the NFC text with whitespace runs collapsed to one space (and trimmed),
    so reflowed copies of an article hash alike."""
    return _identity(text)[0]


def assign_identity(doc: Document) -> Document:
    """Set ``content_hash``, ``id`` (its first 12 hex digits) and ``words`` (whitespace-separated); returns ``doc``."""
    doc.content_hash, doc.words = _identity(doc.text)
    doc.id = doc.content_hash[:ID_LENGTH]
    return doc
