"""Direct quotation spans: a tolerant scanner over quotation marks.

Why a scanner and not the parse: quotation marks are typographic, not syntactic, and real
articles mix straight and curly marks, apostrophes (``Korea’s``, ``troops’``), nested quotes and
quotes that run over several paragraphs (an opening mark at each paragraph, a closing mark only
at the end).  Balanced-pairs extractors raise on an odd number of marks; this one never raises:
an opening mark that never closes is dropped (or closed at the last closing mark in its
paragraph) and the rest of the article is still read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT = "\"'"
OPEN_CONTEXT = set(" \t\n([{—–-/:") | set(DOUBLE_OPEN) | set(SINGLE_OPEN)


@dataclass
class Quote:
    """One direct quotation: content parts without the marks, and the marked extent."""

    parts: list[list[int]] = field(default_factory=list)  # [[start, end], ...] inside the marks
    outer_start: int = 0                                  # the first opening mark
    outer_end: int = 0                                    # just after the closing mark

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def contains(self, pos: int) -> bool:
        return self.outer_start <= pos < self.outer_end


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int) -> str | None:
    """Classify the mark at ``i`` as 'open', 'close', or None (an apostrophe / stray mark)."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in DOUBLE_OPEN or ch in SINGLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    if ch in SINGLE_CLOSE or ch == "'":
        if _is_letter(prev) and _is_letter(nxt):
            return None  # don’t, Korea’s
        if ch == "'" and prev in OPEN_CONTEXT and (nxt.isalnum() or nxt in "\"“"):
            return "open"
        if prev.isspace() or i == 0:
            return None  # a leading apostrophe ('90s) is not a quote
        return "close"
    if ch == '"':
        if prev.isspace() and nxt.isspace():
            return None  # a stray mark floating between words
        if prev in OPEN_CONTEXT or i == 0:
            return "open"
        return "close"
    return None


def _level(ch: str) -> str:
    return "double" if ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE or ch == '"' else "single"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _starts_with_open(text: str, start: int, end: int) -> int | None:
    """Position of an opening double mark that starts the paragraph, if any."""
    s, _ = _strip(text, start, end)
    if s < end and (text[s] in DOUBLE_OPEN or text[s] == '"'):
        return s
    return None


def _normalise_doubled(text: str) -> str:
    """Typewriter doubles (two apostrophes, two backticks) become one straight double mark.

    The pair keeps its two characters: a space on the outer side, so offsets do not move and
    the mark reads as opening or closing from its neighbours.
    """
    if "''" not in text and "``" not in text:
        return text
    chars = list(text)
    i = 0
    while i < len(chars) - 1:
        pair = chars[i] + chars[i + 1]
        if pair in {"''", "``"}:
            prev = chars[i - 1] if i > 0 else " "
            if pair == "``" or prev.isspace() or prev in OPEN_CONTEXT:
                chars[i], chars[i + 1] = " ", '"'
            else:
                chars[i], chars[i + 1] = '"', " "
            i += 2
            continue
        i += 1
    return "".join(chars)


def find_quotes(text: str) -> list[Quote]:
    """All top-level direct quotations in ``text``, in reading order (never raises)."""
    text = _normalise_doubled(text)
    quotes: list[Quote] = []
    paragraphs = _paragraphs(text)
    pending: Quote | None = None   # a quote carried over from the previous paragraph
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        open_pos: int | None = None
        open_level = ""
        depth = 0
        last_close: int | None = None
        carried = pending
        pending = None
        i = p_start
        if carried is not None:
            open_pos = _starts_with_open(text, p_start, p_end)
            open_level = "double"
            depth = 1
            i = open_pos + 1
        while i < p_end:
            ch = text[i]
            if ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE or ch in SINGLE_OPEN or ch in SINGLE_CLOSE or ch in STRAIGHT:
                role = _role(text, i)
                level = _level(ch)
                if open_pos is None:
                    if role == "open":
                        open_pos, open_level, depth = i, level, 1
                elif level == open_level:
                    if role == "open" and ch not in STRAIGHT:
                        depth += 1
                    elif role == "close" or (role == "open" and ch in STRAIGHT and depth == 1
                                             and open_level == "double" and i > open_pos + 1):
                        depth -= 1
                        last_close = i
                        if depth == 0:
                            _emit(text, quotes, carried, open_pos, i)
                            carried, open_pos, depth = None, None, 0
                    # straight mark in closing position inside a nested level: ignore
            i += 1
        if open_pos is None:
            continue
        nxt = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
        if open_level == "double" and nxt is not None and _starts_with_open(text, *nxt) is not None:
            part = _strip(text, open_pos + 1, p_end)
            q = carried or Quote(outer_start=open_pos)
            if part[1] > part[0]:
                q.parts.append(list(part))
            pending = q
        elif last_close is not None and last_close > open_pos:
            _emit(text, quotes, carried, open_pos, last_close)  # unbalanced inner marks
        elif carried is not None and carried.parts:
            part = _strip(text, open_pos + 1, p_end)  # multi-paragraph quote never closed
            if part[1] > part[0]:
                carried.parts.append(list(part))
            carried.outer_end = p_end
            quotes.append(carried)
    if pending is not None and pending.parts:
        pending.outer_end = pending.parts[-1][1]
        quotes.append(pending)
    return quotes


def _emit(text: str, quotes: list[Quote], carried: Quote | None, open_pos: int, close_pos: int) -> None:
    part = _strip(text, open_pos + 1, close_pos)
    q = carried or Quote(outer_start=open_pos)
    if part[1] > part[0]:
        q.parts.append(list(part))
    q.outer_end = close_pos + 1
    if q.parts:
        quotes.append(q)


def inside_quote(quotes: list[Quote], pos: int) -> Quote | None:
    """The quote whose marked extent contains ``pos``."""
    for q in quotes:
        if q.contains(pos):
            return q
    return None
