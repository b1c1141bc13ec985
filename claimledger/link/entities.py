"""Resolve the same person, organisation or place across documents.

Names are compared after folding (case, accents, hyphens, possessives) and dropping titles.
Rules, applied between distinct names of compatible types:

* equal folded names, or the same country under an alias ("DPRK" / "North Korea");
* an acronym and its long form ("NIS" / "National Intelligence Service"), also when the long
  form is prefixed by a place ("South Korea's National Intelligence Service");
* persons: same number of name words, each close (Jaro-Winkler for given names, rapidfuzz
  ratio for the surname) ("Kowalczyk" /
  "Kowalczik", "Mikhail Orlov" / "Mykhailo Orlov");
* persons: a name that is the first words of exactly one longer name ("Ana Maria Ruiz Lopez" /
  "Ana Maria Ruiz") is that person written short;
* a surname alone ("Lopez", "Mr. Kim") joins a full name only when exactly one known full
  name fits it; within its own document the first word may match too (Korean / Chinese order),
  across documents only the last.  Two full names sharing a surname never merge.

A mention's type is voted by its parser label, by what the name itself says (``name_cleanup``)
and by its context in the sentence (:func:`context_type`): an age after it ("Ana Ruiz, 34,") makes
it a person, a place preposition before it ("in Harlow") or a settlement noun after it ("Harlow
district") a place.  The small parser often calls a town or a foreign name an ORG; the context
outvotes a single label, not a name's consistent labels.  A big city's name (``vocab/cities.txt``,
GeoNames) that nothing marks as a person or a body, and that no longer name absorbed, is a place.

Mentions and sources receive the Entity id; Entity ids are ``E1``.. by decreasing size.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from claimledger.link.name_cleanup import clean_name
from claimledger.link.names import ALIAS_INDEX, TITLES, acronym, big_cities, canonical_place, fold, strip_titles
from claimledger.model import Document, Entity
from claimledger.vocab import words as vocab

LABEL_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
               "FAC": "place", "NORP": "group"}
SOURCE_TYPES = {"person": "person", "government": "organisation", "military": "organisation",
                "intelligence": "organisation", "outlet": "organisation",
                "wire_agency": "organisation", "organisation": "organisation"}
GIVEN_NAME_SIMILARITY = 0.85
"""Minimum Jaro-Winkler similarity of two given names (transpositions are common in transliteration)."""
SURNAME_SIMILARITY = 85
"""Minimum rapidfuzz ratio of two surnames ("Kowalczyk" / "Kowalczik")."""


@dataclass
class _Name:
    key: str                     # folded, titles stripped
    types: dict[str, int] = field(default_factory=dict)      # vote of the labels
    cues: set[str] = field(default_factory=set)             # types stated by the name or its context
    surface: dict[str, int] = field(default_factory=dict)   # as written -> count
    docs: set[str] = field(default_factory=set)
    count: int = 0

    @property
    def type(self) -> str:
        return max(self.types, key=lambda t: (self.types[t], t == "person"))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _node(key: str, type_: str) -> str:
    """One node per folded name whatever spaCy's label (it often calls a surname an ORG)."""
    place = canonical_place(key) if type_ != "person" or key in ALIAS_INDEX else None
    return f"place|{place}" if place else key


def _compatible(a: str, b: str) -> bool:
    return a == b or {a, b} <= {"organisation", "place"} or {a, b} <= {"place", "group"}


def _same_person(a: list[str], b: list[str]) -> bool:
    """Full names with as many words, each a spelling variant; the last word strictly so."""
    if len(a) != len(b) or len(a) < 2:
        return False
    return all(_word_variant(x, y) for x, y in zip(a[:-1], b[:-1])) and _surname_variant(a[-1], b[-1])


def _word_variant(x: str, y: str) -> bool:
    """Given names: equal, or both long enough and close by Jaro-Winkler ("Mikhalio"/"Mykhailo")."""
    if x == y:
        return True
    return min(len(x), len(y)) >= 5 and JaroWinkler.similarity(x, y) >= GIVEN_NAME_SIMILARITY


def _surname_variant(x: str, y: str) -> bool:
    return x == y or (min(len(x), len(y)) >= 4 and fuzz.ratio(x, y) >= SURNAME_SIMILARITY)


