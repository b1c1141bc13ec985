"""Stage ``statements``: direct quotes and attributed claims, with speaker and citation chain.

Rules on the dependency parse, in three passes over each document:

1. *Cue verbs* outside quotation marks (``said``, ``told``, ``warned``, ``denied`` ...) with a
   complement clause give indirect (or mixed) statements; ``according to X``, ``X was quoted
   as saying``, ``it was reported that`` and ``reportedly`` give the other attributed forms.
   Reporting verbs with only an object (``the ministry reported 300 deaths``), stated
   intentions (``plans to cut 500 jobs``) and stances (``criticized the plan as ...``) count
   too, as PolNeAR does, so every figure inside them gets the source that voiced it.
2. *Direct quotes* (:mod:`claimledger.extract.quotes`) take the nearest cue in the sentence
   that opens or closes them (``"A," he said, "B."`` becomes one statement of two parts), a
   ``Name: "..."`` / ``Name — "..."`` prefix, or, failing that, the speaker of the quote just
   before in the paragraph or the previous paragraph (news convention for follow-on quotes).
3. *Chains*: a statement whose cue sits inside another statement's content is relayed by that
   other source (``Tass reported Shoigu told reporters ...``); ``X quoted Y as saying``,
   ``citing Y``, ``reporting on a briefing by Y`` and ``told Politico`` add relays too.  Every
   chain ends with the article's own outlet.  Chains are stored innermost first (see model.py):
   ``speaker`` is the original source, ``via`` the relays outward.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimledger.extract.quotes import Quote, find_quotes
from claimledger.extract.speakers import (
    OUTLET_WORDS, PRONOUNS, ROLE_NOUNS, span_ents, SourceBook, classify_kind, outlet_source, writer_source,
)
from claimledger.model import Document, Source, Statement
from claimledger.pipeline import Context, stage

log = logging.getLogger(__name__)

CUE_LEMMAS = {
    "question", "attack", "criticize", "criticise", "support", "endorse", "oppose", "praise",
    "condemn", "blast", "slam", "defend", "denounce", "mock", "blame", "welcome", "applaud", "hail",
    "back", "decry", "reference",
    "want", "plan", "pledge", "vow", "refuse", "decline", "propose", "offer", "seek", "threaten",
    "intend", "encourage", "vote", "decide", "aim", "commit", "press", "push", "prefer", "wish",
    "say", "tell", "add", "write", "note", "report", "announce", "suggest", "argue", "claim",
    "confirm", "deny", "warn", "estimate", "assert", "explain", "state", "declare", "insist",
    "acknowledge", "admit", "reveal", "stress", "emphasize", "emphasise", "comment", "predict",
    "tweet", "post", "respond", "reply", "ask", "believe", "think", "conclude", "indicate",
    "allege", "maintain", "contend", "recall", "agree", "caution", "urge", "vow", "promise",
    "pledge", "complain", "mention", "concede", "observe", "testify", "inform", "quip", "show",
    "find", "fear", "hope", "quote", "cite", "repeat", "reiterate", "boast", "joke", "lament",
    "signal", "hint", "forecast", "project", "learn", "doubt", "feel", "worry", "remark",
    "retort", "counter", "dispute", "rebut", "refute", "reject", "dismiss", "speculate", "assure",
    "recount", "disclose", "clarify", "echo", "shout", "whisper", "yell", "brief", "characterize",
    "characterise", "describe", "call", "expect", "know", "calculate", "put", "accuse", "point",
    "assess", "judge", "conclude", "demand", "proclaim", "affirm", "guarantee", "announce",
    "charge", "contest", "record", "document", "notify", "answer", "write", "publish", "broadcast",
    "read", "detail", "outline", "highlight", "underline", "underscore", "continue", "go",
}
# Cues that need a clause or a quote as content, never a bare object ("called a meeting").
WEAK_CUES = {"call", "describe", "characterize", "characterise", "put", "go", "continue", "read",
             "record", "document", "detail", "outline", "highlight", "find", "show", "know",
             "feel", "expect", "point", "publish", "broadcast", "post", "brief", "charge"}
DENIAL_CUES = {"deny", "reject", "dismiss", "refute", "rebut", "dispute", "contest"}
DENIAL_WORDS = re.compile(r"\b(false|untrue|baseless|groundless|fake|wrong|lies|fabricat\w*|not true|nonsense|unfounded)\b", re.I)
HEDGE_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly", "reputedly", "apparently"}
HEDGE_CUES = {"caution", "speculate", "believe", "think", "suggest", "estimate", "fear", "hint", "doubt"}
HEDGE_PHRASES = re.compile(r"\b(is|are|was|were) (believed|thought|said|reported|understood|estimated) to\b|\bunconfirmed\b|\bcould not be (independently )?verified\b", re.I)
ANONYMITY = re.compile(r"\banonymity\b|\bnot authori[sz]ed to\b|\b(declined|asked) not to be (named|identified)\b|\bwho asked not to\b|\bunnamed\b", re.I)
NOT_A_SOURCE = {"plan", "scheme", "rule", "law", "schedule", "tradition", "custom", "script",
                "design", "procedure", "protocol", "standard", "principle", "instruction",
                "timetable", "method", "formula", "pattern", "order", "logic", "practice"}
RELAY_CUES = {"quote", "cite"}
# Verbs whose "to"-infinitive is an attributed intention or demand.
INTENTION_CUES = {"want", "plan", "promise", "pledge", "vow", "refuse", "decline", "agree", "urge",
                  "propose", "offer", "seek", "threaten", "intend", "hope", "encourage", "ask",
                  "vote", "decide", "expect", "aim", "demand", "call", "commit", "tell", "warn",
                  "press", "push", "promise", "prefer", "wish", "need"}
# Inside another's claim these stay part of it ("she said he thinks ..."), never a relay.
BELIEF_CUES = {"think", "believe", "expect", "hope", "feel", "know", "fear", "doubt", "want",
               "worry", "suggest", "show", "underscore", "indicate", "seem", "find"}
# Cues whose object is the claim when there is no clause ("reported 300 deaths").
OBJECT_CUES = {"estimate", "report", "confirm", "announce", "claim", "deny", "record", "count",
               "put", "reveal", "predict", "forecast", "project", "disclose", "acknowledge",
               "admit", "allege"}
# Stances whose object is what the source is for or against ("criticized the plan as ...").
STANCE_CUES = {"question", "cite", "accuse", "attack", "criticize", "criticise", "support",
               "endorse", "oppose", "praise", "condemn", "blast", "slam", "defend", "reject",
               "dismiss", "denounce", "mock", "blame", "propose", "mention", "welcome", "applaud",
               "hail", "back", "decry", "reference"}
OBJECT_CUES |= STANCE_CUES
# "X mocked the idea, saying ...": these participles share the subject of any head verb.
PARTICIPLE_CUES = {"say", "add", "note", "argue", "claim", "warn", "tell", "insist", "explain",
                   "write", "declare", "state", "suggest", "predict", "acknowledge", "admit",
                   "stress", "call", "describe", "accuse", "deny", "assert", "complain"}
# "called the plan 'a disaster'": the object and its label are the content.
NAMING_CUES = {"call", "describe", "characterize", "characterise", "label", "dub", "brand", "term"}
REPORTING_VERBS = {"report", "cite", "quote"}
SOURCE_DEPS = {"nsubj", "nsubjpass", "csubj"}
PUNCT_STRIP = " \t\n,;:.—–-"
UNNAMED = "(unnamed)"


@dataclass(eq=False)  # drafts are compared by identity: two may hold equal fields
class Draft:
    """A statement being assembled (converted to a model Statement at the end)."""

    parts: list[list[int]]
    direct: bool
    cue: Optional[str] = None
    cue_span: Optional[tuple[int, int]] = None
    source_span: Optional[SpacySpan] = None
    role_span: Optional[SpacySpan] = None
    speaker: Optional[Source] = None
    resolved: bool = True
    relays: list[Source] = field(default_factory=list)
    hedged: bool = False
    polarity: str = "positive"
    sentence: tuple[int, int] = (0, 0)
    cue_token: Optional[Token] = None
    quotes: list[Quote] = field(default_factory=list)
    relayed_by: Optional["Draft"] = None
    intention: bool = False           # "plans to ...": part of any claim that contains it
    relay_tok: Optional[Token | SpacySpan] = None  # "Tass quoted X": the quoting source
    same_as: Optional["Draft"] = None  # a follow-on quote takes this statement's speaker

    @property
    def start(self) -> int:
        return min(p[0] for p in self.parts)

    @property
    def end(self) -> int:
        return max(p[1] for p in self.parts)

    def covers(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.parts)


@stage("statements")
def statements(doc: Document, parsed: SpacyDoc, ctx: Context) -> None:
    extract_statements(doc, parsed)


def extract_statements(doc: Document, parsed: SpacyDoc) -> list[Statement]:
    """Fill ``doc.statements`` and ``doc.sources``; returns the statements."""
    outlet_source(doc)
    writer_source(doc)
    quotes = find_quotes(doc.text)
    quote_at = _position_index(quotes, len(doc.text))

    def in_quote(pos: int) -> bool:
        return 0 <= pos < len(quote_at) and quote_at[pos] is not None

    book = SourceBook(doc, parsed, in_quote)
    drafts: list[Draft] = []
    for sent in parsed.sents:
        try:
            drafts.extend(_sentence_drafts(doc, sent, in_quote))
        except Exception:  # one odd parse must never cost the whole article its statements
            log.warning("statements: skipped a sentence of %s at %d", doc.id, sent.start_char, exc_info=True)
    drafts.sort(key=lambda d: d.cue_span[0] if d.cue_span else d.start)
    _claim_quotes(drafts, quotes)
    drafts.extend(_direct_drafts(doc, parsed, quotes, drafts, in_quote))
    drafts.sort(key=lambda d: (d.start, d.end))
    _resolve(doc, parsed, drafts, book)
    drafts = _nest(drafts)
    return _store(doc, drafts)


# -- pass 1: cues in each sentence ------------------------------------------------------------

def _sentence_drafts(doc: Document, sent: SpacySpan, in_quote) -> list[Draft]:
    drafts: list[Draft] = []
    has_cue = False
    for tok in sent:
        if in_quote(tok.idx):
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            d = _according_to(doc, sent, tok)
            if d:
                drafts.append(d)
                has_cue = True
            continue
        if tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in CUE_LEMMAS:
            d = _verb_cue(doc, sent, tok, in_quote)
            if d:
                drafts.append(d)
                has_cue = has_cue or d.parts[0][0] != d.parts[0][1]
    if not has_cue:
        for tok in sent:
            if tok.lower_ in HEDGE_ADVERBS and not in_quote(tok.idx):
                parts = _trim_parts(doc.text, [[sent.start_char, tok.idx], [tok.idx + len(tok.text), sent.end_char]])
                if parts:
                    drafts.append(Draft(parts=parts, direct=False, cue=tok.text,
                                        cue_span=(tok.idx, tok.idx + len(tok.text)), hedged=True,
                                        sentence=(sent.start_char, sent.end_char), cue_token=tok))
                break
    for d in drafts:
        d.hedged = d.hedged or _hedged(sent, d)
    return drafts


def _according_to(doc: Document, sent: SpacySpan, tok: Token) -> Optional[Draft]:
    to = tok.nbor(1)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if pobj.lemma_.lower() in NOT_A_SOURCE:
        return None
    src_start, src_end = _subtree_bounds(pobj)
    comma = next((t.i for t in tok.doc[pobj.i:src_end] if t.text in {",", ";", "—"}), None)
    if comma is not None and comma < src_end - 1 and tok.head.i == tok.i:
        src_end = comma  # "According to X, the claim ..." parsed with the claim under X
    phrase_start = tok.i
    phrase_end = max(src_end, to.i + 1)
    source_span = tok.doc[src_start:src_end]
    role_span = _role_of(source_span.root)
    cut_start = tok.doc[phrase_start].idx
    cut_end = tok.doc[phrase_end - 1].idx + len(tok.doc[phrase_end - 1].text)
    clause_start, clause_end = sent.start_char, sent.end_char
    head = tok.head
    if head.i != tok.i and head.pos_ in {"VERB", "AUX"} and head.dep_ in {"ccomp", "xcomp", "conj", "advcl"} \
            and head.head.lemma_.lower() in CUE_LEMMAS:
        # "X did Y, according to Z, noted W": the claim is the clause the phrase modifies
        hs, he = _subtree_bounds(head)
        clause_start, clause_end = tok.doc[hs].idx, _end_char(tok.doc[he - 1])
    cuts = [(cut_start, cut_end)]
    for c in head.children:  # "..., according to Z, noted W": W's cue clause is not Z's claim
        if c.i > tok.i and c.dep_ in {"advcl", "parataxis"} and c.lemma_.lower() in CUE_LEMMAS and \
                any(g.dep_ == "nsubj" for g in c.children):
            cs, ce = _subtree_bounds(c)
            cuts.append((tok.doc[cs].idx, _end_char(tok.doc[ce - 1])))
    parts, pos = [], clause_start
    for a, b in sorted(cuts):
        parts.append([pos, a])
        pos = max(pos, b)
    parts.append([pos, clause_end])
    parts = _trim_parts(doc.text, parts)
    if not parts:
        return None
    return Draft(parts=parts, direct=False, cue=doc.text[tok.idx:_end_char(to)],
                 cue_span=(tok.idx, _end_char(to)), source_span=_trim_span(source_span),
                 role_span=role_span, sentence=(sent.start_char, sent.end_char), cue_token=tok)


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
    if subject is None and _is_passive(verb) and lemma not in RELAY_CUES and \
            next((c for c in verb.children if c.dep_ == "agent"), None) is None:
        # "X is believed to be Y", "it was reported that Y": the whole clause is the claim.
        subj_tok = next((c for c in verb.children if c.dep_ in {"nsubjpass", "expl"}), None)
        comp = content_head or next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}), None)
        if comp is None:
            return None
        cs, ce = _subtree_bounds(comp)
        parts = [[verb.doc[cs].idx, _end_char(verb.doc[ce - 1])]]
        if subj_tok is not None and subj_tok.lower_ != "it":
            ss, se = _subtree_bounds(subj_tok)
            parts.insert(0, [verb.doc[ss].idx, _end_char(verb.doc[se - 1])])
        parts = _trim_parts(doc.text, parts)
        if not parts or (content_head is None and not any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children)):
            return None
        return Draft(parts=parts, direct=False, cue=_cue_text(verb), cue_span=_cue_span(verb),
                     hedged=True, sentence=(sent.start_char, sent.end_char), cue_token=verb,
                     polarity=_polarity(verb, content_head, doc))
    if content_head is not None:
        s, e = _subtree_bounds(content_head)
        start_char = verb.doc[s].idx
        end_tok = verb.doc[e - 1]
        parts = _trim_parts(doc.text, [[start_char, end_tok.idx + len(end_tok.text)]])
    elif lemma in NAMING_CUES and _quote_after(verb, in_quote):
        s_, e_ = verb.i + 1, verb.right_edge.i + 1
        parts = _trim_parts(doc.text, [[verb.doc[s_].idx, _end_char(verb.doc[e_ - 1])]]) if e_ > s_ else []
        content_head = verb  # naming with a quoted label counts as a clause
    elif content_head is None and lemma in OBJECT_CUES and _object_content(verb) is not None:
        # "the ministry reported 300 deaths", "officials estimated losses at 4,000"
        obj = _object_content(verb)
        last = max([obj.right_edge] + [c.right_edge for c in verb.children
                                       if c.i > obj.i and c.dep_ in {"prep", "npadvmod", "oprd", "xcomp", "advcl"}
                                       and not (c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_ in CUE_LEMMAS)],
                   key=lambda t: t.i)
        parts = _trim_parts(doc.text, [[obj.left_edge.idx, _end_char(last)]])
        content_head = obj
    elif (that_clause := _late_that_clause(verb)) is not None:
        # "said in a letter that ...": the clause hangs off the prepositional phrase
        s_, e_ = _subtree_bounds(that_clause)
        that = next(t for t in verb.doc[verb.i + 1:that_clause.i] if t.lower_ == "that")
        parts = _trim_parts(doc.text, [[that.idx, _end_char(verb.doc[e_ - 1])]])
        content_head = that_clause
    elif lemma in INTENTION_CUES and (verb.tag_ != "VBG" or any(c.dep_ == "aux" for c in verb.children)) \
            and (xcomp := _intention(verb)) is not None:
        # "the company plans to cut 500 jobs", "urged Congress to act": stated intentions
        first = min([xcomp.left_edge.i] + [c.left_edge.i for c in verb.children
                                           if c.dep_ in {"dobj"} and c.i < xcomp.i])
        parts = _trim_parts(doc.text, [[verb.doc[first].idx, _end_char(xcomp.right_edge)]])
        content_head = xcomp
    elif lemma == "call" and (target := _called_for(verb)) is not None:
        parts = _trim_parts(doc.text, [[target.left_edge.idx, _end_char(target.right_edge)]])
        content_head = target
    elif verb.dep_ in {"parataxis", "ccomp", "advcl"} and _comma_between(verb.head, verb) \
            and ((verb.i > verb.head.i and _ends_sentence(verb, sent)) or _parenthetical(verb)) \
            and isinstance(subject, Token) and subject.i > verb.i - 3 \
            and not any(c.dep_ in {"dobj", "obj", "xcomp", "ccomp", "attr", "conj"} for c in verb.children):
        # "The toll rose, officials said." parsed with the cue hanging off the claim.
        head = verb.head
        cue_s, cue_e = _subtree_bounds(verb)
        hs, he = _subtree_bounds(head)
        parts = _trim_parts(doc.text, [[verb.doc[hs].idx, verb.doc[cue_s].idx],
                                       [_end_char(verb.doc[cue_e - 1]), _end_char(verb.doc[he - 1])]])
    else:
        parts = []
    if not parts:
        if lemma in WEAK_CUES or speaker_tok is None:
            return None
        # A cue without a clause may still introduce a quote ("X said: ..."): keep as a stub.
        return Draft(parts=[[verb.idx, verb.idx]], direct=True, cue=_cue_text(verb),
                     cue_span=_cue_span(verb), source_span=_source_span(speaker_tok),
                     role_span=_role_of(speaker_tok), sentence=(sent.start_char, sent.end_char),
                     cue_token=verb, polarity=_polarity(verb, None, doc))
    if speaker_tok is None:
        return None
    if lemma in WEAK_CUES and content_head is None:
        return None
    if speaker_tok is not None and speaker_tok.lemma_.lower().split()[-1] in NOT_A_SOURCE:
        return None
    d = Draft(parts=parts, direct=False, cue=_cue_text(verb), cue_span=_cue_span(verb),
              source_span=_source_span(speaker_tok) if speaker_tok is not None else None,
              role_span=_role_of(speaker_tok) if speaker_tok is not None else None,
              sentence=(sent.start_char, sent.end_char), cue_token=verb,
              polarity=_polarity(verb, content_head, doc))
    d.intention = lemma in INTENTION_CUES and content_head is not None and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in content_head.children)
    if speaker_tok is None:
        d.hedged = True  # "it was reported that ..."
    d.relay_tok = relay_tok
    return d


def _late_that_clause(verb: Token) -> Optional[Token]:
    """A 'that' clause within a few words after the cue but attached elsewhere by the parser."""
    for tok in verb.doc[verb.i + 1:min(verb.i + 10, verb.sent.end)]:
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


def _object_content(verb: Token) -> Optional[Token]:
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"} and c.i > verb.i), None)
    if obj is None or obj.lower_ in {"it", "this", "that", "them", "him", "her", "reporters"}:
        return None
    if obj.pos_ == "PRON":
        return None
    return obj


def _ends_sentence(verb: Token, sent: SpacySpan) -> bool:
    """The cue clause closes the sentence ("..., officials said.")."""
    return all(t.is_punct or t.is_space for t in sent.doc[verb.right_edge.i + 1:sent.end])


def _quote_after(verb: Token, in_quote) -> bool:
    return any(in_quote(t.idx) for t in verb.doc[verb.i + 1:verb.right_edge.i + 1])


def _content_clause(verb: Token) -> Optional[Token]:
    for c in verb.children:
        if c.dep_ in {"ccomp", "csubjpass"}:
            if c.i < verb.i and any(t.text == ";" for t in verb.doc[c.i:verb.i]):
                continue  # a clause before a semicolon belongs to its own sentence half
            return c
    for c in verb.children:  # "warned of X", "said in a statement that": rarely parsed as ccomp
        if c.dep_ == "xcomp" and c.lemma_.lower() not in {"be"} and verb.lemma_.lower() in {"say", "claim", "report", "believe", "estimate", "think"}:
            return c
    return None


def _as_saying(verb: Token) -> Optional[Token]:
    """'quoted X as saying ...': the 'saying' verb under 'as'."""
    for c in verb.children:
        if c.dep_ in {"advcl", "prep", "xcomp"}:
            if c.lemma_ == "say":
                return c
            for g in c.children:
                if g.lemma_ == "say" and g.dep_ in {"pcomp", "pobj", "advcl", "xcomp"}:
                    return g
    return None


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
                if agent is not None:
                    return next((c for c in agent.children if c.dep_ == "pobj"), None)
                if tok.lemma_.lower() in RELAY_CUES:
                    return subj  # "X was quoted as saying"
                return None
            return subj
        if tok.dep_ in {"conj", "xcomp", "advcl"} and tok.head is not tok and (
                tok.head.lemma_.lower() in CUE_LEMMAS or (tok.tag_ == "VBG" and tok.dep_ == "advcl"
                                                          and tok.lemma_.lower() in PARTICIPLE_CUES
                                                          and tok.head.dep_ in {"ROOT", "conj"})):
            tok = tok.head
            continue
        break
    for c in verb.children:  # "He and others, asking not to be named, said ..." (misattached subject)
        if c.dep_ == "advcl" and c.i < verb.i:
            subj = next((g for g in c.children if g.dep_ == "nsubj" and g.i < c.i), None)
            if subj is not None:
                return subj
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


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _source_span(tok: Token | SpacySpan) -> SpacySpan:
    if isinstance(tok, SpacySpan):
        return _trim_span(tok)
    s, e = _subtree_bounds(tok)
    return _trim_span(tok.doc[s:e])


def _role_of(tok: Token | SpacySpan) -> Optional[SpacySpan]:
    if isinstance(tok, SpacySpan):
        tok = tok.root
    appos = next((c for c in tok.children if c.dep_ == "appos"), None)
    if appos is None:
        return None
    s, e = _subtree_bounds(appos)
    return _trim_span(tok.doc[s:e])


def _trim_span(span: SpacySpan) -> SpacySpan:
    s, e = span.start, span.end
    while s < e and (span.doc[s].is_punct or span.doc[s].is_space):
        s += 1
    while e > s and (span.doc[e - 1].is_punct or span.doc[e - 1].is_space) and span.doc[e - 1].text not in {")", "]"}:
        e -= 1
    return span.doc[s:e] if e > s else span


def _subtree_bounds(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _end_char(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _comma_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text in {",", "—", "–"} for t in a.doc[lo:hi])


def _cue_bounds(verb: Token) -> tuple[Token, Token]:
    """The cue as written: auxiliaries and 'also/not' before the verb, a particle after it."""
    first = verb
    i = verb.i - 1
    while i >= verb.sent.start:
        tok = verb.doc[i]
        if tok.head.i == verb.i and tok.dep_ in {"aux", "auxpass", "neg"} or \
                (tok.head.i == verb.i and tok.dep_ == "advmod" and tok.lower_ in {"also", "now", "then", "again", "further", "still"}):
            first = tok
            i -= 1
            continue
        break
    last = verb
    for c in verb.children:
        if c.i == verb.i + 1 and (c.dep_ == "prt" or (verb.lemma_ == "call" and c.lower_ in {"for", "on"})):
            last = c
    return first, last


def _cue_text(verb: Token) -> str:
    first, last = _cue_bounds(verb)
    return verb.doc[first.i:last.i + 1].text  # Doc.text would rebuild the whole article


def _cue_span(verb: Token) -> tuple[int, int]:
    first, last = _cue_bounds(verb)
    return first.idx, _end_char(last)


def _trim_parts(text: str, parts: list[list[int]]) -> list[list[int]]:
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


def _polarity(verb: Token, content: Optional[Token], doc: Document) -> str:
    if verb.lemma_.lower() in DENIAL_CUES:
        return "denial"
    if any(c.dep_ == "neg" for c in verb.children):
        return "negative"
    if content is not None:
        s, e = _subtree_bounds(content)
        span = verb.doc[s:e]
        if DENIAL_WORDS.search(span.text) and any(t.lemma_ in {"report", "claim", "allegation", "be"} for t in span):
            if re.search(r"\b(reports?|claims?|allegations?|rumou?rs?|that|this|it)\b", span.text, re.I):
                return "denial"
        if any(c.dep_ == "neg" for c in content.children):
            return "negative"
    return "positive"


def _hedged(sent: SpacySpan, d: Draft) -> bool:
    if d.cue_token is not None and d.cue_token.lemma_.lower() in HEDGE_CUES:
        return True
    lowered = {t.lower_ for t in sent}
    return bool(lowered & HEDGE_ADVERBS) or bool(HEDGE_PHRASES.search(sent.text))


# -- pass 2: direct quotes --------------------------------------------------------------------

def _position_index(quotes: list[Quote], n: int) -> list[Optional[Quote]]:
    index: list[Optional[Quote]] = [None] * n
    for q in quotes:
        for i in range(q.outer_start, min(q.outer_end, n)):
            index[i] = q
    return index


def _claim_quotes(drafts: list[Draft], quotes: list[Quote]) -> None:
    """Quotes inside an indirect statement's content make it a mixed quote: they are taken.

    When the clause is the quote itself ("'...,' she said" parsed with the quote as complement),
    the statement becomes a direct one whose parts are the quote's parts.
    """
    for d in drafts:
        for q in quotes:
            q_len = max(1, q.end - q.start)
            overlap = sum(max(0, min(e, q.end) - max(s, q.start)) for s, e in d.parts)
            inside = all(q.outer_start - 2 <= s and e <= q.outer_end + 2 for s, e in d.parts)
            if overlap < 0.5 * q_len and not inside:
                continue
            d.quotes.append(q)
            if all(q.outer_start - 2 <= s and e <= q.outer_end + 2 for s, e in d.parts):
                d.parts = [list(p) for p in q.parts]
                d.direct = True


def _direct_drafts(doc: Document, parsed: SpacyDoc, quotes: list[Quote], drafts: list[Draft],
                   in_quote) -> list[Draft]:
    taken = {id(q): d for d in drafts for q in d.quotes}
    stubs = [d for d in drafts if d.parts and d.parts[0][0] == d.parts[0][1]]
    cues = [d for d in drafts if d.cue_token is not None and d.source_span is not None]
    out: list[Draft] = []
    last_by_paragraph: dict[int, Draft] = {}
    previous: Optional[Draft] = None
    previous_paragraph = -1
    for q in quotes:
        paragraph = _paragraph_start(doc.text, q.outer_start)
        if id(q) in taken:
            previous = last_by_paragraph[paragraph] = taken[id(q)]
            previous_paragraph = paragraph
            continue
        if _too_short(doc.text, q):
            continue
        cue = _nearest_cue(doc.text, q, cues, parsed)
        if cue is not None:
            if cue in stubs:
                cue.parts = [list(p) for p in q.parts]
                stubs.remove(cue)
                cue.quotes.append(q)
                d = cue
            elif cue.direct and cue.quotes and cue.sentence[0] <= q.outer_start < cue.sentence[1] + 2 \
                    and cue.cue_span:
                cue.parts.extend(list(p) for p in q.parts)
                cue.quotes.append(q)
                d = cue
            else:
                d = _copy_as_direct(cue, q)
                out.append(d)
        else:
            d = _colon_form(doc, parsed, q) or _dash_suffix(doc, parsed, q) or \
                _colon_paragraph(doc, q, paragraph, stubs)
            if d is not None and d in stubs:
                stubs.remove(d)
                last_by_paragraph[paragraph] = d
                previous, previous_paragraph = d, paragraph
                continue
            if d is None and not _opens_sentence(doc.text, paragraph, q):
                continue  # a quoted fragment inside the writer's sentence ("their 'heroism'")
            if d is None:
                prior = last_by_paragraph.get(paragraph)
                if prior is None and previous is not None and previous_paragraph == _previous_paragraph(doc.text, paragraph):
                    prior = previous
                if prior is None:
                    prior = _last_statement_before(drafts + out, paragraph, q.outer_start)
                subject = _previous_subject(parsed, paragraph, q)
                if subject is not None and (prior is None or prior.end < subject.start_char):
                    d = Draft(parts=[list(p) for p in q.parts], direct=True, source_span=subject,
                              sentence=_sentence_of(parsed, q.outer_start), quotes=[q])
                    out.append(d)
                    last_by_paragraph[paragraph] = d
                    previous, previous_paragraph = d, paragraph
                    continue
                if prior is not None:
                    if prior.quotes and _paragraph_start(doc.text, prior.start) == paragraph and prior in out + drafts \
                            and _only_quotes_between(doc.text, prior, q):
                        prior.parts.extend(list(p) for p in q.parts)
                        prior.quotes.append(q)
                        d = prior
                    else:
                        d = Draft(parts=[list(p) for p in q.parts], direct=True,
                                  source_span=None, sentence=_sentence_of(parsed, q.outer_start),
                                  relayed_by=None, hedged=prior.hedged)
                        d.same_as = prior
                        out.append(d)
                else:
                    d = Draft(parts=[list(p) for p in q.parts], direct=True,
                              sentence=_sentence_of(parsed, q.outer_start), resolved=False)
                    out.append(d)
            else:
                out.append(d)
        last_by_paragraph[paragraph] = d
        previous, previous_paragraph = d, paragraph
    # Cue stubs that found no quote are dropped.
    for d in stubs:
        if d in drafts:
            drafts.remove(d)
    return out


def _previous_subject(parsed: SpacyDoc, paragraph: int, q: Quote) -> Optional[SpacySpan]:
    """Subject of the writer's sentence just before a cueless quote, when it names a person."""
    prev = None
    for sent in parsed.sents:
        if paragraph <= sent.start_char < q.outer_start and sent.root.idx < q.outer_start:
            prev = sent
    if prev is None:
        return None
    subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.ent_type_ == "PERSON" or subj.lower_ in {"he", "she"} or \
            (subj.lemma_.lower() in ROLE_NOUNS and subj.tag_ == "NN"):
        return _source_span(subj)
    return None


