"""Pass 1 of the statements stage: cue verbs outside quotation marks and what they attribute.

``X said (that) ...``, ``X told Y ...``, passives (``it was reported that``), reporting verbs with
only an object (``reported 300 deaths``), stated intentions (``plans to cut 500 jobs``), stances
(``criticized the plan``), ``reportedly`` hedges and, through :mod:`according_to`, ``according to X``.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimledger.extract.according_to import according_to, in_document, split_credits
from claimledger.extract.cue_lexicon import (
    CUE_LEMMAS, DOCUMENT_HEADS, EVIDENCE_CUES, HEDGE_ADVERBS, INTENTION_CUES, NAMING_CUES,
    NOT_A_SOURCE, OBJECT_CUES, PARTICIPLE_CUES, RELAY_CUES, SOURCE_DEPS, WEAK_CUES,
)
from claimledger.extract.drafts import Draft
from claimledger.extract.gapping import split_gapped
from claimledger.extract.parse_spans import (
    comma_between, cue_span_of, cue_text_of, end_char, is_passive, role_of, source_span_of,
    subtree_bounds, trim_parts,
)
from claimledger.extract.noun_cues import noun_draft
from claimledger.extract.polarity import is_hedged, polarity_of
from claimledger.extract.topic_cues import attitude_draft, topic_draft
from claimledger.model import Document
from claimledger.extract.sentence_index import token_sentence


def sentence_drafts(doc: Document, sent: SpacySpan, in_quote) -> list[Draft]:
    drafts: list[Draft] = []
    has_cue = False
    for tok in sent:
        if in_quote(tok.idx):
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            d = according_to(doc, sent, tok)
            if d:
                drafts.append(d)
                has_cue = True
            continue
        d = in_document(doc, sent, tok) if tok.lower_ == "in" else None  # "In the poll, X led"
        if tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in CUE_LEMMAS:
            d = _verb_cue(doc, sent, tok, in_quote)
        if (d is None or d.parts[0][0] == d.parts[0][1]) and tok.pos_ in {"VERB", "ADJ"}:
            # "spoke about X", "is worried about X", "is sure that X": a stance, not a stub
            subject = _subject(tok if tok.pos_ == "VERB" or tok.dep_ != "acomp" else tok.head)
            d = topic_draft(doc, sent, tok, subject) or attitude_draft(doc, sent, tok, subject) or d
        if d is None and tok.pos_ == "NOUN":
            d = noun_draft(sent, tok)  # "the coach's claim that ..."
        if d:
            drafts.append(d)
            has_cue = has_cue or d.parts[0][0] != d.parts[0][1]
    if not has_cue:
        for tok in sent:
            if tok.lower_ in HEDGE_ADVERBS and not in_quote(tok.idx):
                parts = trim_parts(doc.text, [[sent.start_char, tok.idx], [tok.idx + len(tok.text), sent.end_char]])
                if parts:
                    drafts.append(Draft(parts=parts, direct=False, cue=tok.text,
                                        cue_span=(tok.idx, tok.idx + len(tok.text)), hedged=True,
                                        sentence=(sent.start_char, sent.end_char), cue_token=tok))
                break
    split_credits(doc.text, drafts)
    drafts += split_gapped(doc.text, sent, drafts)
    for d in drafts:
        d.hedged = d.hedged or is_hedged(sent, d)
    return drafts


def _verb_cue(doc: Document, sent: SpacySpan, verb: Token, in_quote) -> Optional[Draft]:
    lemma = verb.lemma_.lower()
    content_head = _content_clause(verb)
    speaker_tok: Optional[Token] = None
    relay_tok: Optional[Token] = None
    saying = None
    if lemma in RELAY_CUES or content_head is None:
        saying = _as_saying(verb)
        if saying is not None:
            content_head = _content_clause(saying) or content_head
    subject = _subject(verb)
    if lemma in RELAY_CUES:
        obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
        if obj is not None and subject is not None and (saying is not None or content_head is not None):
            speaker_tok, relay_tok = obj, subject
        elif verb.dep_ == "advcl" or verb.tag_ == "VBG":
            return None  # "citing X" is handled as a relay of the head cue
    if lemma == "report" and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp"}:
        return None  # "Reporting on a briefing, X said": a relay of the head cue
    if speaker_tok is None:
        speaker_tok = subject
    parts: list[list[int]]
    if subject is None and is_passive(verb) and lemma not in RELAY_CUES and \
            next((c for c in verb.children if c.dep_ == "agent"), None) is None:
        # "X is believed to be Y", "it was reported that Y": the whole clause is the claim.
        subj_tok = next((c for c in verb.children if c.dep_ in {"nsubjpass", "expl"}), None)
        comp = content_head or next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}), None)
        if comp is None:
            return None
        cs, ce = subtree_bounds(comp)
        parts = [[verb.doc[cs].idx, end_char(verb.doc[ce - 1])]]
        if subj_tok is not None and subj_tok.lower_ != "it":
            ss, se = subtree_bounds(subj_tok)
            parts.insert(0, [verb.doc[ss].idx, end_char(verb.doc[se - 1])])
        parts = trim_parts(doc.text, parts)
        if not parts or (content_head is None and not any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children)):
            return None
        return Draft(parts=parts, direct=False, cue=cue_text_of(verb), cue_span=cue_span_of(verb),
                     hedged=True, sentence=(sent.start_char, sent.end_char), cue_token=verb,
                     polarity=polarity_of(verb, content_head, doc))
    if (as_parts := _as_clause_parts(doc, verb)) is not None:
        # "As reported by the Daily Planet, investigators found ...", "..., as the mayor said":
        # the cue is a side clause and the sentence around it is the claim
        parts = trim_parts(doc.text, as_parts)
        content_head = verb.head
        own = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        speaker_tok = by or (own if own is not None and own.dep_ == "nsubj" else None)
    elif (comma := _trailing_relay_comma(verb, subject, sent)) is not None:
        # "X said that ..., the Daily Planet reported." parsed with "reported" under "said": the
        # trailing cue relays the whole sentence before its comma, the inner cue included
        parts = trim_parts(doc.text, [[sent.start_char, comma.idx]])
        content_head = verb.head
    elif content_head is not None and (relative := _relative_claim(verb, content_head)) is not None:
        parts = trim_parts(doc.text, relative)
    elif content_head is not None:
        s, e = subtree_bounds(content_head)
        start_char = verb.doc[s].idx
        end_tok = verb.doc[e - 1]
        if lemma in OBJECT_CUES and content_head.pos_ not in {"VERB", "AUX"}:
            # "estimated Ecuador's dead at 43", the noun phrase misparsed as a clause: its value too
            values = [c for c in verb.children if c.i > content_head.i and c.dep_ == "prep"
                      and c.lower_ in {"at", "to"} and _holds_number(c)]
            end_tok = max([end_tok] + [c.right_edge for c in values], key=lambda t: t.i)
        parts = trim_parts(doc.text, [[start_char, end_tok.idx + len(end_tok.text)]])
    elif lemma in NAMING_CUES and _quote_after(verb, in_quote):
        s_, e_ = verb.i + 1, verb.right_edge.i + 1
        parts = trim_parts(doc.text, [[verb.doc[s_].idx, end_char(verb.doc[e_ - 1])]]) if e_ > s_ else []
        content_head = verb  # naming with a quoted label counts as a clause
    elif content_head is None and (lemma in OBJECT_CUES or (lemma in EVIDENCE_CUES and _is_document(subject))) \
            and _object_content(verb) is not None:
        # "the ministry reported 300 deaths", "officials estimated losses at 4,000"
        obj = _object_content(verb)
        last = max([obj.right_edge] + [c.right_edge for c in verb.children
                                       if c.i > obj.i and (c.dep_ in {"prep", "npadvmod", "oprd", "xcomp", "advcl"}
                                                           or _holds_number(c))
                                       and not (c.dep_ == "advcl" and c.lemma_ in CUE_LEMMAS and (
                                           c.tag_ == "VBG" or any(g.dep_ in SOURCE_DEPS for g in c.children)))],
                   key=lambda t: t.i)
        parts = trim_parts(doc.text, [[obj.left_edge.idx, end_char(last)]])
        content_head = obj
    elif content_head is None and lemma in OBJECT_CUES and is_passive(verb) and subject is not None \
            and subject.dep_ == "pobj" and (passive_obj := _passive_object(verb)) is not None:
        # "the number of displaced was put at 12,000 by officials": the subject and the value are the claim
        values = [c for c in verb.children if c.i > verb.i and c.dep_ in {"prep", "npadvmod", "oprd"}
                  and any(t.like_num for t in c.subtree)]
        parts = [[passive_obj.left_edge.idx, end_char(passive_obj.right_edge)]]
        parts += [[c.left_edge.idx, end_char(c.right_edge)] for c in values]
        parts = trim_parts(doc.text, parts)
        content_head = passive_obj
    elif (that_clause := _late_that_clause(verb)) is not None:
        # "said in a letter that ...": the clause hangs off the prepositional phrase
        s_, e_ = subtree_bounds(that_clause)
        that = next(t for t in verb.doc[verb.i + 1:that_clause.i] if t.lower_ == "that")
        parts = trim_parts(doc.text, [[that.idx, end_char(verb.doc[e_ - 1])]])
        content_head = that_clause
    elif lemma in INTENTION_CUES and (verb.tag_ != "VBG" or any(c.dep_ == "aux" for c in verb.children)) \
            and (xcomp := _intention(verb)) is not None:
        # "the company plans to cut 500 jobs", "urged Congress to act": stated intentions
        first = min([xcomp.left_edge.i] + [c.left_edge.i for c in verb.children
                                           if c.dep_ in {"dobj"} and c.i < xcomp.i])
        parts = trim_parts(doc.text, [[verb.doc[first].idx, end_char(xcomp.right_edge)]])
        content_head = xcomp
    elif lemma == "call" and (target := _called_for(verb)) is not None:
        parts = trim_parts(doc.text, [[target.left_edge.idx, end_char(target.right_edge)]])
        content_head = target
    elif verb.dep_ in {"parataxis", "ccomp", "advcl"} and comma_between(verb.head, verb) \
            and ((verb.i > verb.head.i and _ends_sentence(verb, sent)) or _parenthetical(verb)) \
            and isinstance(subject, Token) and subject.i > verb.i - 3 \
            and not any(c.dep_ in {"dobj", "obj", "xcomp", "ccomp", "attr", "conj"} for c in verb.children):
        # "The toll rose, officials said." parsed with the cue hanging off the claim.
        head = verb.head
        cue_s, cue_e = subtree_bounds(verb)
        hs, he = subtree_bounds(head)
        parts = trim_parts(doc.text, [[verb.doc[hs].idx, verb.doc[cue_s].idx],
                                       [end_char(verb.doc[cue_e - 1]), end_char(verb.doc[he - 1])]])
    else:
        parts = []
    if not parts:
        if lemma in WEAK_CUES or speaker_tok is None:
            return None
        # A cue without a clause may still introduce a quote ("X said: ..."): keep as a stub.
        return Draft(parts=[[verb.idx, verb.idx]], direct=True, cue=cue_text_of(verb),
                     cue_span=cue_span_of(verb), source_span=source_span_of(speaker_tok),
                     role_span=role_of(speaker_tok), sentence=(sent.start_char, sent.end_char),
                     cue_token=verb, polarity=polarity_of(verb, None, doc))
    if speaker_tok is None:
        return None
    if lemma in WEAK_CUES and content_head is None:
        return None
    if speaker_tok is not None and speaker_tok.lemma_.lower().split()[-1] in NOT_A_SOURCE:
        return None
    speaker_at = speaker_tok.start_char if isinstance(speaker_tok, SpacySpan) else speaker_tok.idx
    if any(a < speaker_at < b for a, b in parts) and speaker_tok == _closing_subject(verb):
        # the claim's subtree swallowed its closing speaker: cut it before the speaker's comma
        parts = trim_parts(doc.text, [[a, min(b, speaker_at)] for a, b in parts if a < speaker_at])
        if not parts:
            return None
    d = Draft(parts=parts, direct=False, cue=cue_text_of(verb), cue_span=cue_span_of(verb),
              source_span=source_span_of(speaker_tok) if speaker_tok is not None else None,
              role_span=role_of(speaker_tok) if speaker_tok is not None else None,
              sentence=(sent.start_char, sent.end_char), cue_token=verb,
              polarity=polarity_of(verb, content_head, doc))
    d.intention = lemma in INTENTION_CUES and content_head is not None and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in content_head.children)
    if speaker_tok is None:
        d.hedged = True  # "it was reported that ..."
    d.relay_tok = relay_tok
    return d


def _relative_claim(verb: Token, clause: Token) -> Optional[list[list[int]]]:
    """'300 jobs, which it said was necessary': the antecedent and the clause after the cue.

    The relative pronoun stands for the antecedent, so the claim is "300 jobs … was necessary",
    never the speaker and cue that sit between.
    """
    if verb.dep_ != "relcl" or clause.left_edge.i > verb.i:
        return None
    pronoun = clause.left_edge
    if pronoun.lower_ not in {"which", "who", "that", "whom"}:
        return None
    noun = verb.head
    start = noun.left_edge.i
    end = min([noun.i + 1] + [c.left_edge.i for c in noun.children if c.i > noun.i and c.dep_ in {"relcl", "punct", "acl"}])
    end = max(end, noun.i + 1)
    doc = verb.doc
    return [[doc[start].idx, end_char(doc[end - 1])],
            [doc[verb.i + 1].idx if verb.i + 1 < len(doc) else end_char(verb), end_char(clause.right_edge)]]


def _is_document(subject: Optional[Token | SpacySpan]) -> bool:
    """'Polls show X', 'the study found X': data and documents speak through their object."""
    if subject is None:
        return False
    root = subject.root if isinstance(subject, SpacySpan) else subject
    return root.lemma_.lower() in DOCUMENT_HEADS or root.lower_ in DOCUMENT_HEADS


def _late_that_clause(verb: Token) -> Optional[Token]:
    """A 'that' clause within a few words after the cue but attached elsewhere by the parser."""
    for tok in verb.doc[verb.i + 1:min(verb.i + 10, token_sentence(verb).end)]:
        if tok.lower_ == "that" and tok.i > verb.i + 1:
            # 'that' as the clause's mark, or misread as a determiner of its subject
            clause = tok.head if tok.dep_ == "mark" else (
                tok.head.head if tok.dep_ == "det" and tok.head.dep_ in {"nsubj", "nsubjpass"} else None)
            if clause is not None and clause.pos_ in {"VERB", "AUX"} and clause.i > tok.i \
                    and clause.dep_ in {"ccomp", "relcl", "acl", "advcl"} \
                    and not any(t.text in {".", ";"} for t in verb.doc[verb.i:tok.i]):
                return clause
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"amod", "acl"}:
            return None
    return None


def _intention(verb: Token) -> Optional[Token]:
    return next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.i > verb.i
                 and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)


def _called_for(verb: Token) -> Optional[Token]:
    """'called for X' (a demand) and 'called X a Y' (a label): the demanded or labelled thing."""
    for c in verb.children:
        if c.dep_ in {"prep", "prt"} and c.lower_ == "for":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and any(c.dep_ in {"oprd", "xcomp"} for c in verb.children):
        return obj
    return None


def _parenthetical(verb: Token) -> bool:
    """", they said, " set off by commas inside the claim."""
    left, right = verb.left_edge.i, verb.right_edge.i
    doc = verb.doc
    while left < verb.i and doc[left].is_punct:
        left += 1
    while right > verb.i and doc[right].is_punct:
        right -= 1
    return (right - left) <= 6 and left > 0 and doc[left - 1].text in {",", "—"} and \
        right + 1 < len(doc) and doc[right + 1].text in {",", "—"}


COURTESIES = {"goodbye", "hello", "thanks", "grace", "prayer", "farewell", "sorry", "hi", "mass",
              "vow", "word", "amen", "cheers", "congratulations", "name"}


def _holds_number(tok: Token) -> bool:
    """A modifier after the object that carries the figure ("estimated the crowd closer to 80,000")."""
    return tok.dep_ in {"advmod", "acomp", "dep", "advcl", "prep"} and any(t.like_num for t in tok.subtree) \
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)


def _passive_object(verb: Token) -> Optional[Token]:
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subj is None or subj.pos_ == "PRON":
        return None
    return subj


def _object_content(verb: Token) -> Optional[Token]:
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"} and c.i > verb.i), None)
    if obj is None:                      # "the union said 70%" (the percent parsed as an adverbial)
        obj = next((c for c in verb.children if c.dep_ == "npadvmod" and c.i > verb.i
                    and any(t.like_num for t in c.subtree)), None)
    if obj is None or obj.lower_ in {"it", "this", "that", "them", "him", "her", "reporters"}:
        return None
    if obj.lemma_.lower() in COURTESIES:  # "said goodbye", "said a prayer": acts, not claims
        return None
    if obj.pos_ == "PRON":
        return None
    return obj


def _as_clause_parts(doc: Document, verb: Token) -> Optional[list[list[int]]]:
    """The claim around an "as X said" / "as reported by X" side clause: the head clause without it."""
    if verb.dep_ != "advcl" or verb.lemma_.lower() in WEAK_CUES \
            or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in verb.children):
        return None                        # "as she said that ...", "as he told reporters": its own content
    head = verb.head
    hs, he = subtree_bounds(head)
    cs, ce = subtree_bounds(verb)
    tokens = verb.doc
    return [[tokens[hs].idx, tokens[cs].idx], [end_char(tokens[ce - 1]), end_char(tokens[he - 1])]]


def _trailing_relay_comma(verb: Token, subject, sent: SpacySpan) -> Optional[Token]:
    """The comma before "…, the Daily Planet reported." when the parse hangs that closing cue under
    the sentence's first cue verb (a misparse of a trailing attribution), else None."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i >= verb.i or head.lemma_.lower() not in CUE_LEMMAS \
            or not isinstance(subject, Token) or not _ends_sentence(verb, sent):
        return None
    first = subject.left_edge
    if first.i <= head.i or first.i == 0 or verb.doc[first.i - 1].text != ",":
        return None
    return verb.doc[first.i - 1]


