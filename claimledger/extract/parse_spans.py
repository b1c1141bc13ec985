"""Small helpers on spaCy tokens and spans shared by the statement passes: subtree bounds,
cue text as written, trimmed content parts, sentence and paragraph lookups.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimledger.extract.cue_lexicon import PUNCT_STRIP
from claimledger.extract.sentence_index import token_sentence


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def source_span_of(tok: Token | SpacySpan) -> SpacySpan:
    if isinstance(tok, SpacySpan):
        return trim_span(tok)
    s, e = subtree_bounds(tok)
    return trim_span(tok.doc[s:e])


def role_of(tok: Token | SpacySpan) -> Optional[SpacySpan]:
    if isinstance(tok, SpacySpan):
        tok = tok.root
    appos = next((c for c in tok.children if c.dep_ == "appos"), None)
    if appos is None:
        return None
    s, e = subtree_bounds(appos)
    return trim_span(tok.doc[s:e])


def trim_span(span: SpacySpan) -> SpacySpan:
    s, e = span.start, span.end
    while s < e and (span.doc[s].is_punct or span.doc[s].is_space):
        s += 1
    while e > s and (span.doc[e - 1].is_punct or span.doc[e - 1].is_space) and span.doc[e - 1].text not in {")", "]"}:
        e -= 1
    return span.doc[s:e] if e > s else span


def subtree_bounds(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def end_char(tok: Token) -> int:
    return tok.idx + len(tok.text)


def comma_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text in {",", "—", "–"} for t in a.doc[lo:hi])


def _cue_bounds(verb: Token) -> tuple[Token, Token]:
    """The cue as written, as PolNeAR marks it: auxiliaries, negation and manner adverbs before
    the verb ("has often said", "aggressively attacked"), then a particle, a day ("said Friday")
    or the occasion ("said in an interview") after it."""
    first = verb
    i = verb.i - 1
    while i >= token_sentence(verb).start:
        tok = verb.doc[i]
        if tok.head.i == verb.i and (tok.dep_ in {"aux", "auxpass", "neg"} or (
                tok.dep_ == "advmod" and tok.pos_ == "ADV" and tok.lower_ not in NOT_CUE_ADVERBS)):
            first = tok
            i -= 1
            continue
        break
    last = verb
    for c in verb.children:
        if c.i == verb.i + 1 and (c.dep_ == "prt" or (verb.lemma_ == "call" and c.lower_ in {"for", "on"})):
            last = c
    nxt = last.i + 1
    doc = verb.doc
    if nxt < len(doc) and doc[nxt].head.i == verb.i:
        tok = doc[nxt]
        if tok.dep_ == "npadvmod" and tok.ent_type_ == "DATE" and tok.right_edge.i - nxt < 3:
            last = tok.right_edge  # "said Friday"
        elif tok.dep_ == "prep" and tok.lower_ in {"in", "at", "during", "on"} and tok.right_edge.i - nxt <= 6 and any(
                g.dep_ == "pobj" and g.lemma_.lower() in OCCASIONS for g in tok.children):
            last = tok.right_edge  # "said in an interview", "said at a briefing"
    return first, last


# Adverbs that link or frame the clause rather than qualify the act of saying.
NOT_CUE_ADVERBS = {"when", "where", "how", "why", "as", "so", "thus", "however", "therefore",
                   "meanwhile", "instead", "later", "earlier", "first", "last", "here", "there"}
# "said in an interview", "at a briefing": the occasion belongs to the cue.
OCCASIONS = {"interview", "statement", "briefing", "speech", "conference", "letter", "email",
             "post", "tweet", "podcast", "appearance", "address", "hearing", "rally", "debate",
             "call", "broadcast", "video", "message", "testimony", "event", "meeting", "session"}


def cue_text_of(verb: Token) -> str:
    first, last = _cue_bounds(verb)
    return verb.doc[first.i:last.i + 1].text  # Doc.text would rebuild the whole article


def cue_span_of(verb: Token) -> tuple[int, int]:
    first, last = _cue_bounds(verb)
    return first.idx, end_char(last)


def trim_parts(text: str, parts: list[list[int]]) -> list[list[int]]:
    """Parts without edge punctuation, but with the closing mark of a quote they open."""
    out = []
    for s, e in parts:
        while s < e and text[s] in PUNCT_STRIP:
            s += 1
        while e > s and text[e - 1] in PUNCT_STRIP:
            e -= 1
        chunk = text[s:e]
        if chunk.count("“") > chunk.count("”") or chunk.count('"') % 2 == 1:
            m = re.match(r"[.,!?]?[”\"]", text[e:e + 2])
            if m:
                e += m.end()
        if e - s >= 3 and any(ch.isalnum() for ch in text[s:e]):
            out.append([s, e])
    return out


def paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def sentence_of(parsed: SpacyDoc, pos: int) -> tuple[int, int]:
    for sent in parsed.sents:
        if sent.start_char <= pos < sent.end_char:
            return sent.start_char, sent.end_char
    return pos, pos


def conjunct_spans(span: SpacySpan) -> list[SpacySpan]:
    """The names of a coordinated source ("Smith and Jones", "neither Moscow nor Pyongyang").

    Only proper names are split: "officials and analysts" stays one (anonymous) source.
    Returns [] when the mention is not a coordination of names.
    """
    root = span.root
    conjuncts = [root]
    while True:
        nxt = next((c for c in conjuncts[-1].children if c.dep_ == "conj" and span.start <= c.i < span.end), None)
        if nxt is None:
            break
        conjuncts.append(nxt)
    if len(conjuncts) < 2 or not all(t.text[:1].isupper() for t in conjuncts) or \
            not any(t.pos_ == "PROPN" or t.ent_type_ for t in conjuncts):
        return []
    lo, hi = min(t.i for t in conjuncts), max(t.i for t in conjuncts)
    if span.doc[lo].ent_type_ and all(span.doc[k].ent_iob_ == "I" for k in range(lo + 1, hi + 1)):
        return []                # one name coordinating words ("the Bakers and Confectioners Association")
    out = []
    for tok in conjuncts:
        start = max(span.start, tok.left_edge.i)
        end = tok.i + 1
        for c in tok.children:  # the name's own words, without the next conjunct
            if c.i > tok.i and c.dep_ not in {"cc", "conj", "punct", "appos", "relcl", "acl"}:
                end = max(end, c.right_edge.i + 1)
        while start < end and (span.doc[start].dep_ in {"preconj", "cc", "punct"} or
                               span.doc[start].lower_ in {"neither", "either", "both"}):
            start += 1
        out.append(trim_span(span.doc[start:end]))
    return out
