"""Group figures into measures: one real-world quantity that several figures estimate.

A figure's *key* is structural: who is counted (head noun class + nationality, so "soldiers",
"troops" and "North Koreans" meet), what happened to them (event, with synonyms folded:
dead -> killed, casualties -> killed_and_wounded, sent -> deployed) and the unit's dimension
(count, area, length, money per currency, percent...).  Figures join when keys are compatible;
wording similarity alone never joins "troops killed" and "troops sent".

* A counted phrase without nationality ("up to 12,000 troops") joins a nationality group only
  when that nation is named in its sentence or the one before; a figure with nothing counted
  takes the population its sentence names ("losses among North Korean forces") or, for
  percentages and money, the noun it is the value of ("turnout reached 61 percent").
* Whose count it is splits measures: "48,200 votes for Moreau" vs "41,900 for Okafor".
* Gaps ("a lead of 6,000 votes"), small counts without an event ("two leaders") and numbers
  inside a counted phrase ("one of the 66,000 people") are not estimates and stay out.
* A length given where others of the same quantity give an area ("800 kilometers of territory"
  vs "1,250 square kilometers") joins the area measure and is flagged as a unit conflict.
* Combined figures ("4,000 killed and wounded") stay their own measure, ``related`` to the
  killed-only and wounded-only measures of the same population.
* Relative figures ("cut in half", "half of that area") attach to the measure of the figure
  they are relative to (``Figure.relative_to``), else to the closest absolute figure before them.
* A conversion in the same sentence ("1,250 square kilometers (483 square miles)") is kept
  in the figure list but marked so verdicts do not count it twice.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Optional

from claimledger.link.counted import (  # noqa: F401  (re-exported for callers of measures)
    BASE_UNIT, DEMONYMS, EVENT_INDEX, EVENT_LABEL, HEAD_CLASS, HEAD_EVENT, OWNER_VERBS, PRESENCE_EVENTS, UNIT_LABEL, dimension,
    combined_after, event_near, is_difference, later_event, phrase_after, mentioned_nations, normalise_counted, normalise_event, population_in,
    singular, subject_before,
)
from claimledger import vocab
from claimledger.link import embeddings
from claimledger.link.counted import PEOPLE_EVENTS
from claimledger.link.scope import BRACKETED_AFTER, INCLUDING, named_country, scope_of, story_year, time_ref
from claimledger.link.names import canonical_place, fold
from claimledger.link.timeline import is_earlier_value
from claimledger.model import EVENTS, Document, Figure, Measure


ADDRESS = re.compile(r"^\s+(?:block|hundred block)\s+of\b", re.I)
""""the 1400 block of Main Street" is an address, not a count."""
KNOWN_HEADS = set(HEAD_CLASS) | set(HEAD_CLASS.values())
NOT_POPULATIONS = {"more", "other", "others", "another", "further", "additional", "total", "number", "now", "toll"}
"""Words that stand where a counted noun would ("six more", "two others"): the count is of people."""


@dataclass(frozen=True)
class FigureKey:
    """The structural identity of what a figure measures."""

    head: str                       # head class ("troops", "people") or the head noun
    nation: Optional[str]           # country of the counted population, or "owner:<entity>" (whose votes)
    event: Optional[str]
    dimension: str                  # count, area, length, money:USD, percent, ...
    scope: Optional[str] = None     # None = the whole event; else a place or subgroup (link.scope)
    time_ref: str = "current"       # current | historical | forecast
    stated: bool = field(default=True, compare=False)
    """What is counted and what happened to it are worded at the figure itself, not defaulted
    ("15,000 troops" read as deployed) or borrowed from an earlier sentence: only such a figure
    may contradict another (``MeasureGroup.quiet``).  Not part of the identity."""
    place: Optional[str] = field(default=None, compare=False)
    """The named place the figure's wording gives it for ("in lisbon"), kept when the scope is
    cleared because the place is where the whole event happened."""

    def fits(self, other: "FigureKey") -> bool:
        if (self.scope, self.time_ref) != (other.scope, other.time_ref):
            return False
        same_head = self.head == other.head or (
            {self.head, other.head} <= {"troops", "people"} and self.nation and self.nation == other.nation)
        same_event = self.event == other.event or (
            None in (self.event, other.event) and {self.event, other.event} & PRESENCE_EVENTS - {None})
        return (same_head and same_event and self.dimension == other.dimension
                and (self.nation is None or other.nation is None or self.nation == other.nation))


@dataclass
class MeasureGroup:
    """Figures of one measure while grouping (turned into a Measure at the end)."""

    key: FigureKey
    figures: list[Figure] = field(default_factory=list)
    relatives: list[Figure] = field(default_factory=list)
    conversions: set[str] = field(default_factory=set)
    unit_mismatch: list[Figure] = field(default_factory=list)
    owner: Optional[str] = None          # display name of whose count it is ("Daniel Okafor")
    quiet: dict[str, str] = field(default_factory=dict)
    """Figure id -> why it stays in the measure but may not raise a figure conflict (see
    ``quiet_figures``)."""


def owner_of(fig: Figure, text: str, mentions: list) -> Optional[str]:
    """Whose count it is: "48,200 votes for Moreau", "Moreau won 71,400 votes" -> Moreau's entity."""
    after = text[fig.end:fig.sentence_end]
    m = re.match(r"\s*(?:[\w-]+\s+){0,2}?for\s+(?:(?:her|his|their|its|the)\s+)?(?:\w+,?\s+){0,2}", after)
    if m:
        limit = fig.end + m.end() + 25
        hit = next((x for x in mentions if fig.end < x.start <= limit), None)
        if hit:
            return f"owner:{hit.entity or fold(hit.text)}"
    for x in reversed(mentions):
        if fig.sentence_start <= x.start and x.end <= fig.start and OWNER_VERBS.match(text[x.end:fig.start]):
            return f"owner:{x.entity or fold(x.text)}"
    subgroup = re.match(r"\s*(?:[\w-]+\s+){0,2}?(?:who|that)\s+(?:\w+\s+){0,2}?for\s+((?:the\s+)?[\w-]+)", after)
    if subgroup:                            # "the 66,000 people who voted for change": a part, not the whole
        return f"owner:{fold(subgroup.group(1))}"
    return None


WORKING_ON = re.compile(r"\s*(?:[a-z-]+\s+)?(?:were|are|was|is|have been|had been)\s+(?:still\s+|now\s+)?working\s+"
                        r"(?:on|at|in|to|along)\b", re.I)
"""Crews "working on the front line" are the force deployed there, not a workforce employed."""
COORDINATED_NEXT = re.compile(r"^\s*,?\s*and\s+(?:about\s+|some\s+|nearly\s+)?[\d.,]+\s*(?:%|percent|per cent)?\s+"
                              r"(?:of\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?=(?:were|was|are|is|had|have|went|walked|"
                              r"stayed|joined|took|died|remained)\b)", re.I)
"""The next figure of a coordination that shares the predicate ("42% of primary | and 35% of secondary
teachers | were on strike"): the first takes the event after it."""
TIME_TAIL = re.compile(r"(?<=\w)\s+(?:seconds|minutes|hours|days|weeks|months|years|decades)$", re.I)
"""A time unit the parser hung on a counted noun ("dead months" in "7 dead months after")."""
OWN_STAFF = re.compile(r"(?:^|\b(?:the|its|their)\s+|[,;]\s*)((?:[A-Za-z][\w'’-]*\s+){0,2}[A-Za-z][\w'’-]*)\s+"
                       r"(?:said|says|reported|reports|estimated|put)\s+(?:that\s+)?(?:about\s+|some\s+|nearly\s+)?$")
