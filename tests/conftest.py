"""Shared fixtures: the bundled example analysed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger import cli


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """``claimledger demo`` run once; tests open the ledger read-only."""
    out = tmp_path_factory.mktemp("demo")
    assert cli.main(["demo", "--out", str(out)]) == 0
    return out / "ledger.db"
