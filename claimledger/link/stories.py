"""Group documents into stories incrementally, as they arrive.

A document's *profile* is a bag of weighted terms: content words of its title (counted twice)
and lead, plus its named places, people and organisations (``@name``, weighted higher because
they tell one shooting, flood or strike from the next).  The store keeps every grouped
document's profile as an inverted index (``story_terms``) and each term's document frequency
(``term_counts``), both updated per document, so matching a new article costs a few indexed
look-ups, not a pass over the ledger.

Matching: the new profile's most distinctive terms (highest TF-IDF) fetch the documents that
share them; each candidate is scored by TF-IDF cosine over the whole profiles, damped when its
story's date span is far from the new article's publication date.  The article joins the story
of the best-scoring document when that score reaches :data:`JOIN`, else it starts a new story.
A near-duplicate joins its original's story.  When a second story also reaches :data:`JOIN`
the article spans both: it joins the best one (its figures count only there) and the two
stories are linked through ``Story.related``.

User corrections (:class:`~claimledger.model.StoryCorrection`) are replayed on every
regrouping: a moved document goes where the user put it; a merged story's documents go to the
story it was merged into.  Story ids are ``S`` + the first document's id (stable across runs).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.lang.en.stop_words import STOP_WORDS

from claimledger.link.names import fold
from claimledger.model import Document, Story, StoryCorrection

LEAD_WORDS = 250
"""Words of the text that enter the profile: a report's lead names its event; the tail of a
crawled page often carries teasers of other stories."""
MENTION_LABELS = {"PERSON", "GPE", "ORG", "FAC", "LOC"}
MENTION_WEIGHT = 2.0
MAX_TERMS = 80
QUERY_TERMS = 12
MAX_CANDIDATES = 300
MAX_POSTINGS = 200
"""A term carried by more documents than this does not fetch candidates (it still scores)."""
JOIN = 0.12
"""Minimum damped cosine for an article to join an existing story (tuned on the GVA dev half)."""
DATE_SLACK_DAYS = 5
DATE_SCALE_DAYS = 20
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]+|\d+(?:st|nd|rd|th)\b")


@dataclass
class Match:
    story: Optional[str]
    score: float = 0.0
    related: list[str] = field(default_factory=list)


def profile(doc: Document) -> dict[str, float]:
    """Weighted terms of a document (sublinear term frequency)."""
    counts: Counter[str] = Counter()
    for w in _WORD.findall(doc.title or ""):
        _count(counts, w, 2.0)
    lead_end = _lead_end(doc.text)
    for w in _WORD.findall(doc.text[:lead_end]):
        _count(counts, w, 1.0)
    for m in doc.mentions:
        if m.label in MENTION_LABELS and m.start < lead_end:
            key = fold(m.text)
            if key and key not in STOP_WORDS:
                counts["@" + key] += MENTION_WEIGHT
    weighted = {t: 1.0 + math.log(c) for t, c in counts.items() if c > 0}
    top = sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    return dict(top)


def _count(counts: Counter, word: str, weight: float) -> None:
    w = fold(word).replace(" ", "")
    if len(w) > 2 and w not in STOP_WORDS:
        counts[w] += weight


def _lead_end(text: str) -> int:
    n = 0
    for m in re.finditer(r"\S+", text):
        n += 1
        if n >= LEAD_WORDS:
            return m.end()
    return len(text)


def idf(df: int, n: int) -> float:
    return math.log((n + 1) / (df + 1)) + 1.0


def cosine(a: dict[str, float], b: dict[str, float], weights: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b[t] * weights.get(t, 1.0) ** 2 for t, v in a.items() if t in b)
    if not dot:
        return 0.0
    na = math.sqrt(sum((v * weights.get(t, 1.0)) ** 2 for t, v in a.items()))
    nb = math.sqrt(sum((v * weights.get(t, 1.0)) ** 2 for t, v in b.items()))
    return dot / (na * nb)


def day(value: Optional[str]) -> Optional[dt.date]:
    """The first day of an ISO date or ``start/end`` window; None when there is none."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.split("/")[0][:10])
    except ValueError:
        return None


def date_factor(published: Optional[str], start: Optional[str], end: Optional[str]) -> float:
    """1 within a few days of the story's span, decaying with the gap beyond it."""
    when, first, last = day(published), day(start), day(end or start)
    if not when or not first or not last:
        return 1.0
    gap = (first - when).days if when < first else max(0, (when - last).days)
    if gap <= DATE_SLACK_DAYS:
        return 1.0
    return math.exp(-(gap - DATE_SLACK_DAYS) / DATE_SCALE_DAYS)


def story_id(founder: str) -> str:
    return "S" + founder


class Corrections:
    """The user's corrections, applied whenever a document is (re)assigned."""

    def __init__(self, records: Iterable[StoryCorrection] = ()) -> None:
        self.moves: dict[str, Optional[str]] = {}       # doc -> story (None = a story of its own)
        self.merged: dict[str, str] = {}                 # story -> the story it was merged into
        self.closed: set[str] = set()                    # stories split off by hand: no automatic joins
        for c in records:
            if c.kind == "merge" and c.source and c.target:
                self.merged[c.source] = c.target
            elif c.kind == "move" and c.doc:
                self.moves[c.doc] = c.target
            elif c.kind == "split" and c.doc:
                self.moves[c.doc] = c.target
                if c.target:
                    self.closed.add(c.target)

    def resolve(self, story: str) -> str:
        seen = set()
        while story in self.merged and story not in seen:
            seen.add(story)
            story = self.merged[story]
        return story


