"""What a figure counts: the population, the event that happened to it, the unit's dimension.

Vocabularies and normalisers behind :mod:`claimledger.link.measures` (general English: soldiers,
troops and fighters are one class; dead, died and killed one event; km² and mi² one dimension).
"""

from __future__ import annotations

import functools
import re
from typing import Optional

from claimledger import vocab
from claimledger.link.names import DEMONYMS, canonical_place, fold

PERSONNEL = vocab.words("personnel_nouns")
PEOPLE = vocab.words("population_nouns")
JOBS = {"job", "position", "role", "layoff", "post"}
VOTES = {"vote", "ballot"}
HEAD_CLASS = {**{w: "troops" for w in PERSONNEL}, **{w: "people" for w in PEOPLE},
              **{w: "jobs" for w in JOBS}, **{w: "votes" for w in VOTES},
              "voter": "voters", "worker": "people", "employee": "people", "staff": "people", "workforce": "people",
              "area": "territory", "land": "territory", "ground": "territory",
              "territory": "territory", "square": "territory", "kilometer": "territory",
              "kilometre": "territory", "mile": "territory"}
HEAD_EVENT = dict(line.rsplit(" ", 1) for line in vocab.words("event_nouns"))
"""Noun of a counted phrase -> the event it implies ("300 deaths", "bodies"), from vocab/event_nouns.txt."""
EVENT_SYNONYMS = {name: set(members) for name, members in vocab.events().items()}
EVENT_INDEX = vocab.event_index()
PEOPLE_EVENTS = {"killed", "wounded", "killed_and_wounded", "missing", "rescued", "displaced",
                 "arrested", "attended", "hospitalised", "striking"}
"""Events that happen to people: a count with nothing else counted is a count of people."""
PRESENCE_EVENTS = {"deployed", "employed", None}
"""A bare count ("15,000 troops", "14,500 people work there") is the quantity present."""
EVENT_LABEL = {"killed_and_wounded": "killed and wounded", None: ""}
UNIT_DIMENSION = {"count": ("count", 1.0), "km2": ("area", 1.0), "mi2": ("area", 2.58999),
                  "sq mi": ("area", 2.58999), "ha": ("area", 0.01), "acre": ("area", 0.00404686),
                  "m2": ("area", 1e-6), "km": ("length", 1.0), "mi": ("length", 1.609344),
                  "m": ("length", 0.001), "percent": ("percent", 1.0), "t": ("mass", 1.0),
                  "kg": ("mass", 0.001)}
BASE_UNIT = {"count": "count", "area": "km2", "length": "km", "mass": "t", "percent": "percent"}
UNIT_LABEL = {"km2": "km²", "mi2": "mi²", "percent": "%"}


@functools.lru_cache(maxsize=65536)   # asked for every word of every figure's sentence
def singular(word: str) -> str:
    if word in {"people", "personnel", "news", "series", "species", "men", "women", "children",
                "servicemen", "troops"}:
        return {"troops": "troop"}.get(word, word)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


DISASTERS = vocab.words("disasters")
"""What a toll is *from* ("the death toll from Tuesday's earthquake"): never the population counted."""


