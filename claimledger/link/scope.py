"""Scope and time reference of a figure: which part of the story, and which event in time.

A figure about the whole event ("the toll rose to 131") has scope None.  A breakdown names a
place or subgroup: "34 died inside the stadium", "44 in three government hospitals", "two
police officers were among the dead", "12 of them were rescued", "another 29 bodies" (an
increment, not the total).  Breakdowns become their own measures, related to the total and
never in conflict with it.

The time reference separates the story's own event from comparisons with the past ("in 1995 ...
502 people died", "a fire less than five months earlier killed 112") and from projections
("could rise to 2,000").  Only general English cues are used: a year before the story's year,
a distance in months or years ("eight years after", "five months earlier"), words of
precedence ("previous", "worst since"), modal verbs of projection.
"""

from __future__ import annotations

import calendar
import re
from typing import Optional

from claimledger import vocab
from claimledger.link.dates import MONTHS
from claimledger.link.names import DEMONYMS, big_cities, canonical_place, fold
from claimledger.model import Document, Figure

SCOPE_NOUNS = vocab.words("scope_places")
"""Places that split a toll ("hospital", "morgue", "county"), from vocab/scope_places.txt."""

AMONG = re.compile(r"^\W*(?:[\w'’-]+\s+){0,4}?(?:were|was|are|is)?\s*among\s+(?:the\s+)?(?:\d[\d,]*\s+)?"
                   r"(dead|deceased|victims|killed|injured|wounded|casualties|fatalities|missing)\b", re.I)
OF_THEM = re.compile(r"^\s*(?:of|among)\s+(?:them|those|these|whom|the\s+(?:[A-Z][\w-]+\s+)?(?:dead|victims|rescued|injured))\b", re.I)
EACH = re.compile(r"^\s*(?:[\w'’-]+\s+){0,2}?(?:(?:from|on|of|for|in|at)\s+(?:each|every|either)\b|each\b|apiece\b)",
                  re.I)
"""A count per part ("10,000 troops on each side", "two apiece")."""
BOTH_SIDES = re.compile(r"^[^.;]{0,60}?\b(?:on|from|of|among|for)\s+(?:both|all|either)\s+sides\b", re.I)
"""A count summed over the sides of a conflict ("killed at least 41 people on both sides"): no
one side's count, so its own measure beside each side's."""
REMAINING = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:still|remain|remains|remained|remaining)\b", re.I)
INCLUDING = re.compile(r"\b(?:including|among them|of whom|of which)\s+(?:at least\s+|about\s+|some\s+)?$", re.I)
INCREMENT_BEFORE = re.compile(r"\b(?:another|an additional|a further|additional|further)\s+$", re.I)
INCREMENT_AFTER = re.compile(r"^\s+(?:more|additional|further|new)\b", re.I)
INSIDE = re.compile(r"\b(inside|outside|not in)\s+(?:of\s+)?(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?"
                    r"([\w-]+(?:\s+(?!(?:in|on|at|of|to|by|for|from|with|and|or|near|after|before)\b)[\w-]+)?)", re.I)
SUBGROUP_HEADS = {"child", "children", "police", "officer", "officers", "policeman", "policemen", "woman", "women",
                  "foreigner", "foreigners", "student", "students", "firefighter", "firefighters"}

TIME_DISTANCE = re.compile(r"\b(?:\w+|\d+)\s+(?:years?|months?|decades?)\s+(?:earlier|before|ago|prior)\b"
                           r"|\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                           r"few|several|many)\s+(?:years?|months?|decades?)\s+after\b"
                           r"|\b(?:previous|prior|earlier)\s+(?:\w+\s+){0,3}?(?:disaster|collapse|fire|record|"
                           r"deadliest|worst|most)\b", re.I)
WORST_SINCE = re.compile(r"\b(?:worst|deadliest)\s+(?:\w+\s+){0,2}since\b", re.I)
"""Before a figure, "the worst since 1967, when 88 died" dates it in the past; after one ("rose to
15, the deadliest fighting since 2020") it only ranks the current event."""
EVENT_NOUNS = "|".join(sorted(vocab.words("disasters") | {"protest", "march", "rally", "demonstration", "walkout",
                                                           "election", "vote"}))
"""Nouns for an occurrence of the kind of event a story is about (disasters, protests, votes)."""
PAST_EVENT = re.compile(rf"\b(?:the|its|their)\s+(?:previous|prior|last)\s+(?:[a-z-]+\s+){{0,2}}?(?:{EVENT_NOUNS})s?\b", re.I)
"""A past occurrence of the story's kind of event named for comparison ("at the last big protest,
... the ministry counted 200,000"); "the last 24 hours" names no event."""
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
FORECAST = re.compile(r"\b(?:could|might|may|would|will|is expected to|are expected to|is likely to|are likely to|"
                      r"threatens to|feared to|projected to|forecast to|set to)\s+(?:\w+\s+){0,2}?"
                      r"(?:rise|reach|climb|top|exceed|hit|surpass|grow|increase|be)\b[^.;]{0,25}$", re.I)


