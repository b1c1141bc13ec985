"""claimledger: turn news articles into a ledger of figures, claims and who said them."""

__version__ = "0.1.0"
