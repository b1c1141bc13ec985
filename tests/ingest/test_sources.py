"""The whole walk: folders with good and bad files, stdin, overrides, size limits, format detection."""

import codecs
import io
import json
import random

import pytest

from claimledger.ingest import IngestError, detect_format, read_inputs
from claimledger.model import Document

from .samples import ARTICLES, ELECTION, HEALTH, QUAKE, RESULTS, SPORT, article_body, article_title, html_page, write_warc

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def split(items):
    docs = [item for item in items if isinstance(item, Document)]
    errors = {item.name: item.reason for item in items if isinstance(item, IngestError)}
    return docs, errors


@pytest.fixture
def mixed_folder(tmp_path):
    root = tmp_path / "inbox"
    (root / "wire" / "deep").mkdir(parents=True)
    (root / "quake.txt").write_text(QUAKE, encoding="utf-8")
    (root / "vote-latin1.txt").write_bytes((ELECTION + " Voters in Orléans and Besançon too.").encode("latin-1"))
    (root / "sport-utf16.txt").write_bytes(codecs.BOM_UTF16_LE + SPORT.encode("utf-16-le"))
    (root / "results.html").write_text(html_page(article_title(RESULTS), article_body(RESULTS)), encoding="utf-8")
    (root / "wire" / "batch.jsonl").write_text(
        json.dumps({"text": HEALTH, "outlet": "Health Wire"}) + "\n{broken json\n", encoding="utf-8")
    write_warc(root / "wire" / "deep" / "crawl.warc.gz", [
        ("https://courier.example.com/q", "text/html", html_page("Quake", article_body(QUAKE)).encode(), "2024-03-15T08:00:00Z"),
    ])
    (root / "photo.png").write_bytes(PNG)
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text("  \n\t\n")
    (root / "broken.rss").write_text("<?xml version='1.0'?><rss><channel><title>x &&& </rss>")
    (root / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj")
    (root / ".hidden.txt").write_text(QUAKE)
    (root / "dump.bin").write_bytes(random.Random(3).randbytes(4000))
    (root / "odd.txt").write_bytes(codecs.BOM_UTF32_LE + b"\xff\xff\xff\xff garbage")
    page = html_page(article_title(HEALTH), article_body(HEALTH))
    (root / "cut.html").write_text(page[: page.index("urged parents")], encoding="utf-8")
    (root / "menu.htm").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    return root


def test_mixed_folder_good_files_land_and_bad_files_are_named(mixed_folder):
    docs, errors = split(list(read_inputs([str(mixed_folder)])))
    names = {doc.name.replace(str(mixed_folder) + "/", "") for doc in docs}
    assert names == {
        "quake.txt", "vote-latin1.txt", "sport-utf16.txt", "results.html", "wire/batch.jsonl:1",
        "wire/deep/crawl.warc.gz#https://courier.example.com/q", "cut.html",
    }
    relative = {name.replace(str(mixed_folder) + "/", ""): reason for name, reason in errors.items()}
    assert relative == {
        "photo.png": "binary file (PNG), not an article",
        "empty.txt": "empty file",
        "blank.txt": "empty file",
        "report.pdf": "binary file (PDF), not an article",
        "dump.bin": "binary file, not an article",
        "menu.htm": "no article text found in the HTML page",
        "odd.txt": relative["odd.txt"],
        "broken.rss": relative["broken.rss"],
        "wire/batch.jsonl:2": relative["wire/batch.jsonl:2"],
    }
    assert relative["broken.rss"].startswith("malformed feed")
    assert relative["odd.txt"].startswith("undecodable bytes")
    assert relative["wire/batch.jsonl:2"].startswith("invalid JSON")
    by_name = {doc.name.rsplit("/", 1)[-1]: doc for doc in docs}
    assert "Orléans and Besançon" in by_name["vote-latin1.txt"].text
    assert by_name["sport-utf16.txt"].title == article_title(SPORT)
    assert {doc.format for doc in docs} == {"text", "html", "jsonl", "warc"}
    for doc in docs:
        assert doc.id == doc.content_hash[:12] and doc.words > 10 and doc.extractor


def test_every_error_is_one_line_naming_the_input(mixed_folder):
    for item in read_inputs([str(mixed_folder), str(mixed_folder / "missing.txt")]):
        if isinstance(item, IngestError):
            assert "\n" not in str(item) and str(item).startswith(item.name + ": ")
            assert "Traceback" not in str(item)


def test_user_options_override_metadata(tmp_path):
    page = tmp_path / "results.html"
    page.write_text(html_page(article_title(RESULTS), article_body(RESULTS)))
    (doc,) = read_inputs([str(page)], outlet="Evening Ledger", published="2 October 2024", url="https://el.example/r")
    assert (doc.outlet, doc.url, doc.published, doc.published_how) == (
        "Evening Ledger", "https://el.example/r", "2024-10-02", "user")
    (plain,) = read_inputs([str(page)])
    assert (plain.published, plain.published_how, plain.outlet) == ("2024-03-14", "metadata", "Daily Courier")


def test_invalid_user_date_is_one_error_and_nothing_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(HEALTH)
    items = list(read_inputs([str(path)], published="31 February 2024"))
    assert len(items) == 1 and items[0].name == "--published" and "YYYY-MM-DD" in items[0].reason


def test_stdin_is_sniffed():
    (doc,) = read_inputs(["-"], stdin=io.BytesIO(html_page("Vote", article_body(ELECTION)).encode()))
    assert (doc.name, doc.format) == ("<stdin>", "html")
    (doc,) = read_inputs(["-"], stdin=io.BytesIO(QUAKE.encode()))
    assert (doc.format, doc.title) == ("text", article_title(QUAKE))
    (error,) = read_inputs(["-"], stdin=io.BytesIO(b""))
    assert str(error) == "<stdin>: empty file"
    lines = json.dumps({"text": SPORT}) + "\n" + json.dumps({"text": HEALTH}) + "\n"
    assert [doc.name for doc in read_inputs(["-"], stdin=io.BytesIO(lines.encode()))] == ["<stdin>:1", "<stdin>:2"]


def test_stdin_warc(tmp_path):
    path = write_warc(tmp_path / "c.warc.gz", [
        ("https://courier.example.com/q", "text/html", html_page("Quake", article_body(QUAKE)).encode(), "2024-03-15T08:00:00Z"),
    ])
    (doc,) = read_inputs(["-"], stdin=io.BytesIO(path.read_bytes()))
    assert (doc.format, doc.url, doc.name) == ("warc", "https://courier.example.com/q", "<stdin>#https://courier.example.com/q")


def test_missing_paths_and_empty_folders(tmp_path):
    (tmp_path / "empty").mkdir()
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "empty")]))
    assert [item.reason for item in items] == ["no such file or directory", "folder holds no files"]


