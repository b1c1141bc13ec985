"""Claims that cannot all be true, beyond numbers.

Offline and rule-based over the statements' text.  Candidates are paired by what they are
about (the nation and population they name, plus content-word overlap, with synonyms folded:
"withdrawn" / "pulled back" share the concept *withdraw*, from the general synonym sets of
``vocab/synonyms.txt``), then kept when a cue
says they disagree:

* **denial** - a statement that calls reports or claims wrong ("Reports in the media are
  wrong") is a claim about a claim: it targets what its own article says those reports said
  (the preceding sentences) and is paired with the statement of another article that asserts it.
  A denial with content of its own answers only claims that share it; one naming a number
  ("reports of 2,000 job losses were wrong") answers only claims of that number, never one of the
  figure it asserts instead; one denying a negative ("claims that aid has not arrived are
  false") answers only negative claims;
* **opposite assessments** of the same subject ("skilled and effective" vs "have not performed
  well"): the same subject (a population noun, a linked named entity or
  the claim's first content noun) judged in opposite directions on the same dimension (ability,
  finances, honesty, response, safety), with enough weight (``MIN_OPPOSITION``; mild words such
  as "determination" count half), negation flipping a word;
* **antonymous predicates or negation** on the same subject (withdrawn vs remain, rose vs
  fell, "has X" vs "has not X"), antonyms from ``vocab/antonyms.txt``.

Every word list is a general-English data file under ``claimledger/vocab/``; none is taken from a
particular story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from claimledger import vocab
from claimledger.link.counted import HEAD_CLASS, singular
from claimledger.link.names import canonical_place, fold
from claimledger.model import Conflict, Document, Source, Statement

NEGATIONS = vocab.words("negations")
DENIAL_WORDS = vocab.words("denial_words")
CLAIM_NOUNS = vocab.words("claim_nouns")
DIMENSIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    name: (vocab.words(f"assessment/{name}_positive"), vocab.words(f"assessment/{name}_negative"))
    for name in ("ability", "finances", "honesty", "response", "safety")}
"""Evaluative words by what they judge (vocab/assessment/<dimension>_positive|negative.txt):
opposite assessments must judge the same thing ("skilled" vs "inexperienced"; "profitable" vs
"weak finances"), not merely differ in tone."""
POSITIVE = frozenset().union(*(pos for pos, _ in DIMENSIONS.values()))
NEGATIVE = frozenset().union(*(neg for _, neg in DIMENSIONS.values()))
MILD = vocab.words("mild_evaluative")
"""Evaluative words that count half: they colour a statement more than they judge its subject."""


def _synonym_sets() -> dict[str, set[str]]:
    sets: dict[str, set[str]] = {}
    for line in sorted(vocab.words("synonyms")):
        words = line.split()
        sets[words[0]] = set(words)
    sets["soldier"] = {w for w, c in HEAD_CLASS.items() if c == "troops"}
    return sets


CONCEPTS = _synonym_sets()
"""Synonym sets (vocab/synonyms.txt): words folded into one concept when claims are compared."""
PREDICATES = vocab.words("negatable_predicates")
"""Predicates whose negation by another speaker is a contradiction ("not under control")."""
POPULATIONS = vocab.words("claim_subjects")
ANTONYMS = [tuple(line.split()) for line in sorted(vocab.words("antonyms"))]
"""Pairs of synonym sets that say opposite things of one subject (vocab/antonyms.txt)."""
ANTONYM_CONCEPTS = {c for pair in ANTONYMS for c in pair}
STOP = {"the", "a", "an", "of", "to", "in", "on", "and", "or", "is", "are", "was", "were", "be", "been",
        "being", "have", "has", "had", "that", "this", "these", "those", "it", "its", "they", "them",
        "their", "there", "as", "at", "by", "for", "from", "with", "we", "our", "i", "he", "she", "his",
        "her", "you", "said", "says", "say", "also", "about", "if", "so", "just", "some", "any", "more",
        "than", "which", "who", "what", "will", "would", "could", "can", "may", "might", "all", "now",
        "very", "even", "only", "see", "time", "days", "one", "two", "like"}
PRONOUN_SUBJECT = re.compile(r"^\W*(?:\w+\W+){0,3}?(they|them|their|it|its|he|she|we|our|this|these)\b", re.I)
"""A statement opening on a pronoun is about what its context names ("They fought well")."""
SUBJECT_LABELS = {"PERSON", "ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
"""Named mentions that can be the subject of an assessment (nations are compared separately)."""
MIN_OPPOSITION = 2
"""Opposite assessments need this much evaluative weight in total, and each side a full word
of it: "chaotic" vs "orderly" is a contradiction, a mild word ("unusual determination",
half weight) against "inexperienced" is not."""
MAX_PER_STATEMENT = 3
"""A statement is shown in at most this many claim conflicts (its strongest ones)."""
DENIAL_SIMILARITY = 0.2
"""Minimum set-cosine between a denial (or its context) and the claim it answers."""
PAIR_SIMILARITY = 0.12
"""Minimum weighted overlap of concept sets for two claims to be about the same thing."""


@dataclass
class ClaimView:
    """What the conflict rules need from a statement."""

    stmt: Statement
    doc: Document
    concepts: set[str]
    nations: set[str]        # named in it, else in the sentences before it
    negated: bool
    denial: bool
    assessment: int
    populations: set[str]    # who it is about ("soldier"), from its context for "they"
    subjects: set[str] = field(default_factory=set)   # populations + linked entities it names
    dimensions: dict[str, float] = field(default_factory=dict)   # assessment per dimension
    evaluative: dict[str, bool] = field(default_factory=dict)   # evaluative word -> negated
    speaker: Optional[Source] = None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+(?:n't)?", fold(text.replace("n't", " not")) if "n't" in text else fold(text))


def concepts_of(text: str) -> set[str]:
    """Content words, singular, synonyms folded into concepts; numbers kept ("2000")."""
    out = {n.replace(",", "") for n in re.findall(r"\d[\d,]*\d|\d", text)}
    for w in _words(text):
        if w in STOP or w in NEGATIONS or len(w) < 3:
            continue
        base = singular(w)
        for concept, members in CONCEPTS.items():
            if w in members or base in members:
                out.add(concept)
                break
        else:
            out.add(base)
    return out


def nations_of(text: str) -> set[str]:
    words = fold(text).split()
    found = {canonical_place(" ".join(words[i:i + 2])) for i in range(len(words) - 1)}
    found |= {canonical_place(w) for w in words if w not in {"us", "un"}}
    found.discard(None)
    return {n for n in found if not any(o != n and o.endswith(" " + n) for o in found)}


NOT_SUBJECTS = {"how", "why", "when", "where", "whether", "first", "then", "also", "already", "still", "many",
                "most", "much", "several", "new", "unusual", "recent", "mr", "mrs", "ms", "dr"}


def subject_head(text: str) -> Optional[str]:
    """The first content noun of a claim, a cheap stand-in for its subject ("the company's
    finances were weak" -> company; "the Danish cyclists showed" -> cyclist): words that are
    function words, evaluative, nations or numbers are skipped."""
    for w in _words(text)[:8]:
        if w in STOP or w in NEGATIONS or w in NOT_SUBJECTS or len(w) < 3 or w in POSITIVE or w in NEGATIVE \
                or w in PREDICATES or canonical_place(w):
            continue
        base = singular(w)
        for concept, members in CONCEPTS.items():
            if w in members or base in members:
                return concept
        return base
    return None


def assessment(text: str) -> int:
    """+n / -n evaluative tone; a negation within three words before flips the word."""
    words = _words(text)
    score = 0
    for i, w in enumerate(words):
        sign = 1 if w in POSITIVE else -1 if w in NEGATIVE else 0
        if sign and any(x in NEGATIONS for x in words[max(0, i - 3):i]):
            sign = -sign
        score += sign
    return score


def assessments(text: str) -> dict[str, float]:
    """Evaluative tone per dimension (see ``DIMENSIONS``), negation flipping a word."""
    words = _words(text)
    out: dict[str, int] = {}
    for i, w in enumerate(words):
        flip = -1 if any(x in NEGATIONS for x in words[max(0, i - 3):i]) else 1
        for name, (pos, neg) in DIMENSIONS.items():
            sign = 1 if w in pos else -1 if w in neg else 0
            if sign:
                out[name] = out.get(name, 0) + sign * flip * (0.5 if w in MILD else 1)
    return out


def opposed(a: dict[str, float], b: dict[str, float]) -> float:
    """The strongest opposition between two per-dimension assessments (0 when none is strong)."""
    best = 0
    for name in set(a) & set(b):
        if a[name] * b[name] < 0 and min(abs(a[name]), abs(b[name])) >= 1 and \
                abs(a[name]) + abs(b[name]) >= MIN_OPPOSITION:
            best = max(best, abs(a[name]) + abs(b[name]))
    return best


def is_denial(stmt: Statement) -> bool:
    if stmt.polarity == "denial":
        return True
    words = set(_words(stmt.text))
    return bool(words & DENIAL_WORDS) and bool({singular(w) for w in words} & CLAIM_NOUNS)


def view(stmt: Statement, doc: Document) -> ClaimView:
    words = set(_words(stmt.text))
    concepts = concepts_of(stmt.text)
    context = _context(doc, stmt)
    nations = nations_of(stmt.text) or nations_of(context)
    populations = concepts & POPULATIONS
    if not populations and PRONOUN_SUBJECT.search(stmt.text):
        populations = concepts_of(context) & POPULATIONS
    named = {f"entity:{m.entity or fold(m.text)}" for m in doc.mentions
             if m.label in SUBJECT_LABELS and stmt.start <= m.start and m.end <= stmt.end}
    head = subject_head(stmt.text)
    subjects = populations | named | ({head} if head else set())
    return ClaimView(stmt, doc, concepts, nations, populations=populations, subjects=subjects,
                     dimensions=assessments(stmt.text),
                     negated=bool(words & NEGATIONS) or stmt.polarity == "negative",
                     denial=is_denial(stmt), assessment=assessment(stmt.text),
                     evaluative=_negated_words(stmt.text),
                     speaker=next((s for s in doc.sources if s.id == stmt.speaker), None))


def similarity(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b)) * (len(a & b) / len(a | b)) ** 0.5


def _context(doc: Document, stmt: Statement, sentences_before: int = 2) -> str:
    """The statement's sentence and the ones before it: what a denial is answering."""
    spans = [s for s in doc.sentences if s.end <= stmt.sentence_end]
    spans = spans[-(sentences_before + 1):] if spans else []
    if not spans:
        return doc.text[max(0, stmt.start - 400):stmt.end]
    return doc.text[spans[0].start:spans[-1].end]


def claim_conflicts(docs: list[Document]) -> list[tuple[list[str], str]]:
    """Pairs of statement ids that contradict each other, with an explanation."""
    views = [view(q, d) for d in docs for q in d.statements if q.text]
    found: list[tuple[float, list[str], str]] = []
    used: set[tuple[str, str]] = set()
    for a in views:
        if a.denial:
            for score, b in _denied_claims(a, views):
                found.append((score + 1, [b.stmt.id, a.stmt.id],
                              f"{_who(a)} says {_quote(a)}, a denial of what {_who(b)} reports: {_quote(b)}."))
                used.add(_pair(a, b))
    best_per_docs: dict[tuple[str, str, str], tuple[float, list[str], str]] = {}
    for a, b in _candidate_pairs(views):
        if _pair(a, b) in used or not _comparable(a, b):
            continue
        verdict = _contradiction(a, b)
        if verdict:
            score, kind, text = verdict
            slot = (min(a.doc.id, b.doc.id), max(a.doc.id, b.doc.id), kind)
            if slot not in best_per_docs or score > best_per_docs[slot][0]:
                best_per_docs[slot] = (score, [a.stmt.id, b.stmt.id], text)
    found.extend(best_per_docs.values())
    found.sort(key=lambda f: -f[0])
    per_statement: dict[str, int] = {}
    kept = []
    for _, ids, text in found:
        if all(per_statement.get(i, 0) < MAX_PER_STATEMENT for i in ids):
            kept.append((ids, text))
            for i in ids:
                per_statement[i] = per_statement.get(i, 0) + 1
    return kept


def _candidate_pairs(views: list[ClaimView]):
    """Pairs worth testing: both carry an evaluative or negatable word and share a nation
    (statements naming none share the empty bucket); keeps large stores near-linear."""
    buckets: dict[str, list[ClaimView]] = {}
    for v in views:
        if v.denial or not (v.assessment or v.evaluative or v.concepts & ANTONYM_CONCEPTS):
            continue
        for nation in v.nations or {""}:
            buckets.setdefault(nation, []).append(v)
    seen: set[tuple[str, str]] = set()
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                key = _pair(a, b)
                if key not in seen:
                    seen.add(key)
                    yield a, b


def _comparable(a: ClaimView, b: ClaimView) -> bool:
    """Different speakers (or articles), not a syndicated copy of each other."""
    if a.doc.id == b.doc.id and (a.stmt.speaker == b.stmt.speaker or not a.stmt.speaker or not b.stmt.speaker):
        return False
    ea, eb = _entity(a), _entity(b)
    if ea and ea == eb:
        return False                          # a source does not contradict itself
    if a.doc.duplicate_of == b.doc.id or b.doc.duplicate_of == a.doc.id:
        return False
    return True


def _denied_claims(a: ClaimView, views: list[ClaimView]) -> list[tuple[float, ClaimView]]:
    """The claim, per other article, that a denial answers: an affirmative statement close to
    the denial itself or to what its article says the denied reports said (sentences before)."""
    own = a.concepts - CLAIM_NOUNS - DENIAL_WORDS
    context = concepts_of(_context(a.doc, a.stmt)) - CLAIM_NOUNS - DENIAL_WORDS
    best: dict[str, tuple[float, ClaimView]] = {}
    denied_numbers, asserted_numbers = _denial_numbers(a.stmt.text)
    if not own:                              # "denied the claim": the claim is in the sentences before
        denied_numbers = {n for n in context if n.isdigit()}
    denies_negative = _denies_negative(a.stmt.text)
    someones = bool(PERSONAL_CLAIM.search(a.stmt.text))
    for b in views:
        if b.denial or not _comparable(a, b) or b.stmt.start >= a.stmt.start and b.doc.id == a.doc.id:
            continue
        if someones and b.doc.id != a.doc.id:
            continue                         # "rejected his figure": the claim just reported, not others
        if own and not own & b.concepts:
            continue                         # "the response was fast" answers claims about the response
        if denies_negative and not b.negated:
            continue                         # "claims that aid has not arrived are false" agrees with "aid arrived"
        numbers = {n for n in b.concepts if n.isdigit()}
        if denied_numbers and not numbers & denied_numbers:
            continue                         # "reports of 2,000 ... were wrong" answers a claim of 2,000
        if numbers and not numbers & denied_numbers and (asserted_numbers or denied_numbers):
            continue                         # "reports of 2,000 were wrong, the figure was 1,200" agrees with 1,200
        score = max(cosine(own, b.concepts), 0.8 * cosine(context, b.concepts))
        if (b.negated and not denies_negative) or b.stmt.hedged:
            score *= 0.5                     # a denial answers an affirmative claim
        if score >= DENIAL_SIMILARITY and (b.doc.id not in best or score > best[b.doc.id][0]):
            best[b.doc.id] = (score, b)
    return sorted(best.values(), key=lambda sb: -sb[0])[:3]


def _denial_numbers(text: str) -> tuple[set[str], set[str]]:
    """Numbers a denial rejects (before its denial word) and numbers it asserts instead (after)."""
    words = re.split(r"(\W+)", text)
    at = next((i for i, w in enumerate(words) if fold(w) in DENIAL_WORDS), len(words))
    before, after = "".join(words[:at]), "".join(words[at:])
    numbers = lambda t: {n.replace(",", "") for n in re.findall(r"\d[\d,]*\d|\d", t)}
    return numbers(before), numbers(after) - numbers(before)


PERSONAL_CLAIM = re.compile(r"\b(?:his|her|their)\s+(?:\w+\s+)?(?:figures?|claims?|estimates?|numbers?|"
                            r"allegations?|account|assertions?|reports?)\b", re.I)
"""A denial of someone's claim ("rejected his figure") answers that person's claim in the same article."""


def _denies_negative(text: str) -> bool:
    """ "Claims that aid has not reached the valleys are false": what is denied is itself negative."""
    words = _words(text)
    at = next((i for i, w in enumerate(words) if w in DENIAL_WORDS), len(words))
    return any(w in NEGATIONS for w in words[:at])


def cosine(a: set[str], b: set[str]) -> float:
    return len(a & b) / (len(a) * len(b)) ** 0.5 if a and b else 0.0


def _negated_words(text: str) -> dict[str, bool]:
    """Each evaluative word of the text -> whether a negation governs it (3 words before)."""
    words = _words(text)
    out = {}
    for i, w in enumerate(words):
        if w in POSITIVE or w in NEGATIVE or w in PREDICATES:
            out[w] = any(x in NEGATIONS for x in words[max(0, i - 3):i])
    return out


def _contradiction(a: ClaimView, b: ClaimView) -> Optional[tuple[float, str, str]]:
    """(score, kind, explanation) when two claims about the same subject disagree."""
    shared = (a.concepts & b.concepts) - POSITIVE - NEGATIVE - PREDICATES
    sim = similarity(a.concepts, b.concepts)
    same_subject = bool(a.subjects & b.subjects) and (not a.nations or not b.nations or bool(a.nations & b.nations))
    na, nb = a.evaluative, b.evaluative
    if shared and (same_subject or sim >= PAIR_SIMILARITY):
        for word in sorted(set(na) & set(nb)):
            if na[word] != nb[word]:
                return sim + 2.0, "negation", (f"One says {word!r}, the other denies it: {_who(a)}: {_quote(a)} vs "
                                               f"{_who(b)}: {_quote(b)}.")
    if a.doc.id == b.doc.id and not shared:
        return None                          # within one article, only about a shared thing
    strength = opposed(a.dimensions, b.dimensions) if same_subject else 0
    if strength:
        pos, neg = (a, b) if a.assessment > b.assessment else (b, a)
        return (sim + strength / 2, "assessment",
                f"Opposite assessments of the same subject: {_who(pos)}: {_quote(pos)} vs {_who(neg)}: {_quote(neg)}.")
    for x, y in ANTONYMS:
        if (x in a.concepts - b.concepts and y in b.concepts - a.concepts) or \
                (y in a.concepts - b.concepts and x in b.concepts - a.concepts):
            if same_subject and sim >= 0.35:
                return sim, "antonym", f"Opposite claims about the same subject: {_quote(a)} vs {_quote(b)}."
    return None


def _entity(v: ClaimView) -> Optional[str]:
    return v.speaker.entity if v.speaker else None


def _pair(a: ClaimView, b: ClaimView) -> tuple[str, str]:
    return tuple(sorted((a.stmt.id, b.stmt.id)))  # type: ignore[return-value]


def _who(v: ClaimView) -> str:
    src = v.speaker
    name = src.name if src else (v.stmt.source_text or "an unnamed source")
    if name.startswith("(") or (src is not None and src.kind == "outlet" and src.role == "publisher"):
        return v.doc.label                   # the writer's own voice: "(this article)"
    return f"{name} ({v.doc.label})"


def _quote(v: ClaimView, limit: int = 140) -> str:
    text = " ".join(v.stmt.text.split())
    return f"“{text[:limit]}{'…' if len(text) > limit else ''}”"


def build_conflicts(figure_conflicts: list[tuple[list[str], str, str]], measure_of: dict[str, str],
                    docs: list[Document]) -> list[Conflict]:
    """Conflict rows: figure/unit conflicts from the verdicts, then claim conflicts; ids C1..."""
    out: list[Conflict] = []
    for ids, kind, text in figure_conflicts:
        out.append(Conflict(id=f"C{len(out) + 1}", kind=kind, items=ids, measure=measure_of.get(ids[0]),
                            explanation=text))
    for ids, text in claim_conflicts(docs):
        out.append(Conflict(id=f"C{len(out) + 1}", kind="claims", items=ids, explanation=text))
    return out