"""The body whose own staff a share counts ("the rail operator said 46.3% of its staff")."""
_VERBISH = r"(?:had|has|have|was|were|is|are|joined|went|walked|stopped|took|stayed|did|said)\b"
STAFF_AT = re.compile(rf"\s+(?:at|in)\s+(?:the\s+)?((?:(?!{_VERBISH})[a-z][\w'’-]*\s+){{0,2}}?(?!{_VERBISH})[a-z][\w'’-]*)"
                      rf"(?=\s+{_VERBISH}|\s*[,.;]|\s*$)")
"""Where the staff of a share work ("45% of workers at the national airline")."""
FRAMED = re.compile(r"^\W*(?:At|In|Among|Across)\s+(?:the\s+|its\s+)?((?:[\w'’-]+\s+){0,4}[\w'’-]+),")
"""A sentence opening on the body or place its figures are about ("At the state energy company, ...")."""
LABEL_BEFORE = re.compile(r"^\W*([A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,4}):\s*$")
"""A figure right after a short label and a colon ("Primary school teachers: 38% on strike", in a
numbers box): the label is what it counts."""
SUBSET_OF = re.compile(r"\s+of\s+(?:its|their|the|his|her)?\s*(?:usual|normal|scheduled|planned|regular|total)?\s*"
                       r"\d[\d,.]*\s+((?:[a-z-]+\s+)?[a-z-]+?s)\b", re.I)
"""A count out of a stated total ("120 of its usual 460 trains"): it counts the total's noun."""
DENOMINATOR = re.compile(r"\d[\d,.]*\s+of\s+(?:its|their|the|his|her)?\s*(?:usual|normal|scheduled|planned|regular|"
                         r"total)?\s*$", re.I)
"""The total a count is out of ("120 of its usual 460 trains"): no estimate of its own."""

TALLY_OF = re.compile(r"\b(?:count|tally|figure|toll|total|estimate)\s+of\s+$", re.I)
"""A number given as "the official count of 140" measures what its sentence is about."""


def _inherit_earlier_keys(keyed: list[tuple[Figure, FigureKey]], docs: dict[str, Document]
                          ) -> list[tuple[Figure, FigureKey]]:
    """An earlier value quoted beside its update ("more than 2,300 killed, nearly double the
    first estimate of 1,200"), or a tally set against another figure ("300 homes, far more than
    the official count of 140"), measures the same thing as the figure beside it."""
    by_sentence = _by_sentence(keyed)
    out = []
    increments: set[str] = set()
    for fig, key in keyed:
        doc = docs.get(fig.doc)
        same = by_sentence[(fig.doc, fig.sentence_start)]
        if doc is not None and (key.event is None or not fig.counted) and (is_earlier_value(doc, fig) or TALLY_OF.search(
                doc.text[fig.sentence_start:fig.start])):
            update = next((k for g, k in same if g is not fig and k.event and k.dimension == key.dimension
                           and key.event in (None, k.event)), None)
            key = update or key             # "15 soldiers were killed, revising its earlier toll of three"
        elif doc is not None and RUNNING_TOTAL.search(doc.text[fig.sentence_start:fig.start]):
            part = next(((g, k) for g, k in reversed(same) if g.start < fig.start and k.event
                         and k.dimension == key.dimension), None)
            if part:                        # "another 29 bodies ..., bringing the total to 507"
                key = replace(part[1], scope=None)
                increments.add(part[0].id)  # "17 more later died, taking the toll to 20": 17 is an increment
        elif doc is not None and key.head == "?" and not fig.counted:
            listed = next((k for g, k in reversed(same) if g.start < fig.start and k.head != "?"
                           and k.dimension == key.dimension), None)
            key = replace(key, head=listed.head, nation=listed.nation) if listed else key
            # "1,127 bodies recovered; 834 handed over": a list goes on counting the same population
        elif doc is not None and key.event is None:
            rival = next((k for g, k in same if g is not fig and k.event and k.dimension == key.dimension
                          and (k.head == key.head or key.head in ("people", "?") and k.head == "people")
                          and (k.nation == key.nation or key.nation is None
                               and not (k.nation or "").startswith("owner:"))   # whose count it is stays
                          and set_against(doc.text[min(g.end, fig.end):max(g.start, fig.start)])), None)
            key = rival or key              # "organisers counted 150,000 people, while police said 62,000 took part"
        whole = None
        if doc is not None and INCLUDING.search(doc.text[fig.sentence_start:fig.start]):
            whole = next((k for g, k in reversed(same) if g.start < fig.start and k.event and not k.scope
                          and k.dimension == key.dimension and key.event in (None, k.event)), None)
        if whole is not None:               # "1.1 million marched, including 80,000 in Lisbon": a part of it
            part = key.head if key.head not in (None, "?", "people", whole.head) else "subgroup"
            key = replace(whole, scope=key.scope or part, place=key.place, stated=whole.stated)
            # ("24 killed, including 12 civilians": the civilians' own measure, a part of the toll)
        elif doc is not None and not key.scope:
            key = _place_set_against(fig, key, same, doc) or key
        out.append((fig, key))
    return [(f, replace(k, scope="additional") if f.id in increments and not k.scope else k) for f, k in out]


WHOLE_WORDS = vocab.words("whole_scope_words")
SET_AGAINST_REACH = 200
"""Characters between two counts of one sentence for the second to answer the first."""


def _place_set_against(fig: Figure, key: FigureKey, same: list[tuple[Figure, FigureKey]], doc: Document
                       ) -> Optional[FigureKey]:
    """ "Police counted 80,000 in Lisbon, while the unions counted 400,000": a count set against
    an earlier count for a place, saying nothing of a place or of the whole itself, is the other
    side's count for that place."""
    earlier = [(g, k) for g, k in same if g.start < fig.start and fig.start - g.end <= SET_AGAINST_REACH]
    for g, k in reversed(earlier[-3:]):   # the nearest few: a 10,000-number sentence stays linear
        if not (k.scope and k.scope.startswith("in ")) or k.dimension != key.dimension:
            continue
        between = doc.text[g.end:fig.start]
        rest = fold(doc.text[g.end:min(fig.sentence_end, fig.end + SET_AGAINST_REACH)])
        if set_against(between) and not any(re.search(rf"\b{re.escape(w)}\b", rest) for w in WHOLE_WORDS) \
                and (key.head in (k.head, "people", "?")):
            return replace(k if key.event is None else key, scope=k.scope, place=k.place)
    return None


def set_against(between: str) -> bool:
    """The words between two counts of one sentence set them against each other: a contrast, or
    a credit for each ("18,000 according to police, and 60,000 according to the organisers")."""
    if CONTRAST.search(between) or TWO_CREDITS.search(between):
        return True
    gapped = GAPPED_CREDIT.search(between)  # "the government said 310,000 marched, the unions 800,000"
    return bool(gapped) and (gapped.group(1)[:1].isupper() or singular(fold(gapped.group(1))) in COUNTING_BODIES)


