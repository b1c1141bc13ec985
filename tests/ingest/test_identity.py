from claimledger.ingest import assign_identity, content_hash
from claimledger.model import Document

from .samples import HEALTH, RESULTS


def test_identity_fields():
    doc = assign_identity(Document(text=RESULTS))
    assert len(doc.content_hash) == 64
    assert doc.id == doc.content_hash[:12]
    assert doc.words == len(RESULTS.split())


def test_hash_ignores_layout_and_unicode_composition():
    assert content_hash(HEALTH) == content_hash("  " + HEALTH.replace(" ", "  \n ") + "\n")
    assert content_hash("Cafe\u0301 sales") == content_hash("Caf\u00e9 sales")


def test_different_texts_get_different_ids():
    assert content_hash(HEALTH) != content_hash(HEALTH.replace("1,250", "1,205"))


def test_chunked_hashing_matches_the_definition(monkeypatch):
    import hashlib
    import re
    import unicodedata

    from claimledger.ingest import identity

    monkeypatch.setattr(identity, "CHUNK_CHARS", 7)
    for text in ["", "  a  b\n\nc ", "word" * 10 + " x", "Cafe\u0301  x\u00a0y\u2003z ", "x" * 20, HEALTH]:
        expected = hashlib.sha256(re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().encode()).hexdigest()
        doc = assign_identity(Document(text=text))
        assert (doc.content_hash, doc.words) == (expected, len(text.split()))
