"""'According to X, ...': the source is the phrase's object, the claim the rest of the clause.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimledger.extract.cue_lexicon import CUE_LEMMAS, NOT_A_SOURCE
from claimledger.extract.drafts import Draft
from claimledger.extract.parse_spans import end_char, role_of, subtree_bounds, trim_parts, trim_span
from claimledger.model import Document


def according_to(doc: Document, sent: SpacySpan, tok: Token) -> Optional[Draft]:
    to = tok.nbor(1)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if pobj.lemma_.lower() in NOT_A_SOURCE:
        return None
    src_start, src_end = subtree_bounds(pobj)
    comma = next((t.i for t in tok.doc[pobj.i:src_end] if t.text in {",", ";", "—"}), None)
    if comma is not None and comma < src_end - 1 and tok.head.i == tok.i:
        src_end = comma  # "According to X, the claim ..." parsed with the claim under X
    paren = next((t.i for t in tok.doc[pobj.i:src_end] if t.text == "("), None)
    if paren is not None and any(t.like_num for t in tok.doc[paren:src_end]):
        src_end = paren  # "according to police (400,000 according to the union)": the aside is no part of the name
    phrase_start = tok.i
    phrase_end = max(src_end, to.i + 1)
    source_span = tok.doc[src_start:src_end]
    role_span = role_of(source_span.root)
    cut_start = tok.doc[phrase_start].idx
    cut_end = tok.doc[phrase_end - 1].idx + len(tok.doc[phrase_end - 1].text)
    clause_start, clause_end = sent.start_char, sent.end_char
    head = tok.head
    if head.i != tok.i and head.pos_ in {"VERB", "AUX"} and head.dep_ in {"ccomp", "xcomp", "conj", "advcl"} \
            and head.head.lemma_.lower() in CUE_LEMMAS:
        # "X did Y, according to Z, noted W": the claim is the clause the phrase modifies
        hs, he = subtree_bounds(head)
        clause_start, clause_end = tok.doc[hs].idx, end_char(tok.doc[he - 1])
    cuts = [(cut_start, cut_end)]
    for c in head.children:  # "..., according to Z, noted W": W's cue clause is not Z's claim
        if c.i > tok.i and c.dep_ in {"advcl", "parataxis"} and c.lemma_.lower() in CUE_LEMMAS and \
                any(g.dep_ == "nsubj" for g in c.children):
            cs, ce = subtree_bounds(c)
            cuts.append((tok.doc[cs].idx, end_char(tok.doc[ce - 1])))
    parts, pos = [], clause_start
    for a, b in sorted(cuts):
        parts.append([pos, a])
        pos = max(pos, b)
    parts.append([pos, clause_end])
    parts = trim_parts(doc.text, parts)
    if not parts:
        return None
    return Draft(parts=parts, direct=False, cue=doc.text[tok.idx:end_char(to)],
                 cue_span=(tok.idx, end_char(to)), source_span=trim_span(source_span),
                 role_span=role_span, sentence=(sent.start_char, sent.end_char), cue_token=tok)


# "In the latest poll, X leads": a document named at the head of the sentence is its source.
DOCUMENT_NOUNS = {"poll", "survey", "study", "report", "analysis", "statement", "interview", "letter",
                  "memo", "filing", "speech", "testimony", "lawsuit", "complaint", "ruling", "census",
                  "assessment", "review", "audit", "briefing", "post", "tweet", "op-ed", "column", "paper"}


def in_document(doc: Document, sent: SpacySpan, tok: Token) -> Optional[Draft]:
    """'In its annual report, the bank said ...' is left to 'said'; 'In the poll, X led' is the poll's."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.dep_ != "ROOT" or tok.head.lemma_.lower() in CUE_LEMMAS:
        return None
    if any(not (t.is_punct or t.lower_ in {"but", "and", "yet"}) for t in tok.doc[sent.start:tok.i]):
        return None  # only a phrase that opens the sentence frames all of it
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    _, phrase_end = subtree_bounds(tok)
    source_span = tok.doc[pobj.left_edge.i:phrase_end]
    parts = trim_parts(doc.text, [[end_char(tok.doc[phrase_end - 1]), sent.end_char]])
    if not parts:
        return None
    return Draft(parts=parts, direct=False, cue=tok.text, cue_span=(tok.idx, end_char(tok)),
                 source_span=trim_span(source_span), sentence=(sent.start_char, sent.end_char), cue_token=tok)


def split_credits(text: str, drafts: list[Draft]) -> None:
    """Several 'according to' phrases in one sentence credit one stretch each ("18,000 joined the
    march according to police, and 60,000 according to the organisers"; "According to the police,
    26,000; according to the unions, 140,000"): a phrase takes what precedes it since the
    previous phrase, or, when nothing of substance precedes it, what follows up to the next one."""
    credits = sorted((d for d in drafts if d.cue and d.cue.lower().startswith("according") and d.cue_span
                      and d.source_span is not None), key=lambda d: d.cue_span[0])
    if len(credits) == 1:
        _answering_credit(text, credits[0], [d for d in drafts if d is not credits[0]])
    if len(credits) < 2:
        return
    sent_start, sent_end = credits[0].sentence
    taken = sent_start                      # end of the stretch the previous phrase credits
    for i, d in enumerate(credits):
        prev_end = max(taken, end_char(credits[i - 1].source_span[-1]) if i else sent_start)
        next_start = credits[i + 1].cue_span[0] if i + 1 < len(credits) else sent_end
        before = trim_parts(text, [[prev_end, d.cue_span[0]]]) if prev_end < d.cue_span[0] else []
        if before and not _only_frame(text[before[0][0]:before[0][1]]):
            d.parts = before
            taken = end_char(d.source_span[-1])
            continue
        after = trim_parts(text, [[end_char(d.source_span[-1]), next_start]])
        if after:
            d.parts = after
            taken = after[-1][1]


def _only_frame(stretch: str) -> bool:
    """A stretch that claims nothing by itself: punctuation and conjunctions ("and", ", while")."""
    return all(w.lower() in {"and", "while", "but", "whereas", "or", "yet"} for w in
               "".join(c if c.isalnum() else " " for c in stretch).split())


BREAK = re.compile(r"[;(]|,(?!\d)|\b(?:against|while|whereas|versus|but)\b")


def _answering_credit(text: str, credit: Draft, others: list[Draft]) -> None:
    """ "Police counted 26,000 marchers, against 140,000 according to the unions": a trailing
    'according to' after another cue's claim credits only the stretch since the last break (a
    comma, a parenthesis, "against", "while"), and the other claim stops before it."""
    start = credit.cue_span[0]
    earlier = [d for d in others if d.cue_span and d.cue_span[0] < start and d.parts and d.parts[0][0] < start
               and not d.direct]
    if not earlier:
        return
    sent_start = credit.sentence[0]
    last = None
    for last in BREAK.finditer(text[sent_start:start]):
        pass
    if last is None:
        return
    stretch_start = sent_start + last.end()
    stretch = trim_parts(text, [[stretch_start, start]])
    if not stretch or not any(c.isdigit() for c in text[stretch[0][0]:stretch[0][1]]):
        return
    credit.parts = stretch
    cut = sent_start + last.start()
    for d in earlier:
        kept = trim_parts(text, [[a, min(b, cut)] for a, b in d.parts if a < cut])
        if kept:
            d.parts = kept