def _opens_sentence(text: str, paragraph: int, q: Quote) -> bool:
    before = text[paragraph:q.outer_start].rstrip()
    return not before or before[-1] in ".!?:—–-"


def _too_short(text: str, q: Quote) -> bool:
    """Scare quotes ("cannon fodder") are not statements: require a clause-sized quote."""
    words = sum(len(text[s:e].split()) for s, e in q.parts)
    return words < 4


def _copy_as_direct(cue: Draft, q: Quote) -> Draft:
    d = Draft(parts=[list(p) for p in q.parts], direct=True, cue=cue.cue, cue_span=cue.cue_span,
              source_span=cue.source_span, role_span=cue.role_span, sentence=cue.sentence,
              cue_token=cue.cue_token, quotes=[q], hedged=cue.hedged, polarity=cue.polarity)
    d.relay_tok = cue.relay_tok
    return d


def _nearest_cue(text: str, q: Quote, cues: list[Draft], parsed: SpacyDoc) -> Optional[Draft]:
    """The cue in the sentence that opens or closes the quote, nearest to its marks."""
    best, best_dist = None, 10 ** 9
    p_start = _paragraph_start(text, q.outer_start)
    p_end = text.find("\n", q.outer_end)
    p_end = len(text) if p_end < 0 else p_end
    for d in cues:
        cs, ce = d.cue_span
        if cs < p_start or cs > p_end:
            continue
        if not (d.sentence[0] <= q.outer_end and q.outer_start <= d.sentence[1] + 1):
            # the quote must touch the cue's sentence
            if not (q.outer_end <= d.sentence[0] and _only_space_or_punct(text[q.outer_end:d.sentence[0]])):
                continue
        if q.outer_start <= cs < q.outer_end:
            continue
        if ce <= q.outer_start:
            between = text[ce:q.outer_start]
            dist = q.outer_start - ce
            if _has_sentence_end(between) or re.search(r"[“\"]", between):
                continue
        else:
            between = text[q.outer_end:cs]
            dist = cs - q.outer_end
            if _has_sentence_end(between) and not text[q.outer_end - 2:q.outer_end].strip("”\"’' ")[-1:] in {",", "!", "?", "—"}:
                continue
        if d.parts and d.parts[0][0] != d.parts[0][1] and not d.direct and not _clause_is_quote(d, q):
            # an indirect statement of its own: only take a quote that closes right before the cue
            if not (q.outer_end <= cs and dist < 60):
                continue
        if dist < best_dist:
            best, best_dist = d, dist
    return best