def story_year(docs: list[Document]) -> Optional[int]:
    """The most common publication year of the story's documents (metadata or inferred); without
    any date, the year the texts name most often (ties: the later), since a story names its own
    year at least as often as each past event it recalls."""
    years = [int(d.published[:4]) for d in docs if d.published and d.published[:4].isdigit()]
    if not years:
        years = [int(y) for d in docs for y in YEAR.findall(d.text)]
        recalled = {int(a or b) for d in docs for a, b in RECALLED_YEAR.findall(d.text)}
        if years and set(years) <= recalled:
            return max(years) + 1           # only "In 2021, clashes killed 55": the story is later
    return max(sorted(set(years)), key=lambda y: (years.count(y), y)) if years else None


RECALLED_YEAR = re.compile(r"(?:^|[.!?]\s+|\n)(?:Back\s+)?In\s+(1[89]\d\d|20\d\d)\s*,|\b[Ss]ince\s+(1[89]\d\d|20\d\d)\b",
                           re.M)
"""A sentence that opens on a bare year ("In 2021, clashes over water killed 55"), or a ranking
"since 2010", recalls the past; an undated story that names no other year is set after it."""


def time_ref(fig: Figure, doc: Document, year: Optional[int]) -> str:
    """``historical`` for a past event quoted for comparison, ``forecast`` for a projection,
    else ``current``."""
    sentence = doc.text[fig.sentence_start:fig.sentence_end]
    before = doc.text[fig.sentence_start:fig.start]
    if FORECAST.search(before):
        return "forecast"
    own_year = int(doc.published[:4]) if doc.published and doc.published[:4].isdigit() else year
    years = [int(y) for y in YEAR.findall(sentence)]
    if own_year and years and max(years) < own_year and not re.search(r"\bsince\s+(?:\w+\s+)?(?:1[89]|20)\d\d", sentence):
        return "historical"
    if own_year and _dated_by_past_year(before, own_year):
        return "historical"
    after = doc.text[fig.end:fig.sentence_end]
    own_after = re.split(r"\d", after, maxsplit=1)[0]   # up to the next number: the next figure's own words
    if TIME_DISTANCE.search(before) or TIME_DISTANCE.search(own_after) or PAST_EVENT.search(before) or \
            WORST_SINCE.search(before):
        return "historical"                 # "$4.2 billion, up from $3.9 billion a year earlier": only the second
    if LAST_YEAR.search(before) or LAST_YEAR.search(own_after):
        dated = doc.published and doc.published[:4].isdigit()
        if dated and not (year and int(doc.published[:4]) - 1 == year) or not dated and OTHER_EVENT.search(before):
            return "historical"             # "Last year, a smaller fire burned 3,000 hectares"
    return "current"


LAST_YEAR = re.compile(r"\b(?:last|the previous)\s+year\b", re.I)
"""A figure of "last year" is a past comparison, unless last year is the story's own year (an
article of February 2021 recalling the clash of 2020 that the story is about).  Undated, only
another event named indefinitely ("a smaller fire", "another strike") says it is not the story's own."""
OTHER_EVENT = re.compile(rf"\b(?:a|an|another)\s+(?:[a-z-]+\s+){{0,2}}?(?:{EVENT_NOUNS})s?\b", re.I)


PAST_CLAUSE = re.compile(r"\b(?:in|of)\s+(1[89]\d\d|20\d\d)\s*,?\s+(?:when|where)\b[^.;:]*$"
                         r"|\b(1[89]\d\d|20\d\d)\s*,\s+when\b[^.;:]*$"
                         r"|^\W*(?:in|by)\s+(1[89]\d\d|20\d\d)\b[^.;:]*$", re.I)
"""A figure inside a clause anchored on a year: "the worst since 1967, when 88 died", "In 1970,
a cyclone killed ..."."""


def _dated_by_past_year(before: str, own_year: int) -> bool:
    """The figure's own clause is about a past year, whatever else its sentence names."""
    m = PAST_CLAUSE.search(before)
    return bool(m) and int(next(g for g in m.groups() if g)) < own_year