GAPPED_CREDIT = re.compile(r"(?:,|\band)\s+(?:the\s+)?(?:[A-Za-z][\w'’-]*\s+){0,3}([A-Za-z][\w'’-]*)\s+$")
"""A second count credited by gapping the verb: a body's name right before it."""
COUNTING_BODIES = vocab.words("counting_bodies")


def _by_sentence(keyed: list[tuple[Figure, FigureKey]]) -> dict[tuple[str, int], list[tuple[Figure, FigureKey]]]:
    """The keyed figures of each (document, sentence), in order: neighbours are looked up in one
    sentence, not across the whole story (which would be quadratic in the story's figures)."""
    index: dict[tuple[str, int], list[tuple[Figure, FigureKey]]] = defaultdict(list)
    for fig, key in keyed:
        index[(fig.doc, fig.sentence_start)].append((fig, key))
    return index


RUNNING_TOTAL = re.compile(r"\b(?:bringing|taking|raising|pushing|lifting)\s+(?:the\s+|its\s+)?(?:\w+\s+)?"
                           r"(?:total|toll|tally|number|count|figure)\s+(?:\w+\s+){0,5}?to\s+(?:\w+\s+)?$", re.I)
""""..., bringing the total to 507", "taking the number of dead to 20": the whole count of what the
sentence just counted."""
CONTRAST = re.compile(r"\b(?:while|whereas|but|against|compared (?:with|to)|versus|vs|rather than|instead of)\b",
                      re.I)
"""Two counts set against each other in one sentence estimate the same thing."""
TWO_CREDITS = re.compile(r"\baccording to\b|\b(?:said|says|claimed|claims|counted|estimated|put)\b[^.;]*"
                         r"\b(?:while|and|but)\b", re.I)
"""Two figures of one sentence credited each to someone ("26,000 according to the police, and
140,000 according to the unions"; "police said 26,000 and organisers 140,000")."""


OWN_POSSESSIVE = re.compile(r"\b(?:its|their)\s+(?:own\s+)?$|^\s*(?:of\s+)?(?:its|their)\b|"
                            r"^\s*(?:[\w-]+\s+){0,4}?in\s+the\s+country\b|"
                            r"\b(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:lost|loses|lose|suffered)\s+$", re.I)


POSSESSED_COUNT = re.compile(r"\b([A-Z][\w-]+)['’]s\s+(?:own\s+)?(?:losses|casualties|dead|toll|death toll|"
                             r"military losses|troop losses)\s+(?:at|to|of|as)?\s*(?:about\s+|some\s+|more than\s+|"
                             r"at least\s+|nearly\s+|around\s+|over\s+)?$")
"""A count of a country's losses named by its possessive ("Armenia put Azerbaijan's losses at 30")."""
SUBJECT_LOSS = re.compile(r"(?:^|[^\w'’-])((?:[\w'’-]+\s+)?[\w'’-]+)\s+(?:has\s+|had\s+|have\s+)?(?:only\s+)?"
                          r"(?:lost|loses|lose|suffered|suffers|admitted|admits|acknowledged|acknowledges|"
                          r"confirmed|confirms|says|said|reports|reported)\s+(?:that\s+)?"
                          r"(?:only\s+|about\s+|some\s+|around\s+|nearly\s+|at least\s+)?$",
                          re.I)
"""A nation (or its capital) as the subject of a loss or of its own count: "India lost 20 soldiers",
"Armenia says 15 soldiers killed" (a demonym on the count still wins), "Beijing has
acknowledged only four deaths" count that nation's own people."""


def owning_nation(before: str, after: str) -> Optional[str]:
    """The country whose people a count is, when the sentence says it of the only country it
    names before the figure: "Ecuador said it lost 3 soldiers", "Ecuador admitted that 3 of its
    soldiers died", or of the country whose possessive governs it ("put Peru's losses at 30").
    Two sides' dead are two measures."""
    owner = POSSESSED_COUNT.search(before)
    if owner and canonical_place(fold(owner.group(1))):
        return canonical_place(fold(owner.group(1)))
    subject = SUBJECT_LOSS.search(before)
    if subject and len(mentioned_nations(subject.group(1))) == 1:
        return next(iter(mentioned_nations(subject.group(1))))   # "India lost 20 soldiers", "Beijing admitted four deaths"
    nations = mentioned_nations(before)
    if len(nations) != 1:
        return None
    if OWN_POSSESSIVE.search(before) or OWN_POSSESSIVE.match(after) or \
            re.search(r"\b(?:its|their)\b", fold(before)):
        return next(iter(nations))
    return None


ANAPHOR = re.compile(r"\b(?:the|that|this|its|their)\s+(?:same\s+)?(?:figure|rate|share|proportion|number|"
                     r"percentage|estimate)\b", re.I)
"""Words that point back to a quantity just given ("unions put the figure at 70%")."""
RENAMED_SHARE = re.compile(r"\b(?:turnout|participation|the figure|the rate|the share|the proportion)\b[^.;\d]{0,30}$",
                           re.I)
"""A share worded by what it measures rather than whom ("turnout was closer to 80%"), right after
a share of a named group: the same group's share."""
NEXT_PLACE = re.compile(r";\s*(?:and\s+)?in\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s*,\s*[^;]*$")
"""A list of places after a semicolon ("...; in Valencia, 36,000 according to police"): the same count per place."""
_CLAIM_VERB = r"(?:claimed|claims|said|says|put it at|estimated|estimates|counted|counts|reported|reports|cited|gave)"
_CLAIM_QUALIFIER = r"(?:about|around|some|nearly|almost|more than|over|at least|up to|as many as)?"
PUT_AT = re.compile(r"\b(?:put|puts|putting|placed|places|estimated|estimates|pegged|set)\s+(?:the|that|this|its|their)\s+"
                    r"(?:number|figure|toll|death toll|tally|total|count|estimate)\s+at\s+(?:about\s+|around\s+|some\s+|"
                    r"nearly\s+|more than\s+|over\s+|at least\s+|up to\s+)?$")
"""A body's own value of the count just given ("a US assessment put the number at 35")."""
CLAIMED_BARE = re.compile(rf"\b{_CLAIM_VERB}\s+{_CLAIM_QUALIFIER}\s*$")
"""A bare number right after a verb of claiming ("..., while state media reported 28")."""
COUNTER_CLAIM = re.compile(rf"^\W*(?:[A-Z][\w'’-]*\s+|the\s+|its\s+|their\s+|[a-z]+\s+){{0,4}}?{_CLAIM_VERB}\s+"
                           rf"{_CLAIM_QUALIFIER}\s*$")
"""A bare number a body claims in the next sentence ("The unions claimed 3 million"): its own count
of what the sentence before counted."""
SHARE_REACH = 250
"""A percentage without a group ("unions said 70%") is a share of the group of the percentage
given just before it, within this many characters ("42% of teachers were on strike")."""


class StoryPlaces:
    """Places most of the story's articles name: where the whole event happened ("Cenepa",
    "the valley"), as opposed to a town one article gives a part for.  A place some article
    gives a smaller count for beside its whole count (``parts``) is never the event's place,
    however often it is named (the capital of a nationwide strike)."""

    def __init__(self, docs: list[Document]) -> None:
        self.texts = [fold(d.text) for d in docs]
        self.known: dict[str, bool] = {}
        self.parts: set[str] = set()

    def __contains__(self, place: str) -> bool:
        if place in self.parts:
            return False
        if place not in self.known:
            named = sum(1 for t in self.texts if re.search(rf"\b{re.escape(place)}\b", t))
            self.known[place] = named >= 2 and 2 * named >= len(self.texts)
        return self.known[place]


