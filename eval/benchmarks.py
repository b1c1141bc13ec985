"""Where the annotated benchmark data lives, for every eval/ and bench/ script.

``$CLAIMLEDGER_BENCHMARKS`` if set, else the first ``shared/benchmarks`` folder above this
checkout (CI lays ``shared/`` beside it), else that expected place (callers report it missing).
"""

from __future__ import annotations

import os
from pathlib import Path


def benchmarks_dir() -> Path:
    if os.environ.get("CLAIMLEDGER_BENCHMARKS"):
        return Path(os.environ["CLAIMLEDGER_BENCHMARKS"])
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "benchmarks"
        if candidate.is_dir():
            return candidate
    return Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
