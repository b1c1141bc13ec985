"""Near-duplicates and syndicated copies: MinHash over word 5-shingles, LSH for candidates.

Wire stories reappear on many sites lightly edited (another headline, a dropped paragraph, a
local intro).  Word 5-shingles survive such edits while two different stories on the same event
share few of them.  Only the first ``MAX_WORDS`` words enter the signature, which keeps a huge
input cheap; two articles identical over that stretch are duplicates anyway.

Shingles are hashed with CRC-32 (C speed, deterministic across runs); datasketch 2 mixes every
input hash with the MurmurHash3 finaliser before its permutations, so a fast non-cryptographic
hash is safe.  The signature of the last text seen is kept, because callers ask ``find`` and then
``add`` for the same text.
"""

from __future__ import annotations

import re
from itertools import islice
import zlib

from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 5
MAX_WORDS = 50_000
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Lower-cased word ``size``-grams (punctuation ignored); a short text is one shingle."""
    words = [m.group() for m in islice(_WORD.finditer(text.lower()), MAX_WORDS)]  # no list of every word of a huge text
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


class NearDuplicateIndex:
    """Remembers documents and finds, for a new text, the most similar one already added."""

    def __init__(self, threshold: float = 0.7) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, LeanMinHash] = {}
        self._order: dict[str, int] = {}
        self._template = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)  # permutations computed once
        self._last: tuple[str, LeanMinHash | None] | None = None

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._signatures

    def signature(self, text: str) -> LeanMinHash | None:
        """The MinHash of ``text``, or None when it has no words."""
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        grams = shingles(text)
        signature = None
        if grams:
            minhash = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, permutations=self._template.permutations,
                              scheme=self._template.scheme)
            minhash.update_batch(grams)
            signature = LeanMinHash(minhash)
        self._last = (text, signature)
        return signature

    def add(self, doc_id: str, text: str) -> None:
        """Index ``text`` under ``doc_id`` (adding an id twice keeps the first version)."""
        if doc_id in self._signatures:
            return
        signature = self.signature(text)
        if signature is None:
            return
        self._lsh.insert(doc_id, signature)
        self._signatures[doc_id] = signature
        self._order[doc_id] = len(self._order)

    def find(self, text: str, exclude: str | None = None) -> str | None:
        """Id of the most similar indexed document at or above the threshold (earliest on ties), or None."""
        signature = self.signature(text)
        if signature is None:
            return None
        best: tuple[float, int, str] | None = None
        for doc_id in self._lsh.query(signature):
            if doc_id == exclude:
                continue
            similarity = signature.jaccard(self._signatures[doc_id])
            if similarity < self.threshold:
                continue
            key = (-similarity, self._order[doc_id], doc_id)
            if best is None or key < best:
                best = key
        return best[2] if best else None

    def similarity(self, text: str, doc_id: str) -> float:
        """Estimated Jaccard similarity between ``text`` and an indexed document (0 when unknown)."""
        signature = self.signature(text)
        other = self._signatures.get(doc_id)
        return signature.jaccard(other) if signature is not None and other is not None else 0.0


class StoredNearDuplicates:
    """:class:`NearDuplicateIndex` over the ledger's stored signatures and LSH bands.

    ``add`` used to load every stored text to rebuild the index; this keeps each document's
    signature and its LSH band keys in the store (written when the document is first seen), so
    a lookup costs a few indexed reads whatever the ledger's size.  Documents of the current run
    are matched in memory; a stored band whose document never got saved is ignored.
    """

    def __init__(self, ledger, threshold: float = 0.7) -> None:
        self.ledger = ledger
        self.threshold = threshold
        self.memory = NearDuplicateIndex(threshold)
        lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.bands, self.rows = lsh.b, lsh.r
        self._backfill()

    def _band_keys(self, signature: LeanMinHash) -> list[str]:
        values = signature.hashvalues
        return [f"{i}:{zlib.crc32(values[i * self.rows:(i + 1) * self.rows].tobytes()):08x}"
                for i in range(self.bands)]

    def _backfill(self) -> None:
        """Sign the stored documents that have no signature yet (ledgers from before this index)."""
        for doc_id, text in self.ledger.unsigned_texts():
            signature = self.memory.signature(text)
            if signature is not None:
                self._store(doc_id, signature)

    def _store(self, doc_id: str, signature: LeanMinHash) -> None:
        from claimledger.model import DuplicateBand, DuplicateSignature

        with self.ledger.transaction():
            self.ledger._insert(DuplicateSignature(id=doc_id, values=[int(v) for v in signature.hashvalues]))
            for key in self._band_keys(signature):
                self.ledger._insert(DuplicateBand(doc=doc_id, band=key))

    def find(self, text: str, exclude: str | None = None) -> str | None:
        """The stored or earlier-in-this-run document most similar to ``text`` (>= threshold), or None."""
        signature = self.memory.signature(text)
        if signature is None:
            return None
        best: tuple[float, str] | None = None
        for doc_id, values in self.ledger.duplicate_candidates(self._band_keys(signature)):
            if doc_id == exclude or len(values) != len(signature.hashvalues):
                continue
            same = sum(1 for a, b in zip(values, signature.hashvalues) if a == int(b)) / len(values)
            if same >= self.threshold and (best is None or (-same, doc_id) < (-best[0], best[1])):
                best = (same, doc_id)
        if best:
            return best[1]
        return self.memory.find(text, exclude=exclude)

    def add(self, doc_id: str, text: str) -> None:
        signature = self.memory.signature(text)
        self.memory.add(doc_id, text)
        if signature is not None:
            self._store(doc_id, signature)