def _places_as_breakdowns(keyed: list[tuple[Figure, FigureKey]], home: StoryPlaces
                          ) -> list[tuple[Figure, FigureKey]]:
    """A count given for a named town or region is a part of the story's total when the story
    splits that quantity by place (figures for two places or more that most articles do not
    name), its article gives a larger count for no place, or its sentence also gives a larger
    count of the same thing ("410,000 marched nationwide, including 62,000 in Lisbon"); otherwise the place is just where the whole event
    happened ("14 killed in Cenepa")."""
    def base(k: FigureKey):
        return (k.event, k.dimension, k.time_ref)
    wholes: dict[tuple, float] = defaultdict(float)     # (doc, base) -> its largest count for no place
    for fig, k in keyed:
        if not k.scope or k.scope.startswith("in ") and k.scope[3:] in home:
            wholes[(fig.doc, base(k))] = max(wholes[(fig.doc, base(k))], fig.value or 0)
    parts = {k.scope for fig, k in keyed if k.scope and k.scope.startswith("in ")
             and wholes[(fig.doc, base(k))] > (fig.value or 0)}     # "80,000 in Lisbon" beside 2 million
    home.parts |= {p[3:] for p in parts}
    places: dict[tuple, set[str]] = defaultdict(set)
    for _, k in keyed:
        if k.scope and k.scope.startswith("in ") and k.scope[3:] not in home:
            places[base(k)].add(k.scope)
    by_sentence = _by_sentence(keyed)
    out = []
    for fig, key in keyed:
        if key.scope and key.scope.startswith("in ") and (
                len(places[base(key)]) < 2 and key.scope not in parts or key.scope[3:] in home) and not any(
                not k.scope and base(k) == base(key) and (g.value or 0) > (fig.value or 0)
                for g, k in by_sentence[(fig.doc, fig.sentence_start)]):
            key = replace(key, scope=None)
        out.append((fig, key))
    return out


def figure_key(fig: Figure, sentence: str = "", before: str = "", owner: Optional[str] = None,
               after: str = "") -> Optional[FigureKey]:
    """The key of an absolute figure, or None when it says too little to be grouped.

    When the figure names no population ("4,000 killed and wounded") the population named in
    its sentence stands in ("losses among North Korean forces"); small counts (under 10) of
    an unnamed population are anecdotes ("two injured soldiers"), not estimates, and get none.
    A percentage or amount of money with nothing counted takes the noun it is the value of
    ("turnout reached 61 percent", "revenue of $4.2 billion").
    """
    counted = TIME_TAIL.sub("", fig.counted) if fig.counted else fig.counted
    if counted != fig.counted:              # "7 dead months after the clash": the count is of the dead
        fig = replace(fig, counted=counted or None)
    head, nation, implied = normalise_counted(fig.counted)
    dim, _ = dimension(fig.unit)
    raw_after = after
    after = COORDINATED_NEXT.sub(" ", _past_counted(fig, after), count=1)
    label = LABEL_BEFORE.match(before) if not fig.counted else None
    if label:                               # "Primary school teachers: 38% on strike"
        head, nation, implied = normalise_counted(label.group(1))
        if dim == "percent":
            head = _group_named(label.group(1)) or head
    elif not fig.counted and before and (dim != "count" or (fig.value or 0) >= 10):
        subject = subject_before(before)
        if subject and _only_as_a_name(subject, before):
            subject = None                  # "the outskirts of Dhaka, reached 219": a place is not what is counted
        if subject:
            head, nation, implied = normalise_counted(subject)
    if not fig.counted and sentence and dim == "count" and (fig.value or 0) >= 10:
        s_head, s_nation = population_in(sentence)
        head, nation = head or s_head, nation or s_nation
    own_event = None if _names_itself(fig) else fig.event
    event = later_event(after) or combined_after(after) or _phrase_with_event_word(own_event, after) or normalise_event(own_event) or \
        implied or event_near(before, after, head is not None or dim != "count")
    if event is None and dim == "count" and not fig.counted:
        topic = re.search(r"\b(?:the|a|an|its|their)\s+((?:[a-z]+\s+)?toll)\b(?!.*\b(?:and|while|but)\b)", fold(before))
        if topic:                           # "The toll from the blast near the port of Varna, reached 40"
            event = EVENT_INDEX.get(topic.group(1)) or EVENT_INDEX.get("toll")
    if event is None and dim == "count" and _is_population(fig, before):
        event = "population"                # "a city of 230,000 inhabitants": who lives there, not who came
    if event in (None, "deployed", "lost"):
        phrase = phrase_after(after)        # "1,744 had been sent to different hospitals": the phrase decides
        event = phrase or event
    if event in PEOPLE_EVENTS and dim == "count" and head not in KNOWN_HEADS and not _counts_occurrences(fig) and (
            not fig.counted or head is None or head in EVENT_INDEX or head in NOT_POPULATIONS):
        head = "people"                     # "the death toll rose to 86", "four more are in critical condition"
    if event == "employed" and WORKING_ON.match(after):
        event = "deployed"                  # "400 firefighters were working on the front line": sent, not hired
    if event == "lost":                     # "lost their lives" is read as killed by the vocabulary
        event = "killed" if head in (None, "people", "troops") else "destroyed"
    if head == "jobs" and event is None and re.match(
            r"\s*(?:\w+\s+)?(?:would|will|could|are to|are set to|to|set to)\s+"
            r"(?:go|be lost|be cut|disappear)\b", after):
        event = "cut"                       # "2,000 jobs would go"
    if head == "jobs" and event in {"killed", "killed_and_wounded"}:
        event = "cut"                       # "job losses", "jobs lost"
    elif event == "killed_and_wounded" and head not in (None, "people", "troops", "?") and \
            fold(fig.event or "") in {"loss", "losses"}:
        event = "destroyed"                 # "aircraft losses": things are not killed
    if fig.relative == "change":
        event = f"change:{fig.change or ''}".rstrip(":") if not event or dim == "percent" else event
    generic_share = False
    if dim == "percent" and head in ("people", "troops") and fig.counted:
        named_group = _group_named(fig.counted)    # "42% of teachers" vs "30% of rail workers": other groups
        frame = FRAMED.match(sentence) if named_group is None else None
        owner_org = OWN_STAFF.search(before) if named_group is None and \
            re.match(r"\s+of\s+(?:its|their)\s", raw_after) else None
        place_of = STAFF_AT.match(after) if named_group is None else None
        if frame:                                  # "At the state energy company, 46% of workers": its workers
            named_group = _group_named(f"{frame.group(1)} {fig.counted}")
        elif owner_org:                            # "the rail operator said 46.3% of its staff"
            named_group = _group_named(f"{owner_org.group(1)} {fig.counted}")
        elif place_of:                             # "45% of workers at the national airline"
            named_group = _group_named(f"{place_of.group(1)} {fig.counted}")
        head, generic_share = named_group or head, named_group is None   # "40% of staff": whose staff?
    elif dim == "percent" and head not in (None, "?") and fig.counted:
        head = _group_named(fig.counted) or head   # "primary school teacher" vs "secondary school teacher"
    if head is None and dim in ("area", "length"):
        head = "territory"
    if head is None and event is None:
        return None
    stated = not (event is None and dim == "count" and head in ("troops", "people")) and not generic_share
    if head == "troops" and event is None and dim == "count":
        event = "deployed"                  # a bare force is the one present, but nothing says so
    if head is None:
        head = "people" if event in {"killed", "wounded", "killed_and_wounded", "missing"} else "?"
        stated = stated and head != "?"
    if head == "people" and event == "voted":
        head = "votes"                      # "152,000 people cast a ballot"
    return FigureKey(head=head, nation=nation or owner, event=event, dimension=dim, stated=stated)


