"""Run ``add`` into a fresh ledger and compare exports."""

from __future__ import annotations

from pathlib import Path

from claimledger import workflow
from claimledger.export import to_json
from claimledger.pipeline import Context
from claimledger.store import Ledger


def export_of(db: Path, paths: list[str], context: Context, messages: list[str] | None = None) -> dict:
    """The JSON export (without its timestamp) of a ledger made by one ``add`` of ``paths``."""
    with Ledger(db) as ledger:
        workflow.add(ledger, paths, context=context, report=(messages.append if messages is not None else print))
    with Ledger(db, readonly=True) as ledger:
        data = to_json(ledger)
    data["claimledger"].pop("exported_at", None)
    return data
