"""The one exception type for a bad input, and the one notice for a usable input with a flaw, so
callers can report either in one line and go on."""

from __future__ import annotations


def printable(name: str) -> str:
    """A file name as one printable line: control characters (a newline in a name) escaped."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(name))


class IngestError(Exception):
    """One input that could not be ingested: ``str(err) == f"{err.name}: {err.reason}"``.

    Yielded (not raised) by :func:`claimledger.ingest.read_inputs`, so a batch never stops at the
    first bad file and the CLI can print one line per failure without a traceback.
    """

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = " ".join(str(reason).split())  # always one line
        super().__init__(f"{printable(self.name)}: {self.reason}")

    def __str__(self) -> str:
        return f"{printable(self.name)}: {self.reason}"

    def __repr__(self) -> str:
        return f"IngestError({self.name!r}, {self.reason!r})"


class IngestWarning:
    """A flaw in an input that is still ingested (a bad date dropped, bytes replaced), one line.

    Yielded by :func:`claimledger.ingest.read_inputs` just before the document it concerns;
    ``str(w) == f"{w.name}: {w.reason}"``.
    """

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = " ".join(str(reason).split())

    def __str__(self) -> str:
        return f"{printable(self.name)}: {self.reason}"

    def __repr__(self) -> str:
        return f"IngestWarning({self.name!r}, {self.reason!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IngestWarning) and (self.name, self.reason) == (other.name, other.reason)
