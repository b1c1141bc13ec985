"""Stage ``sentences``: sentence spans from the parse (line breaks always end a sentence)."""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc

from claimledger.model import Document, Span
from claimledger.pipeline import Context, stage


@stage("sentences")
def sentences(doc: Document, parsed: SpacyDoc, ctx: Context) -> None:
    for sent in parsed.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        doc.sentences.append(Span(doc=doc.id, start=start, end=start + len(stripped)))