def _ends_sentence(verb: Token, sent: SpacySpan) -> bool:
    """The cue clause closes the sentence ("..., officials said.")."""
    return all(t.is_punct or t.is_space for t in sent.doc[verb.right_edge.i + 1:sent.end])


def _quote_after(verb: Token, in_quote) -> bool:
    return any(in_quote(t.idx) for t in verb.doc[verb.i + 1:verb.right_edge.i + 1])


def _content_clause(verb: Token) -> Optional[Token]:
    for c in verb.children:
        if c.dep_ in {"ccomp", "csubjpass"}:
            if c.i < verb.i and any(t.text in {";", ":"} for t in verb.doc[c.i:verb.i]):
                continue  # a clause before a semicolon or colon belongs to its own sentence half
            if any(o.dep_ in {"dobj", "obj"} and verb.i < o.i < c.i for o in verb.children) and \
                    any(t.text == "," for t in verb.doc[verb.i:c.i]):
                continue  # "police counted 45,000, while the union said X": X is the union's, the object the police's
            semi = next((t.i for t in verb.doc[verb.i:c.i] if t.text in {";", ":"}), None)
            if semi is not None and any(g.dep_ in SOURCE_DEPS for g in c.children):
                # "the ministry said X; the union said 70%", parsed with X under the second 'said'
                inner = next((g for g in c.children if g.dep_ == "ccomp" and g.right_edge.i < semi), None)
                if inner is not None:
                    return inner
                continue
            return c
    for c in verb.children:  # "warned of X", "said in a statement that": rarely parsed as ccomp
        if c.dep_ == "xcomp" and c.lemma_.lower() not in {"be"} and verb.lemma_.lower() in {"say", "claim", "report", "believe", "estimate", "think"}:
            return c
    return None


