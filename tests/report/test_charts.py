import re
import xml.etree.ElementTree as ET

from claimledger.model import Document, Figure, Measure
from claimledger.report.charts import format_number, legend, measure_chart, nice_ticks
from claimledger.report.story import Story

SVG = "{http://www.w3.org/2000/svg}"


def _marks(svg: str) -> list:
    root = ET.fromstring(svg)
    return [g for g in root.iter(f"{SVG}g") if g.get("data-figure")]


def test_one_mark_per_figure_with_a_tooltip(story: Story):
    m = story.measure_by_id["m1"]
    marks = _marks(measure_chart(story, m))
    assert sorted(g.get("data-figure") for g in marks) == sorted(m.figures)
    for g in marks:
        title = g.find(f"{SVG}title").text
        assert "·" in title and "“" in title  # who and the sentence


def test_tooltip_carries_the_relay_chain_and_sentence(story: Story):
    svg = measure_chart(story, story.measure_by_id["m1"])
    mark = next(g for g in _marks(svg) if g.get("data-figure") == "quakeB:f2")
    title = mark.find(f"{SVG}title").text
    assert "Interior Ministry, via Reuters" in title
    assert "death toll at 1,350" in title


def test_bounds_are_drawn_as_intervals_or_arrows(story: Story):
    marks = {g.get("data-figure"): g for g in _marks(measure_chart(story, story.measure_by_id["m1"]))}
    at_least = marks["quakeA:f1"]
    assert any(line.get("marker-end") for line in at_least.iter(f"{SVG}line"))
    rng = marks["quakeB:f1"]
    ys = {float(v) for line in rng.iter(f"{SVG}line") for v in (line.get("y1"), line.get("y2"))}
    assert len(ys) >= 2 and not any(line.get("marker-end") for line in rng.iter(f"{SVG}line"))
    approx = marks["quakeC:f1"]
    assert approx.find(f"{SVG}circle").get("fill") == "#fff"


def test_at_most_arrow_points_down_to_the_axis(story: Story):
    svg = measure_chart(story, story.measure_by_id["m2"])
    (mark,) = _marks(svg)
    line = next(mark.iter(f"{SVG}line"))
    assert float(line.get("y2")) > float(line.get("y1"))  # downwards in SVG space


def test_colours_follow_the_original_source(story: Story):
    pairs = dict(legend(story, story.measure_by_id["m1"]))
    assert set(pairs) == {"Interior Ministry", "Red Crescent", "Officials"}
    assert len(set(pairs.values())) == 3


def test_chart_text_is_escaped_and_parses_as_xml():
    doc = Document(id="e", text='Turnout hit 70% said "<b>&" officials.', published="2024-11-05")
    fig = Figure(id="e:f1", doc="e", start=12, end=15, text="70%", value=70, unit="percent",
                 sentence_start=0, sentence_end=len(doc.text))
    doc.figures.append(fig)
    m = Measure(id="m", label="turnout <i>&</i>", unit="percent", figures=["e:f1"])
    svg = measure_chart(Story([doc], [m]), m)
    ET.fromstring(svg)  # well-formed despite the markup in the text
    assert "<b>" not in svg and "<i>" not in svg


def test_undated_figures_are_still_plotted():
    doc = Document(id="u", text="Sales were 4.5 million units.")
    fig = Figure(id="u:f1", doc="u", start=11, end=22, text="4.5 million", value=4.5e6, sentence_end=29)
    doc.figures.append(fig)
    m = Measure(id="m", label="units sold", figures=["u:f1"])
    svg = measure_chart(Story([doc], [m]), m)
    assert len(_marks(svg)) == 1 and "undated" in svg


def test_figures_without_any_number_get_no_mark():
    doc = Document(id="v", text="Thousands fled.", published="2025-01-01")
    doc.figures.append(Figure(id="v:f1", doc="v", start=0, end=9, text="Thousands", vague=True))
    m = Measure(id="m", label="people who fled", figures=["v:f1"])
    assert _marks(measure_chart(Story([doc], [m]), m)) == []


def test_links_wrap_each_mark(story: Story):
    svg = measure_chart(story, story.measure_by_id["m1"], link=lambda f: "#x-" + f.id)
    assert len(re.findall(r'<a href="#x-', svg)) == 4


def test_nice_ticks_cover_the_range():
    ticks = nice_ticks(0, 1944)
    assert ticks[0] <= 0 and ticks[-1] >= 1944 and len(ticks) <= 8
    assert format_number(1234567.0) == "1,234,567" and format_number(2.5) == "2.5"


def test_shares_and_changes_are_not_drawn_on_the_count_axis():
    doc = Document(id="r", text="Profit was $3m, up 20%.", published="2025-02-01")
    doc.figures += [Figure(id="r:f1", doc="r", start=11, end=14, text="$3m", value=3e6, unit="USD"),
                    Figure(id="r:f2", doc="r", start=19, end=22, text="20%", value=20, relative="change")]
    m = Measure(id="m", label="profit", figures=["r:f1", "r:f2"])
    assert [g.get("data-figure") for g in _marks(measure_chart(Story([doc], [m]), m))] == ["r:f1"]


def test_without_any_date_each_article_gets_a_column():
    docs = []
    for n, (outlet, value) in enumerate([("North Gazette", 40), ("South Times", 55)]):
        d = Document(id=f"d{n}", text=f"Turnout was {value}%.", outlet=outlet)
        d.figures.append(Figure(id=f"d{n}:f1", doc=d.id, start=12, end=15, text=f"{value}%", value=value))
        docs.append(d)
    m = Measure(id="m", label="turnout", figures=["d0:f1", "d1:f1"])
    svg = measure_chart(Story(docs, [m]), m)
    xs = [float(g.find(f"{SVG}circle").get("cx")) for g in _marks(svg)]
    assert xs[0] != xs[1] and "North Gazette" in svg and "South Times" in svg
    assert "undated: one column per article" in svg


def test_arrow_markers_have_one_id_per_chart(story: Story):
    ids = [re.search(r'<marker id="([^"]+)"', measure_chart(story, m)).group(1) for m in story.measures]
    assert len(set(ids)) == len(ids)


def test_a_date_window_is_drawn_across_its_span():
    doc = Document(id="w", text="Cases reached 300 last week.", published="2025-03-10")
    doc.figures.append(Figure(id="w:f1", doc="w", start=14, end=17, text="300", value=300,
                              as_of="2025-03-01/2025-03-07"))
    other = Document(id="x", text="Cases reached 350.", published="2025-03-20")
    other.figures.append(Figure(id="x:f1", doc="x", start=14, end=17, text="350", value=350))
    m = Measure(id="m", label="cases", figures=["w:f1", "x:f1"])
    marks = {g.get("data-figure"): g for g in _marks(measure_chart(Story([doc, other], [m]), m))}
    span = [line for line in marks["w:f1"].iter(f"{SVG}line") if line.get("class") == "when"]
    assert len(span) == 1 and float(span[0].get("x2")) > float(span[0].get("x1"))
    assert not [line for line in marks["x:f1"].iter(f"{SVG}line") if line.get("class") == "when"]
