"""'Name: claim' labels without a cue verb: headlines and transcripts.

News headlines attribute with a colon (``Coach Ruiz: Team Will Fight On``, ``Poll: Voters Favour
Tax Cut``) and interview transcripts open each turn with the speaker in capitals (``"RUIZ: We
played well."``).  The label is the source, the colon the cue and the rest of the sentence (or,
inside a quote, the rest of the quote) the content.  Only a paragraph's opening words count, and
the label must look like a name or a document, so "Note:" or "Update:" never become sources.
A headline may also credit its claim after the colon (``Toll Revised Down to 125: Official``,
``Quake Kills 40: Police``): a short name or role that closes a one-line paragraph.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan

from claimledger.extract.drafts import Draft
from claimledger.extract.parse_spans import paragraph_start, trim_parts
from claimledger.extract.quotes import Quote
from claimledger.extract.speakers import ANONYMOUS_HEADS, ORG_NOUNS, REPORT_HEADS, ROLE_NOUNS
from claimledger.model import Document

LABEL = re.compile(r"([A-Z][\w.’'-]*(?:[ \t]+(?:[A-Z][\w.’'-]*|of|the|and|de|van|von)){0,4})[ \t]*:[ \t]+(?=\S)")
NOT_SPEAKERS = {
    "update", "updated", "note", "editor", "correction", "clarification", "photo", "photos", "video",
    "watch", "listen", "read", "related", "see", "advertisement", "warning", "disclaimer", "q", "a",
    "question", "answer", "subscribe", "follow", "image", "caption", "credit", "tags", "topics",
    "by", "posted", "published", "date", "time", "location", "where", "when", "what", "why", "how",
    "who", "breaking", "exclusive", "live", "analysis", "opinion", "summary", "background",
    "context", "latest", "the", "key", "points", "fact", "check", "verdict", "bottom", "line",
    "step", "part", "chapter", "day", "round", "final", "score", "result", "results", "table",
    "source", "sources", "contact", "email", "phone", "tel", "web", "website", "address", "venue",
    "tickets", "price", "cost", "ingredients", "method", "example", "tip", "bonus", "plus", "also",
    "p.s", "ps", "translation", "transcript", "partial", "full", "text", "here", "this", "that",
    "why", "now", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def label_at(doc: Document, parsed: SpacyDoc, pos: int, limit: int) -> Optional[tuple[SpacySpan, int, int]]:
    """(label span, colon start, content start) when a speaker label opens the text at ``pos``."""
    m = LABEL.match(doc.text, pos, limit)
    if m is None or len(m.group(1)) > 45:
        return None
    words = [w.strip(".’'").lower() for w in m.group(1).split()]
    if any(w in NOT_SPEAKERS for w in words) or not any(w.isalpha() for w in words):
        return None
    span = parsed.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if span is None or any(t.pos_ in {"VERB", "AUX", "PRON"} and not t.is_upper for t in span):
        return None
    named = any(t.pos_ == "PROPN" or t.ent_type_ in NAME_LABELS for t in span) or m.group(1).isupper()
    if not named and span.root.lemma_.lower() not in REPORT_HEADS | ROLE_NOUNS:
        return None
    colon = doc.text.index(":", m.end(1))
    return span, colon, m.end()


def transcript_drafts(doc: Document, parsed: SpacyDoc, q: Quote) -> list[Draft]:
    """'"RUIZ: We played well.' paragraphs: one statement per labelled turn of a quote.

    A quote running over paragraphs (an opening mark at each) may hold several turns; a
    paragraph without a label continues the turn before it.  [] when the quote does not open
    with a label.
    """
    if paragraph_start(doc.text, q.outer_start) != q.outer_start:
        return []
    out: list[Draft] = []
    for s, e in q.parts:
        found = label_at(doc, parsed, s, e) if s > 0 and paragraph_start(doc.text, s - 1) == s - 1 else None
        if found is None:
            if not out:
                return []
            out[-1].parts.extend(trim_parts(doc.text, [[s, e]]))
            continue
        span, colon, content_start = found
        parts = trim_parts(doc.text, [[content_start, e]])
        out.append(Draft(parts=parts, direct=True, cue=":", cue_span=(colon, colon + 1), source_span=span,
                         sentence=(s, e), quotes=[q]))
    return [d for d in out if d.parts]


def headline_drafts(doc: Document, parsed: SpacyDoc, in_quote) -> list[Draft]:
    """'Coach Ruiz: Team Will Fight On': a label opening a paragraph, outside quotes."""
    out = []
    for sent in parsed.sents:
        start = sent.start_char
        if paragraph_start(doc.text, start) != start or in_quote(start):
            continue
        found = label_at(doc, parsed, start, sent.end_char)
        if found is None:
            trailing = trailing_label(doc, parsed, sent)
            if trailing is not None:
                span, colon = trailing
                parts = trim_parts(doc.text, [[start, colon]])
                if parts:
                    out.append(Draft(parts=parts, direct=False, cue=":", cue_span=(colon, colon + 1),
                                     source_span=span, sentence=(start, span.end_char)))
            continue
        span, colon, content_start = found
        if doc.text[content_start:content_start + 1] in "“\"‘'":
            continue  # 'Name: "..."' is a direct quote, handled with the quotes
        parts = trim_parts(doc.text, [[content_start, sent.end_char]])
        if parts:
            out.append(Draft(parts=parts, direct=False, cue=":", cue_span=(colon, colon + 1),
                             source_span=span, sentence=(sent.start_char, sent.end_char)))
    return out


MAX_HEADLINE = 200
"""A headline is one line of at most this many characters without a closing full stop (the
sentence splitter may cut it at the colon, so the whole line is read)."""
TRAILING_LABEL = re.compile(r"[ \t]*:[ \t]+([A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3})[ \t]*$")


def trailing_label(doc: Document, parsed: SpacyDoc, sent: SpacySpan) -> Optional[tuple[SpacySpan, int]]:
    """(source span, colon) for a one-line headline closed by ': Official' / ': Police' / ': Ana Ruiz'."""
    start = sent.start_char
    line_end = doc.text.find("\n", start)
    line_end = len(doc.text) if line_end < 0 else line_end
    if line_end - start > MAX_HEADLINE or doc.text[start:line_end].rstrip()[-1:] in ".?!\"”":
        return None                                    # a sentence of the body, not a headline
    m = TRAILING_LABEL.search(doc.text, start, line_end)
    if m is None or m.start() - start < 15:
        return None
    words = [w.strip(".’'").lower() for w in m.group(1).split()]
    if any(w in NOT_SPEAKERS for w in words):
        return None
    span = parsed.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if span is None or any(t.pos_ in {"VERB", "AUX", "PRON", "NUM"} for t in span):
        return None
    named = any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in span)
    head = span.root.lemma_.lower()
    if not named and head not in ROLE_NOUNS | ANONYMOUS_HEADS | ORG_NOUNS | REPORT_HEADS:
        return None
    return span, doc.text.index(":", m.start())


FIGURE_LABEL = re.compile(
    r"(?<![\w’'])(?P<owner>[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,3}|[a-z]+)(?:['’]s?)?[ \t]+"
    r"(?P<head>figures?|estimates?|counts?|tally|tallies|numbers?|toll)[ \t]*:[ \t]*(?=\S)")
"""``Organisers' figure: 500,000``, ``Police estimate: 80,000``: whose number it is, before a colon."""


