from claimledger.ingest.text import headline_of, looks_like_headline, normalise_text, text_document

from .samples import ARTICLES, SPORT


def test_line_endings_trailing_space_and_blank_lines():
    raw = "Title line  \r\n\r\n\r\nFirst paragraph.\t \rSecond\u00a0paragraph.  \n\n\n"
    assert normalise_text(raw) == "Title line\nFirst paragraph.\nSecond\u00a0paragraph."


def test_control_characters_and_bom_are_dropped_and_text_is_nfc():
    raw = "\ufeffCafe\u0301 owner\x07 says 40 staff\x00 were hired"
    assert normalise_text(raw) == "Caf\u00e9 owner says 40 staff were hired"


def test_normalised_text_is_stable():
    for article in ARTICLES.values():
        once = normalise_text(article)
        assert normalise_text(once) == once


def test_headlines_and_first_sentences():
    assert looks_like_headline("Late penalty sends United into cup final")
    assert looks_like_headline("Is the housing boom over?")
    assert not looks_like_headline("United won the cup final on Saturday.")
    assert not looks_like_headline("Breaking")
    assert not looks_like_headline("word " * 40)
    assert headline_of("Only a headline") is None  # nothing follows it
    for not_a_title in ("By Maria Lopez", "March 3, 2024", "https://news.example.com/a", "12:30 GMT"):
        assert not looks_like_headline(not_a_title), not_a_title


def test_plain_text_document_keeps_the_headline_in_the_text():
    doc = text_document(SPORT.replace("\n", "\r\n"), "sport.txt")
    assert doc.title == "Late penalty sends United into cup final"
    assert doc.text == SPORT
    assert (doc.format, doc.extractor, doc.name) == ("text", "plain", "sport.txt")


def test_article_without_headline_has_no_title():
    doc = text_document("Turnout reached 71 percent, officials said.\nResults follow on Monday.", "n.txt")
    assert doc.title is None
