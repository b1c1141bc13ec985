"""Fetching ``http(s)://`` inputs, bounded and safe; every failure becomes one clear error line.

urllib is used rather than ``trafilatura.fetch_url`` because the latter returns None on failure
and the user needs the reason (DNS, refused, timeout, HTTP status).  The body is read up to the
size limit and then handled like a file of the type the server announces.

Bounds and safety:

* ``timeout`` bounds each network wait, ``deadline`` the whole fetch: a server that drips a few
  bytes every second, in its headers or its body, is cut off when the deadline passes, not kept
  alive by every new byte.  (urllib's timeout applies to each read; a watchdog thread shuts the
  fetch's sockets down at the deadline, which ends any read blocked in http.client.)
* Credentials in the address (``https://user:pass@host/``) are sent as HTTP basic auth and never
  appear in a message: every name shown is :func:`redact`-ed.
* A redirect may not lead to a loopback, private, link-local or reserved address unless the
  address the user gave is on that same host (``http://127.0.0.1:8000/`` may redirect within
  127.0.0.1); only http and https are followed.
"""

from __future__ import annotations

import base64
import ipaddress
import http.client
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

TIMEOUT_SECONDS = 10.0
DEADLINE_SECONDS = 30.0
CHUNK_BYTES = 64 * 1024
USER_AGENT = "claimledger/0.1 (news claim ledger; article ingestion)"


@dataclass
class Fetched:
    """A fetched page: final URL after redirects, its bytes and its declared type."""

    url: str
    body: bytes
    content_type: str


class FetchError(Exception):
    """The URL could not be fetched; ``str`` is the reason, one line."""


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


_USERINFO = re.compile(r"^([A-Za-z][\w+.-]*://)[^/?#]*@")


def redact(url: str) -> str:
    """``url`` with any ``user:password@`` replaced by ``***@`` (safe to print)."""
    return _USERINFO.sub(r"\1***@", url)


def fetch(url: str, *, max_bytes: int, timeout: float = TIMEOUT_SECONDS,
          deadline: float | None = None) -> Fetched:
    """GET ``url``; :class:`FetchError` with a readable reason on any network or HTTP failure."""
    deadline = DEADLINE_SECONDS if deadline is None else deadline
    started = time.monotonic()
    try:
        address, auth = _split_credentials(url)
        host = urllib.parse.urlsplit(address).hostname or ""
    except ValueError as exc:
        raise FetchError(f"invalid URL ({_why(exc)})") from None
    if not host:
        raise FetchError("invalid URL (no host)")
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.8"}
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(auth.encode("utf-8")).decode("ascii")
    watchdog = _Watchdog(deadline)
    opener = urllib.request.build_opener(_SafeRedirects(host), _WatchedHTTP(watchdog), _WatchedHTTPS(watchdog))
    try:
        request = urllib.request.Request(address, headers=headers)
        with watchdog, opener.open(request, timeout=min(timeout, deadline)) as response:
            body = _read_until(response, max_bytes, started + deadline, deadline)
            content_type = response.headers.get("Content-Type", "") or ""
            final = response.geturl() or address
    except FetchError:
        raise
    except Exception as exc:  # noqa: BLE001 - http.client raises odd types on malformed answers
        late = watchdog.expired or time.monotonic() - started >= deadline
        raise _fetch_error(exc, late, timeout, deadline) from None
    if watchdog.expired:                      # a cut socket reads as a short, clean end of the body
        raise _fetch_error(TimeoutError(), True, timeout, deadline)
    if len(body) > max_bytes:
        raise FetchError(f"response larger than the {max_bytes:,}-byte limit")
    return Fetched(url=redact(final), body=body, content_type=content_type.lower())


