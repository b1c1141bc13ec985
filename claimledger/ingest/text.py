"""Plain-text articles, and the one text normalisation every format goes through.

Every later offset points into ``Document.text``, so the text is fixed here once: NFC, line
endings as ``\\n``, no trailing spaces, no control characters, one ``\\n`` between paragraphs
(blank lines dropped, since the sentence splitter already breaks at every line).  For plain text the
whole file is kept, headline included (headlines carry claims too); the first line also becomes
the title when it looks like a headline.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import Document

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff\u2028\u2029]")
_TRAILING = re.compile(r"[ \t\u00a0]+\n")
_BLANK_LINES = re.compile(r"\n{2,}")

_WORDS = re.compile(r"[^\W\d_]{3,}")
HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 30


def normalise_text(text: str) -> str:
    """The canonical article text: see the module docstring for what changes and why."""
    text = _SURROGATE.sub("\ufffd", text)  # a lone surrogate (cut-off emoji) cannot be stored as UTF-8
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _CONTROL.sub("", text)
    text = text.replace("\t", " ")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = _TRAILING.sub("\n", text + "\n")
    text = _BLANK_LINES.sub("\n", text)
    return text.strip(" \n\u00a0")


def lone_surrogates(text: str) -> int:
    """How many lone surrogate code points ``text`` holds (JSON ``"\\ud83d"``, ``&#55357;``)."""
    return len(_SURROGATE.findall(text))


def looks_like_headline(line: str) -> bool:
    """Short, several words, no final period: a title rather than the first sentence.

    Bylines ("By ..."), bare dates and URLs are short and unpunctuated too, so they are excluded.
    """
    line = line.strip()
    words = line.split()
    if not (2 <= len(words) <= HEADLINE_MAX_WORDS) or len(line) > HEADLINE_MAX_CHARS:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    if line.lower().startswith("by ") or "://" in line:
        return False
    return len(_WORDS.findall(line)) >= 2


def headline_of(text: str) -> str | None:
    """The first line of ``text`` when it looks like a headline and a body follows it."""
    first, newline, rest = text.partition("\n")
    if newline and rest.strip() and looks_like_headline(first):
        return first.strip()
    return None


def text_document(raw: str, name: str) -> Document:
    """A Document from a plain-text article (identity is assigned by the caller)."""
    text = normalise_text(raw)
    return Document(name=name, format="text", extractor="plain", text=text, title=headline_of(text))
