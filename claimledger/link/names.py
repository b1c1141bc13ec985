"""Normalising names, places and demonyms so that spelling variants compare equal.

Shared by entity linking (which names are the same thing) and measures (whose troops are
counted).  The tables hold general English knowledge (country names, their demonyms and
common alternative names), nothing about any particular story.
"""

from __future__ import annotations

import functools

import re
import unicodedata

from claimledger.demonyms import AMBIGUOUS_COUNTRY_NAMES, DEMONYMS as _DEMONYMS

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "prime", "minister", "premier", "chancellor", "king", "queen",
    "prince", "princess", "pope", "sen", "senator", "rep", "representative", "gov", "governor",
    "mayor", "secretary", "general", "gen", "lt", "lieutenant", "col", "colonel", "maj", "major",
    "capt", "captain", "sgt", "sergeant", "cpl", "corporal", "pvt", "private", "adm", "admiral",
    "commander", "cmdr", "chief", "junior", "senior", "supreme", "leader", "chairman", "chair",
    "ceo", "director", "spokesman", "spokeswoman", "spokesperson", "judge", "justice",
    "ambassador", "foreign", "defense", "defence", "interior", "deputy", "acting", "former",
    "coach", "manager", "rev", "father", "sheikh", "mullah", "st", "marshal", "field",
}
"""Words that precede a person's name without being part of it."""

STOPWORDS = {"of", "the", "and", "for", "on", "in", "to", "&", "a", "an", "at", "de", "la"}

COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "united states": ("us", "usa", "u s", "u s a", "america", "united states of america", "washington"),
    "united kingdom": ("uk", "u k", "britain", "great britain", "london"),
    "north korea": ("dprk", "democratic people's republic of korea", "pyongyang"),
    "south korea": ("rok", "republic of korea", "seoul"),
    "china": ("prc", "people's republic of china", "beijing"),
    "taiwan": ("roc", "republic of china", "taipei"),
    "russia": ("russian federation", "moscow", "kremlin"),
    "ukraine": ("kyiv", "kiev"),
    "united arab emirates": ("uae",),
    "european union": ("eu",),
    "united nations": ("un", "u n"),
    "democratic republic of the congo": ("drc", "dr congo"),
    "turkey": ("turkiye", "türkiye", "ankara"),
    "iran": ("tehran", "islamic republic of iran"),
    "israel": ("jerusalem",),
    "japan": ("tokyo",),
    "india": ("new delhi",),
    "germany": ("berlin",),
    "france": ("paris",),
}
"""Canonical place -> alternative names (acronyms, long forms, capitals used as metonyms)."""

DEMONYMS: dict[str, str] = {k: v.lower() for k, v in _DEMONYMS.items()}
"""Nationality word -> folded country name, as the linker compares names."""



def fold(text: str, keep_punctuation: bool = False) -> str:
    """Lowercase, strip accents and punctuation, unify hyphens/apostrophes into spaces
    (``keep_punctuation`` keeps clause marks , ; : for callers that split clauses)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^a-z0-9,;:]+" if keep_punctuation else r"[^a-z0-9]+", " ", text)
    return text.strip()


def strip_titles(folded: str) -> str:
    """Drop leading titles ("lt gen ana petrova" -> "ana petrova") and a leading "the"."""
    words = folded.split()
    while len(words) > 1 and (words[0] in TITLES or words[0] == "the"):
        words = words[1:]
    return " ".join(words)


def acronym(folded: str) -> str:
    """Initials of the significant words: "national intelligence service" -> "nis"."""
    return "".join(w[0] for w in folded.split() if w not in STOPWORDS)


def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical, aliases in COUNTRY_ALIASES.items():
        index[canonical] = canonical
        for alias in aliases:
            index[fold(alias)] = canonical
    return index


ALIAS_INDEX = _alias_index()
COUNTRY_NAMES = frozenset(DEMONYMS.values()) - {"west"} - (AMBIGUOUS_COUNTRY_NAMES - {"georgia", "turkey"})
"""Countries named by their own name (the demonym table's targets)."""


@functools.lru_cache(maxsize=65536)   # asked for every word pair of every figure's sentence
def canonical_place(folded: str) -> str | None:
    """The canonical country for a folded name, alias or demonym, else None."""
    if folded in ALIAS_INDEX:
        return ALIAS_INDEX[folded]
    if folded in DEMONYMS:
        return DEMONYMS[folded]
    if folded in COUNTRY_NAMES:                             # "Armenia", not only "Armenian"
        return folded
    if folded.endswith("s") and folded[:-1] in DEMONYMS:   # "north koreans"
        return DEMONYMS[folded[:-1]]
    return None


def country_of(text: str | None) -> str | None:
    """Country named in a free text ("Ukraine's Defense Intelligence", "U.S.") or None."""
    if not text:
        return None
    folded = fold(text)
    hit = canonical_place(folded)
    if hit:
        return hit
    words = folded.split()
    for size in (4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            hit = canonical_place(" ".join(words[i:i + size]))
            if hit and not (size == 1 and words[i] in {"us", "un"} and text.find("U") < 0):
                return hit
    return None


@functools.cache
def big_cities() -> frozenset[str]:
    """Cities of 100,000 people or more (``vocab/cities.txt``, folded): places whatever label the
    tagger gives them."""
    from claimledger.vocab import words
    return frozenset(fold(c) for c in words("cities"))
