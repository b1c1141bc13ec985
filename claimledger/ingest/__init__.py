"""Ingestion: turn files, folders, stdin and URLs into :class:`~claimledger.model.Document` objects.

The API the CLI and the store call::

    for item in read_inputs(paths, outlet=..., published=..., url=...):
        if isinstance(item, IngestError): print(item, file=sys.stderr)   # one line, no traceback
        else: store(item)                                                  # id, content_hash, words set

    index = NearDuplicateIndex()
    doc.duplicate_of = index.find(doc.text, exclude=doc.id); index.add(doc.id, doc.text)
"""

from __future__ import annotations

from .dates import parse_user_date
from .dedup import NearDuplicateIndex
from .errors import IngestError, IngestWarning
from .identity import assign_identity, content_hash
from .sources import detect_format, read_inputs

__all__ = [
    "IngestError", "IngestWarning", "NearDuplicateIndex", "assign_identity", "content_hash", "detect_format",
    "parse_user_date", "read_inputs",
]
