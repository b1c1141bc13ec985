"""Errors the command line reports as one line; kept free of heavy imports so ``--help`` stays fast."""

from __future__ import annotations


class ModelError(RuntimeError):
    """The configured spaCy model cannot be loaded."""


class EngineError(RuntimeError):
    """The chosen engine cannot run (Dask not installed, scheduler unreachable)."""
