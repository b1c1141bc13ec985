"""Bytes to text: refuse binaries early, then UTF-8, byte-order marks, declared and detected charsets.

Order matters: a byte-order mark is trusted first (UTF-16 text is full of NUL bytes and would
otherwise look binary), then known magic numbers and control-character ratios reject binaries,
then strict UTF-8 (right for almost every modern article), then an encoding the document
declares (HTML ``<meta charset>``), and only then statistical detection by charset-normalizer.
"""

from __future__ import annotations

import codecs
import re

from .errors import IngestError

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "gzip"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM"),
)
"""Signatures that no article starts with: rejected on sight."""

PRINTABLE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"RIFF", "RIFF (WebP/WAV/AVI)"),
    (b"BZh", "bzip2"),
    (b"ID3", "MP3"),
    (b"OggS", "Ogg"),
    (b"Rar!", "RAR"),
    (b"wOFF", "WOFF font"),
)
"""Signatures made of letters a text could start with: named only when the bytes are binary too."""

GENERIC_BINARY = "binary data"
SNIFF_BYTES = 8192
MAX_CONTROL_RATIO = 0.05
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARED = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def bom_encoding(data: bytes) -> str | None:
    """The encoding announced by a byte-order mark, if any."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    return None


def binary_kind(data: bytes) -> str | None:
    """Why ``data`` is not text ("PDF", "PNG", "binary data"), or None when it may be text."""
    if bom_encoding(data):
        return None
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:SNIFF_BYTES]
    if not head or not _looks_binary(head):
        return None
    for magic, kind in PRINTABLE_MAGIC:
        if head.startswith(magic):
            return kind
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime"
    return GENERIC_BINARY


def binary_reason(kind: str) -> str:
    """The one-line reason for refusing a binary of ``kind``."""
    return "binary file, not an article" if kind == GENERIC_BINARY else f"binary file ({kind}), not an article"


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    control = len(head) - len(head.translate(None, _CONTROL))
    return control / len(head) > MAX_CONTROL_RATIO


def declared_encoding(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes, if Python knows it."""
    head = data[:SNIFF_BYTES]
    match = _DECLARED.search(head) or _XML_DECLARED.search(head)
    if not match:
        return None
    return _known(match.group(1).decode("ascii", "replace"))


def _known(encoding: str | None) -> str | None:
    """Python's canonical name for ``encoding``, or None when Python does not know it."""
    if not encoding:
        return None
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def decode_bytes(data: bytes, name: str, *, hint: str | None = None) -> str:
    """Decode an article's bytes to ``str``; raise :class:`IngestError` for binaries and undecodable bytes.

    ``hint`` is a charset announced out of band (HTTP ``Content-Type``), tried after UTF-8.
    """
    return decode_with_notice(data, name, hint=hint)[0]


def decode_with_notice(data: bytes, name: str, *, hint: str | None = None) -> tuple[str, str | None]:
    """(text, notice): like :func:`decode_bytes`, plus a one-line notice when the text is not clean UTF-8.

    UTF-8 with a few damaged bytes (its other non-ASCII characters decode fine) stays UTF-8 with
    U+FFFD for the damage, rather than being re-read whole in a legacy charset (mojibake); a text
    in another charset is decoded in it and the notice says which, so nothing changes silently.
    """
    bom = bom_encoding(data)
    if bom:
        try:
            return data.decode(bom), None
        except UnicodeDecodeError as exc:
            reason = f"undecodable bytes: byte-order mark says {bom} but {exc.reason} at byte {exc.start}"
            raise IngestError(name, reason) from None
    kind = binary_kind(data)
    if kind:
        raise IngestError(name, binary_reason(kind))
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:  # UTF-8 that encodes surrogates (CESU-8, a cut emoji): UTF-8 with damage, not another charset
        text = data.decode("utf-8", errors="surrogatepass")
        broken = sum(1 for ch in text if "\ud800" <= ch <= "\udfff")
        text = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
        return text, (f"{broken} invalid UTF-8 byte sequence(s) (encoded surrogates) replaced with U+FFFD "
                      f"(first at byte {first_bad}); the rest is UTF-8")
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = sum(1 for ch in replaced if ord(ch) > 127) - replaced.count("\ufffd")
    if valid >= bad:
        return replaced, (f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD "
                          f"(first at byte {first_bad}); the rest is UTF-8")
    for declared in (_known(hint), declared_encoding(data)):
        if declared and declared != "utf-8":
            try:
                return data.decode(declared), None
            except UnicodeDecodeError:
                pass
    text, encoding = _detect(data, name)
    return text, f"not UTF-8 (invalid byte at {first_bad}); decoded as {encoding}, detected"


def _detect(data: bytes, name: str) -> tuple[str, str]:
    non_ascii = sum(1 for b in data if b > 127)
    if non_ascii <= max(3, len(data) // 100):
        try:  # a few accented letters or curly quotes: Windows-1252 is by far the likeliest legacy charset
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    import charset_normalizer  # imported lazily: only non-UTF-8 inputs pay for it

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise IngestError(name, "undecodable bytes: not UTF-8 and no character encoding could be detected")
    return str(best), best.encoding