SETTLEMENTS = vocab.words("settlement_nouns")
"""What has inhabitants ("a city of 230,000", "the country's population of 11 million")."""
RESIDENT_NOUNS = vocab.words("resident_nouns")
"""Nouns that count who lives somewhere ("230,000 inhabitants")."""
_APPROX = r"(?:(?:about|around|some|nearly|almost|roughly|over|more than|just over|just under|under)\s+)?"
POPULATION_BEFORE = re.compile(rf"\b(?:(?:{'|'.join(sorted(SETTLEMENTS))})\s+of|population\s+of|"
                               rf"home\s+to|population\s+(?:is|was|of|stands at|stood at))\s+{_APPROX}$")


def _is_population(fig: Figure, before: str) -> bool:
    """The number of people living in a place, which no turnout or toll is a part of."""
    words = fold(fig.counted or "").split()
    return bool(POPULATION_BEFORE.search(fold(before) + " ")) and (
        not words or singular(words[-1]) in RESIDENT_NOUNS | {"people", "person"}) or \
        bool(words) and singular(words[-1]) in RESIDENT_NOUNS and not fig.event


GROUP_STOP = {"the", "of", "a", "an", "all", "its", "their", "his", "her", "our", "these", "those", "total"}


def _group_named(counted: str) -> Optional[str]:
    """The group a share is of, with its modifier ("rail workers" -> "rail worker"), or None when
    only a generic noun names it ("workers", "people")."""
    words = [singular(w) for w in fold(counted).split() if w not in GROUP_STOP and not w.isdigit()]
    if len(words) < 2:
        return None
    return " ".join(words[-3:])            # "primary school teacher" and "secondary school teacher" differ


def _only_as_a_name(word: str, before: str) -> bool:
    """The word occurs before the figure only capitalised inside the sentence: a proper name."""
    hits = list(re.finditer(rf"\b{re.escape(word)}\b", before, re.I))
    return bool(hits) and all(m.group(0)[:1].isupper() and before[:m.start()].strip() for m in hits)


def _counts_occurrences(fig: Figure) -> bool:
    """ "More than 200 marches", "40 attacks": the plural of an event word counts how often it
    happened, not the people it happened to (unlike "deaths" or "arrests", whose nouns name
    people counted by what happened to them, vocab/event_nouns.txt)."""
    words = fold(fig.counted or "").split()
    if not words or not words[-1].endswith("s"):
        return False
    noun = singular(words[-1])
    return noun != words[-1] and noun in EVENT_INDEX and noun not in HEAD_EVENT and noun not in HEAD_CLASS


def _past_counted(fig: Figure, after: str) -> str:
    """The words after the counted phrase ("42% | of primary school teachers | went on strike"): the
    event is looked for right after what is counted, however long its name."""
    if fig.counted:
        m = re.match(r"\s*(?:of\s+(?:the\s+|its\s+|their\s+)?)?" + re.escape(fig.counted) + r"\b", after, re.I)
        if m:
            return after[m.end():]
    return after


def _names_itself(fig: Figure) -> bool:
    """An event word that is the figure's own wording ("Scores of workers" read as *scored*), or
    the noun it counts read as a verb ("460 trains" as *trained*), unless that noun implies the
    event ("2,000 strikers")."""
    if not fig.event:
        return False
    own = normalise_event(fig.event)
    if any(w == fold(fig.event) or EVENT_INDEX.get(singular(w)) == own for w in fold(fig.text).split()):
        return True
    noun = fold(fig.counted or "").split()[-1:]
    return bool(noun) and singular(noun[0]) != noun[0] and EVENT_INDEX.get(singular(noun[0])) == own \
        and normalise_counted(fig.counted)[2] is None


def _phrase_with_event_word(word: Optional[str], after: str) -> Optional[str]:
    """A vocabulary phrase right after the figure that holds the figure's own event word reads
    more than the word alone: "took" is captured, "took to the streets" and "took part" attended."""
    if not word or " " in word.strip():
        return None
    clause = " ".join(re.split(r"[,;:.]", fold(after))[0].split()[:7])
    own = normalise_event(word)
    for phrase, event in vocab.event_phrases():
        m = re.search(rf"\b{re.escape(phrase)}\b", clause)
        if m and m.start() <= 25 and event != own and any(EVENT_INDEX.get(w) == own for w in phrase.split()):
            return event
    return None


def in_base_unit(fig: Figure, value: Optional[float]) -> Optional[float]:
    """A value converted to the base unit of its dimension (km², km, ...)."""
    if value is None:
        return None
    return value * dimension(fig.unit)[1]


