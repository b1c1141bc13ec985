"""The Dask engine: the per-document stages fanned out to the workers of a Dask cluster.

Why Dask (distributed) rather than Ray: it installs from PyPI alone (``pip install
'claimledger[dask]'``), a cluster is two commands (``dask scheduler``, ``dask worker ADDRESS``)
with no other service, and its futures fit a stream of independent, pickleable tasks.

The client (this process) submits one task per document through a bounded window, collects the
results in input order and is the single writer to the store; cross-article linking then runs
exactly as with the local engine.  Each worker loads the spaCy model once (a worker plugin
warms it at registration, ``nlp.load`` caches it).  Without ``--scheduler`` a LocalCluster of
``--jobs`` single-threaded worker processes is started for the run.
"""

from __future__ import annotations

import uuid
from collections import deque
from contextlib import ExitStack
from typing import Iterable, Iterator

from claimledger.engine.local import available_cores
from claimledger.engine.worker import Outcome, analyse_one, warm
from claimledger.errors import EngineError
from claimledger.model import Document
from claimledger.pipeline import Context

try:
    import distributed
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # the optional extra is not installed: said at run time, in one line
    distributed = None
    WorkerPlugin = object

CONNECT_TIMEOUT = "20s"
"""How long to wait for the scheduler before saying, in one line, that it cannot be reached."""

WINDOW_PER_WORKER = 4
"""Documents in flight per worker: enough to hide network latency, few enough to bound memory."""


class ModelPlugin(WorkerPlugin):
    """Worker plugin: load the spaCy model when the worker joins, once per worker process."""

    name = "claimledger-model"

    def __init__(self, context: Context):
        self.context = context

    def setup(self, worker) -> None:
        warm(self.context)


def client_for(context: Context, stack: ExitStack):
    """A connected Client: to ``context.scheduler``, or to a LocalCluster started for this run."""
    if distributed is None:
        raise EngineError("--engine dask needs Dask: pip install 'claimledger[dask]'")
    if context.scheduler:
        try:
            return stack.enter_context(distributed.Client(context.scheduler, timeout=CONNECT_TIMEOUT))
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {context.scheduler}: {exc}") from exc
    cluster = stack.enter_context(distributed.LocalCluster(
        n_workers=context.jobs or available_cores(), threads_per_worker=1, processes=True,
        dashboard_address=None, silence_logs=40))
    return stack.enter_context(distributed.Client(cluster))


def run_dask(docs: Iterable[Document], context: Context) -> Iterator[Outcome]:
    """Outcomes of ``docs`` in input order, analysed on the Dask cluster."""
    with ExitStack() as stack:
        client = client_for(context, stack)
        client.register_plugin(ModelPlugin(context), name=ModelPlugin.name)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = WINDOW_PER_WORKER * workers
        run = uuid.uuid4().hex[:8]
        pending: deque = deque()
        for doc in docs:
            pending.append((doc, client.submit(analyse_one, doc, context, key=f"analyse-{doc.id}-{run}",
                                               pure=False, retries=1)))
            while len(pending) >= window:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())


def _result(item) -> Outcome:
    doc, future = item
    try:
        return future.result()
    except Exception as exc:  # the worker died twice on it, or the task could not run
        name = doc.name or doc.id
        return Outcome(doc.id, name, error=f"{name}: the Dask task failed ({type(exc).__name__}: {exc})"[:300])
    finally:
        future.release()
