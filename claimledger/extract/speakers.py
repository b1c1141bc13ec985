"""Source mentions → per-document :class:`~claimledger.model.Source` records.

A statement's source is written many ways in one article: ``Lt. Gen. Jane Doe, head of the
national weather service``, later ``Doe``, ``Ms. Doe``, ``the spokeswoman``, ``she``.  The
:class:`SourceBook` keeps one Source per real-world source and resolves short forms to the
nearest compatible earlier full mention; what it cannot resolve it marks as unresolved instead
of guessing.  Kinds, titles, roles and affiliations come from general English cue words and the
parser's entity labels, never from lists of story names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan

from claimledger.demonyms import DEMONYMS
from claimledger.model import Document, Source
from claimledger.vocab import words as vocab

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}  # possessives: "his claim that ..."
GROUP_PRONOUNS = {"they", "them", "their"}
THING_PRONOUNS = {"it", "its"}
SELF_PRONOUNS = {"i", "we", "me", "us", "my", "our"}
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS | SELF_PRONOUNS

HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "sir", "dame", "madam"}
TITLE_WORDS = {
    "lt", "lt.", "lieutenant", "gen", "gen.", "general", "col", "col.", "colonel", "maj", "maj.",
    "major", "capt", "capt.", "captain", "sgt", "sgt.", "sergeant", "adm", "adm.", "admiral",
    "cmdr", "cmdr.", "commander", "brig", "brig.", "brigadier", "marshal", "field", "rear", "vice",
    "private", "corporal", "cpl", "cpl.",
    "president", "vice-president", "prime", "minister", "secretary", "chancellor", "premier",
    "king", "queen", "prince", "princess", "pope", "senator", "sen", "sen.", "rep", "rep.",
    "representative", "gov", "gov.", "governor", "mayor", "judge", "justice", "dr", "dr.",
    "prof", "prof.", "professor", "ambassador", "chief", "deputy", "foreign", "defense",
    "defence", "interior", "finance", "health", "economy", "state", "speaker", "coach",
    "chairman", "chairwoman", "chair", "ceo", "cfo", "executive", "director", "spokesman",
    "spokeswoman", "spokesperson", "commissioner", "attorney", "officer", "head", "leader",
    "manager", "sheriff", "archbishop", "bishop", "rabbi", "imam", "father", "rev", "rev.",
}
ROLE_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "minister", "president", "leader", "commander",
    "chief", "head", "director", "secretary", "chancellor", "premier", "ceo", "coach", "mayor",
    "governor", "chairman", "chairwoman", "chair", "manager", "officer", "general", "ambassador",
    "senator", "lawmaker", "judge", "prosecutor", "founder", "executive", "captain", "striker",
    "goalkeeper", "player", "soldier", "scientist", "researcher", "doctor", "professor", "expert",
    "economist", "analyst", "candidate", "envoy", "diplomat", "colonel", "lieutenant", "king",
    "queen", "prime", "representative", "commissioner", "official", "author", "writer", "reporter",
    "correspondent", "editor", "owner", "investor", "activist", "lawyer", "attorney", "witness",
    "resident", "survivor", "seismologist", "epidemiologist", "physician", "nurse", "teacher",
    "sergeant", "corporal", "major", "admiral", "marshal", "adviser", "advisor", "aide", "referee",
    "chancellor", "prosecutor", "sheriff", "inspector", "detective", "superintendent",
}
ANONYMOUS_HEADS = {
    "official", "source", "people", "person", "diplomat", "analyst", "expert", "observer",
    "insider", "aide", "resident", "witness", "someone", "individual", "officer", "soldier",
    "lawmaker", "member", "critic", "supporter", "economist", "investor", "trader", "scientist",
    "researcher", "doctor", "worker", "employee", "executive", "voter", "leader", "militant",
    "authority", "investigator", "police", "rescuer",
}
REPORT_HEADS = {
    "report", "study", "survey", "poll", "analysis", "statement", "document", "assessment",
    "briefing", "paper", "data", "estimate", "figures", "statistics", "memo", "letter", "filing",
    "review", "audit", "investigation", "release", "communique", "communiqué", "bulletin",
    "forecast", "projection", "census", "tally", "count", "transcript", "translation", "record",
}
ORG_NOUNS = {
    "company", "firm", "club", "team", "airline", "bank", "league", "group", "party", "campaign",
    "union", "council", "committee", "agency", "ministry", "department", "government", "carrier",
    "manufacturer", "retailer", "insurer", "lender", "charity", "organisation", "organization",
    "federation", "association", "board", "regulator", "court", "hospital", "university", "utility",
    "service",
}
OUTLET_WORDS = {
    "news", "times", "post", "journal", "newspaper", "daily", "gazette", "herald", "tribune",
    "telegraph", "guardian", "magazine", "outlet", "television", "tv", "radio", "broadcaster",
    "channel", "network", "press", "mail", "observer", "economist", "politico", "bbc", "cnn",
    "nbc", "abc", "cbs", "fox", "npr", "pbs", "msnbc", "sky", "al", "jazeera", "dw", "france24",
    "euronews", "media", "website", "blog", "tabloid", "weekly", "monthly", "review",
    "newsweek", "axios", "vox", "slate", "breitbart", "huffpost", "buzzfeed", "vice", "forbes",
    "fortune", "reuters", "le", "der", "spiegel", "figaro", "monde", "asahi", "yomiuri", "nikkei",
}
WIRE_AGENCIES = {
    "reuters", "ap", "associated press", "afp", "agence france-presse", "tass", "interfax",
    "xinhua", "yonhap", "kcna", "ria novosti", "ria", "bloomberg", "dpa", "ansa", "efe", "kyodo",
    "pti", "upi", "anadolu", "ukrinform", "bernama", "antara", "apa", "pap", "ctk", "mti",
}
INTELLIGENCE_WORDS = {"intelligence", "spy", "espionage", "counterintelligence"}
MILITARY_WORDS = {
    "army", "military", "forces", "force", "navy", "brigade", "battalion", "regiment", "command",
    "troops", "staff", "corps", "division", "guard", "marines", "defence", "defense", "pentagon",
}
GOVERNMENT_WORDS = {
    "government", "ministry", "ministries", "department", "office", "kremlin", "administration",
    "cabinet", "parliament", "council", "commission", "presidency", "embassy", "authorities",
    "authority", "agency", "state", "congress", "senate", "assembly", "mayor's", "city", "police",
    "court", "white", "house", "downing", "elysee", "élysée", "bundestag",
}
WIRE_RE = re.compile(r"(?<![\w])(" + "|".join(re.escape(w) for w in sorted(WIRE_AGENCIES, key=len, reverse=True)
                                               if len(w) > 3 or w in {"tass", "ap", "afp", "efe", "dpa"})
                     + r")(?![\w])")
DEMONYM_RE = re.compile(r"(?<![\w.])(" + "|".join(re.escape(d) + ("s?" if d[-1].isalpha() else "")
                                                   for d in sorted(DEMONYMS, key=len, reverse=True))
                        + r")(?![\w])")
POSSESSIVE_RE = re.compile(r"(?:'s|’s|'|’)$")


def next_source_id(doc: Document) -> str:
    """A fresh ``s<n>`` id (sources may have been pruned, so not simply len + 1)."""
    used = [int(s.id.rsplit(":s", 1)[1]) for s in doc.sources if s.id.rsplit(":s", 1)[-1].isdigit()]
    return doc.new_id("s", max(used, default=0) + 1)


def outlet_source(doc: Document) -> Source:
    """The article's own outlet (created once per document): the outermost link of every chain."""
    for src in doc.sources:
        if src.kind == "outlet" and src.role == "publisher":
            return src
    name = doc.outlet or "(this article)"
    src = Source(id=next_source_id(doc), doc=doc.id, name=name, kind="outlet",
                 role="publisher", variants=[name] if doc.outlet else [])
    doc.sources.append(src)
    return src


