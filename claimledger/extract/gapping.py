"""Gapped second credits: "the ministry counted 200,000 people and the unions 350,000".

A claim whose content ends in "and|while|but|, <who> <number>" gives that number to <who>, with
the cue verb left out (gapping).  The parser hangs such a tail anywhere (a conjunct of the object,
an apposition), so it is read off the tokens: a noun phrase naming a counting body (a proper
name, or a noun of ``vocab/counting_bodies.txt``) right before a number that closes the clause.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span as SpacySpan

from claimledger import vocab
from claimledger.extract.drafts import Draft
from claimledger.extract.parse_spans import end_char, trim_parts

BODIES = vocab.words("counting_bodies")
JOINERS = {"and", "while", "but", "whereas"}
NP_POS = {"DET", "PROPN", "NOUN", "ADJ", "PART", "PUNCT"}


def split_gapped(text: str, sent: SpacySpan, drafts: list[Draft]) -> list[Draft]:
    """New drafts for the gapped credits inside ``drafts`` (whose content is cut before them)."""
    out: list[Draft] = []
    for d in drafts:
        if d.direct or d.source_span is None or len(d.parts) != 1 or d.parts[0][0] == d.parts[0][1]:
            continue
        tail = _gapped_tail(sent, d.parts[0][0], d.parts[0][1])
        if tail is None:
            continue
        joiner, who, number = tail
        head = trim_parts(text, [[d.parts[0][0], joiner.idx]])
        if not head:
            continue
        d.parts = head
        out.append(Draft(parts=[[number.idx, end_char(number)]], direct=False, cue=d.cue, cue_span=d.cue_span,
                         source_span=who, sentence=d.sentence, cue_token=d.cue_token, polarity=d.polarity,
                         hedged=d.hedged))
    return out


def _gapped_tail(sent: SpacySpan, start: int, end: int):
    tokens = [t for t in sent if start <= t.idx and end_char(t) <= end]
    comma = next((i for i, t in enumerate(tokens) if t.text in {",", ";", "—"} and i > 0 and tokens[i - 1].like_num
                  and any(w.lower_ in JOINERS for w in tokens[:i])), None)
    if comma is not None:
        tokens = tokens[:comma]             # "... and the union 800,000, a gap of half a million"
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if len(tokens) < 4 or not tokens[-1].like_num:
        return None
    number = tokens[-1]
    for k in range(len(tokens) - 2, 0, -1):
        t = tokens[k]
        if t.lower_ in JOINERS or t.text == "," and k >= 3:   # "..., the unions 800,000."
            np = tokens[k + 1:-1]
            nouns = [w for w in np if w.pos_ in {"NOUN", "PROPN"}]
            if not nouns or any(w.pos_ not in NP_POS or w.like_num for w in np):
                return None
            last = nouns[-1]
            if last.pos_ != "PROPN" and last.lemma_.lower() not in BODIES:
                return None
            if not any(w.like_num for w in tokens[:k]):
                return None         # the first half must give a figure too ("counted 200,000 people")
            return t, sent.doc[np[0].i:last.i + 1], number
        if t.pos_ not in NP_POS:
            return None
    return None
