from claimledger.ingest import NearDuplicateIndex
from claimledger.ingest.dedup import shingles

from .samples import ARTICLES, QUAKE

WIRE = (
    "GENEVA (Wire) - The World Health Organization said on Friday that cholera cases in the region had risen to "
    "more than 48,000 this year, nearly double the number reported in the same period last year. "
    "The agency said at least 630 people had died and warned that heavy rains and flooding were spreading the disease "
    "to areas that had not seen an outbreak in more than a decade. "
    "\"We are deeply concerned by the speed of transmission,\" a WHO spokeswoman told a briefing in Geneva, adding "
    "that vaccine stocks were running low and that 2.1 million doses had been requested by five countries. "
    "Aid groups said clean water and sanitation remained the most urgent needs, with thousands of families living "
    "in crowded camps after being forced from their homes by the floods."
)


def syndicated_copy(text: str) -> str:
    """What a client site does to a wire story: own intro, a phrase changed, a site blurb at the end."""
    edited = text.replace("told a briefing", "told reporters").replace("(Wire) -", "-")
    return "Health officials are on alert.\n" + edited + "\nRead more health news on our site."


def test_syndicated_copy_is_found_and_different_story_is_not():
    index = NearDuplicateIndex()
    for name, text in ARTICLES.items():
        index.add(name, text)
    index.add("wire", WIRE)
    assert index.find(syndicated_copy(WIRE)) == "wire"
    rewritten = (
        "Cholera has spread fast this year: more than 48,000 cases, almost twice last year's count, according "
        "to WHO figures released in Geneva on Friday, with 630 deaths recorded and vaccine stocks running low."
    )
    assert index.find(rewritten) is None
    assert index.find(ARTICLES["sport"] + " Extra line about the weather today.") == "sport"


def test_exact_duplicate_exclude_and_most_similar():
    index = NearDuplicateIndex()
    index.add("first", WIRE)
    index.add("closer", syndicated_copy(WIRE))
    assert index.find(WIRE) == "first"
    assert index.find(WIRE, exclude="first") == "closer"
    assert index.find(syndicated_copy(WIRE)) == "closer"
    assert len(index) == 2 and "first" in index


def test_threshold_is_respected():
    strict = NearDuplicateIndex(threshold=0.95)
    strict.add("wire", WIRE)
    assert strict.find(syndicated_copy(WIRE)) is None
    assert strict.find(WIRE) == "wire"


def test_short_and_empty_texts():
    index = NearDuplicateIndex()
    index.add("empty", "")
    index.add("short", "Rain today")
    assert len(index) == 1
    assert index.find("rain, today!") == "short"
    assert index.find("") is None


def test_shingles_ignore_case_and_punctuation():
    assert shingles("The toll rose to 2,300 on Friday.") == shingles("the toll  rose to 2 300 on friday")
    assert len(shingles(QUAKE)) > 50


def test_stored_index_finds_a_copy_in_a_later_run_without_reading_texts(tmp_path):
    from claimledger.ingest.dedup import StoredNearDuplicates
    from claimledger.model import Document
    from claimledger.store import Ledger

    with Ledger(tmp_path / "l.db") as ledger:
        first = StoredNearDuplicates(ledger)
        for name, text in {**ARTICLES, "wire": WIRE}.items():
            first.add(name, text)
            ledger.save_document(Document(id=name, name=name, text=text))
        orphan = "A ferry carrying 212 passengers ran aground off the northern cape on Sunday, the coastguard said. " * 3
        first.add("never-saved", orphan)                 # a document that failed after being seen
        later = StoredNearDuplicates(ledger)             # the next add: nothing held in memory
        assert later.memory.find(WIRE) is None
        assert later.find(syndicated_copy(WIRE)) == "wire"
        assert later.find(orphan) is None
        assert later.find(QUAKE) == "quake"
        assert later.find(WIRE, exclude="wire") is None