def group_figures(docs: list[Document]) -> list[MeasureGroup]:
    """Measure groups over every ``kind == "figure"`` figure of the documents."""
    figures = [f for d in docs for f in d.figures if f.kind == "figure"]
    texts = {d.id: d.text for d in docs}
    mentions = {d.id: [m for m in d.mentions if m.label in ("PERSON", "ORG")] for d in docs}
    owners: dict[str, str] = {}
    for d in docs:
        for m in d.mentions:
            owner = f"owner:{m.entity or fold(m.text)}"
            if len(m.text) > len(owners.get(owner, "")):
                owners[owner] = m.text
    groups: list[MeasureGroup] = []
    keyed: list[tuple[Figure, FigureKey]] = []
    relatives: list[Figure] = []
    context: dict[str, str] = {}
    by_id = {d.id: d for d in docs}
    year = story_year(docs)
    last_event: dict[str, tuple[int, str]] = {}     # doc -> (sentence start, event) of its last counted figure
    last_share: dict[str, tuple[int, FigureKey]] = {}   # doc -> (end, key) of its last percentage of a group
    last_count: dict[str, tuple[int, FigureKey]] = {}   # doc -> (end, key) of its last count of something
    for fig in figures:
        if fig.relative and fig.relative != "change":
            relatives.append(fig)
            continue
        text = texts.get(fig.doc, "")
        before, after = text[fig.sentence_start:fig.start], text[fig.end:fig.sentence_end]
        if is_difference(before, after) or ADDRESS.match(after):
            continue
        if re.search(r"\b[Tt]he\s+$", before) and re.match(r"\s+(?:had|have|has|were|was|are|is|died|who)\b", after):
            continue                        # "the five had died": a pointer back to people counted before
        if DENOMINATOR.search(before):
            continue                        # "120 of its usual 460 trains": 460 is what 120 is counted out of
        subset = SUBSET_OF.match(after) if (fig.value or 0) > 1 else None
        probe = replace(fig, counted=subset.group(1)) if subset and not fig.counted else fig
        key = figure_key(probe, text[fig.sentence_start:fig.sentence_end], before,   # "120 of 460 trains": trains
                         owner_of(fig, text, mentions.get(fig.doc, [])), after)
        if fig.counted and re.search(r"\d", fig.counted) or re.match(r"\s+of\s+(?:the\s+|those\s+)?\d", after) \
                and not subset:
            continue                        # "every one of the 66,000 people": the inner number counts
        labelled = bool(LABEL_BEFORE.match(before))
        if dimension(fig.unit)[0] == "percent" and not fig.counted and not labelled:
            share = last_share.get(fig.doc)
            renamed = bool(share and share[1].event in ("striking", "attended") and RENAMED_SHARE.search(before))
            # "46% of workers took part in the strike ... the union said turnout was closer to 80%"
            if share and 0 <= fig.start - share[0] <= SHARE_REACH and (key is None or key.head == "?" or renamed):
                key = replace(share[1], event=(not renamed and key and key.event) or share[1].event,
                              stated=share[1].stated and (share[0] > fig.sentence_start or renamed or bool(
                                  ANAPHOR.search(before))))
                # the group of an earlier sentence is a guess, unless the words point back to it
        elif key is not None and key.dimension == "percent" and (fig.counted or labelled):
            last_share[fig.doc] = (fig.end, key)
        if (key is None or key.event is None and not key.stated) and not fig.counted and \
                dimension(fig.unit)[0] == "count" and (fig.value or 0) >= 10:
            answered = last_count.get(fig.doc)   # "Some 1.5 million marched, the government said. The unions claimed 3 million."
            if answered and 0 <= fig.start - answered[0] <= SHARE_REACH and (
                    COUNTER_CLAIM.search(before) or TALLY_OF.search(before) or PUT_AT.search(before)):
                key = answered[1]               # "... stuck to its figure of 800,000"
            rival = keyed[-1] if keyed and keyed[-1][0].doc == fig.doc and \
                keyed[-1][0].sentence_start == fig.sentence_start else None
            if key is None and rival and rival[1].dimension == "count" and CONTRAST.search(
                    text[rival[0].end:fig.start]) and CLAIMED_BARE.search(before):
                key = rival[1]                  # "put its losses at more than 30, while state media reported 28"
            bracketed = bool(BRACKETED_AFTER.search(before)) and bool(re.match(r"\s*\)", after))
            if key is None and rival and (rival[1].dimension == "count" and NEXT_PLACE.search(before) or bracketed):
                key = replace(rival[1], scope=None, place=None)   # "...; in Valencia, 36,000", "..., Valencia (36,000)"
            elif key is None and bracketed:       # "marched in Seville (26,000)": the sentence's count
                key = figure_key(probe, text[fig.sentence_start:fig.sentence_end], before[:before.find("(")], None, "")
        if key is None or all(v is None for v in (fig.value, fig.low, fig.high)):
            continue
        if key.nation is None and key.head in ("troops", "people") and key.event in PEOPLE_EVENTS:
            key = replace(key, nation=owning_nation(before, after) or named_country(fig, by_id[fig.doc]))
        if key.dimension == "count" and key.event:
            last_count[fig.doc] = (fig.end, key)
        doc = by_id[fig.doc]
        previous = last_event.get(fig.doc)
        earlier = {previous[1]} if previous and previous[0] < fig.sentence_start else set()
        scope = scope_of(fig, doc, earlier, key.event)
        key = replace(key, scope=scope, time_ref=time_ref(fig, doc, year),
                      place=scope if scope and scope.startswith("in ") else None)
        if key.event:
            last_event[fig.doc] = (fig.sentence_start, key.event)
        if _anecdote(fig, key):
            continue
        keyed.append((fig, key))
        context[fig.id] = text[max(0, text.rfind("\n", 0, max(0, fig.sentence_start - 1)),
                                   text.rfind(". ", 0, max(0, fig.sentence_start - 2))):fig.sentence_end]
    keyed = _inherit_earlier_keys(keyed, {d.id: d for d in docs})
    home = StoryPlaces(docs)
    keyed = _places_as_breakdowns(keyed, home)
    # Specific keys (with a nation) first, so bare ones can join the biggest fitting group.
    counts = Counter(k for _, k in keyed)
    keyed.sort(key=lambda fk: (fk[1].nation is None, -counts[fk[1]], fk[0].id))
    by_dimension: dict[str, list[MeasureGroup]] = defaultdict(list)   # fits() needs the same dimension
    counts_own = own_nations(keyed)
    sure: set[str] = set()     # figures whose nation their own article settles
    for fig, key in keyed:
        fitting = [g for g in by_dimension[key.dimension] if g.key.fits(key)]
        if key.nation is None:     # an elliptical population: the nation must be in context
            own = counts_own.get((fig.doc, _nation_base(key)), set())
            if mentioned_nations(texts[fig.doc][fig.sentence_start:fig.sentence_end]) - own:
                own = set()        # its sentence names another nation: the article's one is no answer
            named = own if len(own) == 1 else mentioned_nations(context[fig.id])
            fitting = [g for g in fitting if g.key.nation is None or g.key.nation in named]
            if len({g.key.nation for g in fitting if g.key.nation}) > 1:
                fitting = [g for g in fitting if g.key.nation is None]   # "the combined toll in A and B": no side
            if len(own) == 1:      # its article counts this for one nation only: that one
                fitting = [g for g in fitting if g.key.nation in own] or fitting
                sure.add(fig.id)
        if fitting:
            best = max(fitting, key=lambda g: len(g.figures))
            best.figures.append(fig)
            if best.key.nation is None and key.nation:
                best.key = key
        else:
            groups.append(MeasureGroup(key=key, figures=[fig]))
            by_dimension[key.dimension].append(groups[-1])
    _merge_synonymous_heads(groups)
    _merge_lengths_into_areas(groups)
    _merge_lone_nation(groups)
    _split_past_events(groups)
    _unscope_without_total(groups)
    figure_group = {f.id: g for g in groups for f in g.figures}
    for fig in relatives:
        target = figure_group.get(fig.relative_to or "")
        if target is None and fig.relative != "change":
            target = _nearest_before(fig, figures, figure_group)
            own_head = normalise_counted(fig.counted)[0]
            if target is not None and own_head and own_head != target.key.head:
                target = None               # "a third term" is not a share of the votes
        if target is not None:
            target.relatives.append(fig)
    for g in groups:
        _mark_conversions(g)
        if g.key.nation and g.key.nation.startswith("owner:"):
            g.owner = owners.get(g.key.nation) or g.key.nation.split(":", 1)[1]
    quiet_figures(groups, {f.id: k for f, k in keyed}, home, sure)
    return groups


def _nation_base(k: FigureKey) -> tuple:
    return (k.head, k.event, k.dimension, k.time_ref)


def own_nations(keyed: list[tuple[Figure, FigureKey]]) -> dict[tuple, set[str]]:
    """(document, what is counted) -> the nations its article names for it: an article that
    counts only Ruritanian dead means Ruritanians by "20 soldiers died" too."""
    out: dict[tuple, set[str]] = defaultdict(set)
    for fig, k in keyed:
        if k.nation and not k.nation.startswith("owner:"):
            out[(fig.doc, _nation_base(k))].add(k.nation)
    return out