def _acronym_of(short: str, long: str) -> bool:
    if " " in short or len(short) < 2 or " " not in long:
        return False
    initials = acronym(long)
    return initials == short or (len(short) >= 3 and initials.endswith(short))


ORG_GENERIC = {"news", "agency", "group", "inc", "corp", "corporation", "company", "co", "ltd",
               "party", "times", "post", "press", "network", "institute", "foundation", "club",
               "fc", "bank", "plc", "holdings", "university", "service", "council"}


def _short_org(short: str, long: str) -> bool:
    """"kyodo" / "kyodo news"; "reuters" / "thomson reuters" is left alone (first word)."""
    words = long.split()
    return " " not in short and len(words) >= 2 and words[0] == short and words[-1] in ORG_GENERIC


def name_key(text: str) -> str:
    """Folded name without titles, article or a leading possessive place ("Seoul's")."""
    text = text.strip()
    if "'s " in text.replace("’", "'"):
        head, _, rest = text.replace("’", "'").partition("'s ")
        if canonical_place(fold(head)) and rest[:1].isupper():
            text = rest
    words = strip_titles(fold(text)).split()
    while len(words) > 1 and words[0] in ("a", "an", "the"):
        words = words[1:]
    return " ".join(words)


def link_entities(docs: list[Document]) -> list[Entity]:
    """Create Entities for mentions and named sources, and set their ``entity`` fields."""
    names: dict[str, _Name] = {}
    refs: list[tuple[object, str, str]] = []          # (mention or source, node, doc id)
    pairs: list[tuple[str, str]] = []                 # a source's own variants
    for doc in docs:
        for m in doc.mentions:
            cleaned = clean_name(m.text, LABEL_TYPES[m.label]) if m.label in LABEL_TYPES else None
            key = name_key(cleaned[0]) if cleaned else ""
            if not cleaned or not key or key in TITLES:
                continue
            node = _add(names, key, cleaned[1], cleaned[0], doc.id, sure=cleaned[2])
            cue = None if cleaned[2] else context_type(doc.text, m.start, m.end)
            if cue and cue != cleaned[1] and not node.startswith("place|"):
                names[node].types[cue] = names[node].types.get(cue, 0) + CONTEXT_VOTES
            if cue:
                names[node].cues.add(cue)
            if fold(cleaned[0]).split()[0] in TITLES and cleaned[1] == "person":
                names[node].cues.add("person")            # "Senator Florence": a title says person
            refs.append((m, node, doc.id))
        for s in doc.sources:
            cleaned = clean_name(s.name or "", SOURCE_TYPES[s.kind]) if s.kind in SOURCE_TYPES else None
            cleaned = _person_behind_role(s, cleaned)
            key = name_key(cleaned[0]) if cleaned else ""
            if not cleaned or not key or key in TITLES:
                continue
            node = _add(names, key, cleaned[1], cleaned[0], doc.id, sure=cleaned[2])
            refs.append((s, node, doc.id))
            for variant in s.variants:
                vclean = clean_name(variant, cleaned[1])
                vkey = name_key(vclean[0]) if vclean else ""
                if vkey and vkey == key and vclean[2]:   # "President Joko Widodo": the variant settles the type
                    names[node].types[vclean[1]] = names[node].types.get(vclean[1], 0) + SURE_VOTES
                elif vkey and vkey != key and vclean[1] == cleaned[1]:
                    pairs.append((node, _add(names, vkey, vclean[1], vclean[0], doc.id, sure=vclean[2])))
    uf = _UnionFind()
    for a, b in pairs:
        uf.union(a, b)
    _merge_variants(names, uf)
    _merge_prefixes(names, uf)
    _merge_surnames(names, uf, docs)
    return _build(names, uf, refs)


SURE_VOTES = 3
"""A type the name itself states (a title before it, "... Hospital") outweighs a few parser labels."""
CONTEXT_VOTES = 2
"""A type the mention's context states outweighs that mention's own parser label."""
_AGE_AFTER = re.compile(r"\s*(?:,\s*(?:aged\s+)?\d{1,3}\s*,|\(\s*(?:aged\s+)?\d{1,3}\s*\)|,\s*an?\s+\d{1,3}-year-old\b)")
_APPOSITION_AFTER = re.compile(r"\s*,\s*(?:an?|the)\s+((?:[a-z-]+\s+){0,2}[a-z]+)\s*(?:[,.;)]|$)")
"""Closed by punctuation: "Ana Ruiz, a retired nurse, said"; "In Harlow, a nurse said" is the next clause."""
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s*,?\s+$")
_LIST_ITEM_BEFORE = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
MAX_LIST_ITEMS = 6
"""How far back a name in a list ("in Harlow, Esk, Osk and Tarn") looks for the list's preposition."""