def scope_of(fig: Figure, doc: Document, earlier_events: set[str], event: Optional[str]) -> Optional[str]:
    """The place or subgroup a count is about (None = the whole event).  ``earlier_events`` holds
    the event of the document's previous counted figure in an earlier sentence: "another 29
    bodies" after a toll is an increment, "another 180 injured" after a death toll is not."""
    text = doc.text
    before = text[fig.sentence_start:fig.start]
    after = text[fig.end:fig.sentence_end]
    head_words = {w.rstrip("s") for w in fold(fig.counted or "").split()} | set(fold(fig.counted or "").split())
    if AMONG.match(after):
        return _subgroup(fig.counted) or "subgroup"
    if EACH.match(after):
        return "each"                       # "10,000 troops on each side": a count per part, not the total
    if BOTH_SIDES.match(after) and not re.search(r"\d", BOTH_SIDES.match(after).group(0)):
        return "both sides"
    if OF_THEM.match(after):
        place = named_place(fig, doc)       # "1.1 million, 80,000 of them in Lisbon": that town's count
        return f"in {place}" if place else "subgroup"
    if INCLUDING.search(before) and head_words & SUBGROUP_HEADS:
        return _subgroup(fig.counted)       # "131 died, including 35 children"
    clause_after = re.split(r"[,;:(]", after)[0]
    if event in ("killed", "wounded", "hospitalised") and REMAINING.search(clause_after):
        return "remaining"                  # "292 were still being treated", "14 bodies remain there"
    if (INCREMENT_BEFORE.search(before) or INCREMENT_AFTER.match(after)) and event and event in earlier_events:
        return "additional"
    clause = re.split(r"[,;:(]|\band\b", after)[0]
    place = named_place(fig, doc)
    if place:
        return f"in {place}"
    inside = INSIDE.search(clause)
    if inside and len(clause[:inside.start()].split()) > 4:
        inside = None                       # "reached 219 ... as rescuers tried to save those trapped inside"
    if inside:
        return f"{inside.group(1).lower()} {fold(inside.group(2))}"
    lead = re.split(r"[,;:]\s", before)[-1]
    for part in (clause, lead):
        words = part.split()
        for i, w in enumerate(words):
            if fold(w) not in ("in", "at", "to", "inside"):
                continue
            for j in range(i + 1, min(i + 6, len(words))):
                if _is_scope_noun(words[j]):
                    between = [w for w in words[i + 1:j] if fold(w) not in ("a", "an", "the")]
                    if between:              # "in three government hospitals", not "died in hospital"
                        return fold(" ".join(words[i + 1:j + 1]))
                    if j + 2 < len(words) and fold(words[j + 1]) == "of" and words[j + 2][:1].isupper():
                        return fold(" ".join(words[j:j + 3]))   # "in the province of Hatay": a named part
                    break
    near = lead.split()[-6:]                 # a named place right before: "Kanjuruhan Hospital as many as 21"
    for j, w in enumerate(near):
        if _is_scope_noun(w) and w[:1].isupper() and j > 0 and near[j - 1][:1].isupper() \
                and fold(near[j - 1]) not in ("the", "a", "an") and not re.search(r"[.,;:]$", near[j - 1]):
            k = j
            while k > 0 and near[k - 1][:1].isupper() and fold(near[k - 1]) not in ("the", "a", "an"):
                k -= 1
            return fold(" ".join(near[k:j + 1]))
    return None


COUNTRIES = frozenset(DEMONYMS.values()) | frozenset(DEMONYMS)
"""Countries and nationality words: a nation is whose count it is, not a part of the story."""
PLACE_AFTER = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}?(?:in|across|at|from)\s+(?:the\s+)?$", re.I)
REPORTING = re.compile(r"\b(?:said|says|say|told|tells|according|reported|reports|announced|claimed|claims)\b",
                       re.I)
PLACE_OPENING = re.compile(r"^\W*(?:in|across|at)\s+(?:the\s+)?(?:[a-z]+(?:\s+[a-z]+)?\s*,\s*)?$", re.I)
"""The words before a place that opens a sentence: "In Lisbon, ...", "In the capital, Lisbon, ..."."""
OPENING_NAME = re.compile(r"^\W*In\s+(?:the\s+[a-z]+(?:\s+[a-z]+)?\s*,\s*|the\s+[a-z]+\s+of\s+)?((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s*,\s")
"""A capitalised name opening the sentence after "In" and closed by a comma ("In Porto, 40,000
marched", "In the province of Hatay, 800 ..."): a place even when the tagger misses it, unless it is a month, a day or a country."""
NOT_PLACES = frozenset(MONTHS) | {d.lower() for d in calendar.day_name} | {"addition", "total", "all", "particular",
                                                                          "response", "contrast", "fact"}


def named_country(fig: Figure, doc: Document) -> Optional[str]:
    """The country a count is given for, worded as a place ("1,600 died in Syria", "In Syria,
    1,600 died", "the toll in Syria rose to 1,700"): whose count it is (``link.measures``)."""
    name = named_place(fig, doc, countries=True)
    sentence = fold(doc.text[fig.sentence_start:fig.sentence_end])
    if name and re.search(rf"\b{re.escape(name)}\s+(?:and|or)\s+\w|\b(?:and|or)\s+{re.escape(name)}\b", sentence):
        return None                         # "5,000 dead in Turkey and Syria": both countries, no one side
    return name


