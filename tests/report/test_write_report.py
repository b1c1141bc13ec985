import pytest

from claimledger.model import Conflict, Entity, Measure
from claimledger.report import report_from_ledger, write_report

from .sample_story import build_story


class FakeLedger:
    """The slice of ``claimledger.store.Ledger`` the report reads."""

    def __init__(self):
        self.docs, measures, conflicts, entities = build_story()
        self.tables = {Measure: measures, Conflict: conflicts, Entity: entities}

    def documents(self, annotated: bool = False):
        assert annotated
        return self.docs

    def rows(self, cls):
        return self.tables[cls]


def test_write_html_and_markdown(tmp_path):
    html = write_report(FakeLedger(), tmp_path / "r.html")
    md = write_report(FakeLedger(), tmp_path / "r.md", fmt="md")
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert md.read_text(encoding="utf-8").startswith("# claimledger report")


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError):
        report_from_ledger(FakeLedger(), fmt="pdf")
