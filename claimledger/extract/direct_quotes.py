"""Pass 2 of the statements stage: give every direct quote a cue and a speaker.

The nearest cue in the sentence that opens or closes the quote (``"A," he said, "B."`` becomes one
statement of two parts), a ``Name: "..."`` / ``Name — "..."`` prefix, a dash signature, or, failing
that, the speaker of the quote just before in the paragraph or the previous paragraph (news
convention for follow-on quotes).
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan

from claimledger.extract.colon_labels import transcript_drafts
from claimledger.extract.drafts import Draft
from claimledger.extract.parse_spans import paragraph_start, sentence_of, source_span_of, trim_parts
from claimledger.extract.quotes import Quote
from claimledger.extract.speakers import ROLE_NOUNS
from claimledger.model import Document


def position_index(quotes: list[Quote], n: int) -> list[Optional[Quote]]:
    index: list[Optional[Quote]] = [None] * n
    for q in quotes:
        for i in range(q.outer_start, min(q.outer_end, n)):
            index[i] = q
    return index


def claim_quotes(drafts: list[Draft], quotes: list[Quote]) -> None:
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


def direct_drafts(doc: Document, parsed: SpacyDoc, quotes: list[Quote], drafts: list[Draft],
                   in_quote) -> list[Draft]:
    taken = {id(q): d for d in drafts for q in d.quotes}
    stubs = [d for d in drafts if d.parts and d.parts[0][0] == d.parts[0][1]]
    cues = [d for d in drafts if d.cue_token is not None and d.source_span is not None]
    out: list[Draft] = []
    last_by_paragraph: dict[int, Draft] = {}
    previous: Optional[Draft] = None
    previous_paragraph = -1
    for q in quotes:
        paragraph = paragraph_start(doc.text, q.outer_start)
        if id(q) in taken:
            previous = last_by_paragraph[paragraph] = taken[id(q)]
            previous_paragraph = paragraph
            continue
        if _too_short(doc.text, q):
            continue
        turns = transcript_drafts(doc, parsed, q)
        if turns:  # '"RUIZ: We played well."': the label is the speaker
            out.extend(turns)
            previous = last_by_paragraph[paragraph] = turns[-1]
            previous_paragraph = paragraph
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
                              sentence=sentence_of(parsed, q.outer_start), quotes=[q])
                    out.append(d)
                    last_by_paragraph[paragraph] = d
                    previous, previous_paragraph = d, paragraph
                    continue
                if prior is not None:
                    if prior.quotes and paragraph_start(doc.text, prior.start) == paragraph and prior in out + drafts \
                            and _only_quotes_between(doc.text, prior, q):
                        prior.parts.extend(list(p) for p in q.parts)
                        prior.quotes.append(q)
                        d = prior
                    else:
                        d = Draft(parts=[list(p) for p in q.parts], direct=True,
                                  source_span=None, sentence=sentence_of(parsed, q.outer_start),
                                  relayed_by=None, hedged=prior.hedged)
                        d.same_as = prior
                        out.append(d)
                else:
                    d = Draft(parts=[list(p) for p in q.parts], direct=True,
                              sentence=sentence_of(parsed, q.outer_start), resolved=False)
                    out.append(d)
            else:
                out.append(d)
        last_by_paragraph[paragraph] = d
        previous, previous_paragraph = d, paragraph
    # Cue stubs that found no quote take the unquoted text after their colon, or are dropped.
    for d in stubs:
        if not _colon_continuation(doc.text, d) and d in drafts:
            drafts.remove(d)
    return out


def _colon_continuation(text: str, stub: Draft) -> bool:
    """'The governor added: It is typical of them.': the rest of the paragraph, unquoted."""
    m = re.match(r"[ \t]*:[ \t]*(?=[^\s“\"‘'])", text[stub.cue_span[1]:])
    if m is None:
        return False
    start = stub.cue_span[1] + m.end()
    end = text.find("\n", start)
    parts = trim_parts(text, [[start, len(text) if end < 0 else end]])
    if not parts:
        return False
    stub.parts, stub.direct = parts, False
    stub.sentence = (stub.sentence[0], max(stub.sentence[1], parts[-1][1]))
    return True


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
        return source_span_of(subj)
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
    p_start = paragraph_start(text, q.outer_start)
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
    p_start = paragraph_start(doc.text, q.outer_start)
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
                 sentence=sentence_of(parsed, q.outer_start), quotes=[q])


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
                 sentence=sentence_of(parsed, q.outer_start), quotes=[q])


def _colon_paragraph(doc: Document, q: Quote, paragraph: int, stubs: list[Draft]) -> Optional[Draft]:
    """'He said:' closing the paragraph before the quote: the stub cue takes the quote."""
    before = doc.text[:paragraph].rstrip()
    if not before.endswith(":"):
        return None
    prev_start = paragraph_start(doc.text, len(before))
    for d in stubs:
        if d.cue_span and prev_start <= d.cue_span[0] < len(before):
            d.parts = [list(p) for p in q.parts]
            d.quotes.append(q)
            return d
    return None


def _previous_paragraph(text: str, paragraph: int) -> int:
    if paragraph <= 0:
        return -1
    return paragraph_start(text, paragraph - 1)


def _last_statement_before(drafts: list[Draft], paragraph: int, pos: int) -> Optional[Draft]:
    best = None
    for d in drafts:
        if paragraph <= d.start < pos and (best is None or d.start > best.start):
            best = d
    return best
