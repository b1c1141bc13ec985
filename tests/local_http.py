"""A localhost HTTP server for URL-input tests: fixed routes, redirects and a dripping body.

``/redirect/<target>`` answers 302 to ``target`` (``PORT`` replaced by the server's port);
``/drip`` sends ``drip`` ``count`` times, ``pause`` seconds apart, so no single read times out
but the whole fetch is slow; ``/drip-headers`` does the same inside the headers (one header line
per pause, the body never comes).  Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator


@contextlib.contextmanager
def serve(routes: dict[str, tuple[str, bytes]], *, drip: bytes = b"tick ", count: int = 40,
          pause: float = 0.3, length: int = 1000) -> Iterator[str]:
    """Run the server in a thread for the ``with`` block; yields its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            if self.path == "/drip":
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(length))
                self.end_headers()
                for _ in range(count):
                    try:
                        self.wfile.write(drip)
                        self.wfile.flush()
                    except OSError:
                        return
                    time.sleep(pause)
                return
            if self.path == "/drip-headers":
                try:
                    self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n")
                    for k in range(count):
                        self.wfile.write(f"X-Slow-{k}: {drip.decode().strip()}\r\n".encode())
                        self.wfile.flush()
                        time.sleep(pause)
                except OSError:
                    pass
                return
            if self.path.startswith("/redirect/"):
                self.send_response(302)
                self.send_header("Location", self.path[len("/redirect/"):].replace("PORT", str(self.server.server_address[1])))
                self.end_headers()
                return
            if self.path not in routes:
                self.send_error(404, "Not Found")
                return
            content_type, body = routes[self.path]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
