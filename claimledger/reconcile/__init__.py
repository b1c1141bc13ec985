"""The cross-document step: one ledger over fully annotated documents.

Order matters: entities first (origins are counted per linked entity), then dates (verdicts
compare figures by as-of date), then measures, verdicts and conflicts.  Pure Python over the
model objects; the store persists what this returns and the fields it updates in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimledger.link.dates import date_documents, date_figures
from claimledger.link.entities import link_entities
from claimledger.link.measures import build_measures
from claimledger.link.names import country_of
from claimledger.model import Conflict, Document, Entity, Measure
from claimledger.reconcile.conflicts import build_conflicts
from claimledger.reconcile.origins import OriginIndex
from claimledger.reconcile.verdicts import Judgement, judge


@dataclass
class Reconciliation:
    entities: list[Entity] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def warring_parties(docs: list[Document], groups) -> set[str]:
    """Nations whose own forces are counted, or who speak through a military source."""
    parties = {g.key.nation for g in groups.values() if g.key.head == "troops" and g.key.nation}
    parties |= {c for d in docs for s in d.sources if s.kind == "military"
                for c in [country_of(s.affiliation) or country_of(s.role)] if c}
    return parties


def reconcile(docs: list[Document]) -> Reconciliation:
    """Cross-document step over fully annotated documents (all annotations loaded).

    Updates in place: ``doc.published`` / ``published_how='inferred'`` / ``published_evidence``
    when missing, ``Figure.as_of``, ``Source.entity``, ``Mention.entity``.
    """
    entities = link_entities(docs)
    date_documents(docs)
    date_figures(docs)
    measures, groups = build_measures(docs)
    index = OriginIndex(docs)
    parties = warring_parties(docs, groups)
    judgement = Judgement()
    for m in measures:
        judge(m, groups[m.id], index, parties, judgement)
    measure_of = {fid: m.id for m in measures for fid in m.figures}
    conflicts = build_conflicts(judgement.conflicts, measure_of, docs)
    return Reconciliation(entities=entities, measures=measures, conflicts=conflicts)


__all__ = ["Reconciliation", "reconcile"]