def writer_source(doc: Document) -> tuple[Source, list[str]]:
    """Who speaks in the writer's own voice, and the relays outward: author via outlet, or outlet."""
    outlet = outlet_source(doc)
    if not doc.author:
        return outlet, []
    for src in doc.sources:
        if src.role == "author":
            return src, [outlet.id]
    src = Source(id=next_source_id(doc), doc=doc.id, name=doc.author,
                 kind="person", role="author", variants=[doc.author])
    doc.sources.append(src)
    return src, [outlet.id]


def lower_words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w.'’-]+", text.lower()) if w]


def classify_kind(text: str, label: str = "", head: str = "") -> str:
    """Kind of a named or described source from its words and the parser's entity label."""
    low = text.lower().strip()
    words = set(lower_words(low))
    bare = POSSESSIVE_RE.sub("", low.removeprefix("the ").strip())
    if bare in WIRE_AGENCIES or (("news" in words or "press" in words) and "agency" in words) \
            or WIRE_RE.search(bare):
        return "wire_agency"
    if head in REPORT_HEADS and not re.search(rf"\b{head.capitalize()}\b", text):
        return "report"
    if words & INTELLIGENCE_WORDS:
        return "intelligence"
    if label == "PERSON":
        return "person"
    if words & OUTLET_WORDS and label != "GPE" and not words & (GOVERNMENT_WORDS - {"house"}):
        return "outlet"
    if words & MILITARY_WORDS and head not in ROLE_NOUNS:
        return "military"
    if label == "GPE" or (words & GOVERNMENT_WORDS and head not in ROLE_NOUNS):
        return "government"
    if head in ROLE_NOUNS:
        return "person"
    if label in {"ORG", "NORP", "FAC"}:
        return "organisation"
    return "unknown"


