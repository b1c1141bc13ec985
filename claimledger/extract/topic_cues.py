"""Attributed stances on a topic: 'X spoke about Y', 'X railed against Y', 'X is worried about Y'.

PolNeAR (and a reader checking who holds which view) counts a source's stated attitude toward a
topic as an attribution even without a clause: the cue runs from the verb (or the adjective) to
its preposition, and the content is the preposition's object.  Each preposition only goes with
the verbs or adjectives that make it a topic of speech or stance, so "spoke on Tuesday" or "wrote
on Twitter" never become claims.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimledger.extract.drafts import Draft
from claimledger.extract.parse_spans import end_char, role_of, source_span_of, trim_parts
from claimledger.model import Document

# verb lemma -> prepositions that introduce what the source spoke about or stood for / against
TOPIC_VERBS: dict[str, set[str]] = {
    "speak": {"about", "of", "on", "against"}, "talk": {"about", "of"},
    "complain": {"about", "of", "over"}, "ask": {"about"}, "brag": {"about", "of"},
    "boast": {"about", "of"}, "joke": {"about"}, "write": {"about", "of"}, "tweet": {"about"},
    "worry": {"about", "over"}, "fret": {"about", "over"}, "testify": {"about", "on", "against"},
    "argue": {"about", "against", "for", "over"}, "care": {"about"}, "wonder": {"about"},
    "comment": {"on", "about"}, "focus": {"on"}, "weigh": {"in"}, "rail": {"against"},
    "campaign": {"for", "against", "on"}, "vote": {"for", "against"}, "rule": {"against", "on"},
    "advocate": {"for"}, "plead": {"for"}, "lobby": {"for", "against"}, "apologize": {"for"},
    "apologise": {"for"}, "warn": {"of", "about", "against"}, "caution": {"against", "about"},
    "protest": {"against"}, "clash": {"over", "on"}, "elaborate": {"on"}, "expound": {"on"},
    "opine": {"on", "about"}, "refer": {"to"}, "allude": {"to"}, "object": {"to"},
    "respond": {"to"}, "reply": {"to"}, "react": {"to"}, "moralize": {"about"}, "muse": {"about", "on"},
    "rant": {"about", "against"}, "lecture": {"about", "on"}, "disagree": {"on", "about", "with"},
    "agree": {"on", "with"}, "press": {"on", "for"}, "push": {"for"}, "call": {"for"},
    "pray": {"for"}, "appeal": {"for"}, "criticize": {"for"}, "criticise": {"for"},
    "blame": {"for"}, "accuse": {"of"}, "praise": {"for"}, "thank": {"for"}, "fault": {"for"},
    "express": {"about", "over"}, "inquire": {"about"}, "question": {"about"},
}
TOPIC_ADJECTIVES = {
    "worried", "concerned", "anxious", "nervous", "optimistic", "pessimistic", "skeptical",
    "sceptical", "confident", "hopeful", "passionate", "critical", "supportive", "vague", "coy",
    "bullish", "bearish", "frustrated", "angry", "upset", "furious", "pleased", "proud", "wary",
    "doubtful", "dismissive", "enthusiastic", "silent", "adamant", "unapologetic", "candid",
    "outspoken", "fearful", "suspicious", "tolerant", "contemptuous",
}
ADJECTIVE_PREPOSITIONS = {"about", "of", "on", "over", "toward", "towards"}
# Objects that are the medium or the time of speaking, not its topic ("spoke on Tuesday").
NOT_TOPICS = {"phone", "twitter", "facebook", "instagram", "television", "tv", "radio", "air",
              "camera", "stage", "program", "programme", "show", "call", "podcast", "website", "blog",
              "behalf", "condition", "record", "occasion", "day", "night", "morning", "afternoon",
              "evening", "week", "weekend", "month", "year", "time", "floor", "panel", "line"}


def topic_draft(doc: Document, sent: SpacySpan, tok: Token, subject: Optional[Token | SpacySpan]) -> Optional[Draft]:
    """A stance on a topic headed by ``tok`` (a verb or a predicative adjective), or None."""
    if subject is None:
        return None
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        preps = TOPIC_VERBS.get(lemma)
    elif tok.pos_ == "ADJ" and tok.lower_ in TOPIC_ADJECTIVES and tok.dep_ == "acomp":
        preps = ADJECTIVE_PREPOSITIONS
    else:
        preps = None
    if not preps:
        return None
    prep, obj = None, None
    for c in tok.children:  # "spoke out on Tuesday against X": the first preposition with a topic
        if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i:
            o = next((g for g in c.children if g.dep_ in {"pobj", "pcomp"}), None)
            if o is not None and o.ent_type_ not in {"DATE", "TIME"} and o.lemma_.lower() not in NOT_TOPICS:
                prep, obj = c, o
                break
    if prep is None or obj is None:
        return None
    parts = trim_parts(doc.text, [[obj.left_edge.idx, end_char(obj.right_edge)]])
    if not parts:
        return None
    anchor = tok if tok.pos_ == "VERB" else tok.head  # "has been critical of": the copula
    return _draft(doc, sent, tok, anchor, prep, subject, parts)



# "X is sure (that) ...", "X is determined to ...", "X was convinced ...": a held view or intent.
ATTITUDE_WORDS = {
    "sure", "certain", "convinced", "confident", "afraid", "worried", "concerned", "determined",
    "willing", "eager", "adamant", "hopeful", "optimistic", "aware", "unsure", "uncertain",
    "skeptical", "sceptical", "doubtful", "reluctant", "ready", "keen", "happy", "glad", "pleased",
    "proud", "sorry", "upset", "angry", "unwilling", "persuaded", "fearful", "intent", "anxious",
}


def attitude_draft(doc: Document, sent: SpacySpan, tok: Token, subject: Optional[Token | SpacySpan]) -> Optional[Draft]:
    """'Fans are sure the coach will stay': the clause after a predicative attitude word."""
    if tok.lower_ not in ATTITUDE_WORDS:
        return None
    if subject is None:  # "investors are convinced": the parser may hang the subject on "are"
        subject = next((g for c in tok.children if c.dep_ in {"aux", "auxpass"}
                        for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    if not (tok.dep_ in {"acomp", "ROOT", "ccomp", "conj"} and tok.pos_ == "ADJ") and \
            not (tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)):
        return None
    root = subject.root if isinstance(subject, SpacySpan) else subject
    if root.lower_ in {"it", "there", "this", "that"}:
        return None  # "it is clear that": no one holds the view
    holders = [tok] + ([tok.head] if tok.dep_ == "acomp" else [])  # "weren't sure if X": on "were"
    clause = next((c for h in holders for c in h.children if c.i > tok.i and c.pos_ in {"VERB", "AUX"} and (
        c.dep_ in {"ccomp", "xcomp"} or (c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in {"that", "if", "whether"} for m in c.children)))), None)
    if clause is None:
        return None
    parts = trim_parts(doc.text, [[clause.left_edge.idx, end_char(clause.right_edge)]])
    if not parts:
        return None
    anchor = tok.head if tok.dep_ == "acomp" else tok
    return _draft(doc, sent, tok, anchor, tok, subject, parts)


def _draft(doc, sent, tok, anchor, last, subject, parts: list[list[int]]) -> Draft:
    """A stance/attitude draft: the cue runs from the first auxiliary or negation of ``anchor``
    to ``last``; a negation on either word makes the statement negative."""
    first = min([tok, anchor] + [c for c in anchor.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < tok.i],
                key=lambda t: t.i)
    cue_span = (first.idx, end_char(last))
    negated = any(c.dep_ == "neg" for c in anchor.children) or any(c.dep_ == "neg" for c in tok.children)
    return Draft(parts=parts, direct=False, cue=doc.text[cue_span[0]:cue_span[1]], cue_span=cue_span,
                 source_span=source_span_of(subject), role_span=role_of(subject),
                 sentence=(sent.start_char, sent.end_char), cue_token=tok,
                 polarity="negative" if negated else "positive")
