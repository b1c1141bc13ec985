import codecs

import pytest

from claimledger.ingest.decode import binary_kind, decode_bytes, declared_encoding
from claimledger.ingest.errors import IngestError

from .samples import ELECTION, QUAKE

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def test_utf8_is_decoded_as_is():
    assert decode_bytes(QUAKE.encode("utf-8"), "a.txt") == QUAKE


def test_latin1_text_is_detected():
    text = "Le café de la gare a reçu 1 200 visiteurs l'été dernier, a déclaré la mairie. " * 3
    assert decode_bytes(text.encode("latin-1"), "a.txt") == text


def test_utf16_with_bom_is_not_taken_for_binary():
    data = codecs.BOM_UTF16_LE + ELECTION.encode("utf-16-le")
    assert decode_bytes(data, "a.txt") == ELECTION


def test_utf8_bom_is_removed():
    assert decode_bytes(codecs.BOM_UTF8 + b"Results due Friday.", "a.txt") == "Results due Friday."


def test_declared_html_charset_is_used_when_utf8_fails():
    html = '<html><head><meta charset="windows-1252"></head><body><p>Prices rose 5\u2009% \u2013 \u201cfast\u201d</p></body></html>'
    html = html.replace("\u2009", " ")
    data = html.encode("cp1252")
    assert declared_encoding(data) == "cp1252"
    assert decode_bytes(data, "a.html") == html


def test_http_charset_hint_is_tried_after_utf8():
    data = "Größte Flut seit 1954".encode("iso-8859-15")
    assert decode_bytes(data, "x", hint="iso-8859-15") == "Größte Flut seit 1954"


@pytest.mark.parametrize("data, kind", [
    (PNG, "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
    (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF"),
    (b"abc\x00def\x00ghi", "binary data"),
    (bytes(range(1, 9)) * 50, "binary data"),
])
def test_binaries_are_named(data, kind):
    assert binary_kind(data) == kind
    with pytest.raises(IngestError) as caught:
        decode_bytes(data, "scan.bin")
    expected = "binary file, not an article" if kind == "binary data" else f"binary file ({kind}), not an article"
    assert str(caught.value) == f"scan.bin: {expected}"


@pytest.mark.parametrize("text", ["GIF prices rose 3% in May.", "RIFF valley fever cases fell.", "ID3 tags"])
def test_text_that_starts_like_a_signature_is_text(text):
    assert binary_kind(text.encode()) is None