def normalise_counted(counted: Optional[str]) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(head class, nation, event implied by the noun) of a counted phrase."""
    if not counted:
        return None, None, None
    words = [w for w in fold(counted).split() if w not in {"the", "of", "a", "an", "their", "its"}]
    nation = None
    rest: list[str] = []
    i = 0
    while i < len(words):
        two = " ".join(words[i:i + 2])
        if i + 1 < len(words) and canonical_place(two):
            nation = nation or canonical_place(two)
            if two.endswith("s") and two[:-1] in DEMONYMS:
                rest.append("people")
            i += 2
            continue
        place = canonical_place(words[i]) if words[i] not in {"us", "un"} else None
        if place:
            nation = nation or place
            if words[i].endswith("s") and words[i][:-1] in DEMONYMS:
                rest.append("people")
        else:
            rest.append(words[i])
        i += 1
    nouns = [singular(w) for w in rest]
    implied = None
    for w in nouns:
        if w in HEAD_EVENT:
            implied = HEAD_EVENT[w]
    classed = [HEAD_CLASS[w] for w in nouns if w in HEAD_CLASS]
    if classed:
        head = classed[-1]
    else:
        content = [w for w in nouns if w not in HEAD_EVENT]
        occurrences = bool(rest) and nouns[-1] in DISASTERS and rest[-1] != nouns[-1]   # "280 landslides"
        head = "people" if nouns and nouns[-1] in DISASTERS and not occurrences else content[-1] if content else (
            "people" if implied else None)
    return head, nation, implied


def normalise_event(event: Optional[str]) -> Optional[str]:
    if not event:
        return None
    folded = fold(event).replace(" ", "_")
    if folded in EVENT_INDEX:
        return EVENT_INDEX[folded]
    parts = set(folded.split("_"))
    if {"killed", "wounded"} <= parts or {"dead", "injured"} <= parts or {"killed", "injured"} <= parts:
        return "killed_and_wounded"
    for part in folded.split("_"):
        if part in EVENT_INDEX:
            return EVENT_INDEX[part]
    return folded


def dimension(unit: Optional[str]) -> tuple[str, float]:
    if not unit or unit == "count":
        return "count", 1.0
    if unit in UNIT_DIMENSION:
        return UNIT_DIMENSION[unit]
    if re.fullmatch(r"[A-Z]{3}", unit):
        return f"money:{unit}", 1.0
    return unit, 1.0


@functools.lru_cache(maxsize=2048)   # every figure of a sentence asks; a long list would make it quadratic
def population_in(sentence: str) -> tuple[Optional[str], Optional[str]]:
    """(head class, nation) of the population a sentence names: the nation directly before a
    personnel or people noun ("among North Korean forces"), else the only nation named."""
    words = fold(sentence).split()
    single = [singular(w) for w in words]
    heads = [HEAD_CLASS[w] for w in single if w in HEAD_CLASS]
    head = "troops" if "troops" in heads else (heads[0] if heads else None)
    modifying = set()
    for i in range(len(words)):
        for n in (2, 1):
            nxt = single[i + n] if i + n < len(words) else ""
            if HEAD_CLASS.get(nxt) not in ("troops", "people"):
                continue
            place = canonical_place(" ".join(words[i:i + n])) if words[i] not in {"us", "un"} else None
            if place:
                modifying.add(place)
                break
    nations = _most_specific(modifying) or mentioned_nations(sentence)
    return head, (next(iter(nations)) if len(nations) == 1 else None)


def mentioned_nations(text: str) -> set[str]:
    return set(_mentioned_nations(text))


@functools.lru_cache(maxsize=2048)
def _mentioned_nations(text: str) -> frozenset[str]:
    words = fold(text).split()
    nations = {canonical_place(" ".join(words[i:i + n])) for n in (2, 1) for i in range(len(words))
               if not (n == 1 and words[i] in {"us", "un"})} - {None}
    return frozenset(_most_specific(nations))


def _most_specific(nations: set[str]) -> set[str]:
    """Drop "korea" when "north korea" is there too."""
    return {n for n in nations if not any(o != n and o.endswith(" " + n) for o in nations)}


SUBJECT_BEFORE = re.compile(
    r"\b([a-z]+)\s+(?:(?:was|were|is|are|had been|has been|have been|reached|hit|totalled|totaled|"
    r"stood at|of|at|passes|passed|pass|tops|topped|top|exceeds|exceeded|exceed|surpassed|surpass|"
    r"(?:(?:has|have|had)\s+)?(?:rose|risen|fell|fallen|dropped|grew|grown|climbed|declined|jumped|"
    r"increased|decreased|slumped)(?:\s+(?:to|by))?)\s+)"
    r"(?:(?:about|around|some|nearly|almost|roughly|just|only|over|under)\s+)?$")
DIFFERENCE_WORDS = {"lead", "behind", "ahead", "margin", "gap", "short", "difference", "deficit", "majority"}
OWNER_VERBS = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:has |had |have )?(?:won|wins|received|receives|got|gets|took|takes|"
                         r"secured|secures|polled|polls|earned|scored|scores|captured)\b[^.;]{0,25}$")


def subject_before(before: str) -> Optional[str]:
    """The noun a figure is the value of, from the words before it ("turnout reached 61 %")."""
    m = SUBJECT_BEFORE.search(fold(before) + " ")
    word = m.group(1) if m else None
    if word in STOP_SUBJECTS:
        return None
    return word


STOP_SUBJECTS = {"estimate", "it", "they", "he", "she", "we", "this", "that", "which", "who", "there", "number", "total",
                 "figure", "rate", "level", "around", "about", "up", "down", "and", "or", "the", "a"}


def is_difference(before: str, after: str) -> bool:
    """"a lead of 6,000 votes", "2,000 votes behind": a gap between two quantities."""
    words = set(fold(before).split()[-3:]) | set(fold(after).split()[:3])
    return bool(words & DIFFERENCE_WORDS) or bool(EXCEEDED_BY.search(fold(before)))


EXCEEDED_BY = re.compile(r"\b(?:exceed\w*|surpass\w*|outnumber\w*|overshot|topped|beat|higher|lower|more|fewer|"
                         r"less)\b[^.;]{0,40}\bby\s+(?:about|around|some|nearly|almost|roughly|more than|over)?\s*$")
""""exceeded its capacity by around 4,000": the size of a gap, not a count of its own."""


def event_near(before: str, after: str, has_head: bool = True) -> Optional[str]:
    """An event word or phrase right after the figure ("260 people were in hospital", "131 lost
    their lives", "four more are in critical condition") or in the clause before it ("the number
    of people killed ... has risen to 97", "the death toll rose to 86").  Without a counted noun
    only events that happen to people are read, so a bare number is not given one by chance."""
    found = _event_after_words(after) or _event_before_words(before)
    if found and not has_head and found not in PEOPLE_EVENTS:
        return None
    return found


def _phrase_event(text: str) -> Optional[tuple[int, str]]:
    """(position, event) of the first event phrase of the vocabulary in folded text: of several
    phrases starting there the longest ("took part in the strike" over "took part"), of one phrase
    in two events the alphabetically first."""
    m = _phrase_pattern().search(text)
    if m is None:
        return None
    pos = m.start()
    starting = [(p, e) for p, e in vocab.event_phrases() if text.startswith(p, pos) and _word_ends(text, pos + len(p))]
    longest = max(len(p) for p, _ in starting)
    return pos, min(e for p, e in starting if len(p) == longest)


@functools.cache
def _phrase_pattern() -> re.Pattern:
    """All event phrases in one pattern: one scan of the text instead of one search per phrase."""
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p, _ in vocab.event_phrases()) + r")\b")


def _word_ends(text: str, end: int) -> bool:
    return end >= len(text) or not (text[end].isalnum() or text[end] == "_")


def phrase_after(after: str) -> Optional[str]:
    """The event of a vocabulary phrase at the start of the words after a figure, if any."""
    head = " ".join(re.split(r"[,;:.]", fold(after))[0].split()[:7])
    phrase = _phrase_event(head)
    return phrase[1] if phrase and phrase[0] <= 25 else None


def _event_after_words(after: str) -> Optional[str]:
    text = fold(after)
    head = " ".join(re.split(r"[,;:.]", text)[0].split()[:7])
    phrase = _phrase_event(head)
    if phrase and phrase[0] <= 25:
        return phrase[1]
    for word in text.split()[:4]:
        if word in EVENT_INDEX and word not in WEAK_EVENT_WORDS:
            return EVENT_INDEX[word]
    if re.match(r"\s*(?:[a-z]+\s+)?(?:were|are|was|is|remain|remained|being treated|were being treated|"
                r"are being treated)\s+(?:still\s+)?in\s+(?:the\s+)?hospitals?\b", text):
        return "hospitalised"               # "260 people were in hospital"
    return None


def _event_before_words(before: str) -> Optional[str]:
    clause = re.split(r"[,;:]", fold(before, keep_punctuation=True))[-1]
    phrase = _phrase_event(clause)
    if phrase:
        return phrase[1]
    for word in reversed(clause.split()[-12:]):
        if word in EVENT_INDEX and word not in WEAK_EVENT_WORDS:
            return EVENT_INDEX[word]
    topic = re.search(r"\b(?:number|count|toll|tally|total) of ((?:[a-z-]+ ){0,3}[a-z-]+)", fold(before))
    if topic:                           # "The number of people displaced has grown: ... now 65,000"
        for word in topic.group(1).split():
            if word in EVENT_INDEX and word not in WEAK_EVENT_WORDS:
                return EVENT_INDEX[word]
    return None


WEAK_EVENT_WORDS = vocab.words("weak_event_words")
"""Event words that count only when the parse attaches them to the figure."""


RELATIVE_STATE = re.compile(r"^\s*(?:[a-z-]+\s+){0,3}?(?:who|that|which)\s+(?:had been|have been|has been|were|was|"
                            r"are|is)\s+")
LATER = {"later", "then", "subsequently", "since", "eventually", "afterwards", "have", "has", "had"}


def later_event(after: str) -> Optional[str]:
    """ "17 soldiers who were badly hurt later died": a relative clause tells what the people
    counted had been; the verb after it ("later died", "have since succumbed") what they are
    counted for now, so that event decides."""
    clause = fold(re.split(r"[,;:.]", after)[0])
    m = RELATIVE_STATE.match(clause)
    if not m:
        return None
    words = clause[m.end():].split()
    found = [(i, EVENT_INDEX[w]) for i, w in enumerate(words) if w in EVENT_INDEX and w not in WEAK_EVENT_WORDS]
    if not found or any(w == "and" or w[:1].isdigit() for w in words):
        return None
    first = found[0][1]
    return next((e for i, e in found[1:] if e != first and LATER & set(words[max(0, i - 2):i])), None)


def combined_after(after: str) -> Optional[str]:
    """ "43 killed or seriously injured", "120 dead and injured": one count of both, not a count
    of the dead (a number between the two words would make them two counts: "300 killed and
    2,700 wounded")."""
    words = fold(re.split(r"[,;:.]", after)[0]).split()[:7]
    events = [EVENT_INDEX.get(w) if w not in WEAK_EVENT_WORDS else None for w in words]
    for i, e in enumerate(events):
        if e not in ("killed", "wounded"):
            continue
        for j in range(i + 2, min(i + 4, len(words))):
            if words[i + 1] in ("or", "and") and events[j] in ("killed", "wounded") and events[j] != e \
                    and not any(w[:1].isdigit() for w in words[i + 1:j]):
                return "killed_and_wounded"
        return None
    return None
