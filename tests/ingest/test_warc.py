import gzip

from claimledger.ingest.errors import IngestError
from claimledger.ingest.warc import warc_documents

from .samples import ELECTION, QUAKE, RESULTS, article_body, article_title, html_page, write_warc

PNG = b"\x89PNG\r\n\x1a\n" + bytes(300)


def pages() -> list[tuple[str, str, bytes, str]]:
    quake = html_page(article_title(QUAKE), article_body(QUAKE), canonical="https://courier.example.com/quake")
    no_date = "".join(f"<p>{line}</p>" for line in article_body(ELECTION).split("\n"))
    no_date = f"<html><head><title>Vote</title></head><body><article>{no_date}</article></body></html>"
    results = html_page(article_title(RESULTS), article_body(RESULTS), date="2024-10-23",
                        canonical="https://markets.example.com/harbor")
    return [
        ("https://courier.example.com/quake", "text/html; charset=utf-8", quake.encode(), "2024-03-15T08:00:00Z"),
        ("https://courier.example.com/logo.png", "image/png", PNG, "2024-03-15T08:00:01Z"),
        ("https://vote.example.org/results", "text/html", no_date.encode(), "2024-06-04T12:00:00Z"),
        ("https://markets.example.com/harbor", "text/html; charset=iso-8859-1", results.encode("latin-1"),
         "2024-10-24T06:00:00Z"),
    ]


def test_html_responses_become_documents(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", pages())
    with open(path, "rb") as stream:
        items = list(warc_documents(stream, str(path)))
    assert not [item for item in items if isinstance(item, IngestError)]
    quake, vote, results = items
    assert quake.url == "https://courier.example.com/quake" and quake.name == f"{path}#https://courier.example.com/quake"
    assert (quake.format, quake.published, quake.published_how) == ("warc", "2024-03-14", "metadata")
    assert "at least 2,300" in quake.text
    assert (vote.published, vote.published_how) == ("2024-06-04", "inferred")  # capture date only
    assert "WARC-Date" in vote.published_evidence
    assert vote.url == "https://vote.example.org/results"
    assert "$418 million" in results.text and results.published == "2024-10-23"


def test_uncompressed_warc(tmp_path):
    path = write_warc(tmp_path / "crawl.warc", pages()[:1], gzip=False)
    with open(path, "rb") as stream:
        (doc,) = warc_documents(stream, "crawl.warc")
    assert doc.title == article_title(QUAKE)


def test_truncated_warc_keeps_good_records_and_reports_the_rest(tmp_path):
    path = write_warc(tmp_path / "full.warc.gz", pages())
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    with open(cut, "rb") as stream:
        items = list(warc_documents(stream, "cut.warc.gz"))
    docs = [item for item in items if not isinstance(item, IngestError)]
    errors = [str(item) for item in items if isinstance(item, IngestError)]
    assert [doc.url for doc in docs] == ["https://courier.example.com/quake", "https://vote.example.org/results"]
    assert len(errors) == 1 and errors[0].startswith("cut.warc.gz: truncated")


def test_warc_without_html(tmp_path):
    path = write_warc(tmp_path / "img.warc.gz", [pages()[1]])
    with open(path, "rb") as stream:
        assert [str(item) for item in warc_documents(stream, "img.warc.gz")] == [
            "img.warc.gz: no HTML response among 2 WARC records"]


def test_garbage_after_gzip_magic_is_reported(tmp_path):
    data = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort")
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(data)
    with open(path, "rb") as stream:
        items = list(warc_documents(stream, "bad.warc.gz"))
    assert len(items) == 1 and isinstance(items[0], IngestError)
