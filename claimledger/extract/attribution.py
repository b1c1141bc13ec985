"""Stage ``attribution``: every figure inherits the attribution of the statement containing it.

Runs after ``figures`` and ``statements``.  A figure inside a statement's content gets that
statement's id, original speaker and relays (the "at least 100 killed" in an intelligence
service's claim relayed by a news agency is the service's figure, via the agency, via the
outlet).  A figure outside every statement is in the writer's own voice: the author (via the
outlet) when the byline is known, else the outlet itself.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc as SpacyDoc

from claimledger.extract.speakers import writer_source
from claimledger.model import Document, Statement
from claimledger.pipeline import Context, stage


def containing_statement(statements: list[Statement], start: int, end: int) -> Optional[Statement]:
    """The narrowest statement whose content parts hold ``[start, end)``."""
    best: Optional[Statement] = None
    best_size = 0
    for st in statements:
        parts = st.parts or [[st.start, st.end]]
        if any(s <= start and end <= e for s, e in parts):
            size = sum(e - s for s, e in parts)
            if best is None or size < best_size:
                best, best_size = st, size
    return best


@stage("attribution")
def attribution(doc: Document, parsed: SpacyDoc, ctx: Context) -> None:
    attribute_figures(doc)


def attribute_figures(doc: Document) -> None:
    """Set ``statement``, ``source`` and ``via`` on every figure of ``doc``."""
    writer, writer_via = writer_source(doc)
    for fig in doc.figures:
        st = containing_statement(doc.statements, fig.start, fig.end)
        if st is not None:
            fig.statement = st.id
            fig.source = st.speaker
            fig.via = list(st.via)
        else:
            fig.statement = None
            fig.source = writer.id
            fig.via = list(writer_via)
