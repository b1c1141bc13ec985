from claimledger.report.markdown import md_escape, render_markdown
from claimledger.report.story import Story


def test_markdown_lists_conflicts_measures_and_sources(story: Story):
    md = render_markdown(story)
    assert md.index("## Headline conflicts") < md.index("## Measures") < md.index("## Sources")
    assert "| 1,350 | 2026-03-04 | Interior Ministry, via Reuters |" in md
    assert "≥ 1,200" in md and "1,500–1,800" in md and "≤ 300" in md


def test_markdown_escapes_html_and_links(story: Story):
    md = render_markdown(story)
    assert "<script>" not in md and "<img" not in md and "<i>" not in md
    assert "](javascript:" not in md


def test_md_escape():
    assert md_escape("a | b") == "a \\| b"
    assert md_escape("[x](javascript:y)") == "\\[x\\](javascript:y)"  # no link without brackets
    assert md_escape("1. first\nline") == "1\\. first line"
    assert md_escape("2026-03-04") == "2026-03-04"
