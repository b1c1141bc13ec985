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
from .dates import metadata_date
from .errors import IngestError
from .html import html_to_text, outlet_from_url
from .text import normalise_text

EXTRACTOR = f"feedparser {feedparser.__version__}"
HTML_TYPES = ("text/html", "application/xhtml+xml")


def feed_documents(data: bytes, name: str) -> Iterator[Document | IngestError]:
    """One Document per usable entry, one IngestError per empty entry or for an unreadable feed."""
    parsed = feedparser.parse(io.BytesIO(data))  # a stream: a str could be taken for a URL
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
        text = entry_text(entry)
        if not text:
            yield IngestError(where, "feed entry has no content")
            continue
        published = metadata_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        yield Document(
            name=where, format="feed", extractor=EXTRACTOR, text=text,
            title=_clean(entry.get("title")), url=_clean(entry.get("link")), outlet=outlet,
            author=_clean(entry.get("author")), published=published,
            published_how="metadata" if published else None,
            published_evidence="feed entry date" if published else None,
        )


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
