import pytest

from claimledger.report.story import Story

from .sample_story import build_story


@pytest.fixture
def story() -> Story:
    docs, measures, conflicts, entities = build_story()
    return Story(docs, measures, conflicts, entities)