def affiliation_of(span: SpacySpan | None) -> Optional[str]:
    """Country or organisation a source belongs to, from demonyms and place/organisation names."""
    if span is None:
        return None
    text = span.text.lower()
    for m in DEMONYM_RE.finditer(text):
        demonym = m.group(1).rstrip("s") if m.group(1) not in DEMONYMS else m.group(1)
        if demonym == "us" and "US" not in span.text.split():
            continue
        return DEMONYMS[demonym]
    for ent in span_ents(span):
        if ent.label_ in {"GPE", "NORP"}:
            return POSSESSIVE_RE.sub("", ent.text)
    for ent in span_ents(span):
        if ent.label_ == "ORG":
            return POSSESSIVE_RE.sub("", ent.text)
    return None


@dataclass
class Antecedent:
    """A full mention a later short form may point back to."""

    end: int
    source: Optional[Source]          # None for a person mention not yet used as a speaker
    name: str
    kind: str
    span: Optional[SpacySpan] = None
    subject: bool = False             # subject of its sentence: preferred by pronouns


@dataclass
class Resolution:
    source: Optional[Source]
    resolved: bool
    role_span: Optional[SpacySpan] = None


@dataclass
class SourceBook:
    """One Source per real-world source in a document, and resolution of short forms."""

    doc: Document
    parsed: SpacyDoc
    in_quote: Callable[[int], bool] = lambda pos: False
    antecedents: list[Antecedent] = field(default_factory=list)

    def __post_init__(self) -> None:
        for ent in self.parsed.ents:
            if ent.label_ == "PERSON" and not self.in_quote(ent.start_char):
                subject = ent.root.dep_ in {"nsubj", "nsubjpass"} and ent.root.head.dep_ == "ROOT"
                self.antecedents.append(Antecedent(ent.end_char, None, clean_name(ent.text), "person", ent, subject))
        for tok in self.parsed:  # "Mayor Ana Ruiz described ...": names the tagger left unlabelled
            if tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ == "PROPN" and not tok.ent_type_ \
                    and not self.in_quote(tok.idx):
                names = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
                while len(names) > 1 and names[0].lower_ in TITLE_WORDS:
                    names = names[1:]
                if len(names) >= 2 and all(t.is_alpha for t in names):
                    span = self.parsed[names[0].i:tok.i + 1]
                    subject = tok.head.dep_ == "ROOT"
                    self.antecedents.append(Antecedent(span.end_char, None, span.text, "person", span, subject))
        self.antecedents.sort(key=lambda a: a.end)

    # -- records -----------------------------------------------------------------------------
    def find(self, name: str) -> Optional[Source]:
        key = name.lower()
        for src in self.doc.sources:
            if src.name.lower() == key or key in (v.lower() for v in src.variants):
                return src
        if " " not in name and name[:1].isupper():  # "Kyodo" after "Kyodo News"
            for src in self.doc.sources:
                if src.kind in {"outlet", "wire_agency"} and src.role != "publisher" and \
                        src.name.split()[0] == name:
                    return src
        if name.isupper() and 2 <= len(name) <= 6:  # "KCNA" after "Korean Central News Agency"
            for src in self.doc.sources:
                if src.kind != "person" and _initials(src.name) == name:
                    return src
        return None

    def add(self, name: str, kind: str, variant: str, title: str | None = None,
            role: str | None = None, affiliation: str | None = None) -> Source:
        src = self.find(name)
        if src is None:
            src = Source(id=next_source_id(self.doc), doc=self.doc.id,
                         name=name, kind=kind)
            self.doc.sources.append(src)
        src.title = src.title or title
        src.role = src.role or role
        src.affiliation = src.affiliation or affiliation
        if src.kind in {"unknown", "organisation"} and kind not in {"unknown", "organisation"}:
            src.kind = kind
        if variant and variant not in src.variants:
            src.variants.append(variant)
        return src

    def note(self, src: Source, end: int) -> None:
        """Remember that ``src`` was mentioned up to ``end`` (for later short forms)."""
        self.antecedents.append(Antecedent(end, src, src.name, src.kind, subject=True))
        self.antecedents.sort(key=lambda a: a.end)

    # -- resolution --------------------------------------------------------------------------
    def resolve(self, span: SpacySpan, role_span: SpacySpan | None = None) -> Resolution:
        """The Source a source mention stands for (creating or extending records)."""
        text = span.text.strip()
        low = text.lower()
        pos = span.start_char
        if low in PRONOUNS:
            return self._pronoun(low, pos)
        if span.root.lower_ in PRONOUNS and any(c.dep_ == "conj" for c in span.root.children):
            # "He and other soldiers": a group that includes an earlier speaker, left unnamed
            src = self.add(clean_name(text), "anonymous", clean_name(text), affiliation=affiliation_of(span))
            return Resolution(src, True)
        head = span.root
        head_lemma = head.lemma_.lower()
        if low in {"this", "that", "these", "those", "which", "who"}:
            return Resolution(None, False)
        if _is_footage(span):                          # "Videos show ...": evidence, not a speaker
            owner = _named_part(span)                  # "footage from the Harbour Police": the police
            if owner is None or _is_footage(owner):    # "footage from a police video": no body named
                return Resolution(None, False)
            return self.resolve(owner)
        if _names_nobody(span):
            return Resolution(None, False)
        words = clean_name(text).split()
        if 1 <= len(words) <= 1 and words[0][:1].isupper():  # "Aydin said", whatever its label
            full = self._surname(words[0], span.start_char)
            if full is not None:
                src = full.source or self._person(full.span, full.span, None).source
                self.add(src.name, src.kind, words[0])
                self.note(src, span.end_char)
                return Resolution(src, True)
        person = _ent_holding(span, head, {"PERSON"})
        if person is None and role_span is not None and head.pos_ == "NOUN" and not any(
                t.pos_ == "PROPN" for t in span):
            named = _ent_holding(role_span, role_span.root, {"PERSON"})
            if named is not None:  # "the national security adviser, Jane Roe"
                return self._person(role_span, named, span)
            if role_span.root.pos_ == "PROPN":  # "the state news agency, Acme Wire"
                res = self.resolve(role_span)
                if res.source is not None and not res.source.role:
                    res.source.role = _role_text(span)
                return res
        if person is None and head_lemma not in REPORT_HEADS:
            # "Head of the Press Bureau of the Regional Police Colonel Ana Ruiz": the name closes a long title
            person = next((e for e in span_ents(span) if e.label_ == "PERSON" and e.end == span.end
                           and e.start > span.start + 1), None)
        if person is not None and head_lemma not in REPORT_HEADS:
            return self._person(span, person, role_span)
        titled = _titled_name(span)
        if titled is not None:
            return self._person(span, titled, role_span or span[:titled.start - span.start])
        if head_lemma in REPORT_HEADS and head.text[:1].islower():
            org = next((e for e in span_ents(span) if e.label_ in {"ORG", "GPE", "NORP", "FAC", "PERSON"}
                        and e.end <= head.i + 1 and e.label_ != "DATE"), None)
            if org is not None and org.label_ not in {"NORP"}:
                return self._report(span, org, head_lemma)
            return self._described(span, head_lemma)
        org = _ent_holding(span, head, {"ORG", "GPE", "NORP", "FAC"})
        if org is None and (head.pos_ == "PROPN" or head_lemma not in ANONYMOUS_HEADS | ROLE_NOUNS):
            org = _named_org(span)  # "analysts at Bank North" stay analysts, of Bank North
        definite_role = (span[0].lower_ in {"the", "this", "that"} and head_lemma in ROLE_NOUNS
                         and head.tag_ not in {"NNS", "NNPS"} and _ent_holding(span, head, {"ORG"}) is None)
        if definite_role:
            return self._described(span, head_lemma)
        if org is not None:
            name = clean_name(org.text)
            owner = re.match(r"^(.+?)['’]s\s+([A-Z].+)$", name)
            if owner and org.label_ == "ORG":  # "Tokyo’s Kyodo News": the place is an affiliation
                name = owner.group(2)
                role_affiliation = owner.group(1)
            else:
                role_affiliation = None
            if org.label_ in {"NORP", "GPE"} and org.end <= head.i and head.pos_ in {"NOUN", "PROPN"}:
                name = clean_name(_strip_det(span.doc[org.start:head.i + 1].text))
                kind = classify_kind(name, "", head_lemma)
                if head_lemma in ANONYMOUS_HEADS or (head.tag_ in {"NNS"} and kind in {"unknown", "person"}):
                    kind = "anonymous"
                if kind == "unknown":
                    kind = "organisation"
                src = self.add(name, kind, clean_name(text), affiliation=affiliation_of(span))
                self.note(src, span.end_char)
                return Resolution(src, True)
            kind = classify_kind(name, org.label_, "")
            if org.label_ == "GPE":
                kind = "government"
            elif org.label_ == "NORP":  # "Ukrainians said": people of a nationality, unnamed
                kind = "anonymous"
                src = self.add(name, kind, clean_name(text), affiliation=affiliation_of(span) or name)
                self.note(src, span.end_char)
                return Resolution(src, True)
            owner_span = span.doc[span.start:org.start] if org.start > span.start else None
            src = self.add(name, kind, clean_name(text),
                           affiliation=affiliation_of(role_span) or role_affiliation or affiliation_of(owner_span))
            self.note(src, span.end_char)
            return Resolution(src, True)
        common = head.lower_ if head.lower_ in ROLE_NOUNS | ANONYMOUS_HEADS else head.lower_.removesuffix("s")
        if len(span) == 1 and not head.ent_type_ and common in ROLE_NOUNS | ANONYMOUS_HEADS:
            return self._described(span, common)     # a headline's "…: Official" is an official, unnamed
        if head.pos_ == "PROPN" or (head.text[:1].isupper() and head.is_alpha and head.lemma_.lower()
                                    not in ROLE_NOUNS | ANONYMOUS_HEADS | REPORT_HEADS):
            return self._proper(span)
        return self._described(span, head_lemma)

    def _pronoun(self, low: str, pos: int) -> Resolution:
        if low in SELF_PRONOUNS:
            return Resolution(None, False)
        wanted = {"person"} if low in PERSON_PRONOUNS else (
            {"anonymous", "government", "military", "intelligence", "organisation"}
            if low in GROUP_PRONOUNS else
            {"government", "military", "intelligence", "organisation", "report", "outlet", "wire_agency"})
        candidates = [a for a in reversed(self.antecedents) if a.end <= pos and a.kind in wanted
                      and not (low in GROUP_PRONOUNS and a.kind == "anonymous" and not a.name.endswith("s"))]
        if low in PERSON_PRONOUNS:
            # the nearest sentence subject within the last few sentences beats a nearer object
            recent = [a for a in candidates if pos - a.end < 400]
            subjects = [a for a in recent if a.subject]
            candidates = subjects[:1] + candidates
        if not candidates:
            return Resolution(None, False)
        ante = candidates[0]
        if ante.source is None:
            res = self._person(ante.span, ante.span, None)
            return Resolution(res.source, res.resolved)
        return Resolution(ante.source, True)

    def _person(self, span: SpacySpan, person: SpacySpan, role_span: SpacySpan | None) -> Resolution:
        name = clean_name(person.text)
        parts = name.split()
        title = _title_before(span, person)
        inner_title = []
        while len(parts) > 1 and parts[0].lower() in TITLE_WORDS | {"junior", "senior", "staff"} and parts[0][:1].isupper():
            inner_title.append(parts.pop(0))
        if inner_title:
            name = " ".join(parts)
            title = " ".join(filter(None, [title, " ".join(inner_title)]))
        if title:   # "Sergeant" found both before the name span and inside it: once
            title = " ".join(dict.fromkeys(title.split()))
        affiliation = affiliation_of(role_span) or affiliation_of(
            span.doc[span.start:person.start] if person.start > span.start else None)
        role = _role_text(role_span)
        before = _words_before(span, person)
        if not title and role is None and len(before) and before[-1].lower_ in TITLE_WORDS | ROLE_NOUNS:
            role = _strip_det(clean_name(before.text)) or None   # "East Harbour police chief Ana Ruiz"
        if len(parts) == 1:
            full = self._surname(parts[0], span.start_char)
            if full is not None:
                if full.source is None:
                    full_res = self._person(full.span, full.span, None)
                    src = full_res.source
                else:
                    src = full.source
                self.add(src.name, src.kind, name, title=title, role=role, affiliation=affiliation)
                if span.text.strip() not in src.variants and span.text.strip() != name:
                    src.variants.append(clean_name(span.text))
                self.note(src, span.end_char)
                return Resolution(src, True)
        src = self.add(name, "person", name, title=title, role=role, affiliation=affiliation)
        full_text = clean_name(span.text)
        if full_text != name and len(full_text) < 80 and full_text not in src.variants:
            src.variants.append(full_text)
        self.note(src, span.end_char)
        return Resolution(src, True)

    def _surname(self, word: str, pos: int) -> Optional[Antecedent]:
        for ante in reversed(self.antecedents):
            if ante.end > pos or ante.kind != "person":
                continue
            names = ante.name.split()
            if len(names) > 1 and word in (names[-1], names[0]):
                return ante
            if ante.source is not None and any(word == v.split()[-1] for v in ante.source.variants if v):
                if len(ante.source.name.split()) > 1:
                    return ante
        return None

    def _report(self, span: SpacySpan, org: SpacySpan, head_lemma: str) -> Resolution:
        org_name = clean_name(org.text)
        org_kind = classify_kind(org_name, org.label_, "")
        role = _strip_det(span.text)
        if org_kind in {"outlet", "wire_agency"}:
            src = self.add(org_name, org_kind, org_name, role=_after_head(span) or None)
        else:
            src = self.add(clean_name(_strip_det(span[: span.root.i - span.start + 1].text)), "report",
                           role, affiliation=org_name)
        self.note(src, span.end_char)
        return Resolution(src, True)

    def _proper(self, span: SpacySpan) -> Resolution:
        name = clean_name(_strip_det(span.text))
        if len(name.split()) == 1:
            full = self._surname(name, span.start_char)
            if full is not None:
                src = full.source or self._person(full.span, full.span, None).source
                self.add(src.name, src.kind, name)
                self.note(src, span.end_char)
                return Resolution(src, True)
        words = name.split()
        title_words = []
        while len(words) > 1 and (words[0].lower() in TITLE_WORDS | {"junior", "senior", "staff", "first"}):
            title_words.append(words.pop(0))
        if title_words:
            src = self.add(" ".join(words), "person", name, title=" ".join(title_words),
                           affiliation=affiliation_of(span))
            self.note(src, span.end_char)
            return Resolution(src, True)
        kind = classify_kind(name, "", span.root.lemma_.lower())
        if kind == "unknown" and len(words) > 1:
            kind = "organisation"
        src = self.add(name, kind, name)
        self.note(src, span.end_char)
        return Resolution(src, True)

    def _described(self, span: SpacySpan, head_lemma: str) -> Resolution:
        """Common-noun sources: anonymous groups, roles ('the spokesman'), documents."""
        text = clean_name(span.text)
        determiner = span[0].lower_ if len(span) else ""
        plural = span.root.tag_ in {"NNS", "NNPS"}
        bare = _strip_det(text)
        affiliation = affiliation_of(span)
        if head_lemma in REPORT_HEADS:
            kind_word = next((t.lower_ for t in span if t.i != span.root.i and t.lower_ in
                              INTELLIGENCE_WORDS | MILITARY_WORDS | GOVERNMENT_WORDS), None)
            if kind_word:
                wanted = classify_kind(kind_word)
                ante = self._nearest_kind(wanted, span.start_char)
                if ante is not None:
                    return Resolution(ante, True)
            if determiner in {"the", "this", "that"} and head_lemma in {"statement", "report", "remark", "letter", "memo", "communique", "communiqué", "translation", "transcript", "release"}:
                ante = self._nearest_any(span.start_char)
                if ante is not None:
                    return Resolution(ante, True)
            if len(span) <= 2 and head_lemma in {"statement", "release", "communique", "communiqué", "filing"}:
                # "according to a statement": the body last named issued it
                ante = self._nearest_any(span.start_char, {"organisation", "government", "military",
                                                           "intelligence", "report"})
                if ante is not None:
                    return Resolution(ante, True)
            src = self.add(bare, "report", text, affiliation=affiliation)
            self.note(src, span.end_char)
            return Resolution(src, True)
        if determiner in {"the", "this", "that"} and not plural and head_lemma in ORG_NOUNS:
            # "the company said" after "Northwind Airlines reported ...": the body named before, of a
            # compatible kind ("the union" never stands for the government named just before)
            wanted = classify_kind(text, "", head_lemma)
            kinds = {wanted} if wanted in {"government", "military", "intelligence", "wire_agency", "outlet"} \
                else {"organisation"}
            ante = self._nearest_named(span.start_char, kinds, head_lemma) or self._nearest_any(span.start_char, kinds)
            modifiers = tuple(t.lower_.strip("'’") for t in span if t.head.i == span.root.i
                              and t.dep_ in {"compound", "amod", "poss"})
            if ante is not None and not (modifiers and _other_kind(ante, head_lemma, modifiers)):
                if bare not in ante.variants and len(bare) < 60:
                    ante.variants.append(bare)
                self.note(ante, span.end_char)
                return Resolution(ante, True)
        if determiner in {"the", "this", "that"} and not plural and head_lemma in ROLE_NOUNS:
            modifiers = tuple(t.lower_ for t in span if t.head.i == span.root.i and t.dep_ in {"compound", "amod"})
            ante = self._nearest_role(head_lemma, affiliation, span.start_char, modifiers)
            if ante is not None:
                if bare not in ante.variants and len(bare) < 60:
                    ante.variants.append(bare)
                self.note(ante, span.end_char)
                return Resolution(ante, True)
            src = self.add(bare, "person", text, role=bare, affiliation=affiliation)
            return Resolution(src, False)
        indefinite = determiner in {"a", "an", "one", "some", "several", "many", "two", "three", "few", "numerous", "other", "another", "most"} \
            or (plural and determiner not in {"the", "these", "those"})
        proper = any(t.pos_ == "PROPN" and t.ent_type_ not in {"NORP", "GPE"} for t in span)
        if head_lemma in ANONYMOUS_HEADS or (indefinite and not proper and span.root.pos_ == "NOUN"):
            src = self.add(bare, "anonymous", text, affiliation=affiliation)
            self.note(src, span.end_char)
            return Resolution(src, True)
        kind = classify_kind(text, "", head_lemma)
        if kind == "unknown" and head_lemma in ORG_NOUNS:
            kind = "organisation"   # "the union said", "the council said": a body, unnamed here
        src = self.add(bare, kind, text, affiliation=affiliation)
        self.note(src, span.end_char)
        return Resolution(src, kind != "unknown")

    def _nearest_named(self, pos: int, kinds: set[str], noun: str) -> Optional[Source]:
        """The nearest body of these kinds whose name holds the noun: "the ministry" is the
        education ministry met before, not the government named in between."""
        for ante in reversed(self.antecedents):
            if ante.end <= pos and ante.source is not None and ante.source.kind in kinds and \
                    noun in ante.source.name.lower().split():
                return ante.source
        return None

    def _nearest_kind(self, kind: str, pos: int) -> Optional[Source]:
        for ante in reversed(self.antecedents):
            if ante.end <= pos and ante.source is not None and ante.kind == kind:
                return ante.source
        for src in self.doc.sources:
            if src.kind == kind:
                return src
        return None

    def _nearest_any(self, pos: int, kinds: set[str] | None = None) -> Optional[Source]:
        for ante in reversed(self.antecedents):
            if ante.end <= pos and ante.source is not None and ante.source.kind != "outlet" \
                    and (kinds is None or ante.source.kind in kinds):
                return ante.source
        return None

    def _nearest_role(self, noun: str, affiliation: str | None, pos: int,
                      modifiers: tuple[str, ...] = ()) -> Optional[Source]:
        """The speaker "the police chief" stands for: the nearest whose role holds all its words
        ("police" and "chief"), else the nearest whose role holds the noun, else a guess."""
        if modifiers:
            for ante in reversed(self.antecedents):
                if ante.end > pos or ante.source is None or ante.kind in {"outlet", "wire_agency", "report"}:
                    continue
                src = ante.source
                described = set(" ".join(filter(None, [src.title, src.role, src.name])).lower().split())
                if noun in described and all(m in described for m in modifiers):
                    return src
        fallback = None
        for ante in reversed(self.antecedents):
            if ante.end > pos or ante.source is None or ante.kind in {"outlet", "wire_agency", "report"}:
                continue
            src = ante.source
            described = " ".join(filter(None, [src.title, src.role])).lower()
            if modifiers and _other_kind(src, noun, modifiers):
                continue                    # "the health ministry" is not the interior ministry met before
            if noun in described.split() or noun in described:
                return src
            if noun in src.name.lower().split():
                return src
            if ante.kind != "person":
                continue
            if fallback is None and affiliation and src.affiliation == affiliation and (src.title or src.role):
                fallback = src
        if fallback is None:
            # the nearest person already speaking within a few sentences ("the Russian leader")
            for ante in reversed(self.antecedents):
                if ante.end <= pos and ante.kind == "person" and ante.source is not None and pos - ante.end < 800:
                    return ante.source
        return fallback