def _clause_is_quote(d: Draft, q: Quote) -> bool:
    return any(abs(s - q.start) <= 2 for s, _ in d.parts)


def _has_sentence_end(between: str) -> bool:
    return bool(re.search(r"[.!?]\s+[A-Z“\"]", between))


def _only_space_or_punct(s: str) -> bool:
    return all(not ch.isalnum() for ch in s)


def _only_quotes_between(text: str, prior: Draft, q: Quote) -> bool:
    between = text[prior.end:q.outer_start]
    return len(between) < 400 and "\n" not in between


def _colon_form(doc: Document, parsed: SpacyDoc, q: Quote) -> Optional[Draft]:
    """'Name: "..."' or 'Name — "..."' (headlines, transcripts)."""
    p_start = _paragraph_start(doc.text, q.outer_start)
    prefix = doc.text[max(p_start, q.outer_start - 80):q.outer_start]
    m = re.search(r"(?:^|[.!?]\s+)([^.!?:\n]{2,70}?)\s*(:|—|–| - )\s*$", prefix)
    if not m:
        return None
    start = max(p_start, q.outer_start - 80) + m.start(1)
    end = max(p_start, q.outer_start - 80) + m.end(1)
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) > 10:
        return None
    capitalised = all(t.text[:1].isupper() for t in span if t.is_alpha and t.lower_ not in {"of", "the", "and"})
    if not capitalised and not any(t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} for t in span):
        if not any(t.lemma_.lower() in {"spokesman", "spokeswoman", "official", "minister", "president"} for t in span):
            return None
    if any(t.pos_ == "VERB" for t in span):
        return None
    cue_pos = end + (len(doc.text[end:q.outer_start]) - len(doc.text[end:q.outer_start].lstrip()))
    mark = doc.text[end:q.outer_start].strip()
    return Draft(parts=[list(p) for p in q.parts], direct=True, cue=mark,
                 cue_span=(cue_pos, cue_pos + len(mark)), source_span=span,
                 sentence=_sentence_of(parsed, q.outer_start), quotes=[q])


