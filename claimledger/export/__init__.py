"""JSON and CSV exports of a ledger: a documented, versioned contract (see ``schema.py``)."""

from claimledger.export.json_export import FORMAT_VERSION, to_json, write_json
from claimledger.export.csv_export import TABLES, write_csv

__all__ = ["FORMAT_VERSION", "to_json", "write_json", "write_csv", "TABLES"]
