"""Names a person would keep: trimmed to the name, typed by what the name says, junk rejected.

The parser and the speaker finder hand the linker strings such as "of the Regional Water
Board Anna Berg" (a role phrase glued to a name), "Photo" (a caption credit taken for a place),
"square kilometres" (a unit taken for a person) or "Harbour Plaza" labelled a person.  Before
names are linked across documents, :func:`clean_name` applies general English rules:

* a leading lower-case phrase is a role, not part of the name ("of the ...", "country's ...");
* in a person's name, everything up to the last title, role word or organisation word before
  a run of two or more capitalised words is the role ("Water Board Chief Anna Berg" -> "Anna
  Berg"); a title before such a run makes any name a person ("Mayor Anna Berg" labelled ORG);
* a name's last word can settle its type ("... Hospital" an organisation, "... District" a place);
* not a name: no capital letter, a media credit ("Photo", "Video from ..."), a single
  capitalised common word ("Many", "West"), a bare title ("Gen"), digits in a person's name,
  an event named by its disaster noun ("Harlow Tragedy"),
  more words than a name of that type has, an unbalanced bracket (cut there).

Word lists are data files: ``vocab/not_names.txt``, ``vocab/media_credit_words.txt``, ``vocab/disasters.txt``, ``vocab/name_heads_organisation.txt``,
``vocab/name_heads_place.txt``; titles are :data:`claimledger.link.names.TITLES`.
"""

from __future__ import annotations

import re
from typing import Optional

from claimledger.link.names import DEMONYMS, STOPWORDS, TITLES, fold
from claimledger.vocab import words

MAX_WORDS = {"person": 5, "place": 5, "group": 4, "organisation": 10}
PARTICLES = {"de", "da", "van", "von", "der", "den", "del", "la", "le", "bin", "binti", "al", "el", "ibn", "di", "du",
             "dos", "das", "y", "ben", "abu", "ter", "zu"}
"""Lower-case words inside a person's name that are part of it ("Ursula von der Leyen")."""
_ARTICLES = {"a", "an", "the"}


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isalpha() for c in word))


def _role_word(word: str) -> bool:
    folded = fold(word)
    return folded in TITLES or folded in words("name_heads_organisation") or folded.rstrip("s") in TITLES


def _cut_unbalanced(text: str) -> str:
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            if ")" not in text[i:]:
                return text[:i]
            depth += 1
        elif ch == ")":
            if depth == 0:
                return text[:i]
            depth -= 1
    return text


def clean_name(text: str, type_: str) -> Optional[tuple[str, str, bool]]:
    """(the name as a person would write it, its type, whether the name itself settles the type),
    or None when ``text`` is not a name."""
    text = _cut_unbalanced(" ".join(text.split())).strip(" ,;:-–—/.")
    tokens = text.split()
    while tokens and not _capitalised(tokens[0]):          # "of the ...", "country's ..."
        tokens = tokens[1:]
    while len(tokens) > 1 and fold(tokens[0]) in _ARTICLES:
        tokens = tokens[1:]
    if not tokens:
        return None
    given = type_
    tokens, type_ = _trim_role(tokens, type_)
    type_ = _type_by_head(tokens, type_)
    folded = [fold(t) for t in tokens]
    if len(tokens) == 1 and folded[0] in DEMONYMS:
        type_ = "group"                                     # "Bangladeshi" is a nationality, not a person
    if not any(c.isupper() for c in "".join(tokens)):
        return None
    if folded[0] in words("media_credit_words") or (len(tokens) == 1 and folded[0] in words("not_names")):
        return None                                         # "Photo", "Video from the scene", "West"
    if len(tokens) == 1 and (folded[0] in TITLES or len(folded[0]) < 2):
        return None                                         # "Gen", "Pol"
    if len(tokens) > MAX_WORDS.get(type_, 10):
        return None                                         # a headline or a clause, not a name
    if len(tokens) > 1 and folded[-1] in words("disasters"):
        return None                                         # "Harlow Tragedy", "Camp Fire": an event, not a name
    outside_brackets = re.sub(r"\([^)]*\)", " ", " ".join(tokens)).split()
    if any(not _capitalised(t) and fold(t) not in STOPWORDS | PARTICLES for t in outside_brackets):
        return None                                         # a description ("Antara's report", "chief minister")
    if type_ == "person":
        if fold(tokens[-1]) in TITLES:
            return None                                     # "Security Minister": a role, not a name
        if any(ch.isdigit() for ch in text):
            return None                                     # "Only about 3,000"
        if all(_role_word(t) for t in tokens):
            return None                                     # "Chief Security Minister"
    return " ".join(tokens), type_, type_ != given


def _trim_role(tokens: list[str], type_: str) -> tuple[list[str], str]:
    """Cut a role or title phrase before a run of 2+ capitalised name words at the end."""
    cut = None
    for i, token in enumerate(tokens[:-2] if len(tokens) > 2 else []):
        lower_role = not _capitalised(token) and fold(token) not in PARTICLES
        if lower_role or _role_word(token.rstrip(".,")) or token.endswith((",", ":")):
            cut = i
    if cut is None:
        return tokens, type_
    tail = tokens[cut + 1:]
    if len(tail) < 2 or not all(_capitalised(t) or fold(t) in PARTICLES for t in tail) \
            or any(_role_word(t) for t in tail):
        return tokens, type_
    before = fold(tokens[cut].rstrip(".,"))
    if type_ == "person":
        return tail, type_
    if before in TITLES:                                    # "Mayor Anna Berg" labelled an organisation
        return tail, "person"
    return tokens, type_


def _type_by_head(tokens: list[str], type_: str) -> str:
    if len(tokens) < 2:
        return type_
    head = fold(tokens[-1])
    if head in words("name_heads_organisation"):
        return "organisation"
    if head in words("name_heads_place"):
        return "place"
    return type_