def test_large_file_refused_by_limit_before_reading(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(QUAKE * 100)
    (error,) = read_inputs([str(path)], max_bytes=10_000)
    assert error.reason == (f"file too large ({path.stat().st_size / 1000:.1f} kB; the limit is 10.0 kB, "
                            "set with --max-bytes or CLAIMLEDGER_MAX_BYTES)")


def test_fifty_megabyte_text_file_is_ingested_whole(tmp_path):
    block = "\n".join(ARTICLES.values()) + "\n"
    path = tmp_path / "huge.txt"
    with open(path, "w", encoding="utf-8") as out:
        for _ in range(50_000_000 // len(block) + 1):
            out.write(block)
    size = path.stat().st_size
    assert size >= 50_000_000
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, Document)
    assert len(doc.text) == size - 1 and doc.words == len(block.split()) * (50_000_000 // len(block) + 1)
    assert doc.title == article_title(QUAKE)
    path.unlink()  # pytest keeps recent tmp dirs; do not leave 50 MB behind


def test_warc_extension_on_something_else(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("This is a plain note, not an archive.")
    (error,) = read_inputs([str(path)])
    assert error.reason == "not a WARC archive (no WARC header)"


@pytest.mark.parametrize("name, head, fmt", [
    ("a.HTM", b"", "html"), ("a.warc.gz", b"", "warc"), ("feed.atom", b"", "feed"), ("x.ndjson", b"", "jsonl"),
    ("x", b"<?xml version='1.0'?>\n<rss version='2.0'>", "feed"),
    ("x", b"\n  <!DOCTYPE html><html><body>", "html"),
    ("x", b'{"text": "a"}\n', "jsonl"),
    ("x", b"WARC/1.1\r\n", "warc"),
    ("-", codecs.BOM_UTF16_LE + "<html><body><p>Hi</p>".encode("utf-16-le"), "html"),
    ("x", b"Plain words <b> with a tag", "text"),
    ("notes.txt", b"<html><body>", "text"),  # the extension the user gave wins
])
def test_format_detection(name, head, fmt):
    assert detect_format(name, head) == fmt


def test_garbage_under_every_extension_gives_one_line_errors(tmp_path):
    rng = random.Random(11)
    samples = [rng.randbytes(500), b"<" * 300, b"\xff\xfe" + rng.randbytes(99), b"{" * 50, b"WARC/1.0\r\n\r\n" + rng.randbytes(64)]
    for i, data in enumerate(samples):
        for suffix in (".txt", ".html", ".rss", ".jsonl", ".warc", ".warc.gz", ".bin"):
            (tmp_path / f"g{i}{suffix}").write_bytes(data)
    items = list(read_inputs([str(tmp_path)]))
    assert len(items) == len(samples) * 7
    for item in items:
        assert isinstance(item, IngestError), item.name
        assert "\n" not in str(item) and "unexpected error" not in item.reason, str(item)


def test_unexpected_failure_in_one_input_does_not_stop_the_batch(tmp_path, monkeypatch):
    from claimledger.ingest import sources

    def explode(raw, name):
        raise RuntimeError("boom")

    monkeypatch.setattr(sources, "text_document", explode)
    (tmp_path / "a.txt").write_text(QUAKE)
    (tmp_path / "b.html").write_text(html_page("Vote", article_body(ELECTION)))
    items = list(read_inputs([str(tmp_path)]))
    assert str(items[0]) == f"{tmp_path / 'a.txt'}: unexpected error (RuntimeError: boom)"
    assert isinstance(items[1], Document) and items[1].format == "html"


def test_folders_skip_notes_that_travel_with_articles_but_named_files_are_read(tmp_path):
    from claimledger.ingest.sources import is_non_article_file

    assert all(is_non_article_file(n) for n in ("README.md", "PROVENANCE.md", "LICENSE", "changelog.txt", "AUTHORS"))
    assert not any(is_non_article_file(n) for n in ("readme-flood-toll.txt", "licensed-pubs.txt", "story.md"))
    (tmp_path / "PROVENANCE.md").write_text(QUAKE)
    (tmp_path / "a.txt").write_text(ELECTION)
    assert [d.name for d in read_inputs([str(tmp_path)])] == [str(tmp_path / "a.txt")]
    assert [d.name for d in read_inputs([str(tmp_path / "PROVENANCE.md")])] == [str(tmp_path / "PROVENANCE.md")]