def _other_kind(src: Source, noun: str, modifiers: tuple[str, ...]) -> bool:
    """A source whose words name the noun with other modifiers and none of ours ("interior
    ministry" against "the health ministry"); "police chief" still stands for "the Harlow police chief"."""
    for text in filter(None, [src.title, src.role, src.name, *src.variants]):
        words = text.lower().split()
        if noun in words[1:]:
            theirs = set(words[:words.index(noun)])
            return bool(theirs) and not theirs & set(modifiers)
    return False


def _words_before(span: SpacySpan, person: SpacySpan) -> SpacySpan:
    """The words of the mention before the name; for a bare name, the compound words the parse
    hangs on it ("East Harbour police chief" before "Ana Ruiz", met again as "Ruiz said")."""
    doc = span.doc
    if person.start > span.start:
        return doc[span.start:person.start]
    start = person.start
    while start > 0 and doc[start - 1].dep_ in {"compound", "amod"} \
            and person.start <= _compound_head(doc[start - 1]).i < person.end:
        start -= 1
    return doc[start:person.start]


def _compound_head(tok):
    while tok.dep_ in {"compound", "amod"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _is_footage(span: SpacySpan) -> bool:
    head = span.root
    media = vocab("media_credit_words")
    return head.lemma_.lower() in media or head.lower_ in media


def _named_part(span: SpacySpan) -> Optional[SpacySpan]:
    """The named body inside a subject ("footage released by the Marlow Fire Service"), or None."""
    for tok in span.root.subtree:
        if tok.dep_ == "pobj" and tok.head.dep_ in {"prep", "agent"} and span.start <= tok.i < span.end \
                and any(t.pos_ == "PROPN" for t in tok.subtree):
            return span.doc[tok.left_edge.i:min(tok.right_edge.i + 1, span.end)]
    return None


def _names_nobody(span: SpacySpan) -> bool:
    """A subject that names nobody: a bare quantifier ("Many have blamed ...") or a bare number
    ("Only about 3,000 ...") with no name in it."""
    head = span.root
    if any(t.pos_ == "PROPN" for t in span) or span_ents(span) and any(
            e.label_ in {"PERSON", "ORG", "GPE", "NORP", "FAC"} for e in span_ents(span)):
        return False
    if head.lower_ in vocab("quantifier_subjects") and not any(c.dep_ == "prep" for c in head.children):
        return True
    return head.like_num or head.pos_ == "NUM"


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in {"of", "the", "and"})


