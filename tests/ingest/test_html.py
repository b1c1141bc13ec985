import pytest

from claimledger.ingest.errors import IngestError
from claimledger.ingest.html import TRAFILATURA, html_document, html_to_text

from .samples import QUAKE, RESULTS, article_body, article_title, html_page


def test_article_page_text_and_metadata():
    page = html_page(article_title(QUAKE), article_body(QUAKE))
    doc = html_document(page, "quake.html")
    assert doc.extractor == TRAFILATURA
    assert doc.title == article_title(QUAKE)
    assert (doc.author, doc.outlet) == ("Maria Lopez", "Daily Courier")
    assert (doc.published, doc.published_how) == ("2024-03-14", "metadata")
    assert doc.url == "https://courier.example.com/news/story"
    assert doc.text == article_body(QUAKE)
    for boilerplate in ("SunnyDay77", "Privacy policy", "Subscribe now", "Business", "analytics", "font-family"):
        assert boilerplate not in doc.text
    assert not doc.text.startswith(article_title(QUAKE))  # the title lives in doc.title
    assert "\n\n" not in doc.text and "\r" not in doc.text


def test_page_without_metadata_falls_back_to_title_tag_and_url_host():
    body = "".join(f"<p>{line}</p>" for line in article_body(RESULTS).split("\n"))
    page = f"<html><head><title>Harbor Foods profit</title></head><body><div>{body}</div></body></html>"
    doc = html_document(page, "r.html", url="https://www.markets.example.org/a/1")
    assert doc.title == "Harbor Foods profit"
    assert doc.outlet == "markets.example.org"
    assert doc.published is None and doc.published_how is None
    assert "$418 million" in doc.text


def test_truncated_html_still_gives_its_text():
    page = html_page(article_title(QUAKE), article_body(QUAKE))
    cut = page[: page.index("sniffer dogs") + 5]
    doc = html_document(cut, "cut.html")
    assert "at least 2,300" in doc.text


def test_page_without_article_text_is_reported():
    page = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(IngestError, match="no article text"):
        html_document(page, "menu.html")


def test_block_text_fallback_keeps_lines_and_drops_boilerplate():
    fragment = "<p>Turnout was <b>71</b> percent.</p><script>x=1</script><!-- ad --><p>Results on Monday.<br>Final.</p>"
    assert html_to_text(fragment) == "Turnout was 71 percent.\nResults on Monday.\nFinal."
    assert html_to_text("") == ""


def test_fallback_extractors_are_recorded(monkeypatch):
    from claimledger.ingest import html as html_module

    calls = []

    def recall_only(tree, favor_recall=False, **kwargs):
        calls.append(favor_recall)
        return real(tree, favor_recall=favor_recall, **kwargs) if favor_recall else None

    real = html_module.trafilatura.bare_extraction
    page = html_page(article_title(RESULTS), article_body(RESULTS))
    monkeypatch.setattr(html_module.trafilatura, "bare_extraction", recall_only)
    doc = html_document(page, "r.html")
    assert calls == [False, True] and doc.extractor == f"{TRAFILATURA} (favor_recall)"
    assert "$418 million" in doc.text

    monkeypatch.setattr(html_module.trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    doc = html_document(page, "r.html")
    assert doc.extractor == "lxml"
    for boilerplate in ("analytics", "Privacy policy", "SunnyDay77", "Subscribe now"):
        assert boilerplate not in doc.text
    assert "$418 million" in doc.text
