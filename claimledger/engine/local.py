"""The local engine: the per-document stages on a pool of worker processes, one per core.

Documents stream through a bounded window (``2 × jobs`` in flight), results come back in input
order so the single writer (the calling process) stores them exactly as ``--jobs 1`` would.
Workers load the spaCy model once: forked workers inherit the parent's copy; spawned ones
(when the parent runs threads, where fork is unsafe) load it in their initializer.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor, TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Iterable, Iterator

from claimledger import nlp as nlp_mod
from claimledger.engine.budget import default_seconds
from claimledger.engine.worker import Outcome, analyse_one, warm
from claimledger.model import Document
from claimledger.pipeline import Context

HARD_GRACE = 30.0
"""Seconds past a document's budget after which its worker is presumed stuck and is killed."""


def available_cores() -> int:
    """The cores this process may run on (``sched_getaffinity``, so containers and taskset count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def start_method() -> str:
    """``fork`` (workers share the parent's loaded model) unless threads make it unsafe, then ``spawn``."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


def run_local(docs: Iterable[Document], context: Context) -> Iterator[Outcome]:
    """Outcomes of ``docs`` in input order, using ``context.jobs`` processes (default: every core)."""
    jobs = context.jobs or available_cores()
    docs = iter(docs)
    head = list(islice(docs, 2))
    if jobs <= 1 or len(head) < 2:  # one document, or one job: no pool to start
        for doc in chain(head, docs):
            yield analyse_one(doc, context)
        return
    nlp_mod.load(context.model)  # fail fast here; forked workers share this copy
    pool = _Pool(jobs, context)
    try:
        yield from pool.run(chain(head, docs))
    finally:
        pool.close()


class _Pool:
    """A ProcessPoolExecutor that is replaced when a worker hangs past its hard deadline or dies."""

    def __init__(self, jobs: int, context: Context):
        self.jobs = jobs
        self.context = context
        budget = default_seconds(context.doc_timeout)
        self.hard_deadline = budget + max(HARD_GRACE, budget) if budget else None
        self.method = start_method()
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context(self.method),
                                   initializer=warm, initargs=(self.context,))

    def run(self, docs: Iterator[Document]) -> Iterator[Outcome]:
        window = 2 * self.jobs
        pending: deque = deque()
        crashes: dict[str, int] = {}
        for doc in docs:
            pending.append((doc, self.executor.submit(analyse_one, doc, self.context)))
            while len(pending) >= window:
                yield self._next(pending, crashes)
        while pending:
            yield self._next(pending, crashes)

    def _next(self, pending: deque, crashes: dict[str, int]) -> Outcome:
        doc, future = pending[0]
        try:
            outcome = future.result(timeout=self.hard_deadline)
        except FutureTimeout:
            pending.popleft()
            self._restart(pending)
            name = doc.name or doc.id
            return Outcome(doc.id, name, error=f"{name}: analysis did not finish within "
                                               f"{self.hard_deadline:g} s; its worker was replaced (--doc-timeout)")
        except BrokenProcessPool:
            crashes[doc.id] = crashes.get(doc.id, 0) + 1
            if crashes[doc.id] >= 2:  # this document kills its worker: skip it
                pending.popleft()
                self._restart(pending)
                name = doc.name or doc.id
                return Outcome(doc.id, name, error=f"{name}: the worker analysing it died (out of memory?)")
            self._restart(pending)
            return self._next(pending, crashes)
        pending.popleft()
        return outcome

    def _restart(self, pending: deque) -> None:
        """Kill every worker, start fresh ones, and resubmit what was in flight."""
        self._kill()
        self.executor = self._start()
        for i, (doc, _) in enumerate(pending):
            pending[i] = (doc, self.executor.submit(analyse_one, doc, self.context))

    def _kill(self) -> None:
        for proc in list(getattr(self.executor, "_processes", {}).values()):
            if proc.is_alive():
                proc.kill()
        self.executor.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
