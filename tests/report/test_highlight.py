import xml.etree.ElementTree as ET

from claimledger.report.highlight import Mark, highlight, sentence_with_mark
from claimledger.report.story import Story


def _parse(markup: str) -> ET.Element:
    return ET.fromstring(f"<div>{markup}</div>")


def test_nested_marks_nest_and_text_is_unchanged():
    text = "The club posted revenue of $4.2 billion, up 8%."
    marks = [Mark(4, 46, "claim", "q-1"), Mark(27, 39, "fig", "fig-1", href="#m1"), Mark(44, 46, "fig", "fig-2")]
    root = _parse(highlight(text, marks))
    assert "".join(root.itertext()) == text
    claim = root.find("span[@id='q-1']")
    assert claim is not None and claim.find("a[@id='fig-1']").text == "$4.2 billion"


def test_crossing_marks_split_but_stay_well_formed_with_one_id():
    text = "Voters in Ohio County said no."
    marks = [Mark(0, 14, "quote", "q-1"), Mark(9, 21, "src", "s-1")]
    out = highlight(text, marks)
    root = _parse(out)  # raises if the tags were crossed
    assert "".join(root.itertext()) == text
    assert out.count('id="s-1"') == 1 and 'data-part-of="s-1"' not in out or out.count('id="s-1"') == 1


def test_links_never_nest():
    text = "Dr Lee counted 40 cases."
    marks = [Mark(0, 23, "src", "", href="#a"), Mark(15, 17, "fig", "f", href="#b")]
    root = _parse(highlight(text, marks))
    for a in root.iter("a"):
        assert a.find(".//a") is None


def test_text_is_escaped():
    text = 'Crowd of <script>alert("x")</script> 5,000 & more'
    out = highlight(text, [Mark(37, 42, "fig", "f1")])
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "".join(_parse(out).itertext()) == text


def test_conflict_backlink_follows_the_mark():
    text = "Toll: 120."
    out = highlight(text, [Mark(6, 9, "fig", "f1", after=[("#conflict-c1", "⚑")])])
    assert out.index('href="#conflict-c1"') > out.index(">120<")


def test_sentence_with_mark(story: Story):
    fig = story.figure_by_id["quakeB:f2"]
    out = sentence_with_mark(story, fig)
    assert "<mark>1,350</mark>" in out and out.startswith("The ministry")


def test_hostile_sentence_is_escaped(story: Story):
    fig = story.figure_by_id["quakeC:f2"]
    out = sentence_with_mark(story, fig)
    assert "<img" not in out and "&lt;img" in out


def test_backlinks_wait_until_an_enclosing_link_closes():
    text = "Mayor Jo Park said 12 were hurt."
    marks = [Mark(0, 13, "src", "s1", href="#source"), Mark(6, 8, "fig", "f1", after=[("#conflict-c9", "⚑")])]
    root = _parse(highlight(text, marks))
    for a in root.iter("a"):
        assert a.find(".//a") is None
    assert [a.get("href") for a in root.iter("a")] == ["#source", "#conflict-c9"]
