"""URL inputs: a localhost server started by the test, and closed ports (no outside network)."""

import socket
import time

import pytest

from claimledger.ingest import IngestError, read_inputs
from claimledger.ingest.url import FetchError, fetch, is_url

from ..local_http import serve
from .samples import ELECTION, QUAKE, article_body, article_title, html_page

ROUTES = {
    "/quake": ("text/html; charset=utf-8", html_page(article_title(QUAKE), article_body(QUAKE)).encode()),
    "/notes.txt": ("text/plain; charset=utf-8", ELECTION.encode()),
    "/logo.png": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
}


@pytest.fixture(scope="module")
def server():
    with serve(ROUTES) as base:
        yield base


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_pages_are_fetched_and_extracted(server):
    quake, notes = read_inputs([f"{server}/quake", f"{server}/notes.txt"])
    assert (quake.name, quake.format, quake.extractor.startswith("trafilatura")) == (f"{server}/quake", "url", True)
    assert quake.title == article_title(QUAKE) and "at least 2,300" in quake.text
    assert quake.url == "https://courier.example.com/news/story"  # the page's canonical URL
    assert (notes.format, notes.url, notes.title) == ("url", f"{server}/notes.txt", article_title(ELECTION))


def test_each_bad_url_gets_its_own_error_and_the_batch_goes_on(server, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ELECTION)
    dead = f"http://127.0.0.1:{closed_port()}/story"
    items = list(read_inputs([dead, f"{server}/missing", f"{server}/logo.png", str(good)]))
    assert [str(item) for item in items[:3]] == [
        f"{dead}: cannot fetch: connection refused",
        f"{server}/missing: cannot fetch: HTTP 404 Not Found",
        f"{server}/logo.png: binary file (PNG), not an article",
    ]
    assert items[3].name == str(good)


def test_size_limit_applies_to_responses(server):
    with pytest.raises(FetchError, match="limit"):
        fetch(f"{server}/quake", max_bytes=100)


def test_url_recognition():
    assert is_url("https://example.org/a") and is_url("HTTP://example.org")
    assert not is_url("news/http.txt") and not is_url("-")
    assert isinstance(IngestError("x", "y"), Exception)


def test_a_dripping_server_is_cut_off_by_the_whole_fetch_deadline(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        fetch(f"{server}/drip", max_bytes=10_000, deadline=1.0)
    assert time.monotonic() - started < 3


def test_a_server_that_drips_its_headers_is_cut_off_by_the_deadline_too(server):
    # each header line arrives before the per-read timeout; only the whole-fetch deadline ends it
    started = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        fetch(f"{server}/drip-headers", max_bytes=10_000, timeout=5.0, deadline=1.0)
    assert time.monotonic() - started < 3


def test_credentials_are_never_echoed(server, tmp_path):
    secret = server.replace("http://", "http://ann:hunter2@")
    items = [str(item) for item in read_inputs([f"{secret}/missing", f"{secret}/quake"])]
    assert items[0].startswith(server.replace("http://", "http://***@")) and "HTTP 404" in items[0]
    assert not any("hunter2" in text for text in items)
    docs = [item for item in read_inputs([f"{secret}/quake"]) if not isinstance(item, IngestError)]
    assert docs and "hunter2" not in docs[0].name + (docs[0].url or "")


def test_redirects_to_another_internal_host_are_refused_but_the_given_host_may_redirect(server):
    port = server.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match="internal address"):
        fetch(f"{server}/redirect/http://localhost:PORT/quake", max_bytes=100_000)
    with pytest.raises(FetchError, match="not allowed|refused"):
        fetch(f"{server}/redirect/file:///etc/passwd", max_bytes=100_000)
    page = fetch(f"{server}/redirect/http://127.0.0.1:{port}/notes.txt", max_bytes=100_000)
    assert page.body == ELECTION.encode()


@pytest.mark.parametrize("tail", ["/../../etc/passwd", "/a/../quake", "/%2e%2e/x", "/..", "/\u00e9t\u00e9", "/a b"])
def test_odd_paths_give_a_page_or_one_line(server, tail):
    (item,) = [i for i in read_inputs([server + tail]) if isinstance(i, IngestError)] or [None]
    assert item is None or (item.name.startswith(server) and "\n" not in str(item))


@pytest.mark.parametrize("address", ["http://", "http://../x", "http://[::1", "https://a@b@/x", "http://\u00e9.invalid:99999/"])
def test_malformed_addresses_give_one_line(address):
    (item,) = list(read_inputs([address]))
    assert isinstance(item, IngestError) and "\n" not in str(item)
