"""Stage ``mentions``: named-entity mentions from the parser, trimmed of possessives."""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc

from claimledger.model import Document, Mention
from claimledger.pipeline import Context, stage

KEEP_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
POSSESSIVES = ("’s", "'s", "’", "'")


@stage("mentions")
def mentions(doc: Document, parsed: SpacyDoc, ctx: Context) -> None:
    for ent in parsed.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        start, end, text = ent.start_char, ent.end_char, ent.text
        for suffix in POSSESSIVES:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text = text[: -len(suffix)]
                end -= len(suffix)
                break
        if text.lower().startswith("the "):
            start += 4
            text = text[4:]
        if not any(c.isalpha() for c in text):
            continue
        doc.mentions.append(
            Mention(id=doc.new_id("m", len(doc.mentions) + 1), doc=doc.id, start=start, end=end,
                    text=text, label=ent.label_)
        )
