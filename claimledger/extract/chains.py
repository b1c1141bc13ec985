"""Pass 3 of the statements stage: citation chains (who relayed whose claim).

A statement whose cue sits inside another statement's content is relayed by that other source
(``Kyodo reported Tanaka told reporters ...``); ``X quoted Y as saying``, ``citing Y``, ``reporting on
a briefing by Y`` and ``told Politico`` add relays too.  Chains are innermost first (model.py).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimledger.extract.cue_lexicon import BELIEF_CUES, RELAY_CUES, REPORTING_VERBS, UNNAMED
from claimledger.extract.drafts import Draft
from claimledger.extract.parse_spans import source_span_of, trim_span
from claimledger.extract.speakers import OUTLET_WORDS, PRONOUNS, REPORT_HEADS, span_ents, SourceBook, classify_kind
from claimledger.model import Source


def nest(drafts: list[Draft]) -> list[Draft]:
    """Link statements whose cue lies inside another statement's content (after resolution).

    Another source inside ("Kyodo reported Tanaka told reporters ...") is relayed by the outer
    source, and the outer statement is dropped when it is only that shell.  The same source, or
    an unnamed hedge ("X said the troops had reportedly ..."), is part of the outer claim: the
    inner statement is dropped instead.
    """
    drop: set[int] = set()
    for outer in sorted(drafts, key=lambda d: -(d.end - d.start)):
        if outer.direct or id(outer) in drop:
            continue
        inner = [d for d in drafts if d is not outer and id(d) not in drop and d.cue_span is not None and not d.nominal
                 and outer.covers(d.cue_span[0]) and (d.end - d.start) <= (outer.end - outer.start)]
        relayed = []
        if outer.speaker is None or outer.speaker.name == UNNAMED:
            continue
        for d in inner:
            mention = d.source_span.root.lower_ if d.source_span is not None else ""
            belief = d.intention or (d.cue_token is not None and d.cue_token.lemma_.lower() in BELIEF_CUES)
            if d.speaker is None or d.speaker is outer.speaker or d.speaker.name == UNNAMED \
                    or mention in PRONOUNS or belief:
                drop.add(id(d))
                outer.hedged = outer.hedged or d.hedged
                if d.direct:
                    outer.quotes.extend(d.quotes)
            else:
                if d.relayed_by is None:
                    d.relayed_by = outer
                relayed.append(d)
        if relayed and _covered_by(outer, relayed) >= 0.6 * sum(e - s for s, e in outer.parts):
            drop.add(id(outer))
    ordered = sorted(drafts, key=lambda d: -(d.end - d.start))
    for d in ordered:  # outer chains are complete before their inner statements extend them
        outer = d.relayed_by
        if outer is not None and outer.speaker is not None and outer.speaker is not d.speaker:
            for src in [outer.speaker] + outer.relays:
                if src not in d.relays and src is not d.speaker:
                    d.relays.append(src)
    kept = [d for d in drafts if id(d) not in drop]
    # "The league rejected the club's claim that ...": the outer statement already carries it
    return [d for d in kept if not (d.nominal and any(
        o is not d and not o.nominal and o.covers(d.cue_span[0]) for o in kept))]


def _covered_by(outer: Draft, inner: list[Draft]) -> int:
    marks = set()
    for d in inner:
        spans = list(d.parts)
        if d.cue_span:
            spans.append(list(d.cue_span))
        if d.source_span is not None:
            spans.append([d.source_span.start_char, d.source_span.end_char])
        for s, e in spans:
            marks.update(range(s, e))
    return sum(1 for s, e in outer.parts for i in range(s, e) if i in marks)


def agent_behind(span: SpacySpan) -> SpacySpan:
    """``Figures reported by local media``, ``data provided by the ministry``: the body behind the figures.

    A document or number noun is no source when the text names who produced it; its agent is.
    """
    root = span.root
    if root.lemma_.lower() not in REPORT_HEADS and root.lower_ not in REPORT_HEADS:
        return span
    for c in root.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > root.i:
            for by in c.children:
                if by.dep_ == "agent":
                    pobj = next((g for g in by.children if g.dep_ == "pobj"), None)
                    if pobj is not None and pobj.i < span.end:
                        return trim_span(span.doc[pobj.left_edge.i:min(pobj.right_edge.i + 1, span.end)])
    return span


def name_part(span: SpacySpan) -> SpacySpan:
    """The source mention without its appositive or relative clause."""
    root = span.root
    end = span.end
    for c in root.children:
        if c.dep_ in {"appos", "relcl", "acl"} and c.i > root.i:
            end = min(end, c.left_edge.i)
    s = span.start
    span2 = span.doc[s:end]
    return trim_span(span2) if len(span2) else span


def relays_of(d: Draft, book: SourceBook) -> list[Source]:
    relays: list[Source] = []
    verb = d.cue_token
    if verb is not None and verb.pos_ in {"VERB", "AUX"}:
        relay_tok = d.relay_tok
        if relay_tok is not None:
            relays.append(book.resolve(name_part(source_span_of(relay_tok))).source)
        for c in verb.children:
            if c.dep_ == "advcl" and c.lemma_.lower() in REPORTING_VERBS and c.tag_ == "VBG":
                origin = _object_of(c)
                if origin is not None and d.speaker is not None:
                    res = book.resolve(name_part(source_span_of(origin)))
                    if res.source is not None and res.source is not d.speaker:
                        relays.insert(0, d.speaker)
                        d.speaker = res.source
            elif c.dep_ in {"dative", "dobj", "prep", "npadvmod"} and c.i > verb.i:
                outlet = _outlet_in(c, book)
                if outlet is not None and outlet is not d.speaker:
                    relays.append(outlet)
    for quoted in _quoting_verbs(d):   # "..., said the mayor, who was quoted by AFP"; "X was quoted by AFP as saying"
        for by in quoted.children:
            if by.dep_ == "agent":
                pobj = next((g for g in by.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    src = book.resolve(name_part(source_span_of(pobj))).source
                    if src is not None and src is not d.speaker and src not in relays:
                        relays.append(src)
    if d.source_span is not None:  # "the statement in the official agency translation"
        for tok in d.source_span:
            if tok.dep_ == "prep" and tok.head.i == d.source_span.root.i:
                outlet = _outlet_in(tok, book)
                if outlet is not None and outlet is not d.speaker and outlet not in relays:
                    relays.append(outlet)
    return [r for r in relays if r is not None]


def _quoting_verbs(d: Draft) -> list[Token]:
    """Passive 'quoted' / 'cited' verbs that may name who relayed the statement ('by AFP')."""
    out = []
    verb = d.cue_token
    if verb is not None:
        out += [t for t in (verb, verb.head) if t.lemma_.lower() in RELAY_CUES]
    if d.source_span is not None:
        out += [t for t in d.source_span if t.dep_ == "relcl" and t.lemma_.lower() in RELAY_CUES]
    return list(dict.fromkeys(out))


def _object_of(verb: Token) -> Optional[Token]:
    for c in verb.children:
        if c.dep_ in {"dobj", "obj"}:
            return c
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in {"on", "from", "about"}:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _outlet_in(tok: Token, book: SourceBook) -> Optional[Source]:
    """An outlet or wire agency the speaker spoke to ('told Politico', 'in an interview with Tass')."""
    span = tok.doc[tok.left_edge.i:tok.right_edge.i + 1]
    if len(span) > 12:
        return None
    for ent in span_ents(span):
        if ent.label_ in {"ORG", "PERSON", "WORK_OF_ART", "PRODUCT"}:
            kind = classify_kind(ent.text, "ORG")
            if kind not in {"outlet", "wire_agency"}:
                kind = classify_kind(span.text, "ORG")
            if kind in {"outlet", "wire_agency"}:
                src = book.resolve(ent).source
                if src is not None:
                    src.kind = kind
                return src
    words = {t.lower_ for t in span}
    if words & {"agency", "outlet", "newspaper"} and words & OUTLET_WORDS and any(t.pos_ == "PROPN" for t in span):
        return book.resolve(span).source
    return None
