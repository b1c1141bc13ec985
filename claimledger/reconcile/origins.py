"""Independence: count origins, not articles.

A figure's origin is the innermost source of its citation chain (``Figure.source``), resolved
to a cross-document Entity when linked, so three outlets repeating the same intelligence
briefing are one origin.  A figure without a source originates with its article; an article
that is a syndicated copy (``Document.duplicate_of``) is replaced by the article it copies,
so it adds no new origin.  Anonymous sources ("officials said") cannot be matched across
articles and count as one origin per (root) article.  A person whose role says whom they speak
for ("head of the National Intelligence Service") shares the origin of that organisation when
it is also a source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from claimledger.link.entities import name_key
from claimledger.link.names import country_of, fold
from claimledger.model import Document, Figure, Source

ANONYMOUS_KINDS = {"anonymous", "unknown"}
DESCRIPTORS = {"company", "firm", "carmaker", "automaker", "airline", "bank", "lender", "insurer", "retailer",
               "group", "club", "team", "league", "ministry", "agency", "commission", "council", "university",
               "hospital", "charity", "union", "utility", "operator", "manufacturer", "developer", "broadcaster",
               "party", "campaign", "court", "regulator", "board", "network", "chain", "maker", "producer"}
"""Nouns by which an article refers back to the organisation it is about ("the company said")."""
BODY_KINDS = {"government", "military", "intelligence", "organisation"}
ROLE_OF = re.compile(r"\b(?:head|chief|director|spokes(?:wo)?man|spokesperson|chair(?:man|woman)?|"
                     r"secretary|minister|president|leader|commander|ceo)\s+(?:of|for|at)\s+(?:the\s+)?(.+)$", re.I)


@dataclass(frozen=True)
class Origin:
    key: str                 # what makes two origins the same
    name: str                # shown to the reader
    source_id: Optional[str]
    affiliation: Optional[str]
    kind: str


class OriginIndex:
    """Lookup of documents, sources and their roots across the set being reconciled."""

    def __init__(self, docs: list[Document]):
        self.docs = {d.id: d for d in docs}
        self.sources: dict[str, Source] = {s.id: s for d in docs for s in d.sources}
        self.speakers = {q.id: q.speaker for d in docs for q in d.statements}
        self.statements_by_sentence: dict[tuple[str, int], list] = {}
        for d in docs:
            for q in d.statements:
                self.statements_by_sentence.setdefault((d.id, q.sentence_start), []).append(q)
        self.bodies: dict[str, Source] = {}       # folded organisation name -> a source of it
        for src in self.sources.values():
            if src.kind in BODY_KINDS and src.name and not src.name.startswith("("):
                self.bodies.setdefault(name_key(src.name), src)

        self.entity_names: dict[str, str] = {}         # entity id -> a source name linked to it
        for src in self.sources.values():
            if src.entity and src.kind in BODY_KINDS:
                self.entity_names.setdefault(src.entity, src.name)
        self.main_org: dict[str, tuple[str, str]] = {}   # doc id -> (entity id, surface) of its main ORG
        self.org_names: dict[str, dict[str, str]] = {}   # doc id -> folded ORG name -> entity id
        for d in docs:
            counts: dict[str, int] = {}
            names: dict[str, str] = {}
            for m in d.mentions:
                if m.label == "ORG" and m.entity and "\n" not in m.text and m.text.strip() != d.label:
                    counts[m.entity] = counts.get(m.entity, 0) + 1
                    names[m.entity] = max(names.get(m.entity, ""), m.text.strip(), key=len)
            self.org_names[d.id] = {name_key(n): e for e, n in names.items()}
            ranked = sorted(counts.items(), key=lambda kv: -kv[1])
            if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                self.main_org[d.id] = (ranked[0][0], names[ranked[0][0]])

    def organisation_meant(self, source: Source) -> Optional[tuple[str, str]]:
        """(entity id, name) of the organisation an unlinked source stands for: a fragment of an
        organisation named in its article ("Motors" for "Harlow Motors"), or a bare descriptor
        ("company", "carmaker") for the organisation the article is mostly about."""
        if source.entity or source.kind not in ANONYMOUS_KINDS | BODY_KINDS:
            return None
        key = name_key(source.name)
        words = key.split()
        for name, entity in self.org_names.get(source.doc, {}).items():
            if key and key != name and name.endswith(" " + key):
                return entity, self.entity_names.get(entity, source.name)
        plain = [w for w in fold(source.name).split() if w not in ("the", "a", "an")]   # titles kept: "interior"
        if len(plain) == 1 and plain[0] in DESCRIPTORS and source.doc in self.main_org:
            # "the company" is the article's main organisation; "the interior ministry" is a body of its own
            return self.main_org[source.doc]
        return None

    def root_doc(self, doc_id: str) -> str:
        seen = set()
        while doc_id in self.docs and self.docs[doc_id].duplicate_of and doc_id not in seen:
            seen.add(doc_id)
            doc_id = self.docs[doc_id].duplicate_of or doc_id
        return doc_id

    def doc_label(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id)
        return doc.label if doc is not None else doc_id

    def of_figure(self, fig: Figure) -> Origin:
        source = fig.source if not self.is_publisher(fig.source, fig.doc) else None
        return self.of_source(source or self.speakers.get(fig.statement or "") or self.sentence_speaker(fig)
                              or fig.source, fig.doc)

    def is_publisher(self, source_id: Optional[str], doc_id: str) -> bool:
        """The article's own voice ("(this article)", its outlet as publisher)."""
        src = self.sources.get(source_id or "")
        return src is not None and src.doc == doc_id and (
            src.name.startswith("(") or src.kind == "outlet" and (src.role == "publisher"
                                                                  or src.name == self.doc_label(doc_id)))

    def sentence_speaker(self, fig: Figure) -> Optional[str]:
        """The speaker of an attributed statement in the figure's own sentence ("Harlow will cut
        jobs, the carmaker said, after sales fell by 18 percent"): the extractor left the
        figure unattributed, but the sentence says who is talking."""
        for q in self.statements_by_sentence.get((fig.doc, fig.sentence_start), []):
            if q.speaker and q.speaker in self.sources and not self.sources[q.speaker].name.startswith("("):
                return q.speaker
        return None

    def of_source(self, source_id: Optional[str], doc_id: str) -> Origin:
        root = self.root_doc(doc_id)
        source = self.sources.get(source_id or "")
        if source is not None and (source.name.startswith("(") or source.kind == "outlet" and source.doc == doc_id
                                   and (source.name == self.doc_label(doc_id))):
            source = None                    # "(this article)": the article itself
        meant = self.organisation_meant(source) if source is not None else None
        if meant is not None:
            entity, name = meant
            return Origin(key=f"entity:{entity}", name=self.entity_names.get(entity, name), source_id=source.id,
                          affiliation=source.affiliation, kind="organisation")
        if source is None or source.kind in ANONYMOUS_KINDS or (
                source.kind in ("outlet", "wire_agency") and not source.entity):
            label = source.name if source is not None and source.name else self.doc_label(root)
            return Origin(key=f"doc:{root}:{label.lower()}" if source is not None else f"doc:{root}",
                          name=label if source is None else f"{label} ({self.doc_label(root)})",
                          source_id=source.id if source else None,
                          affiliation=source.affiliation if source else None,
                          kind=source.kind if source else "outlet")
        body = self.body_of(source)
        if body is not None:
            source_name = f"{body.name} ({source.name})"
            source = body
        else:
            source_name = source.name
        key = f"entity:{source.entity}" if source.entity else f"name:{name_key(source.name) or source.name.lower()}"
        return Origin(key=key, name=source_name, source_id=source.id,
                      affiliation=source.affiliation or country_of(source.role) or country_of(source.name),
                      kind=source.kind)


    def body_of(self, person: Source) -> Optional[Source]:
        """The organisation a person speaks for, from a role such as "head of South Korea's
        National Intelligence Service" or "spokesman for the health ministry", when that
        organisation is itself a source in the set: then both are one origin."""
        if person.kind != "person" or not person.role:
            return None
        match = ROLE_OF.search(person.role)
        if not match:
            return None
        return self.bodies.get(name_key(match.group(1)))


def count_phrase(articles: int, origins: int) -> str:
    """ "3 articles, 1 origin" """
    return f"{articles} article{'s' * (articles != 1)}, {origins} origin{'s' * (origins != 1)}"
