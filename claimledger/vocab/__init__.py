"""Word lists of the package, one data file per concept, read once.

``words("events/killed")`` is the set of lines of ``vocab/events/killed.txt`` (lower case, ``#``
comments and blank lines dropped); ``events()`` maps every event of :data:`claimledger.model.EVENTS`
to its words and phrases.  Keeping the lists in files keeps them reviewable in one place and out
of the rules that use them.
"""

from __future__ import annotations

import functools
from importlib import resources

from claimledger.model import EVENTS


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of ``vocab/<name>.txt``."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.add(" ".join(line.split()))
    return frozenset(out)


@functools.cache
def events() -> dict[str, frozenset[str]]:
    """Event name -> its words (lemmas, inflections, nouns that imply it) and multi-word phrases."""
    return {name: words(f"events/{name}") for name in EVENTS}


@functools.cache
def event_index() -> dict[str, str]:
    """Word or phrase -> the event it names (a word listed under two events keeps the first)."""
    out: dict[str, str] = {}
    for name, members in events().items():
        for w in members:
            out.setdefault(w, name)
    return out


@functools.cache
def event_phrases() -> tuple[tuple[str, str], ...]:
    """Multi-word phrases ("lost their lives", "in critical condition"), longest first."""
    pairs = [(w, e) for w, e in event_index().items() if " " in w]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))
