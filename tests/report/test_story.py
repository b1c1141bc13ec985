from datetime import date

from claimledger.report.story import Story, anchor, parse_day


def test_parse_day_takes_the_end_of_a_window_and_pads_partial_dates():
    assert parse_day("2026-03-01/2026-03-07") == date(2026, 3, 7)
    assert parse_day("2024-05") == date(2024, 5, 1)
    assert parse_day("sometime") is None
    assert parse_day(None) is None


def test_anchor_is_url_safe_and_distinct_per_kind():
    assert anchor("fig", "ab12:f3") == "fig-ab12-f3"
    assert anchor("q", "ab12:f3") != anchor("fig", "ab12:f3")


def test_chain_runs_from_speaker_through_relays(story: Story):
    fig = story.figure_by_id["quakeB:f2"]
    assert [s.name for s in story.chain(fig)] == ["Interior Ministry", "Reuters"]
    assert story.chain_text(fig) == "Interior Ministry, via Reuters"


def test_unattributed_figure_falls_back_to_outlet(story: Story):
    fig = story.figure_by_id["quakeA:f3"]  # the date "Monday" has no source
    assert story.chain(fig) == []
    assert "Daily Planet" in story.chain_text(fig)


def test_as_of_overrides_publication_date(story: Story):
    fig = story.figure_by_id["quakeA:f1"]
    assert story.day_of(fig) == date(2026, 3, 2)
    fig.as_of = "2026-02-27"
    assert story.day_of(fig) == date(2026, 2, 27)


def test_sources_are_grouped_across_documents_by_entity(story: Story):
    groups = dict(story.source_groups())
    assert {s.doc for s in groups["e1"]} == {"quakeA", "quakeB"}
    claims = story.claims_of(groups["e1"])
    assert {c.id for c in claims} >= {"quakeA:f1", "quakeB:f2"}


def test_headlines_put_conflicts_first(story: Story):
    assert story.headline_measures()[0].verdict == "conflict"
    assert [c.id for c in story.headline_conflicts()] == ["c1", "c2"] or len(story.headline_conflicts()) == 2
    assert story.counts()["conflicts"] == 2
    assert story.counts()["quotes"] == 1


def test_publisher_source_is_named_after_its_article():
    from claimledger.model import Document, Figure, Source

    doc = Document(id="p", name="/tmp/feeds/match-report.txt", text="The club scored 3 goals.")
    doc.sources.append(Source(id="p:s1", doc="p", name="(placeholder)", kind="outlet", role="publisher"))
    doc.figures.append(Figure(id="p:f1", doc="p", start=16, end=17, text="3", value=3, source="p:s1"))
    story = Story([doc])
    assert story.origin(doc.figures[0]) == "unknown outlet (match-report.txt)"
    assert story.chain_text(doc.figures[0]) == "unknown outlet (match-report.txt)"
