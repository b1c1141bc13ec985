"""Where the per-document stages run: in this process, on a local process pool, or on Dask.

Every engine runs the same :func:`claimledger.engine.worker.analyse_one` and yields
:class:`Outcome` objects in input order; the caller is the single writer to the store.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from claimledger.engine.local import available_cores, run_local
from claimledger.engine.worker import Outcome
from claimledger.model import Document
from claimledger.pipeline import Context

ENGINES = ("local", "dask")


def run(docs: Iterable[Document], context: Context) -> Iterator[Outcome]:
    """Analyse ``docs`` with the engine ``context.engine`` names."""
    if context.engine == "dask":
        from claimledger.engine.dask_engine import run_dask

        return run_dask(docs, context)
    if context.engine != "local":
        raise ValueError(f"unknown engine {context.engine!r} (choose from {', '.join(ENGINES)})")
    return run_local(docs, context)


__all__ = ["ENGINES", "Outcome", "available_cores", "run"]
