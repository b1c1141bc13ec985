"""What runs on a worker: the per-document stages for one document, guarded and timed.

The same function serves every engine (in-process, process pool, Dask), so results do not
depend on where a document was analysed.  A failure or a used-up budget costs only that document.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Optional

from claimledger.engine.budget import Budget, DocTimeout, default_seconds
from claimledger.model import Document
from claimledger.pipeline import Context, Pipeline


@dataclass
class Outcome:
    """One document's result: the annotated document, or the one line saying why it was skipped."""

    doc_id: str
    name: str
    doc: Optional[Document] = None
    error: Optional[str] = None
    seconds: float = 0.0


def pipeline_for(context: Context) -> Pipeline:
    """A pipeline over ``context``; cheap, since the model is loaded once per process (``nlp.load``)."""
    return Pipeline(context)


def analyse_one(doc: Document, context: Context) -> Outcome:
    """Run every per-document stage on ``doc`` within its time budget; never raises for the document's sake."""
    pipeline = pipeline_for(context)
    seconds = default_seconds(context.doc_timeout)
    t0 = time.perf_counter()
    name = doc.name or doc.id
    try:
        with Budget(seconds) as budget:
            pipeline.analyse(doc, budget.check)
    except DocTimeout:
        return Outcome(doc.id, name, error=f"{name}: analysis ran out of its {seconds:g} s budget (--doc-timeout)",
                       seconds=time.perf_counter() - t0)
    except MemoryError:
        return Outcome(doc.id, name, error=f"{name}: out of memory while analysing", seconds=time.perf_counter() - t0)
    except Exception as exc:  # a bug or a hostile input in one document must not stop the batch
        return Outcome(doc.id, name, error=f"{name}: analysis failed ({type(exc).__name__}: {exc})"[:300],
                       seconds=time.perf_counter() - t0)
    return Outcome(doc.id, name, doc=doc, seconds=time.perf_counter() - t0)


def warm(context: Context) -> None:
    """Load the model now (a worker's initializer), so the first document does not pay for it."""
    pipeline_for(context).context.nlp