def named_place(fig: Figure, doc: Document, countries: bool = False) -> Optional[str]:
    """A named town, city or region the count is given for ("62,000 marched in Lisbon", "In
    Lisbon, organisers counted 150,000"), folded; countries are not places here (a nation
    splits measures by whose count it is, see ``named_country`` and link.measures).  Whether it
    is a breakdown depends on the rest of the story (``link.measures``)."""
    before = doc.text[fig.sentence_start:fig.start]
    bracketed = BRACKETED_AFTER.search(before)
    if bracketed and not countries and doc.text[fig.end:fig.end + 2].lstrip().startswith(")"):
        name = fold(bracketed.group(1))     # "marched in Glasgow (25,000) and Cardiff (12,000)"
        if name not in NOT_PLACES and not canonical_place(name):
            return name
    clause_start = fig.sentence_start + before.rfind(";") + 1 if ";" in before else fig.sentence_start
    if clause_start > fig.sentence_start and not re.search(r"\b[Ii]n\s+(?:the\s+)?[A-Z]", doc.text[clause_start:fig.start]):
        clause_start = fig.sentence_start   # "...; the union said 60,000": still the place named before
    for m in doc.mentions:
        if not (clause_start <= m.start and m.end <= fig.sentence_end):
            continue                        # "...; in Valencia, 36,000": the clause's own place, not Seville's
        if m.label not in ("GPE", "LOC") and fold(m.text) not in big_cities():
            continue
        name = fold(m.text)
        is_country = bool(name) and canonical_place(name) == name
        if not name or is_country != countries or not countries and (name in COUNTRIES or name.rstrip("s") in COUNTRIES):
            continue
        if m.start >= fig.end:
            gap = doc.text[fig.end:m.start]
            if len(gap) <= 40 and PLACE_AFTER.match(gap) and not re.search(r"[,;:.]", gap):
                return name
        elif PLACE_OPENING.match(doc.text[clause_start:m.start]) and \
                re.match(r"\s*,", doc.text[m.end:fig.start]):
            return name                     # "In Lisbon, organisers counted 150,000"
        elif canonical_place(name) and not countries and _acts(doc.text[m.end:fig.start]):
            continue                        # a capital before the figure is its state acting: "Pyongyang sent 11,000"
        elif not doc.text[fig.sentence_start:m.start].strip() and fig.start - m.end <= 80 and \
                not REPORTING.search(doc.text[m.end:fig.start]):
            return name                     # "Porto, a city in the north, saw 40,000 marchers"
        elif fig.start - m.end <= 40 and not re.search(r"[,;:.]", doc.text[m.end:fig.start]) and \
                not REPORTING.search(doc.text[m.end:fig.start]) and \
                not re.search(r"\b(?:and|that|while|but|which|who|when|after|before)\b", doc.text[m.end:fig.start]):
            return name                     # "the Porto march drew 40,000", "police in Porto counted 40,000"
    opening = OPENING_NAME.match(doc.text[fig.sentence_start:fig.start])
    if opening and not countries:
        name = fold(opening.group(1))
        if name not in NOT_PLACES and not canonical_place(name) and not YEAR.search(name) and \
                not REPORTING.search(doc.text[fig.sentence_start + opening.end():fig.start]):
            return name                     # "In Porto, 40,000 marched", the tagger taking Porto for a person
    if not countries and CAPITAL_OPENING.match(doc.text[fig.sentence_start:fig.start]):
        return "the capital"                # "In the capital, police counted 45,000": one city, unnamed here
    return None


BRACKETED_AFTER = re.compile(r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*\(\s*(?:about\s+|some\s+|nearly\s+)?$")
"""A count in brackets right after a capitalised name: that place's count."""
CAPITAL_OPENING = re.compile(r"^\W*[Ii]n\s+the\s+(?:country's\s+|nation's\s+)?capital\s*,\s+(?![A-Z])")


STATE_VERBS = {"has", "have", "had", "is", "was", "will", "would", "sent", "sends", "says", "said", "took", "gave"}


def _acts(after_name: str) -> bool:
    """A capital followed by a verb is its state acting ("Pyongyang sent 11,000 troops"); followed
    by a noun it names the city ("the Lisbon police counted 80,000")."""
    words = fold(after_name).split()
    return bool(words) and (words[0] in STATE_VERBS or words[0].endswith("ed"))


def _is_scope_noun(word: str) -> bool:
    w = fold(word).strip(".,;:()")
    return w in SCOPE_NOUNS or w.rstrip("s") in SCOPE_NOUNS


def _subgroup(counted: Optional[str]) -> Optional[str]:
    words = [w for w in fold(counted or "").split() if w not in {"the", "of", "a"}]
    return " ".join(words) or None