def context_type(text: str, start: int, end: int) -> Optional[str]:
    """The type the words around ``text[start:end]`` give a name, or None.

    A place: a place preposition or a settlement noun before it, also as a later item of a list
    (``"near Harlow"``, ``"the capital, Harlow"``, ``"in Esk, Osk and Harlow"``), or a settlement
    noun or a place-name head after it (``"the Harlow suburb of"``, ``"Harlow district"``).  The
    preposition is read first: "in Harlow (42)" is a town and its area code, not a person's age.
    A person: an age or a person noun in apposition (``"Ana Ruiz, 34,"``, ``"Ana Ruiz (34)"``,
    ``"Ana Ruiz, a retired nurse,"``) or a person noun before it (``"driver Ana Ruiz"``).  An
    organisation head after a name says nothing ("Harlow police chief": Harlow is where the police are)."""
    before = _WORD_BEFORE.search(text[max(0, start - 20):start])
    if _place_before(text, start, before):
        return "place"
    after = text[end:end + 60]
    if _AGE_AFTER.match(after):
        return "person"
    apposition = _APPOSITION_AFTER.match(after)
    if apposition and any(w in vocab("person_nouns") for w in apposition.group(1).split()):
        return "person"
    word = _WORD_AFTER.match(after)
    if word and (word.group(1) in vocab("name_heads_place") or word.group(1) in vocab("settlement_nouns")):
        return "place"
    if before and before.group(1) in vocab("person_nouns") and not text[start - 2:start].strip(" "):
        return "person"                                   # "garment worker Ana Ruiz"
    return None


def _place_before(text: str, start: int, word: Optional[re.Match]) -> bool:
    for _ in range(MAX_LIST_ITEMS):                       # "in Harlow, Esk and Osk": the list's first item
        if word and (word.group(1) in vocab("place_prepositions") or word.group(1) in vocab("settlement_nouns")):
            return True
        item = _LIST_ITEM_BEFORE.search(text[max(0, start - 60):start])
        if item is None:
            return False
        start -= len(item.group(0))
        word = _WORD_BEFORE.search(text[max(0, start - 20):start])
    return False


def _person_behind_role(source, cleaned):
    """A source named by a fragment of its role ("Home" for "Home Minister Anna Berg") is the person
    its variant names once the role is cut off."""
    if cleaned is None or cleaned[1] == "person":
        return cleaned
    for variant in source.variants:
        vclean = clean_name(variant, cleaned[1])
        if vclean and vclean[1] == "person" and vclean[2] and fold(cleaned[0]) in fold(variant) \
                and fold(cleaned[0]) not in fold(vclean[0]):
            return vclean
    return cleaned


def _add(names: dict[str, _Name], key: str, type_: str, surface: str, doc_id: str, sure: bool = False) -> str:
    node = _node(key, type_)
    entry = names.setdefault(node, _Name(key=node.removeprefix("place|")))
    if node.startswith("place|"):
        type_ = "place"
    entry.types[type_] = entry.types.get(type_, 0) + (SURE_VOTES if sure else 1)
    if sure:
        entry.cues.add(type_)
    entry.surface[surface] = entry.surface.get(surface, 0) + 1
    entry.docs.add(doc_id)
    entry.count += 1
    return node


