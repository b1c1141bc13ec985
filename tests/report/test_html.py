import re
from html.parser import HTMLParser

from claimledger.report import render_html
from claimledger.report.html import CSP, safe_url

from .sample_story import build_story


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _report() -> tuple[str, _Collector]:
    html = render_html(*build_story())
    parser = _Collector()
    parser.feed(html)
    return html, parser


def test_report_has_every_section_and_count():
    html, parsed = _report()
    ids = {a.get("id") for _t, a in parsed.tags}
    assert {"overview", "measures", "conflicts", "sources", "documents"} <= ids
    assert {"measure-m1", "conflict-c1", "conflict-c2", "doc-quakeA", "fig-quakeB-f2", "source-e1"} <= ids
    assert re.search(r'data-count="conflicts"><b>2</b>', html)


def test_every_figure_link_has_a_target():
    _html, parsed = _report()
    ids = {a.get("id") for _t, a in parsed.tags}
    hrefs = [a["href"] for t, a in parsed.tags if t == "a" and a.get("href", "").startswith("#")]
    assert hrefs and all(h[1:] in ids for h in hrefs)


def test_figure_links_to_its_measure_and_chart_links_back():
    _html, parsed = _report()
    fig = next(a for t, a in parsed.tags if a.get("id") == "fig-quakeA-f1")
    assert fig["href"] == "#measure-m1"
    assert ("a", {"href": "#fig-quakeA-f1"}) in parsed.tags


def test_chart_marks_equal_figures_of_each_measure():
    html, parsed = _report()
    marks = [a["data-figure"] for t, a in parsed.tags if t == "g" and "data-figure" in a]
    assert len(marks) == 6 and len(set(marks)) == 6


def test_no_script_and_no_remote_resource():
    html, parsed = _report()
    assert not any(t in ("script", "iframe", "object", "embed", "img", "link") for t, _a in parsed.tags)
    for _t, attrs in parsed.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), name
            if name in ("href", "src"):
                assert value.startswith(("#", "https://example.org")), value
    meta = next(a for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert meta["content"] == CSP and CSP.startswith("default-src 'none'") and "script-src" not in CSP


def test_hostile_text_appears_escaped():
    html, _ = _report()
    assert "&lt;script&gt;window.PWNED = 1" in html
    assert "&lt;i&gt;Rumour Mill&lt;/i&gt;" in html
    assert "javascript:window.PWNED=5" in html and 'href="javascript:' not in html


def test_safe_url_keeps_only_http():
    assert safe_url("https://a.example/x") == "https://a.example/x"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", ""):
        assert safe_url(bad) is None


def test_empty_ledger_renders():
    html = render_html([], [], [], [])
    assert "No measures" in html and "No conflicts" in html