def span_ents(span: SpacySpan) -> list[SpacySpan]:
    """Entities inside ``span`` read from token IOB tags (``Span.ents`` rescans the whole doc)."""
    doc, out, i = span.doc, [], span.start
    while i < span.end:
        tok = doc[i]
        if tok.ent_iob_ == "B" or (tok.ent_iob_ == "I" and i == span.start):
            j = i + 1
            while j < span.end and doc[j].ent_iob_ == "I":
                j += 1
            out.append(SpacySpan(doc, i, j, label=tok.ent_type_))
            i = j
        else:
            i += 1
    return out


def clean_name(text: str) -> str:
    """A name without surrounding punctuation, honorifics or a trailing possessive."""
    text = text.strip().strip(",;:—–-()\"“”‘’'").strip()
    text = POSSESSIVE_RE.sub("", text).strip()
    words = text.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    while words and words[0].lower() in HONORIFICS:
        words = words[1:]
    return " ".join(words) or text


def _strip_det(text: str) -> str:
    text = text.strip().strip(",;:").strip()
    for det in ("the ", "a ", "an ", "this ", "that ", "these ", "those ", "some "):
        if text.lower().startswith(det):
            return text[len(det):]
    return text


def _titled_name(span: SpacySpan) -> Optional[SpacySpan]:
    """'intelligence officer Andrii', 'platoon leader Maria Diaz': a role noun then a name."""
    i = span.end
    while i > span.start and span.doc[i - 1].text[:1].isupper() and span.doc[i - 1].is_alpha:
        i -= 1
    if i == span.end or i == span.start:
        return None
    if span.doc[i - 1].lemma_.lower() in ROLE_NOUNS or span.doc[i - 1].lower_ in ROLE_NOUNS:
        return span.doc[i:span.end]
    return None


