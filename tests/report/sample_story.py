"""A small hand-written story (an earthquake toll, plus an election) built as model objects.

Offsets are found in the text, so the fixtures stay correct if a sentence is reworded.  One
article is hostile: markup and ``javascript:`` links that every view must render inert.
"""

from __future__ import annotations

from claimledger.model import Conflict, Document, Entity, Figure, Measure, Source, Span, Statement

HOSTILE = (
    'Officials said about 900 people died. <script>window.PWNED = 1; document.title = "pwned"</script>\n'
    'Read more: <a href="javascript:window.PWNED=2">here</a> or [there](javascript:window.PWNED=3).\n'
    '<img src=x onerror="window.PWNED=4"> The council said turnout was 61%.'
)


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def _sentence(text: str, start: int) -> tuple[int, int]:
    dot = text.rfind(". ", 0, start)
    a = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, start) + 1)
    b = text.find(".", start)
    return a, (b + 1 if b >= 0 else len(text))


def add_figure(doc: Document, needle: str, value=None, low=None, high=None, qualifier="exact",
               counted="people", event="killed", source=None, via=(), as_of=None, **kw) -> Figure:
    start, end = _span(doc.text, needle)
    s0, s1 = _sentence(doc.text, start)
    fig = Figure(id=doc.new_id("f", len(doc.figures) + 1), doc=doc.id, start=start, end=end, text=needle,
                 sentence_start=s0, sentence_end=s1, value=value, low=low, high=high, qualifier=qualifier,
                 unit="count", counted=counted, event=event, source=source, via=list(via), as_of=as_of, **kw)
    doc.figures.append(fig)
    return fig


def add_source(doc: Document, name: str, kind: str, role=None, affiliation=None, entity=None) -> Source:
    src = Source(id=doc.new_id("s", len(doc.sources) + 1), doc=doc.id, name=name, kind=kind, role=role,
                 affiliation=affiliation, variants=[name], entity=entity)
    doc.sources.append(src)
    return src


def add_statement(doc: Document, content: str, speaker: Source, mention: str, direct: bool, cue="said",
                  via=()) -> Statement:
    start, end = _span(doc.text, content)
    m0, m1 = _span(doc.text, mention)
    s0, s1 = _sentence(doc.text, start)
    st = Statement(id=doc.new_id("q", len(doc.statements) + 1), doc=doc.id, start=start, end=end, text=content,
                   parts=[[start, end]], direct=direct, cue=cue, source_text=mention, source_start=m0,
                   source_end=m1, speaker=speaker.id, via=list(via), sentence_start=s0, sentence_end=s1)
    doc.statements.append(st)
    return st


def build_story():
    """(documents, measures, conflicts, entities) of the sample story."""
    a = Document(id="quakeA", name="a.txt", title="Quake toll passes 1,200", outlet="Daily Planet",
                 published="2026-03-02", url="https://example.org/quake-a",
                 text=("The earthquake killed at least 1,200 people, the Interior Ministry said on Monday.\n"
                       '"We expect the toll to rise," said Interior Minister Ana Ruiz.\n'
                       "Rescuers said up to 300 people remain trapped under rubble."))
    ministry_a = add_source(a, "Interior Ministry", "government", affiliation="Freedonia", entity="e1")
    ruiz = add_source(a, "Ana Ruiz", "person", role="Interior Minister", affiliation="Freedonia", entity="e2")
    rescuers = add_source(a, "Rescuers", "organisation")
    add_statement(a, "The earthquake killed at least 1,200 people", ministry_a, "the Interior Ministry", False)
    add_statement(a, "We expect the toll to rise,", ruiz, "Interior Minister Ana Ruiz", True)
    add_figure(a, "at least 1,200", value=1200, low=1200, qualifier="at_least", source=ministry_a.id,
               statement=a.new_id("q", 1), qualifier_text="at least")
    add_figure(a, "up to 300", value=300, high=300, qualifier="at_most", counted="people trapped",
               event="trapped", source=rescuers.id)
    add_figure(a, "Monday", kind="date", counted=None, event=None)

    b = Document(id="quakeB", name="b.txt", title="Red Crescent: up to 1,800 dead", outlet="Wire Service",
                 published="2026-03-04",
                 text=("According to the Red Crescent, between 1,500 and 1,800 people died in the quake.\n"
                       "The ministry put the death toll at 1,350, Reuters reported."))
    crescent = add_source(b, "Red Crescent", "organisation", entity="e3")
    ministry_b = add_source(b, "Interior Ministry", "government", affiliation="Freedonia", entity="e1")
    reuters = add_source(b, "Reuters", "wire_agency", entity="e4")
    add_statement(b, "between 1,500 and 1,800 people died in the quake", crescent, "the Red Crescent", False,
                  cue="according to")
    add_figure(b, "between 1,500 and 1,800", value=1650, low=1500, high=1800, qualifier="range",
               source=crescent.id)
    add_figure(b, "1,350", value=1350, low=1350, high=1350, source=ministry_b.id, via=[reuters.id])

    c = Document(id="quakeC", name="c.html", title='<b>Hostile</b> "page"', outlet="<i>Rumour Mill</i>",
                 published="2026-03-05", url="javascript:window.PWNED=5", text=HOSTILE)
    officials = add_source(c, "Officials", "anonymous")
    council = add_source(c, "The council", "government")
    add_figure(c, "about 900", value=900, qualifier="approx", source=officials.id, hedge=None)
    add_figure(c, "61%", value=61, counted="turnout", event="turnout", source=council.id)
    c.figures[-1].unit = "percent"
    add_statement(c, "about 900 people died", officials, "Officials", False)

    for doc in (a, b, c):
        doc.words = len(doc.text.split())
        doc.sentences = [Span(doc=doc.id, start=s, end=e) for s, e in _sentences(doc.text)]

    deaths = Measure(id="m1", label="people killed in the earthquake", unit="count", counted="people",
                     event="killed", figures=["quakeA:f1", "quakeB:f1", "quakeB:f2", "quakeC:f1"],
                     origins=["Interior Ministry", "Red Crescent", "Officials"], articles=3, verdict="conflict",
                     explanation="The Red Crescent's 1,500-1,800 excludes the ministry's 1,350; 900 is below every floor.",
                     low=1200, high=1800, best=1350)
    trapped = Measure(id="m2", label="people trapped", unit="count", counted="people trapped", event="trapped",
                      figures=["quakeA:f2"], origins=["Rescuers"], articles=1, verdict="single_origin",
                      explanation="Only the rescuers gave this figure.", high=300)
    turnout = Measure(id="m3", label="turnout <script>x</script>", unit="percent", figures=["quakeC:f2"],
                      articles=1, verdict="single_origin", explanation="One source.")
    conflicts = [
        Conflict(id="c1", kind="figures", items=["quakeC:f1", "quakeB:f1"], measure="m1",
                 explanation="about 900 is below the range 1,500-1,800"),
        Conflict(id="c2", kind="figures", items=["quakeB:f2", "quakeB:f1"], measure="m1",
                 explanation="1,350 lies outside 1,500-1,800"),
    ]
    entities = [Entity(id="e1", name="Interior Ministry", type="organisation", documents=["quakeA", "quakeB"]),
                Entity(id="e2", name="Ana Ruiz", type="person", documents=["quakeA"]),
                Entity(id="e3", name="Red Crescent", type="organisation", documents=["quakeB"]),
                Entity(id="e4", name="Reuters", type="organisation", documents=["quakeB"])]
    return [a, b, c], [deaths, trapped, turnout], conflicts, entities


def _sentences(text: str):
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield start, start + len(line)
        start += len(line) + 1