def quiet_figures(groups: list[MeasureGroup], own: dict[str, FigureKey], home: StoryPlaces,
                  sure: set[str]) -> None:
    """Fill ``MeasureGroup.quiet``: figures that belong to a measure but are no competing estimate
    of it, because their wording does not say they count the whole of the same thing.  A figure
    conflict a reader can trust needs both figures to say it themselves:

    * what is counted and what happened to it worded at the figure (``FigureKey.stated``);
    * its nation named when the story counts the same thing for several nations ("20 soldiers
      died" in a story of two armies' dead belongs to one side by guess only), unless its own
      article counts that thing for one nation only;
    * whole-event wording: a count given for one named place ("12,000 in Porto") beside a larger
      count of its article, or for a place that most of the story's articles do not name, is a
      part (unless every count of the measure is for that one place: "23 arrested in Lisbon", later
      "31 arrested in Lisbon"); a count worded for a part (a hospital, a subgroup) that joined the whole is one too.
    """
    base = _nation_base
    nations: dict[tuple, set[str]] = defaultdict(set)
    for g in groups:
        if g.key.nation and not g.key.nation.startswith("owner:"):
            nations[base(g.key)].add(g.key.nation)
    for g in groups:
        whole_in_doc: dict[str, float] = defaultdict(float)   # largest count of the group per article, no place
        for f in g.figures:
            if f.id in own and not own[f.id].place:
                whole_in_doc[f.doc] = max(whole_in_doc[f.doc], f.value or 0)
        places = {own[f.id].place for f in g.figures if f.id in own}
        one_place = len(places) == 1 and None not in places   # every count is for that place: none is a part
        for f in g.figures:
            k = own.get(f.id)
            if k is None:
                continue
            if not k.stated:
                g.quiet[f.id] = "what it counts is not worded beside it"
            elif k.nation is None and g.key.nation in nations[base(g.key)] and len(nations[base(g.key)]) > 1 \
                    and f.id not in sure:
                g.quiet[f.id] = "its nation is not named and the story counts several"
            elif k.place and g.key.scope is None and not one_place and (
                    k.place[3:] not in home or whole_in_doc[f.doc] > (f.value or 0)):
                g.quiet[f.id] = f"given for one place ({k.place})"
            elif k.scope and not k.place and g.key.scope is None:
                g.quiet[f.id] = f"given for a part ({k.scope})"


def _anecdote(fig: Figure, key: FigureKey) -> bool:
    """A small count with no event of its own ("two leaders", "one former serviceman") is not
    an estimate anyone reconciles."""
    return normalise_event(fig.event) is None and key.event not in PEOPLE_EVENTS and key.dimension == "count" \
        and (fig.value or 0) < 10


def _nearest_before(fig: Figure, figures: list[Figure], figure_group: dict[str, MeasureGroup]
                    ) -> Optional[MeasureGroup]:
    """"their numbers have been cut in half": the measure of the closest absolute figure
    earlier in the same document (within about two sentences)."""
    before = [f for f in figures if f.doc == fig.doc and f.start < fig.start and f.id in figure_group
              and fig.start - f.end < 400]
    return figure_group[before[-1].id] if before else None




def _merge_synonymous_heads(groups: list[MeasureGroup]) -> None:
    """With the optional embeddings: groups that agree on event, unit dimension and nation but
    count differently worded nouns ("houses destroyed" / "homes destroyed") are one measure.
    Never merges across events or units; does nothing when embeddings are off."""
    if not embeddings.enabled():
        return
    heads = sorted({g.key.head for g in groups if g.key.event and g.key.head != "?"})
    sims = embeddings.similarities(heads, heads)
    if sims is None:
        return
    at = {h: i for i, h in enumerate(heads)}
    for a in sorted(groups, key=lambda g: -len(g.figures)):
        if a not in groups or a.key.head not in at or not a.key.event:
            continue
        for b in list(groups):
            if b is a or b.key.head not in at or b.key.head == a.key.head or {a.key.head, b.key.head} <= KNOWN_HEADS:
                continue                    # both nouns known to the structural rules: they already differ
            if (b.key.event, b.key.dimension, b.key.nation) == (a.key.event, a.key.dimension, a.key.nation) \
                    and sims[at[a.key.head]][at[b.key.head]] >= embeddings.SAME_NOUN:
                a.figures.extend(b.figures)
                a.unit_mismatch.extend(b.unit_mismatch)
                groups.remove(b)


def _unscope_without_total(groups: list[MeasureGroup]) -> None:
    """A place is a breakdown only beside a larger whole-event count: "a Lehigh County man was
    killed" with no other toll is the whole event, told with its place; counts for several
    places of the same thing stay each their place's."""
    def base(k: FigureKey):
        return (k.event, k.dimension, k.time_ref, k.nation)
    for g in [g for g in groups if g.key.scope and g.key.scope not in ("additional", "subgroup", "remaining", "each",
                                                                         "both sides")]:
        if any(w in g.key.scope.split() for w in ("including",)) or g not in groups:
            continue
        top = max((f.value or 0) for f in g.figures)
        wholes = [w for w in groups if w is not g and not w.key.scope and base(w.key) == base(g.key)
                  and w.key.head in (g.key.head, "people", "troops")]
        if any(max((f.value or 0) for f in w.figures) > top for w in wholes):
            continue
        if wholes:
            target = max(wholes, key=lambda w: len(w.figures))
            target.figures.extend(g.figures)
            target.unit_mismatch.extend(g.unit_mismatch)
            groups.remove(g)
        elif not any(o is not g and o.key.scope and o.key.scope.startswith("in ") and o.key.scope != g.key.scope
                     and base(o.key) == base(g.key) for o in groups):
            g.key = replace(g.key, scope=None)   # several places counted apart ("Seville", "Valencia") stay apart


def _split_past_events(groups: list[MeasureGroup]) -> None:
    """Past events quoted for comparison are each their own event: historical figures share a
    measure only when they give the same value (one earlier fire cited by two outlets), or when
    one sentence sets them against each other ("in 2023 the ministry counted 200,000 and the
    unions 350,000")."""
    for g in [g for g in groups if g.key.time_ref == "historical" and len(g.figures) > 1]:
        clusters: list[list[Figure]] = []
        for f in g.figures:
            home = next((c for c in clusters if c[0].value and f.value
                         and abs(c[0].value - f.value) <= 0.05 * max(c[0].value, f.value)
                         or any(o.doc == f.doc and o.sentence_start == f.sentence_start for o in c)), None)
            if home is None:
                clusters.append([f])
            else:
                home.append(f)
        if len(clusters) > 1:
            at = groups.index(g)
            groups[at:at + 1] = [MeasureGroup(key=g.key, figures=c,
                                              unit_mismatch=[f for f in g.unit_mismatch if f in c]) for c in clusters]


def _merge_lone_nation(groups: list[MeasureGroup]) -> None:
    """A population named with its nation ("Indonesian people killed") and the same population
    without one are one measure when no other nation's figures of that kind exist in the set
    (India's and China's dead stay apart)."""
    def base(k: FigureKey):
        return (k.head, k.event, k.dimension, k.scope, k.time_ref)
    for g in list(groups):
        if not g.key.nation or g.key.nation.startswith("owner:") or g not in groups:
            continue
        others = [o for o in groups if o is not g and base(o.key) == base(g.key)]
        if any(o.key.nation and o.key.nation != g.key.nation for o in others):
            continue
        bare = [o for o in others if o.key.nation is None]
        if bare:
            target = max(bare, key=lambda o: len(o.figures))
            target.figures.extend(g.figures)
            target.unit_mismatch.extend(g.unit_mismatch)
            target.key = g.key
            groups.remove(g)


