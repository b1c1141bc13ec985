"""Stage ``mentions``: named-entity mentions from the parser, trimmed of possessives.

The small parser splits an organisation whose name coordinates two plural nouns ("the Northern
Bakers and Confectioners Association" becomes "the Northern Bakers" + "Confectioners
Association").  Such a pair is joined back in the parse itself (``Doc.ents``), so that the
speaker finder and the attribution stages, which run later, see one name too."""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan

from claimledger.model import Document, Mention
from claimledger.pipeline import Context, stage
from claimledger.vocab import words

KEEP_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
POSSESSIVES = ("’s", "'s", "’", "'")


@stage("mentions")
def mentions(doc: Document, parsed: SpacyDoc, ctx: Context) -> None:
    join_coordinated_names(parsed)
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


def join_coordinated_names(parsed: SpacyDoc) -> None:
    """"X Bakers" + "and" + "Confectioners Association" -> one ORG: the first part ends in a plural
    proper noun and the second in an organisation head ("Google and Microsoft Corporation" stays two)."""
    ents = list(parsed.ents)
    out: list[SpacySpan] = []
    i = 0
    while i < len(ents):
        a = ents[i]
        b = ents[i + 1] if i + 1 < len(ents) else None
        if (b is not None and a.label_ == b.label_ == "ORG" and b.start == a.end + 1
                and parsed[a.end].lower_ in {"and", "&"} and parsed[a.end - 1].tag_ == "NNPS"
                and b[-1].lower_ in words("name_heads_organisation")):
            out.append(SpacySpan(parsed, a.start, b.end, label="ORG"))
            i += 2
            continue
        out.append(a)
        i += 1
    if len(out) != len(ents):
        parsed.ents = out
