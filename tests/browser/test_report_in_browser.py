"""The single-file report opened in Chromium from disk, as a reader would."""

from __future__ import annotations

import pytest

from claimledger.model import Measure
from claimledger.report import render_html, write_report
from claimledger.report.charts import plottable
from claimledger.store import Ledger

from ..report.sample_story import build_story


@pytest.fixture(scope="module")
def demo_report(demo_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    ledger = Ledger(demo_db, readonly=True)
    try:
        write_report(ledger, out)
        docs = ledger.documents(annotated=True)
        measures = ledger.rows(Measure)
    finally:
        ledger.close()
    figures = {f.id: f for d in docs for f in d.figures}
    expected = {m.id: sum(1 for fid in m.figures if fid in figures and plottable(figures[fid], m))
                for m in measures}
    return out, expected


def test_charts_render_one_mark_per_figure(page, demo_report, artifacts):
    path, expected = demo_report
    page.goto(path.as_uri())
    assert expected, "the demo ledger has no measures"
    charts = page.locator("svg.chart")
    assert charts.count() == len(expected)
    for measure_id, n in expected.items():
        marks = page.locator(f'svg.chart[data-measure="{measure_id}"] g[data-figure]')
        assert marks.count() == n, measure_id
    first = page.locator("svg.chart").first
    box = first.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 100  # really laid out, not just present
    page.screenshot(path=str(artifacts / "report-top.png"))
    page.set_viewport_size({"width": 1280, "height": 1100})
    page.goto(path.as_uri() + "#measures")
    page.screenshot(path=str(artifacts / "report.png"))  # the README's docs/report.png
    first.scroll_into_view_if_needed()
    page.locator("section.measure").first.screenshot(path=str(artifacts / "report-measure.png"))


def test_conflict_to_document_highlight_and_back(page, demo_report, artifacts):
    path, _ = demo_report
    page.goto(path.as_uri())
    conflict = page.locator("section.conflict").first
    conflict_id = conflict.get_attribute("id")
    link = conflict.locator("a.goto").first
    target = link.get_attribute("href")
    link.click()
    page.wait_for_function("h => location.hash === h", arg=target)
    highlighted = page.locator(":target")
    assert highlighted.get_attribute("id") == target[1:]
    assert highlighted.is_visible() and highlighted.evaluate("e => e.closest('article.document') !== null")
    page.screenshot(path=str(artifacts / "report-document-highlight.png"))
    # Back through the conflict flag that follows the highlight ...
    flag = page.locator(f'article.document a.backlink[href="#{conflict_id}"]')
    assert flag.count() >= 1
    flag.first.click()
    page.wait_for_function("h => location.hash === h", arg=f"#{conflict_id}")
    assert page.locator(":target").get_attribute("id") == conflict_id
    # ... and with the browser's Back button, to the highlight again.
    page.go_back()
    page.wait_for_function("h => location.hash === h", arg=target)


def test_figure_links_to_its_measure_and_the_chart_back(page, demo_report):
    path, _ = demo_report
    page.goto(path.as_uri())
    fig = page.locator('article.document a.fig[href^="#measure-"]').first
    measure_href = fig.get_attribute("href")
    fig_id = fig.get_attribute("id")
    fig.click()
    page.wait_for_function("h => location.hash === h", arg=measure_href)
    mark_link = page.locator(f'{measure_href} svg.chart a[href="#{fig_id}"]')
    assert mark_link.count() == 1
    mark_link.locator("g[data-figure]").dispatch_event("click")
    page.wait_for_function("h => location.hash === h", arg=f"#{fig_id}")


def test_hostile_article_stays_inert(page, tmp_path, artifacts):
    path = tmp_path / "hostile.html"
    path.write_text(render_html(*build_story()), encoding="utf-8")
    page.goto(path.as_uri())
    assert page.evaluate("window.PWNED") is None
    assert page.title() == "claimledger report"
    assert page.dialogs == []
    assert page.locator("script, img, iframe").count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert "<script>window.PWNED" in page.locator("#doc-quakeC .text").inner_text()  # shown as text
    page.locator("#doc-quakeC").screenshot(path=str(artifacts / "report-hostile.png"))
