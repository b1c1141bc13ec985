"""Views of a ledger for people: a single-file HTML report and a Markdown summary.

``write_report(ledger, path, fmt)`` is what ``claimledger report`` calls; ``render_html`` and
``render_markdown`` are pure functions of model objects, so they are testable without a store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from claimledger.model import Conflict, Entity, Measure
from claimledger.report.html import render_html, render_story
from claimledger.report.markdown import render_markdown
from claimledger.report.story import Story

FORMATS = ("html", "md")


def story_from_ledger(ledger) -> Story:
    """Everything a view needs, loaded once from a ``claimledger.store.Ledger``."""
    return Story(
        documents=ledger.documents(annotated=True),
        measures=ledger.rows(Measure),
        conflicts=ledger.rows(Conflict),
        entities=ledger.rows(Entity),
    )


def report_from_ledger(ledger, fmt: str = "html", title: Optional[str] = None) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    story = story_from_ledger(ledger)
    if fmt == "md":
        return render_markdown(story, title or "claimledger report")
    return render_story(story, title)


def write_report(ledger, out_path: str | Path, fmt: str = "html", title: Optional[str] = None) -> Path:
    """Write the report to ``out_path`` (UTF-8) and return the path."""
    path = Path(out_path)
    path.write_text(report_from_ledger(ledger, fmt, title), encoding="utf-8")
    return path


__all__ = ["FORMATS", "Story", "render_html", "render_markdown", "render_story",
           "report_from_ledger", "story_from_ledger", "write_report"]
