"""Views of a ledger for people: a self-contained HTML report and a Markdown summary.

``write_report(ledger, path, fmt)`` is what ``claimledger report`` calls.  A small ledger with
one story is one file.  With several stories, or more than ``PAGE_DOCUMENTS`` documents, the
report is paged: ``path`` is the index (one line per story) and ``<name>-pages/`` beside it
holds a page per story and its documents in pages of ``PAGE_DOCUMENTS``, each story read from
the store on its own, so memory follows the largest story, not the ledger.  Every page is
self-contained (no script, no network), so the folder can be zipped and mailed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from claimledger.report.html import render_html, render_index, render_paged_story, render_story
from claimledger.report.markdown import render_markdown
from claimledger.report.story import Story
from claimledger.views import IMPLICIT_STORY, VIEW_ANNOTATIONS, LedgerView, story_index

FORMATS = ("html", "md")
PAGE_DOCUMENTS = 100
"""Documents per page of a paged report (each page carries their full highlighted text)."""


def story_from_ledger(ledger, story: Optional[str] = None) -> Story:
    """Everything a report shows, loaded once from a ``claimledger.store.Ledger``."""
    return LedgerView.load(ledger, story, VIEW_ANNOTATIONS)


def report_from_ledger(ledger, fmt: str = "html", title: Optional[str] = None) -> str:
    """The whole report as one string (one file, whatever the size: see :func:`write_report`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    story = story_from_ledger(ledger)
    if fmt == "md":
        return render_markdown(story, title or "claimledger report")
    return render_story(story, title)


def write_report(ledger, out_path: str | Path, fmt: str = "html", title: Optional[str] = None,
                 page_documents: int = PAGE_DOCUMENTS) -> Path:
    """Write the report to ``out_path`` (UTF-8; paged beside it when large) and return the path."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path = Path(out_path)
    title = title or "claimledger report"
    keys = story_index(ledger)
    if fmt == "md":
        with path.open("w", encoding="utf-8") as out:
            for key, label, _ in keys:
                view = story_from_ledger(ledger, key if len(keys) > 1 else None)
                out.write(render_markdown(view, title if len(keys) == 1 else f"{title}: {label}"))
                out.write("\n")
        return path
    total = sum(n for _, _, n in keys)
    if len(keys) == 1 and total <= page_documents:
        path.write_text(render_story(story_from_ledger(ledger), title), encoding="utf-8")
        return path
    folder = path.with_name(path.stem + "-pages")
    folder.mkdir(parents=True, exist_ok=True)
    index_href = "../" + path.name
    entries = []
    for n, (key, label, _) in enumerate(keys, 1):
        view = story_from_ledger(ledger, key if len(keys) > 1 or key != IMPLICIT_STORY else None)
        stem = f"story-{n}"
        for name, html in render_paged_story(view, title, label, stem, index_href, page_documents):
            (folder / name).write_text(html, encoding="utf-8")
        counts = view.counts()
        entries.append({"href": f"{folder.name}/{stem}.html", "label": label, "counts": counts,
                        "start": getattr(view.stories[0], "start", None) if view.stories else None,
                        "end": getattr(view.stories[0], "end", None) if view.stories else None,
                        "verdicts": [m.verdict for m in view.headline_measures()[:3]]})
        del view
    path.write_text(render_index(entries, title), encoding="utf-8")
    return path


__all__ = ["FORMATS", "PAGE_DOCUMENTS", "Story", "render_html", "render_markdown", "render_story",
           "report_from_ledger", "story_from_ledger", "write_report"]
