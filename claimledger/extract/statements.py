"""Stage ``statements``: direct quotes and attributed claims, with speaker and citation chain.

Rules on the dependency parse, in three passes over each document (one module per form):

1. *Cues* outside quotation marks (:mod:`indirect`): cue verbs with a complement clause
   (``said``, ``told``, ``warned``, ``denied`` ...), reporting verbs with only an object (``the
   ministry reported 300 deaths``), stated intentions (``plans to cut 500 jobs``), stances
   (``criticized the plan``), ``reportedly`` hedges; ``according to X`` (:mod:`according_to`);
   stances on a topic and held views (``spoke about X``, ``is sure that X``, :mod:`topic_cues`);
   possessed speech nouns (``the coach's claim that X``, :mod:`noun_cues`); ``Name: claim``
   headlines and transcript labels (:mod:`colon_labels`).  Word lists: :mod:`cue_lexicon`;
   polarity and hedging: :mod:`polarity`.
2. *Direct quotes* (:mod:`direct_quotes`, spans from :mod:`quotes`) take the nearest cue in the
   sentence that opens or closes them, a ``Name: "..."`` prefix or, failing that, the speaker
   of the quote just before (news convention for follow-on quotes).
3. *Chains* (:mod:`chains`): a statement whose cue sits inside another statement's content is
   relayed by that other source (``Kyodo reported Tanaka told reporters ...``); ``X quoted Y as
   saying``, ``citing Y`` and ``told Politico`` add relays too.  Every chain ends with the
   article's own outlet.  Chains are stored innermost first (see model.py): ``speaker`` is the
   original source, ``via`` the relays outward.

A coordinated source (``Neither X nor Y confirmed ...``) gives one statement per name.
"""

from __future__ import annotations

import dataclasses
import logging

from spacy.tokens import Doc as SpacyDoc

from claimledger.extract.chains import agent_behind, name_part, nest, relays_of
from claimledger.extract.colon_labels import figure_label_drafts, headline_drafts
from claimledger.extract.cue_lexicon import ANONYMITY, UNNAMED
from claimledger.extract.direct_quotes import claim_quotes, direct_drafts, position_index
from claimledger.extract.drafts import Draft
from claimledger.extract.indirect import sentence_drafts
from claimledger.extract.parse_spans import conjunct_spans, subtree_bounds, trim_span
from claimledger.extract.quotes import find_quotes
from claimledger.extract.speakers import SourceBook, outlet_source, writer_source
from claimledger.model import Document, Statement
from claimledger.pipeline import Context, stage

log = logging.getLogger(__name__)


@stage("statements")
def statements(doc: Document, parsed: SpacyDoc, ctx: Context) -> None:
    extract_statements(doc, parsed)


def extract_statements(doc: Document, parsed: SpacyDoc) -> list[Statement]:
    """Fill ``doc.statements`` and ``doc.sources``; returns the statements."""
    outlet_source(doc)
    writer_source(doc)
    quotes = find_quotes(doc.text)
    quote_at = position_index(quotes, len(doc.text))

    def in_quote(pos: int) -> bool:
        return 0 <= pos < len(quote_at) and quote_at[pos] is not None

    book = SourceBook(doc, parsed, in_quote)
    drafts: list[Draft] = []
    for sent in parsed.sents:
        try:
            drafts.extend(sentence_drafts(doc, sent, in_quote))
        except Exception:  # one odd parse must never cost the whole article its statements
            log.warning("statements: skipped a sentence of %s at %d", doc.id, sent.start_char, exc_info=True)
    drafts.extend(headline_drafts(doc, parsed, in_quote))
    drafts.extend(figure_label_drafts(doc, parsed, in_quote))
    drafts.sort(key=lambda d: d.cue_span[0] if d.cue_span else d.start)
    claim_quotes(drafts, quotes)
    drafts.extend(direct_drafts(doc, parsed, quotes, drafts, in_quote))
    drafts.sort(key=lambda d: (d.start, d.end))
    _resolve(doc, parsed, drafts, book)
    drafts = nest(drafts)
    return _store(doc, drafts)


def _resolve(doc: Document, parsed: SpacyDoc, drafts: list[Draft], book: SourceBook) -> None:
    for d in sorted(drafts, key=lambda x: x.cue_span[0] if x.cue_span else x.start):
        same = d.same_as
        if same is not None:
            continue
        if d.source_span is not None:
            span = d.source_span
            if span.root.lower_ in {"who", "that", "which"} and span.root.head.dep_ == "relcl":
                noun = span.root.head.head
                s, e = subtree_bounds(noun)
                cut = min(e, span.root.head.left_edge.i)
                span = parsed[s:cut] if cut > s else parsed[noun.i:noun.i + 1]
                span = trim_span(span)
            span = agent_behind(span)
            names = conjunct_spans(name_part(span))
            res = book.resolve(names[0] if names else name_part(span), d.role_span)
            d.speaker, d.resolved = res.source, res.resolved
            for name in names[1:]:  # "neither Moscow nor Pyongyang confirmed": one statement each
                other = book.resolve(name).source
                if other is not None and other is not d.speaker and other not in d.co_speakers:
                    d.co_speakers.append(other)
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
        d.relays = relays_of(d, book)
    for d in sorted(drafts, key=lambda x: x.start):
        same = d.same_as
        if same is not None:
            d.speaker, d.resolved, d.relays = same.speaker, same.resolved, list(same.relays)
            d.co_speakers = list(same.co_speakers)
            d.cue, d.source_span = None, None


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
        for other in d.co_speakers:  # the same claim, voiced by each coordinated name
            out.append(dataclasses.replace(st, id=doc.new_id("q", len(out) + 1), speaker=other.id,
                                           parts=[list(p) for p in parts], via=list(via)))
    doc.statements.extend(out)
    _drop_unused_sources(doc, {outlet.id, writer.id})
    return out


def _drop_unused_sources(doc: Document, keep: set[str]) -> None:
    """Sources only met while resolving dropped drafts would be orphans in the ledger."""
    used = set(keep)
    for st in doc.statements:
        used.update(filter(None, [st.speaker, *st.via]))
    doc.sources[:] = [s for s in doc.sources if s.id in used]
