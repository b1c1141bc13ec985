import re

import pytest

from claimledger.report import report_from_ledger, write_report
from claimledger.store import Ledger

from .sample_story import build_story


@pytest.fixture
def ledger(tmp_path):
    """The hand-written sample story saved through the real store."""
    docs, measures, conflicts, entities = build_story()
    with Ledger(tmp_path / "sample.db") as store:
        store.replace_derived(docs, [*entities, *measures, *conflicts])
    with Ledger(tmp_path / "sample.db", readonly=True) as store:
        yield store


def test_write_html_and_markdown(ledger, tmp_path):
    html = write_report(ledger, tmp_path / "r.html")
    md = write_report(ledger, tmp_path / "r.md", fmt="md")
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert md.read_text(encoding="utf-8").startswith("# claimledger report")
    assert not (tmp_path / "r-pages").exists()  # small: one file


def test_a_large_report_is_paged_and_every_link_resolves(ledger, tmp_path):
    index = write_report(ledger, tmp_path / "big.html", page_documents=1)
    folder = tmp_path / "big-pages"
    files = sorted(p.name for p in folder.iterdir())
    doc_pages = [f for f in files if "-documents-" in f]
    assert "story-1.html" in files and len(doc_pages) == len(ledger.documents())  # one document a page
    front = index.read_text(encoding="utf-8")
    assert 'href="big-pages/story-1.html"' in front
    ids = {}
    for name in files:
        ids[name] = set(re.findall(r'id="([^"]+)"', (folder / name).read_text(encoding="utf-8")))
    for name in files:
        for href in re.findall(r'href="([^"#:]*)#([^"]+)"', (folder / name).read_text(encoding="utf-8")):
            target, fragment = href
            page = target or name
            if page.startswith("../"):
                continue
            assert fragment in ids[page], (name, target, fragment)


def test_a_paged_report_links_within_a_page_by_anchor_alone(ledger, tmp_path):
    write_report(ledger, tmp_path / "big.html", page_documents=1)
    pages = sorted((tmp_path / "big-pages").iterdir())
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert f'href="{page.name}#' not in html, page.name
    story = (tmp_path / "big-pages" / "story-1.html").read_text(encoding="utf-8")
    first_doc = (tmp_path / "big-pages" / "story-1-documents-1.html").read_text(encoding="utf-8")
    assert 'href="#measure-' in story  # on the story page its own sections are in-page anchors
    assert 'href="story-1.html#measure-' in first_doc  # the story's sections link back to the story page
    assert 'href="story-1-documents-1.html#' in story


def test_unknown_format_is_an_error(ledger):
    with pytest.raises(ValueError):
        report_from_ledger(ledger, fmt="pdf")
