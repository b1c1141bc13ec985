"""Constant-time sentence lookups, so no stage is quadratic in a sentence's length.

spaCy's ``Token.sent`` walks to both ends of the sentence on every call: with 10,000 numbers in
one sentence, asking it once per number is 10^8 steps.  Here the sentences are indexed once per
parse, and anything computed from a whole sentence (its text, the hedges in it) is kept per sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Callable, TypeVar

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

T = TypeVar("T")
_SENTS = "claimledger.sentence_index"
_CACHE = "claimledger.sentence_cache"


def token_sentence(token: Token) -> SpacySpan:
    """The sentence holding ``token`` (same span as ``token.sent``, found by bisection)."""
    doc = token.doc
    index = doc.user_data.get(_SENTS)
    if index is None or index[2] != len(doc):
        sents = list(doc.sents)
        index = ([s.start for s in sents], sents, len(doc))
        doc.user_data[_SENTS] = index
    starts, sents, _ = index
    return sents[bisect_right(starts, token.i) - 1]


# A "sentence" longer than this is a list or a table that lost its line breaks.  A figure in it
# keeps as its sentence a window of this size around itself, so what later stages read per
# figure (its context, its evidence) stays bounded and the stages stay linear.
MAX_CONTEXT_CHARS = 1200


def context_bounds(sent: SpacySpan, start: int, end: int, text: str) -> tuple[int, int]:
    """The character span kept as the sentence of a figure at ``start``–``end``: the sentence
    itself, or within an overlong one a window cut at spaces on both sides of the figure.

    ``text`` is the document's text (spaCy's ``Doc.text`` re-joins every token on each call)."""
    lo, hi = sent.start_char, sent.end_char
    if hi - lo <= MAX_CONTEXT_CHARS:
        return lo, hi
    half = MAX_CONTEXT_CHARS // 2
    left = max(lo, start - half)
    right = min(hi, end + half)
    if left > lo:
        cut = text.find(" ", left, start)
        left = cut + 1 if cut >= 0 else left
    if right < hi:
        cut = text.rfind(" ", end, right)
        right = cut if cut >= 0 else right
    return left, right


def per_sentence(parsed: SpacyDoc, sent: SpacySpan, key: str, compute: Callable[[SpacySpan], T]) -> T:
    """``compute(sent)`` once per sentence and key: a sentence with 10,000 numbers is read once, not 10,000 times."""
    cache = parsed.user_data.setdefault(_CACHE, {})
    slot = (key, sent.start, sent.end)
    if slot not in cache:
        cache[slot] = compute(sent)
    return cache[slot]
