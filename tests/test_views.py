"""One view model: the demo ledger rendered through every view tells the same story.

CLI ``--json``, the demo summary, CSV and JSON exports, Markdown, the HTML report and the web
app's JSON endpoints must agree on counts, source names, groupings and the order of a
measure's figures.  The unit tests below use figures written here (earthquakes, floods,
company results), not the bundled story.
"""

from __future__ import annotations

import csv
import html
import json
import re

import pytest

from claimledger import cli
from claimledger.export import to_json, write_csv
from claimledger.model import Document, Figure, Measure, Source, Statement
from claimledger.report import report_from_ledger
from claimledger.store import Ledger
from claimledger.views import (
    LedgerView, amount_text, axis_bounds, convert, date_text, fmt_number, published_text, qualifier_label,
)
from claimledger import tables


def cli_json(capsys, db, *verb):
    assert cli.main(["--db", str(db), *verb, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def view(demo_db):
    with Ledger(demo_db, readonly=True) as ledger:
        return LedgerView.load(ledger)


@pytest.fixture(scope="module")
def rendered(demo_db):
    with Ledger(demo_db, readonly=True) as ledger:
        return {"html": report_from_ledger(ledger, "html"), "md": report_from_ledger(ledger, "md"),
                "json": to_json(ledger)}


@pytest.fixture(scope="module")
def web(demo_db):
    from claimledger.web import PREFIX, make_app

    from .web.conftest import run_async

    app = make_app(str(demo_db))

    def get(path):
        r = run_async(app.client.get(PREFIX + path))
        assert r.status_code == 200, path
        return r.json()
    return get


def test_counts_agree_everywhere(view, rendered, web, demo_db, capsys):
    counts = view.counts()
    assert counts["statements"] == counts["quotes"] + counts["claims"] > 0
    # demo summary
    summary = cli.summary_text(view)
    assert re.search(rf"\b{counts['sources']:,}  sources\b", summary)
    assert f"{counts['statements']:,}  quotes and attributed claims ({counts['quotes']:,} quotes + " \
           f"{counts['claims']:,} claims)" in summary
    # CLI --json
    assert len(cli_json(capsys, demo_db, "sources")) == counts["sources"]
    assert len(cli_json(capsys, demo_db, "quotes")) == counts["statements"]
    assert len(cli_json(capsys, demo_db, "figures")) == counts["figures"]
    assert len(cli_json(capsys, demo_db, "measures")) == counts["measures"]
    assert len(cli_json(capsys, demo_db, "conflicts")) == counts["conflicts"]
    assert len(cli_json(capsys, demo_db, "ls")) == counts["documents"]
    # JSON export (raw records: per-document sources are mentions of the grouped ones)
    export = rendered["json"]
    assert len(export["quotes"]) == counts["statements"]
    assert sum(1 for q in export["quotes"] if q["direct"]) == counts["quotes"]
    assert sum(1 for f in export["figures"] if f["kind"] == "figure") == counts["figures"]
    assert len(export["measures"]) == counts["measures"] and len(export["conflicts"]) == counts["conflicts"]
    # HTML report
    page = rendered["html"]
    for key in ("documents", "sources", "figures", "statements", "quotes", "claims", "measures", "conflicts"):
        assert re.search(rf'data-count="{key}">(?:<b>)?{counts[key]}<', page), key
    assert page.count('<section class="source"') == counts["sources"]
    # Markdown
    md = rendered["md"]
    assert f"**{counts['sources']}** sources" in md
    assert f"**{counts['statements']}** statements (**{counts['quotes']}** quotes + **{counts['claims']}** claims)" in md
    # web app
    assert web(".json")["counts"] == counts
    assert web("/sources.json")["total"] == counts["sources"]


def test_source_names_and_order_agree_everywhere(view, rendered, web, demo_db, capsys):
    names = [r["source"] for r in cli_json(capsys, demo_db, "sources")]
    assert names == [r["source"] for r in view.source_rows()]
    assert [s["name"] for s in web("/sources.json")["rows"]] == names
    in_html = [html.unescape(n) for n in re.findall(r'<section class="source" id="[^"]+">\s*<h3>(.*?) <small', rendered["html"])]
    assert in_html == names
    md_section = rendered["md"].split("## Sources", 1)[1]
    in_md = [re.sub(r"\\(.)", r"\1", n) for n in re.findall(r"^- \*\*(.+?)\*\* \(", md_section, re.M)]
    assert [html.unescape(n) for n in in_md] == names


def test_each_measure_lists_the_same_figures_in_the_same_order(view, rendered, web, demo_db, capsys, tmp_path):
    write_csv_dir = tmp_path / "csv"
    with Ledger(demo_db, readonly=True) as ledger:
        write_csv(ledger, str(write_csv_dir))
    with open(write_csv_dir / "estimates.csv", encoding="utf-8") as fh:
        estimates = list(csv.DictReader(fh))
    assert view.measures
    for m in view.measures:
        timeline = cli_json(capsys, demo_db, "timeline", m.id)
        ids = [r["id"] for r in timeline]
        assert ids and ids == [f.id for f in view.measure_figures(m)]
        assert [r["figure"] for r in estimates if r["measure"] == m.id] == ids
        assert [r["source"] for r in estimates if r["measure"] == m.id] == [r["source"] for r in timeline]
        measure_json = web(f"/measures/{m.id}.json")
        assert [f["id"] for f in measure_json["figures"]] == ids
        assert [f["chain"] for f in measure_json["figures"]] == [r["chain"] for r in timeline]
        block = rendered["html"].split(f'data-measure="{m.id}"', 1)[1].split("</section>", 1)[0]
        assert re.findall(r'data-figure-row="([^"]+)"', block) == ids


# Display rules, on figures written for these tests -------------------------------------------

def fig(**kw) -> Figure:
    base = dict(id="d:f1", doc="d", text="", kind="figure", qualifier="exact", unit="count")
    return Figure(**{**base, **kw})


def test_vague_amounts_read_as_written_with_their_range():
    thousands = fig(text="thousands", value=2000, low=2000, high=9999, vague=True)
    assert amount_text(thousands) == "thousands (2,000–9,999)"
    assert qualifier_label(thousands) == "vague"
    assert amount_text(fig(text="about 300", value=300, low=270, high=330, qualifier="approx")) == "≈ 300"
    assert amount_text(fig(text="at least 46", value=46, low=46, qualifier="at_least")) == "≥ 46"
    assert amount_text(fig(text="between 500 and 800", value=650, low=500, high=800, qualifier="range")) == "500–800"


def test_years_have_no_thousands_separator():
    assert fmt_number(2022, "year") == "2022"
    assert amount_text(fig(text="2019", value=2019, kind="year")) == "2019"
    assert fmt_number(12000) == "12,000"


def test_other_units_are_converted_before_plotting():
    flood = Measure(id="m1", label="flooded land", unit="km2")
    sq_mi = fig(text="483 square miles", value=483, low=483, high=483, unit="mi2")
    low, point, high = axis_bounds(sq_mi, flood)
    assert round(point) == 1251 and round(low) == 1251
    assert axis_bounds(fig(value=30, unit="km"), flood) is None  # a length is not an area: not plotted
    assert convert(10, "mi", "km") == pytest.approx(16.09344)
    view = LedgerView([Document(id="d", figures=[sq_mi])], [flood])
    assert view.amount_in_unit(sq_mi, flood) == "483 sq mi (≈ 1,251 km²)"


def test_inferred_dates_say_so():
    doc = Document(id="d", name="results.txt", published="2024-03-01/2024-04-15", published_how="inferred")
    assert published_text(doc) == "2024-03-01 … 2024-04-15 (inferred)"
    assert date_text("2016-01-01/..") == "after 2016-01-01"
    f = fig(value=5)
    view = LedgerView([Document(**{**doc.columns(), "figures": [f]})])
    assert view.date_inferred(f) and view.when_text(f).endswith("(inferred)")
    assert published_text(Document(id="e", published="2024-03-02", published_how="metadata")) == "2024-03-02"


def test_sources_group_by_entity_and_by_display_name():
    from claimledger.model import Entity

    docs = [
        Document(id="a", outlet="Harbour Gazette", sources=[
            Source(id="a:s1", doc="a", name="Ms. Okafor", kind="person", entity="e1"),
            Source(id="a:s2", doc="a", name="(this article)", kind="outlet", role="publisher")],
            statements=[Statement(id="a:q1", doc="a", speaker="a:s1", direct=True, text="We lost everything")]),
        Document(id="b", outlet="Valley Post", sources=[
            Source(id="b:s1", doc="b", name="Ada Okafor", kind="person", entity="e1"),
            Source(id="b:s2", doc="b", name="(this article)", kind="outlet", role="publisher")]),
    ]
    view = LedgerView(docs, entities=[Entity(id="e1", name="Ada Okafor", type="person")])
    rows = view.source_rows()
    assert [r["source"] for r in rows] == ["Ada Okafor", "Harbour Gazette", "Valley Post"]
    assert rows[0]["documents"] == 2 and rows[0]["statements"] == 1 and rows[0]["named_as"] == "Ms. Okafor; Ada Okafor"
    assert view.counts()["sources"] == 3


def test_tables_fit_the_terminal_and_wrap_the_evidence():
    rows = [("q1", "Mayor Lin", "The river rose four metres overnight and crews evacuated two thousand residents "
             "from the lower town before dawn, officials said.")]
    out = tables.render(("id", "speaker", "text"), rows, max_width=60)
    assert max(len(line) for line in out.splitlines()) <= 60
    assert "before dawn" in out and "…" not in out  # wrapped, not cut
    wide = tables.render(("id", "speaker", "text"), rows, max_width=60, wide=True)
    assert len(wide.splitlines()) == 3 and max(len(line) for line in wide.splitlines()) > 60
