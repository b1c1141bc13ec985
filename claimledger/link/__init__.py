"""Cross-document linking: entities, dates and measures (called by :mod:`claimledger.reconcile`)."""

from claimledger.link.dates import date_documents, date_figures, resolve_as_of
from claimledger.link.entities import link_entities
from claimledger.link.measures import build_measures, figure_key, group_figures

__all__ = ["build_measures", "date_documents", "date_figures", "figure_key", "group_figures",
           "link_entities", "resolve_as_of"]
