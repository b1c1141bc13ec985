import json

from claimledger.ingest.errors import IngestError, IngestWarning
from claimledger.ingest.jsonl import jsonl_documents

from .samples import ELECTION, HEALTH, SPORT


def test_lines_become_documents_and_bad_lines_name_their_number():
    lines = [
        json.dumps({"text": ELECTION, "title": "Vote", "url": "https://n.example/vote", "published": "2024-06-02",
                    "outlet": "Northern Post", "author": "J. Smith"}),
        "",
        '{"text": "unterminated',
        json.dumps({"title": "no text here"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": SPORT, "published": "sometime"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": HEALTH}),
    ]
    items = list(jsonl_documents("\n".join(lines), "batch.jsonl"))
    docs = [item for item in items if not isinstance(item, (IngestError, IngestWarning))]
    errors = [str(item) for item in items if isinstance(item, IngestError)]
    warnings = [str(item) for item in items if isinstance(item, IngestWarning)]
    assert warnings == ["batch.jsonl:6: 'published' ignored: date without a year 'sometime'"]
    assert [doc.name for doc in docs] == ["batch.jsonl:1", "batch.jsonl:6", "batch.jsonl:8"]
    first = docs[0]
    assert (first.title, first.url, first.outlet, first.author) == ("Vote", "https://n.example/vote", "Northern Post", "J. Smith")
    assert (first.published, first.published_how, first.format) == ("2024-06-02", "metadata", "jsonl")
    assert docs[1].published is None  # an unreadable date is dropped, the article kept
    assert errors[0].startswith("batch.jsonl:3: invalid JSON")
    assert errors[1:] == [
        "batch.jsonl:4: missing 'text' field",
        "batch.jsonl:5: expected a JSON object, got list",
        "batch.jsonl:7: empty 'text'",
    ]


def test_blank_jsonl_is_empty():
    assert [str(item) for item in jsonl_documents("\n \n", "e.jsonl")] == ["e.jsonl: empty file"]
