from .conftest import run_async
import json
import re

import pytest

from claimledger.report.story import Story
from claimledger.web import PREFIX, make_app
from claimledger.web.plugin import WebLinker, search_statements

from ..report.sample_story import build_story


@pytest.fixture(scope="module")
def app(sample_db):
    return make_app(str(sample_db))


def get(app, path):
    return run_async(app.client.get(path))


@pytest.mark.parametrize("path", [
    PREFIX, f"{PREFIX}/measures", f"{PREFIX}/measures/m1", f"{PREFIX}/conflicts", f"{PREFIX}/sources",
    f"{PREFIX}/sources/e1", f"{PREFIX}/documents", f"{PREFIX}/documents/quakeA", f"{PREFIX}/search?q=toll",
])
def test_pages_render_inside_datasette(app, path):
    r = get(app, path)
    assert r.status_code == 200, r.text[:200]
    assert "claimledger-nav" in r.text and 'class="not-footer"' in r.text  # our body in Datasette's layout


def test_measure_page_has_one_mark_per_figure_and_its_conflicts(app):
    html = get(app, f"{PREFIX}/measures/m1").text
    assert len(re.findall(r'<g class="mark[^"]*" data-figure=', html)) == 4
    assert 'data-conflict="c1"' in html and 'data-conflict="c2"' in html
    assert f'href="{PREFIX}/documents/quakeB#fig-quakeB-f2"' in html


def test_document_page_links_figures_to_measure_pages(app):
    html = get(app, f"{PREFIX}/documents/quakeA").text
    assert f'id="fig-quakeA-f1" title="' in html
    assert f'href="{PREFIX}/measures/m1"' in html


def test_source_page_reached_by_a_member_id(app):
    r = get(app, f"{PREFIX}/sources/quakeB:s2")  # the ministry as named in article B
    assert r.status_code == 200 and "Interior Ministry" in r.text
    assert "at least 1,200" in r.text  # what it claimed in article A too


def test_hostile_document_is_escaped(app):
    html = get(app, f"{PREFIX}/documents/quakeC").text
    assert "window.PWNED = 1" in html and "<script>window.PWNED" not in html
    assert 'href="javascript:' not in html and "<img src=x" not in html


def test_missing_records_are_404(app):
    assert get(app, f"{PREFIX}/measures/nope").status_code == 404
    assert get(app, f"{PREFIX}/documents/nope").status_code == 404
    assert get(app, f"{PREFIX}/sources/nope").status_code == 404


def test_json_exports_are_complete(app):
    overview = get(app, f"{PREFIX}.json").json()
    assert overview["counts"]["conflicts"] == 2 and len(overview["documents"]) == 3
    measure = get(app, f"{PREFIX}/measures/m1.json").json()
    assert [f["id"] for f in measure["figures"]] and len(measure["figures"]) == 4
    assert {f["chain"] for f in measure["figures"]} >= {"Interior Ministry, via Reuters"}
    conflicts = get(app, f"{PREFIX}/conflicts.json").json()
    assert conflicts["total"] == 2 and conflicts["next"] is None
    assert [len(c["details"]) for c in conflicts["rows"]] == [2, 2]
    doc = get(app, f"{PREFIX}/documents/quakeB.json").json()
    assert len(doc["figures"]) == 2 and doc["text"].startswith("According to")


def test_search_finds_statements_by_text_and_source(app):
    by_text = get(app, f"{PREFIX}/search.json?q=toll").json()
    assert [s["id"] for s in by_text["statements"]] == ["quakeA:q2"]
    by_source = get(app, f"{PREFIX}/search.json?q=red+crescent").json()
    assert by_source["count"] == 1 and by_source["statements"][0]["speaker"] == "quakeB:s1"
    html = get(app, f"{PREFIX}/search?q=%3Cscript%3E").text
    assert "“&lt;script&gt;”" in html or "&lt;script&gt;" in html


def test_search_statements_needs_every_word():
    story = Story(*build_story())
    assert [s.id for s in search_statements(story, "earthquake ministry")] == ["quakeA:q1"]
    assert search_statements(story, "   ") == []


def test_datasette_tables_and_full_csv_stream(app):
    rows = get(app, "/sample/figures.json?_shape=array&_size=max").json()
    assert len(rows) == 7
    csv = get(app, "/sample/figures.csv?_stream=on&_size=max").text
    assert len(csv.strip().splitlines()) == 1 + 7  # header + every row


def test_read_only_by_default(app):
    r = run_async(app.client.post("/sample/-/create", json={"table": "x", "rows": [{"a": 1}]}))
    assert r.status_code in (403, 404, 405)
    assert app.databases["sample"].is_mutable is False


def test_web_links_point_to_pages():
    story = Story(*build_story())
    link = WebLinker()
    link.story = story
    fig = story.figure_by_id["quakeA:f1"]
    assert link.figure(fig) == f"{PREFIX}/documents/quakeA#fig-quakeA-f1"
    assert link.source(story.source_by_id["quakeA:s1"]) == f"{PREFIX}/sources/quakeA:s1"


def test_make_app_refuses_a_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        make_app(str(tmp_path / "none.db"))


def test_sql_results_are_not_capped(app):
    from urllib.parse import quote

    sql = "with recursive c(x) as (select 1 union all select x + 1 from c where x < 2500) select x from c"
    r = get(app, f"/sample.json?sql={quote(sql)}&_shape=objects")
    body = r.json()
    assert len(body["rows"]) == 2500 and body["truncated"] is False
