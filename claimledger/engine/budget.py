"""A per-document time budget: one slow or hostile document must not hold up the batch.

Inside a process's main thread the budget is enforced by ``SIGALRM`` (which also interrupts a
runaway regular expression, since ``re`` checks for signals); elsewhere (a Dask worker thread)
it is checked between segments and stages.  The local engine adds a hard deadline on top: a
worker that does not answer at all is killed and replaced.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from typing import Optional

ENV_VAR = "CLAIMLEDGER_DOC_TIMEOUT"
DEFAULT_SECONDS = 60.0


class DocTimeout(Exception):
    """The document used up its time budget."""


def default_seconds(explicit: Optional[float] = None) -> float:
    """``explicit``, else ``$CLAIMLEDGER_DOC_TIMEOUT``, else 60 s; 0 means no budget."""
    if explicit is not None:
        return max(0.0, float(explicit))
    raw = os.environ.get(ENV_VAR)
    if raw:
        try:
            return max(0.0, float(raw))
        except ValueError:
            pass
    return DEFAULT_SECONDS


class Budget:
    """``with Budget(seconds) as b: ... b.check() ...`` raises :class:`DocTimeout` once time is up."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds if seconds else float("inf")
        self._alarm = False
        self._previous = None

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise DocTimeout()

    def _on_alarm(self, signum, frame) -> None:
        raise DocTimeout()

    def __enter__(self) -> "Budget":
        if self.seconds and threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
            self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self._alarm = True
        return self

    def __exit__(self, *exc) -> None:
        if self._alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous or signal.SIG_DFL)
            self._alarm = False
