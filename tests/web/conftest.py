import pytest

from claimledger.store import Ledger

from ..report.sample_story import build_story


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    """The hand-written sample story saved through the real store."""
    path = tmp_path_factory.mktemp("web") / "sample.db"
    docs, measures, conflicts, entities = build_story()
    ledger = Ledger(path)
    try:
        ledger.replace_derived(docs, [*entities, *measures, *conflicts])
    finally:
        ledger.close()
    return path
