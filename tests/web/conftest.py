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


def run_async(coro):
    """Run a coroutine to completion on a fresh loop in its own thread.

    The browser tests keep Playwright's sync API (and its event loop) alive in the main thread
    for the whole session, so ``asyncio.run`` there would fail.
    """
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()