def _fetch_error(exc: Exception, late: bool, timeout: float, deadline: float) -> FetchError:
    """The one-line reason a fetch failed; past the deadline, whatever the cut read raised, it is the deadline."""
    if late:
        return FetchError(f"cannot fetch: not finished within the {deadline:g} s deadline")
    if isinstance(exc, urllib.error.HTTPError):
        return FetchError(f"cannot fetch: HTTP {exc.code} {_one_line(exc.reason)}")
    if isinstance(exc, urllib.error.URLError):
        if isinstance(exc.reason, FetchError):
            return exc.reason
        return FetchError(f"cannot fetch: {_why(exc.reason)}")
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return FetchError(f"cannot fetch: no answer within {timeout:g} s")
    if isinstance(exc, (OSError, ValueError)):
        return FetchError(f"cannot fetch: {_why(exc)}")
    return FetchError(f"cannot fetch: malformed answer ({type(exc).__name__})")


class _Watchdog:
    """Shuts down every socket of one fetch when its deadline passes (a timer thread), so that a
    read blocked on a server that drips its headers returns instead of waiting for the next byte."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(deadline, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shutdown(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shutdown(sock)

    def connection(self, cls: type[http.client.HTTPConnection]):
        """A factory of ``cls`` connections whose sockets this watchdog watches."""
        watchdog = self

        class Watched(cls):  # type: ignore[valid-type, misc]
            def connect(self) -> None:
                super().connect()
                watchdog.watch(self.sock)

        return Watched

    def __enter__(self) -> "_Watchdog":
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _WatchedHTTP(urllib.request.HTTPHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self.watchdog = watchdog

    def http_open(self, req):
        return self.do_open(self.watchdog.connection(http.client.HTTPConnection), req)


class _WatchedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self.watchdog = watchdog

    def https_open(self, req):
        return self.do_open(self.watchdog.connection(http.client.HTTPSConnection), req, context=self._context)


def _read_until(response, max_bytes: int, end: float, deadline: float) -> bytes:
    """The body, chunk by chunk, never past ``max_bytes + 1`` bytes nor past the monotonic ``end``."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        left = end - time.monotonic()
        if left <= 0:
            raise FetchError(f"cannot fetch: not finished within the {deadline:g} s deadline")
        _set_timeout(response, left)
        chunk = response.read1(min(CHUNK_BYTES, max_bytes + 1 - size)) if hasattr(response, "read1") \
            else response.read(min(CHUNK_BYTES, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _set_timeout(response, seconds: float) -> None:
    """Shorten the socket's per-read timeout so that no single read outlives the deadline."""
    sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
    if sock is not None:
        current = sock.gettimeout()
        sock.settimeout(seconds if current is None else min(current, seconds))


def _split_credentials(url: str) -> tuple[str, str | None]:
    """(address without ``user:pass@``, ``"user:pass"`` or None)."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, host = parts.netloc.rsplit("@", 1)
    clean = urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    return clean, urllib.parse.unquote(userinfo)


def _is_internal(host: str) -> bool:
    """Whether ``host`` resolves to a loopback, private, link-local or reserved address."""
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError, ValueError):
        return False  # the redirect itself will then fail with "host not found"
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if address.is_loopback or address.is_private or address.is_link_local or address.is_reserved \
                or address.is_unspecified or address.is_multicast:
            return True
    return False


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s), and to an internal address only on the user's own host."""

    def __init__(self, given_host: str) -> None:
        self.given_host = given_host.lower()

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        target = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, newurl))
        if target.scheme not in ("http", "https"):
            raise FetchError(f"redirect to a {target.scheme or 'relative'}: address refused")
        host = (target.hostname or "").lower()
        if host != self.given_host and _is_internal(host):
            raise FetchError(f"redirect to an internal address ({host}) refused")
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and host != self.given_host:
            new.remove_header("Authorization")  # credentials stay with the host they were given for
        return new


def _one_line(text: object) -> str:
    return " ".join(str(text).split())[:200]


def _why(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return f"host not found ({reason.strerror or reason})"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "timed out"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return _one_line(reason) or type(reason).__name__
