"""Fixtures for the extraction tests: the spaCy pipeline, loaded once per session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimledger import nlp as nlp_mod


@pytest.fixture(scope="session")
def nlp() -> Language:
    return nlp_mod.load()
