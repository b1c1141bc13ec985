"""Counting origins, not articles: syndicated copies and shared sources are one origin."""

from __future__ import annotations

from claimledger.link.entities import link_entities
from claimledger.reconcile import reconcile
from claimledger.reconcile.origins import OriginIndex, count_phrase
from tests.link.helpers import add_figure, add_mention, add_source, doc_with


def test_three_outlets_repeating_one_briefing_are_one_origin():
    docs = []
    for i, outlet in enumerate(("Daily A", "Daily B", "Daily C")):
        d = doc_with(f"d{i}", "The Civil Protection Agency said 85 people were killed.", published="2025-04-02",
                     outlet=outlet)
        add_mention(d, "Civil Protection Agency", "ORG")
        src = add_source(d, "Civil Protection Agency", kind="government")
        add_figure(d, "85", 85, counted="people", event="killed", source=src.id)
        docs.append(d)
    result = reconcile(docs)
    m = result.measures[0]
    assert m.articles == 3 and m.origins == ["Civil Protection Agency"]
    assert m.verdict == "single_origin"
    assert "3 articles, 1 origin" in m.explanation


def test_syndicated_copy_adds_no_origin():
    a = doc_with("a", "Floods displaced 12,000 people.", published="2025-04-02", outlet="Wire")
    b = doc_with("b", "Floods displaced 12,000 people.", published="2025-04-02", outlet="Local", duplicate_of="a")
    for d in (a, b):
        add_figure(d, "12,000", 12000, counted="people", event="displaced")
    index = OriginIndex([a, b])
    assert index.of_figure(a.figures[0]).key == index.of_figure(b.figures[0]).key
    m = reconcile([a, b]).measures[0]
    assert m.verdict == "single_origin" and "syndicated" in m.explanation


def test_anonymous_sources_are_one_origin_per_article():
    a = doc_with("a", "Officials said 40 died.", published="2025-04-02")
    b = doc_with("b", "Officials said 42 died.", published="2025-04-02")
    figs = []
    for d in (a, b):
        src = add_source(d, "officials", kind="anonymous")
        figs.append(add_figure(d, d.text.split()[2], float(d.text.split()[2]), counted="people", event="died",
                               source=src.id))
    link_entities([a, b])
    index = OriginIndex([a, b])
    assert index.of_figure(figs[0]).key != index.of_figure(figs[1]).key


def test_count_phrase():
    assert count_phrase(3, 1) == "3 articles, 1 origin"
    assert count_phrase(1, 2) == "1 article, 2 origins"


def test_a_person_speaking_for_an_organisation_shares_its_origin():
    a = doc_with("a", "The Port Authority said 1,400 containers were lost.", published="2025-04-02")
    b = doc_with("b", "Lena Varga said 1,400 containers were lost.", published="2025-04-02")
    body = add_source(a, "Port Authority", kind="government")
    head = add_source(b, "Lena Varga", role="head of the Port Authority")
    fa = add_figure(a, "1,400", 1400, counted="containers", event="lost", source=body.id)
    fb = add_figure(b, "1,400", 1400, counted="containers", event="lost", source=head.id)
    index = OriginIndex([a, b])
    assert index.of_figure(fa).key == index.of_figure(fb).key
    assert index.of_figure(fb).name == "Port Authority (Lena Varga)"


def test_the_company_an_article_is_about_is_one_origin_with_its_name():
    a = doc_with("a", "Brightwater Energy said revenue was $2 billion, the company said.", published="2025-04-02")
    b = doc_with("b", "Revenue at Brightwater Energy reached $2 billion, Energy said.", published="2025-04-03")
    c = doc_with("c", "Revenue was $2 billion, the company said. Rivals Northgate and Halden Power grew.",
                 published="2025-04-03")
    for d in (a, b):
        add_mention(d, "Brightwater Energy", "ORG")
    add_mention(c, "Northgate", "ORG")
    add_mention(c, "Halden Power", "ORG")
    company = add_source(a, "company", kind="unknown")
    fragment = add_source(b, "Energy", kind="unknown")
    unsure = add_source(c, "company", kind="unknown")
    add_source(a, "Brightwater Energy", kind="organisation")
    link_entities([a, b, c])
    index = OriginIndex([a, b, c])
    first, second = index.of_source(company.id, "a"), index.of_source(fragment.id, "b")
    assert first.key == second.key and first.name == "Brightwater Energy"
    assert index.of_source(unsure.id, "c").key != first.key      # two companies named: no guess


def test_a_ministry_with_its_own_name_is_not_the_articles_main_organisation():
    from claimledger.model import Document
    from claimledger.pipeline import Pipeline
    from claimledger.reconcile import reconcile
    text = ("Strike day\nMore than 1.1 million people marched on Thursday, according to the interior ministry, "
            "while the Harbour Workers Union put the figure at more than two million. The Harbour Workers Union "
            "called another strike.")
    docs = list(Pipeline().run([Document(id="o", name="o.txt", text=text, outlet="Paper")]))
    m = next(m for m in reconcile(docs).measures if m.event == "attended")
    assert len(m.origins) == 2, m.origins
