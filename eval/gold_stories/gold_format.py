"""Helpers shared by the ``gold_build.py`` of each story here: the gold format of
``../shared/benchmarks/stories`` (figures with anchors, quotes, neutral and bad anchors), written as code."""

from __future__ import annotations

import json
from pathlib import Path


class Gold:
    """The gold of one story, filled by ``fig`` / ``quote`` calls and written by ``save``."""

    def __init__(self) -> None:
        self.figures: list[dict] = []
        self.quotes: list[dict] = []
        self.neutral: list[dict] = []
        self.bad: list[dict] = []

    def fig(self, id, doc, anchor, value, qualifier, counted, event, source, measure, optional=False, **extra) -> None:
        row = dict(id=id, doc=doc, anchor=anchor, value=value, qualifier=qualifier, counted=counted, event=event,
                   source=source, measure=measure, **extra)
        if optional:
            row["optional"] = True
        self.figures.append(row)

    def quote(self, doc, anchor, speaker, direct=True) -> None:
        self.quotes.append(dict(doc=doc, anchor=anchor, speaker=speaker, direct=direct))

    def save(self, folder: Path, *, about: str, story: str, docs: dict, measures: dict, disagreements: list,
             claim_conflicts: list) -> None:
        gold = dict(about=about, story=story, docs=docs, figures=self.figures, neutral_anchors=self.neutral,
                    bad_anchors=self.bad, quotes=self.quotes, measures=measures, disagreements=disagreements,
                    agreements=[], source_splits=[], claim_conflicts=claim_conflicts)
        (folder / "gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n")
        print("wrote", folder / "gold.json", len(self.figures), "figures", len(self.quotes), "quotes")