def _dash_suffix(doc: Document, parsed: SpacyDoc, q: Quote) -> Optional[Draft]:
    """'"..." ― Jane Roe' (letters, reader comments, epigraphs): a name after a dash."""
    line_end = doc.text.find("\n", q.outer_end)
    line_end = len(doc.text) if line_end < 0 else line_end
    m = re.match(r"\s*([―—–]|--)\s*([^\n“\"]{2,60}?)\s*(?=$|[“\"])", doc.text[q.outer_end:line_end])
    if not m:
        return None
    start = q.outer_end + m.start(2)
    end = q.outer_end + m.end(2)
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not span.text[:1].isupper() or any(t.pos_ == "VERB" for t in span):
        return None
    dash = q.outer_end + m.start(1)
    return Draft(parts=[list(p) for p in q.parts], direct=True, cue=m.group(1),
                 cue_span=(dash, dash + len(m.group(1))), source_span=span,
                 sentence=_sentence_of(parsed, q.outer_start), quotes=[q])


def _colon_paragraph(doc: Document, q: Quote, paragraph: int, stubs: list[Draft]) -> Optional[Draft]:
    """'He said:' closing the paragraph before the quote: the stub cue takes the quote."""
    before = doc.text[:paragraph].rstrip()
    if not before.endswith(":"):
        return None
    prev_start = _paragraph_start(doc.text, len(before))
    for d in stubs:
        if d.cue_span and prev_start <= d.cue_span[0] < len(before):
            d.parts = [list(p) for p in q.parts]
            d.quotes.append(q)
            return d
    return None


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _previous_paragraph(text: str, paragraph_start: int) -> int:
    if paragraph_start <= 0:
        return -1
    return _paragraph_start(text, paragraph_start - 1)


