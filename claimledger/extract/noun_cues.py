"""Nouns as cues: 'the coach's claim that ...', 'the union's criticism of ...', 'the CEO's plan to ...'.

A speech or stance noun with a possessor attributes its complement to that possessor, just as
the verb would ("the coach claimed that ...").  Only possessed nouns count: "a claim that ..."
names no source, and guessing one would be worse than leaving the claim in the writer's voice.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimledger.extract.drafts import Draft
from claimledger.extract.parse_spans import cue_span_of, end_char, source_span_of, trim_parts

SPEECH_NOUNS = {
    "claim", "assertion", "statement", "warning", "promise", "pledge", "criticism", "comment",
    "remark", "allegation", "accusation", "charge", "argument", "insistence", "denial", "admission",
    "suggestion", "prediction", "estimate", "assessment", "view", "belief", "decision", "plan",
    "proposal", "demand", "call", "threat", "vow", "hope", "fear", "concern", "complaint",
    "message", "position", "stance", "support", "opposition", "endorsement", "praise",
    "condemnation", "acknowledgment", "acknowledgement", "announcement", "testimony", "account",
    "description", "characterization", "theory", "idea", "answer", "response", "reply", "insistence",
    "contention", "conclusion", "finding", "forecast", "projection", "rhetoric", "disdain",
    "determination", "refusal", "willingness", "reluctance", "commitment", "attack", "defense",
    "defence", "embrace", "rejection", "dismissal", "doubt", "confidence", "opinion", "verdict",
    "count", "tally", "figure", "toll",
}
TALLY_NOUNS = {"count", "tally", "figure", "toll", "estimate"}
"""Possessed, these carry a number the verb moves or keeps: "raised its count of marchers to
330,000", "stuck to its figure of 800,000"."""
TOPIC_PREPOSITIONS = {"of", "about", "on", "for", "against", "over", "to"}


def noun_draft(sent: SpacySpan, tok: Token) -> Optional[Draft]:
    """The statement a possessed speech noun carries, or None."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in SPEECH_NOUNS:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    content = _complement(tok)
    verb = _governing_verb(tok)
    if content is None and tok.lemma_.lower() in TALLY_NOUNS and owner.pos_ == "PRON" and verb is not None \
            and _moved_to(verb, tok):
        content = tok                       # "the ministry lowered its toll to 125": the value is the claim
    if content is None:
        return None
    text = tok.doc.text
    start = content.left_edge.idx
    if content.dep_ == "prep":
        obj = next(c for c in content.children if c.dep_ in {"pobj", "pcomp"})
        start = obj.left_edge.idx
        last = obj.right_edge
    else:
        last = content.right_edge
    parts = trim_parts(text, [[start, end_char(last)]])
    if not parts:
        return None
    if owner.pos_ == "PRON" and verb is not None:
        # "Clinton is promoting her plans for X": the verb is the cue, its subject the source,
        # and the whole possessed phrase the content (as PolNeAR annotates it)
        subject = next(c for c in verb.children if c.dep_ == "nsubj")
        last = tok.right_edge
        if tok.lemma_.lower() in TALLY_NOUNS:
            last = max([last] + [c.right_edge for c in _moved_to(verb, tok)], key=lambda t: t.i)
        parts = trim_parts(text, [[tok.left_edge.idx, end_char(last)]])
        cue_span = cue_span_of(verb)
        if not parts or cue_span[1] > parts[0][0]:
            return None
        cue_span = (cue_span[0], _phrase_end(verb, tok))
        return Draft(parts=parts, direct=False, cue=text[cue_span[0]:cue_span[1]], cue_span=cue_span,
                     source_span=source_span_of(subject), sentence=(sent.start_char, sent.end_char),
                     cue_token=verb, nominal=True)
    owner_span = source_span_of(owner)
    if owner_span.end > tok.i:  # the possessor's subtree must stop before the noun
        owner_span = tok.doc[owner.left_edge.i:owner.i + 1]
    return Draft(parts=parts, direct=False, cue=tok.text, cue_span=(tok.idx, end_char(tok)),
                 source_span=_without_possessive(owner_span), sentence=(sent.start_char, sent.end_char),
                 cue_token=tok, nominal=True)


def _moved_to(verb: Token, noun: Token) -> list[Token]:
    """The verb's "to 330,000" / "at 125" after a possessed tally noun: where it moved the value."""
    return [c for c in verb.children if c.i > noun.i and c.dep_ == "prep" and c.lower_ in {"to", "at"}
            and any(t.like_num for t in c.subtree)]


def _governing_verb(noun: Token) -> Optional[Token]:
    """The verb with a subject that takes the noun as object, directly or through a preposition."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in {"dobj", "obj"}:
        return None
    if head.pos_ == "VERB" and head.i < noun.i and any(c.dep_ == "nsubj" for c in head.children):
        return head
    return None


def _phrase_end(verb: Token, noun: Token) -> int:
    """End of the cue: the verb, its particle and a preposition before the noun ("doubling down on")."""
    end = end_char(verb)
    for t in verb.doc[verb.i + 1:noun.left_edge.i]:
        if t.dep_ in {"prt", "prep", "advmod"} and t.head.i == verb.i or t.dep_ == "prep" and t.i == noun.head.i:
            end = end_char(t)
        else:
            break
    return end


def _complement(noun: Token) -> Optional[Token]:
    """'claim that X' (clause), 'plan to X' (infinitive), 'criticism of X' (topic)."""
    for c in noun.children:
        if c.i > noun.i and c.dep_ in {"acl", "ccomp", "relcl"} and c.pos_ in {"VERB", "AUX"} and \
                any(m.lower_ == "that" and m.dep_ == "mark" or m.dep_ == "aux" and m.lower_ == "to"
                    for m in c.children):
            return c
    for c in noun.children:
        if c.i > noun.i and c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS and \
                any(g.dep_ in {"pobj", "pcomp"} for g in c.children):
            return c
    return None


def _without_possessive(span: SpacySpan) -> SpacySpan:
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[span.start:end]
