"""The served app (Datasette + our plugin) on the bundled example, clicked through in Chromium."""

from __future__ import annotations

import pytest

from claimledger.model import Measure
from claimledger.report.charts import plottable
from claimledger.store import Ledger
from claimledger.web import PREFIX

from ..web.conftest import sample_db  # noqa: F401  (re-used fixture)


@pytest.fixture(scope="module")
def base(serve_db, demo_db) -> str:
    return serve_db(demo_db)


@pytest.fixture(scope="module")
def expected_marks(demo_db) -> dict[str, int]:
    ledger = Ledger(demo_db, readonly=True)
    try:
        figures = {f.id: f for d in ledger.documents(annotated=True) for f in d.figures}
        return {m.id: sum(1 for fid in m.figures if fid in figures and plottable(figures[fid], m))
                for m in ledger.rows(Measure)}
    finally:
        ledger.close()


def test_overview_and_measure_chart(page, base, expected_marks, artifacts):
    page.goto(base + PREFIX)
    assert page.locator("#overview li[data-count]").count() >= 5
    page.screenshot(path=str(artifacts / "web-overview.png"))
    page.locator("table.measures a").first.click()
    page.wait_for_url(f"**{PREFIX}/measures/**")
    measure_id = page.locator("section.measure").first.get_attribute("data-measure")
    marks = page.locator(f'section.measure[data-measure="{measure_id}"] svg.chart g[data-figure]')
    assert marks.count() == expected_marks[measure_id]
    assert page.locator("svg.chart").first.bounding_box()["width"] > 100
    page.screenshot(path=str(artifacts / "web-measure.png"), full_page=True)
    page.goto(f"{base}{PREFIX}/measures")
    for ident, n in expected_marks.items():
        assert page.locator(f'svg.chart[data-measure="{ident}"] g[data-figure]').count() == n, ident


def test_conflict_to_document_highlight_and_back(page, base, artifacts):
    page.goto(f"{base}{PREFIX}/conflicts")
    conflicts_url = page.url
    link = page.locator("section.conflict a.goto").first
    href = link.get_attribute("href")
    fragment = href.split("#", 1)[1]
    link.click()
    page.wait_for_url(f"**{PREFIX}/documents/**")
    target = page.locator(":target")
    assert target.get_attribute("id") == fragment and target.is_visible()
    page.screenshot(path=str(artifacts / "web-document-highlight.png"))
    page.go_back()
    page.wait_for_url(conflicts_url)
    assert page.locator("section.conflict").count() >= 1


def test_search_statements(page, base, artifacts):
    page.goto(base + PREFIX)
    page.fill('input[name="q"]', "said")
    page.click('form[role="search"] button')
    page.wait_for_url("**/search?q=said")
    results = page.locator("ul.search-results li")
    assert results.count() >= 1
    results.first.locator("a").click()
    page.wait_for_url(f"**{PREFIX}/documents/**")
    assert page.locator(":target").count() == 1
    page.screenshot(path=str(artifacts / "web-search.png"))


def test_datasette_tables_are_there_too(page, base):
    page.goto(base + "/ledger/figures")
    assert page.locator("table.rows-and-columns tbody tr").count() >= 1
    assert page.locator('a[href*=".csv"]').count() >= 1


def test_hostile_document_in_the_app(page, serve_db, sample_db):  # noqa: F811
    url = serve_db(sample_db)
    page.goto(f"{url}{PREFIX}/documents/quakeC")
    assert page.evaluate("window.PWNED") is None
    assert page.dialogs == []
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert "<script>window.PWNED" in page.locator("article.document .text").inner_text()