def _merge_lengths_into_areas(groups: list[MeasureGroup]) -> None:
    for g in list(groups):
        if g.key.dimension != "length":
            continue
        for area in groups:
            if area.key.dimension == "area" and area.key.event == g.key.event and (
                    area.key.head == g.key.head or "territory" in (area.key.head, g.key.head)):
                area.figures.extend(g.figures)
                area.unit_mismatch.extend(g.figures)
                groups.remove(g)
                break


def _mark_conversions(group: MeasureGroup) -> None:
    seen: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for fig in group.figures:
        seen[(fig.doc, fig.sentence_start)].append(fig)
    for figs in seen.values():
        for i, a in enumerate(figs):
            for b in figs[i + 1:]:
                va, vb = in_base_unit(a, a.value), in_base_unit(b, b.value)
                if a.unit != b.unit and va and vb and abs(va - vb) <= 0.03 * max(va, vb):
                    group.conversions.add(b.id if b.start > a.start else a.id)


def label_for(group: MeasureGroup) -> str:
    """A short label a human would write, stable whatever the figures' wording: "People killed",
    "North Korean troops deployed", "Territory captured (km²)", "People killed, inside the stadium",
    "People killed (historical)"."""
    key = group.key
    texts = Counter(fold(f.counted) for f in group.figures if f.counted)
    if group.owner:
        counted = f"{key.head} for {group.owner}"
    elif key.head in ("troops", "people") and key.nation:
        counted = f"{_nation_adjective(key.nation)} {key.head}"
    elif key.head in ("troops", "people"):       # a population named by a proper adjective stays named
        named = Counter(f.counted for f in group.figures if f.counted and len(f.counted.split()) <= 3
                        and re.search(r"\b[A-Z][a-z]", f.counted) and normalise_counted(f.counted)[0] == key.head)
        counted = fold(named.most_common(1)[0][0]) if named else key.head
    else:
        own = [t for t in texts if normalise_counted(t)[0] == key.head and len(t.split()) <= 3]
        counted = min(own, key=lambda t: (-texts[t], len(t))) if own else _plural(key.head)
        if key.nation and not normalise_counted(counted)[1]:
            counted = f"{_nation_adjective(key.nation)} {counted}"
    counted = _demonym_phrase(_without_units(counted))
    last = counted.split()[-1] if counted.split() else ""
    if key.event and EVENT_INDEX.get(singular(last)) == key.event and singular(last) != last:
        counted = " ".join(counted.split()[:-1] + [singular(last)])   # "Turnout (%)", not "Turnouts attended"
    if key.event and (fold(key.event.replace("_", " ")) in counted or EVENT_INDEX.get(singular(last)) == key.event):
        event = ""
    else:
        event = EVENT_LABEL.get(key.event, (key.event or "").replace("_", " "))
    unit = BASE_UNIT.get(key.dimension, group.figures[0].unit)
    suffix = f" ({UNIT_LABEL.get(unit, unit)})" if unit and unit != "count" else ""
    label = " ".join(p for p in (counted, event) if p).strip()
    if key.scope and key.scope not in fold(label):
        label += f", {key.scope}"
    if key.time_ref != "current":
        suffix = f" ({key.time_ref})" + suffix
    return (label[:1].upper() + label[1:] + suffix) if label else f"Quantity{suffix}"


def _plural(noun: str) -> str:
    if noun in ("?", "people", "troops", "territory") or noun.endswith(("s", "staff", "workforce", "personnel")):
        return "quantity" if noun == "?" else noun
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"


UNIT_WORDS = {"square", "kilometer", "kilometers", "kilometre", "kilometres", "km", "mile", "miles",
              "meter", "meters", "metre", "metres", "hectare", "hectares", "acre", "acres", "sq", "of"}


def _without_units(text: str) -> str:
    words = text.split()
    while words and words[0] in UNIT_WORDS:
        words = words[1:]
    return " ".join(words) or "area"


def _demonym_phrase(text: str) -> str:
    """Restore capitals of nationalities in a folded phrase ("north korean troops")."""
    for demonym in sorted(DEMONYMS, key=len, reverse=True):
        if "." in demonym:
            continue
        text = re.sub(rf"\b{demonym}(s?)\b", lambda m: demonym.title() + m.group(1), text)
    return text


def build_measures(docs: list[Document]) -> tuple[list[Measure], dict[str, MeasureGroup]]:
    """Measures with id, label, unit, counted, event, figures and related (no verdicts yet)."""
    groups = group_figures(docs)
    groups.sort(key=lambda g: (-len(g.figures), label_for(g)))
    measures: list[Measure] = []
    by_id: dict[str, MeasureGroup] = {}
    for i, g in enumerate(groups, 1):
        m = Measure(id=f"M{i}", label=label_for(g), unit=BASE_UNIT.get(g.key.dimension, g.figures[0].unit),
                    counted=_counted_label(g),
                    event=g.key.event,
                    figures=[f.id for f in g.figures] + [f.id for f in g.relatives],
                    scope=g.key.scope, time_ref=g.key.time_ref)
        measures.append(m)
        by_id[m.id] = g
    _relate_combined(measures, by_id)
    _relate_parts(measures, by_id)
    for g in groups:                        # the figure's event as its measure reads it (one vocabulary)
        if g.key.event in EVENTS:
            for f in g.figures:
                f.event = g.key.event
    return measures, by_id


def _relate_parts(measures: list[Measure], groups: dict[str, MeasureGroup]) -> None:
    """A breakdown ("inside the stadium", "police officers among the dead", "another 29") is part
    of the whole-event measure of the same event and dimension: ``parent`` and ``related``."""
    for m in measures:
        key = groups[m.id].key
        if not key.scope:
            continue
        wholes = [o for o in measures if o is not m and not groups[o.id].key.scope
                  and (groups[o.id].key.event, groups[o.id].key.dimension, groups[o.id].key.time_ref)
                  == (key.event, key.dimension, key.time_ref)
                  and groups[o.id].key.head in (key.head, "people", "troops")]
        if wholes:
            whole = max(wholes, key=lambda o: (groups[o.id].key.head == key.head, len(o.figures)))
            m.parent = whole.id
            m.related.append(whole.id)
            whole.related.append(m.id)


def _counted_label(group: MeasureGroup) -> str:
    """ "North Korean troops", "votes for Daniel Okafor", "people"."""
    key = group.key
    if group.owner:
        return f"{key.head} for {group.owner}"
    if key.nation and not key.nation.startswith("owner:"):
        return _demonym_phrase(f"{_nation_adjective(key.nation)} {key.head}")
    return key.head


def _nation_adjective(nation: str) -> str:
    for demonym, country in DEMONYMS.items():
        if country == nation and "." not in demonym and len(demonym) > 2:
            return demonym
    return nation


def _relate_combined(measures: list[Measure], groups: dict[str, MeasureGroup]) -> None:
    for m in measures:
        if m.event != "killed_and_wounded":
            continue
        key = groups[m.id].key
        for other in measures:
            okey = groups[other.id].key
            if other.event in ("killed", "wounded") and okey.dimension == key.dimension and (
                    FigureKey(okey.head, okey.nation, key.event, okey.dimension).fits(key)):
                m.related.append(other.id)
                other.related.append(m.id)
