"""How a person types an id: ``M1``, ``m1`` and ``1`` all name measure M1.

Ledger ids are a letter plus a number (``M1`` measure, ``C2`` conflict, ``E3`` entity, ``S4``
story) or a lower-case hex content hash (documents).  Users type them in any case, and often
just the number, so every verb that takes an id goes through :func:`canonical_id`.
"""

from __future__ import annotations

import re

_NUMBERED = re.compile(r"^([A-Za-z]+)?(\d+)$")


def canonical_id(ref: str, letter: str) -> str:
    """``ref`` as stored for ids that start with ``letter`` ("m1", "1", " M1 " -> "M1")."""
    ref = ref.strip()
    match = _NUMBERED.match(ref)
    if match and (match.group(1) is None or match.group(1).upper() == letter.upper()):
        return f"{letter.upper()}{int(match.group(2))}"
    return ref.upper()


def canonical_doc_ref(ref: str) -> str:
    """A document id or prefix as stored: content hashes are lower-case hex."""
    return ref.strip().lower()