def _as_saying(verb: Token) -> Optional[Token]:
    """'quoted X as saying ...': the 'saying' verb under 'as'."""
    for c in verb.children:
        if c.dep_ in {"advcl", "prep", "xcomp"}:
            if c.lemma_ == "say" and not any(g.dep_ in SOURCE_DEPS for g in c.children):
                return c            # not "..., while the union said X": that 'said' has its own speaker
            for g in c.children:
                if g.lemma_ == "say" and g.dep_ in {"pcomp", "pobj", "advcl", "xcomp"}:
                    return g
    return None


# "X began by saying ...", "after saying ...": the participle's speaker is the head verb's subject.
SAYING_PREPOSITIONS = {"by", "after", "before", "while", "when", "in"}


def _closing_subject(verb: Token) -> Optional[SpacySpan]:
    """"..., near the village of Kok-Tash, Kyrgyzstan's border service said." parsed with the
    speaker as an apposition of the last noun: the noun phrase between the last comma and a
    sentence-closing cue verb with no subject of its own is its subject."""
    doc = verb.doc
    if verb.i < 3 or verb.tag_ == "VBG" or verb.dep_ not in {"ROOT", "parataxis"}:
        return None
    after = doc[verb.i + 1:verb.sent.end]
    if any(not (t.is_punct or t.is_space) for t in after):
        return None
    prev = doc[verb.i - 1]
    if prev.pos_ not in {"NOUN", "PROPN"} or prev.dep_ not in {"appos", "conj", "pobj", "dobj", "npadvmod"}:
        return None
    start = prev.left_edge.i
    if start < 1 or doc[start - 1].text != "," or verb.i - start > 8:
        return None
    span = doc[start:verb.i]
    return span if all(t.pos_ in {"DET", "PROPN", "NOUN", "ADJ", "PART", "PUNCT", "NUM"} for t in span) else None


