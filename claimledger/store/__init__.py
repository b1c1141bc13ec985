"""The embedded store: one SQLite file holding the whole ledger."""

from claimledger.store.ledger import Ledger, StoreError

__all__ = ["Ledger", "StoreError"]
