"""Fetching ``http(s)://`` inputs with a short timeout; every failure becomes one clear error line.

urllib is used rather than ``trafilatura.fetch_url`` because the latter returns None on failure
and the user needs the reason (DNS, refused, timeout, HTTP status).  The body is read up to the
size limit and then handled like a file of the type the server announces.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

TIMEOUT_SECONDS = 10.0
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


def fetch(url: str, *, max_bytes: int, timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """GET ``url``; :class:`FetchError` with a readable reason on any network or HTTP failure."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            content_type = response.headers.get("Content-Type", "") or ""
            final = response.geturl() or url
    except urllib.error.HTTPError as exc:
        raise FetchError(f"cannot fetch: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"cannot fetch: {_why(exc.reason)}") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"cannot fetch: no answer within {timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise FetchError(f"cannot fetch: {_why(exc)}") from None
    if len(body) > max_bytes:
        raise FetchError(f"response larger than the {max_bytes:,}-byte limit")
    return Fetched(url=final, body=body, content_type=content_type.lower())


def _why(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return f"host not found ({reason.strerror or reason})"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "timed out"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__
