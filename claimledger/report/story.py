"""The report's name for the view model: :class:`claimledger.views.LedgerView` (one module, one set of rules)."""

from claimledger.views import VERDICT_ORDER, Item, LedgerView, anchor, parse_day

Story = LedgerView

__all__ = ["Item", "Story", "LedgerView", "VERDICT_ORDER", "anchor", "parse_day"]