def _last_statement_before(drafts: list[Draft], paragraph: int, pos: int) -> Optional[Draft]:
    best = None
    for d in drafts:
        if paragraph <= d.start < pos and (best is None or d.start > best.start):
            best = d
    return best


def _sentence_of(parsed: SpacyDoc, pos: int) -> tuple[int, int]:
    for sent in parsed.sents:
        if sent.start_char <= pos < sent.end_char:
            return sent.start_char, sent.end_char
    return pos, pos


# -- pass 3: chains ---------------------------------------------------------------------------

def _nest(drafts: list[Draft]) -> list[Draft]:
    """Link statements whose cue lies inside another statement's content (after resolution).

    Another source inside ("Tass reported Shoigu told reporters ...") is relayed by the outer
    source, and the outer statement is dropped when it is only that shell.  The same source, or
    an unnamed hedge ("X said the troops had reportedly ..."), is part of the outer claim: the
    inner statement is dropped instead.
    """
    drop: set[int] = set()
    for outer in sorted(drafts, key=lambda d: -(d.end - d.start)):
        if outer.direct or id(outer) in drop:
            continue
        inner = [d for d in drafts if d is not outer and id(d) not in drop and d.cue_span is not None
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
    return [d for d in drafts if id(d) not in drop]


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


# -- resolution and storage -------------------------------------------------------------------

def _resolve(doc: Document, parsed: SpacyDoc, drafts: list[Draft], book: SourceBook) -> None:
    for d in sorted(drafts, key=lambda x: x.cue_span[0] if x.cue_span else x.start):
        same = d.same_as
        if same is not None:
            continue
        if d.source_span is not None:
            span = d.source_span
            if span.root.lower_ in {"who", "that", "which"} and span.root.head.dep_ == "relcl":
                noun = span.root.head.head
                s, e = _subtree_bounds(noun)
                cut = min(e, span.root.head.left_edge.i)
                span = parsed[s:cut] if cut > s else parsed[noun.i:noun.i + 1]
                span = _trim_span(span)
            res = book.resolve(_name_part(span), d.role_span)
            d.speaker, d.resolved = res.source, res.resolved
            # "officials said. They spoke on condition of anonymity": an unnamed description
            if d.speaker is not None and d.speaker.kind in {"unknown", "organisation"} \
                    and span.root.pos_ == "NOUN" \
                    and ANONYMITY.search(doc.text[d.sentence[0]:d.sentence[1] + 200]):
                d.speaker.kind = "anonymous"
        elif d.cue is not None and d.cue_token is not None:
            d.speaker = book.add(UNNAMED, "anonymous", "")
            d.resolved = True
        else:
            d.resolved = False
        d.relays = _relays(d, book)
    for d in sorted(drafts, key=lambda x: x.start):
        same = d.same_as
        if same is not None:
            d.speaker, d.resolved, d.relays = same.speaker, same.resolved, list(same.relays)
            d.cue, d.source_span = None, None


def _name_part(span: SpacySpan) -> SpacySpan:
    """The source mention without its appositive or relative clause."""
    root = span.root
    end = span.end
    for c in root.children:
        if c.dep_ in {"appos", "relcl", "acl"} and c.i > root.i:
            end = min(end, c.left_edge.i)
    s = span.start
    span2 = span.doc[s:end]
    return _trim_span(span2) if len(span2) else span


def _relays(d: Draft, book: SourceBook) -> list[Source]:
    relays: list[Source] = []
    verb = d.cue_token
    if verb is not None and verb.pos_ in {"VERB", "AUX"}:
        relay_tok = d.relay_tok
        if relay_tok is not None:
            relays.append(book.resolve(_name_part(_source_span(relay_tok))).source)
        for c in verb.children:
            if c.dep_ == "advcl" and c.lemma_.lower() in REPORTING_VERBS and c.tag_ == "VBG":
                origin = _object_of(c)
                if origin is not None and d.speaker is not None:
                    res = book.resolve(_name_part(_source_span(origin)))
                    if res.source is not None and res.source is not d.speaker:
                        relays.insert(0, d.speaker)
                        d.speaker = res.source
            elif c.dep_ in {"dative", "dobj", "prep", "npadvmod"} and c.i > verb.i:
                outlet = _outlet_in(c, book)
                if outlet is not None and outlet is not d.speaker:
                    relays.append(outlet)
    if verb is not None and verb.lower_ == "according":
        pass
    if d.source_span is not None:  # "the statement in the official agency translation"
        for tok in d.source_span:
            if tok.dep_ == "prep" and tok.head.i == d.source_span.root.i:
                outlet = _outlet_in(tok, book)
                if outlet is not None and outlet is not d.speaker and outlet not in relays:
                    relays.append(outlet)
    return [r for r in relays if r is not None]


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


def _store(doc: Document, drafts: list[Draft]) -> list[Statement]:
    writer, writer_via = writer_source(doc)
    outlet = outlet_source(doc)
    out: list[Statement] = []
    seen: set[tuple] = set()
    for d in sorted(drafts, key=lambda x: (x.start, x.end)):
        parts = sorted([list(p) for p in d.parts if p[1] > p[0]])
        if not parts:
            continue
        key = (tuple(map(tuple, parts)), id(d.speaker) if d.speaker is not None else None)
        if key in seen:  # two cues on one quote ("remarked ..., asserting, '...'")
            continue
        seen.add(key)
        via = [r.id for r in d.relays if r is not None and (d.speaker is None or r.id != d.speaker.id)]
        via = list(dict.fromkeys(via))
        if d.speaker is not None and d.speaker.id in (writer.id, outlet.id):
            via = [v for v in via if v != d.speaker.id]
        ending = writer_via if d.speaker is writer else [outlet.id]
        for v in ending:
            if v not in via and (d.speaker is None or v != d.speaker.id):
                via.append(v)
        if outlet.id in via:
            via = [v for v in via if v != outlet.id] + [outlet.id]
        src = d.source_span
        st = Statement(
            id=doc.new_id("q", len(out) + 1), doc=doc.id, start=parts[0][0], end=parts[-1][1],
            text=" … ".join(doc.text[s:e] for s, e in parts), parts=parts, direct=d.direct,
            cue=d.cue, cue_start=d.cue_span[0] if d.cue_span and d.cue else None,
            cue_end=d.cue_span[1] if d.cue_span and d.cue else None,
            source_text=src.text if src is not None else None,
            source_start=src.start_char if src is not None else None,
            source_end=src.end_char if src is not None else None,
            speaker=d.speaker.id if d.speaker is not None else None,
            resolved=d.resolved and d.speaker is not None, via=via, hedged=d.hedged,
            polarity=d.polarity, sentence_start=min(d.sentence[0], parts[0][0]),
            sentence_end=max(d.sentence[1], parts[-1][1]),
        )
        out.append(st)
    doc.statements.extend(out)
    _drop_unused_sources(doc, {outlet.id, writer.id})
    return out


def _drop_unused_sources(doc: Document, keep: set[str]) -> None:
    """Sources only met while resolving dropped drafts would be orphans in the ledger."""
    used = set(keep)
    for st in doc.statements:
        used.update(filter(None, [st.speaker, *st.via]))
    doc.sources[:] = [s for s in doc.sources if s.id in used]