def _subject(verb: Token) -> Optional[Token]:
    """The source token of a cue verb (None for agentless passives: 'X is believed to ...')."""
    tok = verb
    for _ in range(3):
        subjects = [c for c in tok.children if c.dep_ in SOURCE_DEPS]
        subj = subjects[0] if subjects else None
        if len(subjects) > 1 and subjects[-1].left_edge.i == subjects[0].right_edge.i + 1 and subj.dep_ == "nsubj":
            # "state news agency Tass reported": the parser split one subject in two
            return tok.doc[subjects[0].left_edge.i:subjects[-1].right_edge.i + 1]
        if subj is not None:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if subj.dep_ == "nsubjpass":
                if tok.lemma_.lower() in RELAY_CUES:
                    return subj  # "X was quoted (by AFP) as saying": X speaks, the agent only relays
                if agent is not None:
                    return next((c for c in agent.children if c.dep_ == "pobj"), None)
                return None
            return subj
        if tok.dep_ in {"conj", "xcomp", "advcl"} and tok.head is not tok and (
                tok.head.lemma_.lower() in CUE_LEMMAS
                or (tok.dep_ == "conj" and tok.head.pos_ in {"VERB", "AUX"} and tok.head.i < tok.i)
                or (tok.tag_ == "VBG" and tok.dep_ == "advcl"
                                                          and tok.lemma_.lower() in PARTICIPLE_CUES
                                                          and tok.head.dep_ in {"ROOT", "conj"})):
            tok = tok.head
            continue
        if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ in SAYING_PREPOSITIONS \
                and tok.head.head.pos_ in {"VERB", "AUX"}:
            tok = tok.head.head  # "She ended the call by saying ...": the speaker is her
            while tok.dep_ == "conj" and tok.head.pos_ in {"VERB", "AUX"} and \
                    not any(c.dep_ in SOURCE_DEPS for c in tok.children):
                tok = tok.head  # "X appeared and began by saying": conjoined verbs share X
            continue
        break
    for c in verb.children:  # "He and others, asking not to be named, said ..." (misattached subject)
        if c.dep_ == "advcl" and c.i < verb.i:
            subj = next((g for g in c.children if g.dep_ == "nsubj" and g.i < c.i), None)
            if subj is not None:
                return subj
    closing = _closing_subject(verb)
    if closing is not None:
        return closing
    # '"...," warned a monitoring team report' is sometimes parsed with the source as object
    before = verb.doc[max(0, verb.i - 2):verb.i].text.replace(" ", "")
    if verb.tag_ != "VBG" and (before[-1:] in {"”", '"', "’", "'"} or before[-2:] in {",”", ',"', ",’"}):
        obj = next((c for c in verb.children if c.dep_ in {"dobj", "attr", "npadvmod"} and c.i > verb.i), None)
        if obj is not None:
            return obj
        end = verb.i + 1  # '"...," stressed intelligence officer Andrii.' with a broken parse
        while end < len(verb.doc) and end - verb.i <= 8 and not verb.doc[end].is_punct:
            end += 1
        span = verb.doc[verb.i + 1:end]
        if len(span) and any(t.pos_ in {"PROPN", "NOUN"} for t in span):
            return span
    return None
