"""Polarity (positive / negative / denial) and hedging of an attributed claim.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimledger.extract.cue_lexicon import (
    DENIAL_CUES, DENIAL_WORDS, HEDGE_ADVERBS, HEDGE_CUES, HEDGE_PHRASES,
)
from claimledger.extract.drafts import Draft
from claimledger.extract.parse_spans import subtree_bounds
from claimledger.model import Document


def polarity_of(verb: Token, content: Optional[Token], doc: Document) -> str:
    """``denial`` for denying cues or content, ``negative`` for a negated cue or content."""
    if verb.lemma_.lower() in DENIAL_CUES:
        return "denial"
    if any(c.dep_ == "neg" for c in verb.children) or negated_subject(verb):
        return "negative"
    if content is not None:
        s, e = subtree_bounds(content)
        span = verb.doc[s:e]
        if DENIAL_WORDS.search(span.text) and any(t.lemma_ in {"report", "claim", "allegation", "be"} for t in span):
            if re.search(r"\b(reports?|claims?|allegations?|rumou?rs?|that|this|it)\b", span.text, re.I):
                return "denial"
        if any(c.dep_ == "neg" for c in content.children):
            return "negative"
    return "positive"


def is_hedged(sent: SpacySpan, d: Draft) -> bool:
    if d.cue_token is not None and d.cue_token.lemma_.lower() in HEDGE_CUES:
        return True
    lowered = {t.lower_ for t in sent}
    return bool(lowered & HEDGE_ADVERBS) or bool(HEDGE_PHRASES.search(sent.text))


NEGATIVE_SUBJECTS = {"nobody", "none", "neither", "nothing"}


def negated_subject(verb: Token) -> bool:
    """'Neither X nor Y confirmed', 'No official confirmed', 'Nobody said': the cue is negated."""
    for subj in verb.children:
        if subj.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if subj.lower_ in NEGATIVE_SUBJECTS or (subj.lower_ == "one" and subj.i > 0 and subj.nbor(-1).lower_ == "no"):
            return True
        if any(c.dep_ in {"preconj", "det"} and c.lower_ in {"neither", "no"} for c in subj.children):
            return True
    return False