def figure_label_drafts(doc: Document, parsed: SpacyDoc, in_quote) -> list[Draft]:
    """'Owner's figure: N' labels anywhere in a sentence: the owner is the source, the rest the claim."""
    out = []
    for m in FIGURE_LABEL.finditer(doc.text):
        if in_quote(m.start()):
            continue
        owner = parsed.char_span(m.start("owner"), m.end("owner"), alignment_mode="expand")
        if owner is None or owner.root.lower_ in NOT_SPEAKERS:
            continue
        possessive = doc.text[m.end("owner"):m.start("head")].strip() in ("'", "’", "'s", "’s")
        if not possessive and not (owner.root.lemma_.lower() in ROLE_NOUNS | ORG_NOUNS | ANONYMOUS_HEADS
                                   or any(t.ent_type_ in NAME_LABELS for t in owner)):
            continue   # "Death toll: 131" names what is counted, not whose count it is
        sent = owner.sent
        end = min(sent.end_char, _clause_end(doc.text, m.end(), sent.end_char))
        parts = trim_parts(doc.text, [[m.end(), end]])
        if not parts or not any(ch.isdigit() for ch in doc.text[parts[0][0]:parts[-1][1]]) and \
                not re.search(r"\b(?:hundred|thousand|million|billion|dozen)", doc.text[m.end():end]):
            continue
        colon = doc.text.index(":", m.end("head"))
        out.append(Draft(parts=parts, direct=False, cue=doc.text[m.start("head"):colon + 1],
                         cue_span=(m.start("head"), colon + 1), source_span=owner,
                         sentence=(sent.start_char, sent.end_char)))
    return out


def _clause_end(text: str, start: int, limit: int) -> int:
    """The claim after the colon runs to the next ';' or sentence end (a second label starts a new claim)."""
    nxt = FIGURE_LABEL.search(text, start, limit)
    stop = text.find(";", start, limit)
    ends = [e for e in (stop, nxt.start() if nxt else -1) if e != -1]
    return min(ends) if ends else limit
