"""URL inputs: a localhost server started by the test, and closed ports (no outside network)."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claimledger.ingest import IngestError, read_inputs
from claimledger.ingest.url import FetchError, fetch, is_url

from .samples import ELECTION, QUAKE, article_body, article_title, html_page

ROUTES = {
    "/quake": ("text/html; charset=utf-8", html_page(article_title(QUAKE), article_body(QUAKE)).encode()),
    "/notes.txt": ("text/plain; charset=utf-8", ELECTION.encode()),
    "/logo.png": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path not in ROUTES:
            self.send_error(404, "Not Found")
            return
        content_type, body = ROUTES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


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
