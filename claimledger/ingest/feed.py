"""RSS and Atom feeds (feedparser): one document per entry, from its full content or its summary.

feedparser never raises on bad XML; it sets ``bozo``.  A bozo feed that still yields entries
keeps them (truncated feeds are common); one with no entries is reported as a malformed feed.
Documents are named ``<file>#<entry number>``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import feedparser

from ..model import Document
from .dates import checked_metadata_date
from .errors import IngestError, IngestWarning
from .html import html_to_text, outlet_from_url
from .text import normalise_text

EXTRACTOR = f"feedparser {feedparser.__version__}"
HTML_TYPES = ("text/html", "application/xhtml+xml")


_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_SURROGATE_PAIR = re.compile(rb"(&#(?:[xX][0-9a-fA-F]{1,8}|[0-9]{1,10});){2}")


def feed_documents(data: bytes, name: str) -> Iterator[Document | IngestError | IngestWarning]:
    """One Document per usable entry, one IngestError per empty entry or for an unreadable feed.

    A character reference no text can hold (``&#55357;``, half of an emoji) is repaired before
    parsing, with one warning for the file, since feedparser would fail on the whole feed; an
    entry that fails for any other reason costs only itself.
    """
    data, repaired = repair_char_refs(data)
    if repaired:
        yield IngestWarning(name, f"{repaired} invalid character reference(s) (such as &#55357;) replaced with U+FFFD")
    try:
        parsed = feedparser.parse(io.BytesIO(data))  # a stream: a str could be taken for a URL
    except Exception as exc:  # noqa: BLE001 - feedparser's own bugs must not cost the batch
        yield IngestError(name, f"malformed feed ({type(exc).__name__})")
        return
    if not parsed.entries:
        if parsed.get("bozo"):
            yield IngestError(name, f"malformed feed: {_reason(parsed.get('bozo_exception'))}")
        else:
            yield IngestError(name, "feed has no entries")
        return
    channel = parsed.get("feed", {})
    outlet = _clean(channel.get("title")) or outlet_from_url(channel.get("link"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{name}#{number}"
        try:
            yield from _entry_document(entry, where, outlet)
        except Exception as exc:  # noqa: BLE001 - one bad entry costs only itself
            yield IngestError(where, f"unreadable feed entry ({type(exc).__name__})")


def _entry_document(entry, where: str, outlet: str | None) -> Iterator[Document | IngestError | IngestWarning]:
    text = entry_text(entry)
    if not text:
        yield IngestError(where, "feed entry has no content")
        return
    raw_date = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        published = checked_metadata_date(raw_date)
    except ValueError as exc:
        published = None
        yield IngestWarning(where, f"entry date ignored: {exc}")
    yield Document(
        name=where, format="feed", extractor=EXTRACTOR, text=text,
        title=_clean(entry.get("title")), url=_clean(entry.get("link")), outlet=outlet,
        author=_clean(entry.get("author")), published=published,
        published_how="metadata" if published else None,
        published_evidence="feed entry date" if published else None,
    )


def repair_char_refs(data: bytes) -> tuple[bytes, int]:
    """(bytes, how many refs repaired): a surrogate pair written as two references becomes the
    character it encodes; a lone surrogate or a code point beyond U+10FFFF becomes U+FFFD."""
    if b"&#" not in data:
        return data, 0
    count = 0

    def code(ref: bytes) -> int:
        match = _CHAR_REF.fullmatch(ref)
        return int(match[1], 16) if match[1] else int(match[2])

    def pair(match: re.Match) -> bytes:
        refs = _CHAR_REF.findall(match.group(0))
        first, second = (int(h, 16) if h else int(d) for h, d in refs)
        if 0xD800 <= first <= 0xDBFF and 0xDC00 <= second <= 0xDFFF:
            return b"&#%d;" % (0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        return match.group(0)

    def single(match: re.Match) -> bytes:
        nonlocal count
        value = code(match.group(0))
        if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
            count += 1
            return b"&#65533;"
        return match.group(0)

    data = _SURROGATE_PAIR.sub(pair, data)
    return _CHAR_REF.sub(single, data), count


def entry_text(entry: feedparser.FeedParserDict) -> str:
    """The longest of the entry's full content and summary, as plain text."""
    candidates = [*entry.get("content", [])]
    if entry.get("summary_detail"):
        candidates.append(entry["summary_detail"])
    elif entry.get("summary"):
        candidates.append({"value": entry["summary"], "type": "text/html"})
    best = ""
    for item in candidates:
        value = item.get("value") or ""
        text = html_to_text(value) if item.get("type", "text/html") in HTML_TYPES else normalise_text(value)
        if len(text) > len(best):
            best = text
    return best


def _reason(exc: object) -> str:
    if exc is None:
        return "not a feed"
    text = (str(exc) or type(exc).__name__).splitlines()[0]
    located = re.match(r"<unknown>:(\d+):(\d+): (.*)", text)  # the XML parser's position format
    return f"line {located[1]}, column {located[2]}: {located[3]}" if located else text


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
