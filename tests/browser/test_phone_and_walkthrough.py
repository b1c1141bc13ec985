"""The report on a phone-width screen, and the README's walkthrough screenshots (docs/*.png).

The screenshots are what a new user sees: the demo's terminal output, the report on a desktop
and on a 400 px phone, and the web app's measure page.  They are rewritten on every run, so
the README never shows an older interface.
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimledger.report import write_report
from claimledger.store import Ledger
from claimledger.web import PREFIX

DOCS = Path(__file__).resolve().parents[2] / "docs"
PHONE = {"width": 400, "height": 800}


@pytest.fixture(scope="module")
def report_path(demo_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("phone") / "report.html"
    with Ledger(demo_db, readonly=True) as ledger:
        write_report(ledger, out)
    return out


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


def test_report_fits_a_phone_without_sideways_scroll(phone, report_path, artifacts):
    phone.goto(report_path.as_uri())
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width}px wide on a {PHONE['width']}px screen"
    wide = phone.evaluate("""() => [...document.querySelectorAll('main *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.scroll'))
        .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    assert wide == []
    headings = phone.locator("h2").all_inner_texts()
    assert sum(1 for h in headings if "overview" in h.lower()) == 1
    main_x = phone.locator("main > section").first.bounding_box()["x"]
    footer_x = phone.locator("footer p").bounding_box()["x"]
    assert abs(main_x - footer_x) <= 2, (main_x, footer_x)
    DOCS.mkdir(exist_ok=True)
    phone.screenshot(path=str(DOCS / "report-phone.png"))
    phone.goto(report_path.as_uri() + "#measures")
    phone.screenshot(path=str(artifacts / "report-phone-measures.png"))


def test_walkthrough_screenshots(page, report_path, serve_db, demo_db, tmp_path):
    DOCS.mkdir(exist_ok=True)
    # 1. the demo, as printed in a terminal
    env = {**os.environ, "COLUMNS": "110"}
    run = subprocess.run([sys.executable, "-m", "claimledger", "demo", "--out", "claimledger-demo"], cwd=tmp_path,
                         env=env, capture_output=True, text=True, check=True)
    text = "$ claimledger demo\n" + "\n".join(run.stdout.splitlines()[:32]) + "\n…"
    terminal = tmp_path / "terminal.html"
    terminal.write_text('<html><body style="margin:0;background:#1e1e1e"><pre style="color:#e6e6e6;'
                        'font:13px/1.35 monospace;padding:12px;margin:0">' + html.escape(text) + "</pre></body></html>",
                        encoding="utf-8")
    page.set_viewport_size({"width": 900, "height": 560})
    page.goto(terminal.as_uri())
    page.screenshot(path=str(DOCS / "demo.png"))
    # 2. the report on a desktop
    page.set_viewport_size({"width": 1000, "height": 640})
    page.goto(report_path.as_uri() + "#measures")
    page.screenshot(path=str(DOCS / "report.png"))
    # 3. the web app's measure page
    base = serve_db(demo_db)
    page.goto(base + PREFIX + "/measures")
    page.locator("section.measure").first.scroll_into_view_if_needed()
    page.screenshot(path=str(DOCS / "web-measure.png"))
    sizes = {p.name: p.stat().st_size for p in DOCS.glob("*.png")}
    assert sizes and sum(sizes.values()) < 1_000_000, sizes