def _merge_variants(names: dict[str, _Name], uf: _UnionFind) -> None:
    """Pairs are only compared within blocks (same word count and surname initial for persons;
    initials / first word lookups for organisations), so large stores stay near-linear."""
    persons: dict[tuple[int, str], list[str]] = defaultdict(list)
    by_initials: dict[str, list[str]] = defaultdict(list)
    by_first_word: dict[str, list[str]] = defaultdict(list)
    singles: list[str] = []
    for node in sorted(names):
        entry = names[node]
        words = entry.key.split()
        if entry.type == "person":
            if len(words) >= 2:
                persons[(len(words), words[-1][:1])].append(node)
            continue
        if len(words) == 1:
            singles.append(node)
            continue
        initials = acronym(entry.key)
        for cut in range(len(initials) - 2):
            by_initials[initials[cut:]].append(node)
        if len(initials) == 2:
            by_initials[initials].append(node)
        if words[-1] in ORG_GENERIC:
            by_first_word[words[0]].append(node)
    for block in persons.values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if _same_person(names[a].key.split(), names[b].key.split()):
                    uf.union(a, b)
    for node in singles:
        short = names[node]
        for other in by_initials.get(short.key, []) + by_first_word.get(short.key, []):
            if _compatible(short.type, names[other].type) and (
                    _acronym_of(short.key, names[other].key) or _short_org(short.key, names[other].key)):
                uf.union(node, other)


def _merge_prefixes(names: dict[str, _Name], uf: _UnionFind) -> None:
    """A person's full name written short: the leading words of exactly one longer person name."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for node, entry in names.items():
        if entry.type == "person" and len(entry.key.split()) >= 2:
            by_first[entry.key.split()[0]].append(node)
    for block in by_first.values():
        for node in block:
            key = names[node].key + " "
            longer = {uf.find(o) for o in block if names[o].key.startswith(key)}
            if len(longer) == 1:
                uf.union(node, next(iter(longer)))


def _merge_surnames(names: dict[str, _Name], uf: _UnionFind, docs: list[Document]) -> None:
    full = [n for n, v in names.items() if v.type == "person" and len(v.key.split()) >= 2]
    for node, entry in names.items():
        if entry.type != "person" or len(entry.key.split()) != 1:
            continue
        word = entry.key
        across = {uf.find(f) for f in full if _surname_variant(names[f].key.split()[-1], word)}
        if len(across) == 1:
            uf.union(node, next(iter(across)))
            continue
        if across:
            continue                                  # several people share it: leave alone
        same_doc = {uf.find(f) for f in full if names[f].docs & entry.docs
                    and names[f].key.split()[0] == word}
        if len(same_doc) == 1:
            uf.union(node, next(iter(same_doc)))


def _build(names: dict[str, _Name], uf: _UnionFind, refs: list[tuple[object, str, str]]) -> list[Entity]:
    groups: dict[str, list[str]] = defaultdict(list)
    for node in names:
        groups[uf.find(node)].append(node)
    drafts = []
    for members in groups.values():
        surface: dict[str, int] = defaultdict(int)
        docs: set[str] = set()
        for n in members:
            for s, c in names[n].surface.items():
                surface[s] += c
            docs |= names[n].docs
        votes: dict[str, int] = defaultdict(int)   # one entity, one type: the labels' and the names' votes
        for n in members:
            for t, c in names[n].types.items():
                votes[t] += c
        type_ = max(votes, key=lambda t: (votes[t], t == "organisation"))
        if len(members) == 1 and _is_city(names[members[0]]):
            type_ = "place"
        drafts.append((members, _display_name(surface, type_, members, names), type_, surface, docs))
    drafts.sort(key=lambda d: (-sum(d[3].values()), d[1]))
    node_entity: dict[str, str] = {}
    entities = []
    for i, (members, name, type_, surface, docs) in enumerate(drafts, 1):
        eid = f"E{i}"
        for n in members:
            node_entity[n] = eid
        entities.append(Entity(id=eid, name=name, type=type_, variants=sorted(surface),
                               documents=sorted(docs), mentions=sum(surface.values())))
    for obj, node, _doc in refs:
        obj.entity = node_entity[node]
    return entities


def _is_city(entry: _Name) -> bool:
    """A big city's name that nothing marks as a person or a body (no title, no age, no "... Hospital",
    not the short form of a longer name): a place whatever the parser's labels ("Marseille" as PERSON)."""
    return not entry.cues & {"person", "organisation"} and entry.key in big_cities()


def _display_name(surface: dict[str, int], type_: str, members: list[str], names: dict[str, _Name]) -> str:
    """The longest frequent spelling, without titles ("Kim Jong-un" over "Mr. Kim")."""
    places = [names[n].key for n in members if n.startswith("place|")]
    if places and type_ == "place":
        return places[0].title()
    best = max(surface, key=lambda s: (len(name_key(s).split()), surface[s], -len(s), s))
    words = best.split()
    while len(words) > 1 and fold(words[0]) in TITLES | {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)