def _ent_holding(span: SpacySpan, tok, labels: set[str]) -> Optional[SpacySpan]:
    """The entity of one of ``labels`` that contains the head token (not a mere modifier)."""
    for ent in span_ents(span):
        if ent.label_ in labels and ent.start <= tok.i < ent.end:
            return ent
    return None


def _named_org(span: SpacySpan) -> Optional[SpacySpan]:
    for ent in span_ents(span):
        if ent.label_ in {"ORG", "GPE", "NORP", "FAC"}:
            return ent
    return None


def _title_before(span: SpacySpan, person: SpacySpan) -> Optional[str]:
    """Title words written just before the name: 'Lt. Gen.', 'Foreign Minister'."""
    words = []
    i = person.start - 1
    while i >= span.start:
        tok = span.doc[i]
        if tok.text == "." and i > span.start and span.doc[i - 1].lower_ + "." in TITLE_WORDS:
            i -= 1
            continue
        if tok.lower_ in TITLE_WORDS:
            words.append(tok)
            i -= 1
            continue
        break
    while words and not (words[-1].text[:1].isupper() or words[-1].lower_ in {"ceo", "cfo"}):
        words.pop()  # "chief executive Sara Kim" keeps "chief executive" only when capitalised first
    if words:
        return span.doc[words[-1].i:words[0].i + 1].text
    if not words:
        inside = person[0]
        if inside.lower_ in TITLE_WORDS and inside.text[:1].isupper() and len(person) > 1:
            return inside.text
        return None
    return " ".join(reversed(words))


def _role_text(role_span: SpacySpan | None) -> Optional[str]:
    if role_span is None:
        return None
    text = role_span.text.strip().strip(",;—–-").strip()
    text = _strip_det(text)
    if not any(ch.isalpha() for ch in text):
        return None   # "Tom Reyes, 24,": an age, not a role
    return text if 0 < len(text) < 120 else None


def _after_head(span: SpacySpan) -> str:
    """'report from January' out of 'a BBC report from January'."""
    root = span.root
    return span.doc[root.i:span.end].text.strip()