def assign(ledger, doc: Document, corrections: Corrections) -> Match:
    """Assign ``doc`` to a story in the store (one transaction) and return where it went."""
    terms = profile(doc)
    match = _match(ledger, doc, terms, corrections)
    target = corrections.resolve(match.story or story_id(doc.id))
    with ledger.transaction():
        ledger.add_story_terms(doc.id, terms)
        story = ledger.story(target) or Story(id=target, label=_title_label(doc))
        if doc.id not in story.documents:
            story.documents.append(doc.id)
        when = doc.published.split("/")[0][:10] if doc.published else None
        if when and day(when):
            story.start = min(filter(None, [story.start, when]))
            story.end = max(filter(None, [story.end, when]))
        for other in match.related:
            if other != target and other not in story.related:
                story.related.append(other)
                linked = ledger.story(other)
                if linked and target not in linked.related:
                    linked.related.append(target)
                    ledger.put_story(linked)
        story.stale = True
        ledger.put_story(story)
        ledger.set_document_story(doc.id, target)
    doc.story = target
    return Match(target, match.score, match.related)


def _match(ledger, doc: Document, terms: dict[str, float], corrections: Corrections) -> Match:
    if doc.id in corrections.moves:
        target = corrections.moves[doc.id]
        return Match(corrections.resolve(target) if target else None, 1.0)
    if doc.duplicate_of:
        original = ledger.document_story(doc.duplicate_of)
        if original:
            return Match(corrections.resolve(original), 1.0)
    n = ledger.grouped_count() + 1
    dfs = ledger.term_counts(list(terms))
    weights = {t: idf(dfs.get(t, 0), n) for t in terms}
    query = [t for t in sorted(terms, key=lambda t: (-terms[t] * weights[t], t))
             if 0 < dfs.get(t, 0) <= MAX_POSTINGS][:QUERY_TERMS]   # a term no one has fetches nothing
    candidates = ledger.docs_with_terms(query, MAX_CANDIDATES)
    if not candidates:
        return Match(None)
    profiles = ledger.story_profiles(list(candidates))
    all_terms = {t for p in profiles.values() for t in p} - set(weights)
    if all_terms:
        more = ledger.term_counts(sorted(all_terms))
        weights.update({t: idf(more.get(t, 0), n) for t in all_terms})
    spans: dict[str, tuple[Optional[str], Optional[str]]] = {}
    best: dict[str, float] = {}
    for other, story in candidates.items():
        if story not in spans:
            s = ledger.story(story)
            spans[story] = (s.start, s.end) if s else (None, None)
        score = cosine(terms, profiles.get(other, {}), weights) * date_factor(doc.published, *spans[story])
        story = corrections.resolve(story)
        if story in corrections.closed:
            continue
        if score > best.get(story, 0.0):
            best[story] = score
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < JOIN:
        return Match(None, ranked[0][1] if ranked else 0.0)
    return Match(ranked[0][0], ranked[0][1], [s for s, v in ranked[1:2] if v >= JOIN])


def _title_label(doc: Document) -> str:
    text = doc.title or next((s for s in re.split(r"(?<=[.!?])\s+", doc.text.strip()) if s), doc.label)
    text = " ".join(text.split())
    return text if len(text) <= 90 else text[:89].rstrip() + "…"


def label_story(docs: list[Document]) -> str:
    """The most central title: the document sharing most profile terms with the others."""
    if not docs:
        return ""
    if len(docs) == 1:
        return _title_label(docs[0])
    profiles = [set(profile(d)) for d in docs]
    totals = Counter(t for p in profiles for t in p)
    scores = [sum(totals[t] - 1 for t in p) / (len(p) or 1) for p in profiles]
    best = max(range(len(docs)), key=lambda i: (scores[i], bool(docs[i].title), -i))
    return _title_label(docs[best])


def scope_to_story(result, docs: list[Document], story: str) -> list:
    """Give a per-story reconciliation ids of its own (``<story>-M1``) and its ``story`` field.

    :func:`claimledger.reconcile.reconcile` numbers entities, measures and conflicts from 1 for
    whatever documents it is given; prefixing keeps ids unique across stories and stable when
    other stories change.
    """
    rename = {}
    for record in [*result.entities, *result.measures, *result.conflicts]:
        rename[record.id] = f"{story}-{record.id}"
    for record in [*result.entities, *result.measures, *result.conflicts]:
        record.id = rename[record.id]
        record.story = story
    for m in result.measures:
        m.related = [rename.get(r, r) for r in m.related]
        if getattr(m, "parent", None):
            m.parent = rename.get(m.parent, m.parent)
    for c in result.conflicts:
        if c.measure:
            c.measure = rename.get(c.measure, c.measure)
    for doc in docs:
        for item in [*doc.sources, *doc.mentions]:
            if item.entity:
                item.entity = rename.get(item.entity, item.entity)
    return [*result.entities, *result.measures, *result.conflicts]


def story_span(docs: list[Document]) -> tuple[Optional[str], Optional[str]]:
    days = sorted(d.isoformat() for d in (day(doc.published) for doc in docs) if d)
    return (days[0], days[-1]) if days else (None, None)
