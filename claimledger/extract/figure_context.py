"""What the sentence says about a figure: qualifier, hedge, negation, counted noun, event, relation.

All readings come from the words around the number and the dependency parse (used as a guide:
the small model misparses, so each reading has a surface fallback).
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimledger import vocab
from claimledger.extract import numbers as num
from claimledger.extract import units as un
from claimledger.extract.figure_kinds import MONTHS
from claimledger.extract.figure_spans import DOWN_LEMMAS, UP_LEMMAS, Found
from claimledger.model import Figure
from claimledger.vocab import words
from claimledger.extract.sentence_index import per_sentence, token_sentence

QUALIFIER_PHRASES: list[tuple[str, str]] = sorted([
    ("about", "approx"), ("around", "approx"), ("some", "approx"), ("roughly", "approx"),
    ("approximately", "approx"), ("an estimated", "approx"), ("estimated", "approx"),
    ("circa", "approx"), ("approx.", "approx"), ("close to", "approx"), ("nearly", "at_most"),
    ("almost", "at_most"), ("at least", "at_least"), ("more than", "at_least"), ("over", "at_least"),
    ("upwards of", "at_least"), ("in excess of", "at_least"), ("above", "at_least"),
    ("no fewer than", "at_least"), ("no less than", "at_least"), ("not less than", "at_least"),
    ("exceeding", "at_least"), ("at minimum", "at_least"), ("up to", "at_most"),
    ("as many as", "at_most"), ("as high as", "at_most"), ("as much as", "at_most"),
    ("no more than", "at_most"), ("not more than", "at_most"), ("fewer than", "at_most"),
    ("less than", "at_most"), ("under", "at_most"), ("below", "at_most"), ("just under", "at_most"),
    ("a maximum of", "at_most"), ("at most", "at_most"), ("just over", "at_least"),
    ("well over", "at_least"), ("some more than", "at_least"), ("higher than", "at_least"),
    ("greater than", "at_least"), ("lower than", "at_most"), ("less than", "at_most"),
    ("just below", "at_most"), ("just shy of", "at_most"), ("more than double", "at_least"),
    ("closer to", "approx"), ("barely", "at_most"), ("scarcely", "at_most"), ("a little over", "at_least"),
    ("a little under", "at_most"), ("north of", "at_least"),
], key=lambda p: -len(p[0]))
QUALIFIER_PHRASES = sorted(dict(QUALIFIER_PHRASES).items(), key=lambda p: -len(p[0]))
"""Words before a number that bound it, longest first."""

QUALIFIER_SUFFIXES = {"or more": "at_least", "plus": "at_least", "+": "at_least", "or so": "approx",
                      "or fewer": "at_most", "or less": "at_most"}


HEDGES = ("probably", "possibly", "reportedly", "believed", "could", "might", "may", "estimated",
          "allegedly", "likely", "unconfirmed", "perhaps", "purportedly", "apparently",
          "supposedly", "estimates", "thought")


NEGATION_CUES = {"not", "n't", "never", "no"}

DENIAL_LEMMAS = {"deny", "reject", "dismiss", "refute"}

EVENT_LEMMAS = {w: e for w, e in vocab.event_index().items() if " " not in w}
"""Lemma of the governing predicate (or of the counted noun) -> event, from the ONE event
vocabulary (``claimledger/vocab/events/*.txt``, names in :data:`claimledger.model.EVENTS`)."""

EVENT_PAIRS = {frozenset({"killed", "wounded"}): "killed_and_wounded", frozenset({"shot", "killed"}): "killed",
               frozenset({"shot", "wounded"}): "wounded"}
""""shot and killed" is a death, "shot and wounded" an injury: the second verb says which."""

REPORTING_LEMMAS = {"believe", "say", "report", "estimate", "think", "expect", "claim", "fear",
                    "suggest", "appear", "seem", "confirm", "know", "assume", "reckon"}


FOLD = re.compile(r"^([a-z]+|\d+)fold$")
"""``sixfold``, ``tenfold``, ``3fold``: a multiple written as one word."""

MULTIPLIER_LEMMAS = {"double": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0, "halve": 0.5}

DETERMINERS = {"the", "a", "an", "these", "those", "this", "that", "their", "its", "his", "her",
               "our", "your", "my", "some", "of", "'s", "’s", "all", "other", "another", "such"}


TIME_DEICTICS = {"last", "next", "this", "same"}
TIME_NOUNS = {"year", "month", "week", "day", "quarter", "season", "time", "period", "night", "morning",
              "weekend", "summer", "winter", "spring", "autumn", "fall"}

POPULATION_WORDS = {"them", "those", "these", "which", "whom"}

AS_OF = re.compile(
    r"\b(so far|to date|thus far|as of [^,;.]+|by (?:the end of )?(?:last|this|next|early|late|mid-?)\s?\w+"
    r"|since (?:their|its|the|his|her|our|then|last|early|late)\b(?: \w+)?|since (?:"
    + "|".join(m for m in MONTHS if len(m) > 4 and "." not in m) + r")\b(?: \d{4})?"
    r"|(?:earlier |late |early )?(?:last|this|next) (?:week|month|year|summer|winter|spring|autumn|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    + "|".join(m for m in MONTHS if len(m) > 4 and "." not in m) + r")"
    r"|in recent (?:days|weeks|months|years)|in (?:the )?(?:past|last) (?:\w+ )?(?:days|weeks|months|years|day|week|month|year))\b",
    re.I)


COLLECTIVE_NOUNS = {"number", "total", "toll", "count", "tally", "figure", "tallies", "numbers", "ranks"}


def qualify(parsed: SpacyDoc, item: Found) -> None:
    if item.number.is_range:
        item.qualifier = "range"
    lo = max(item.start - 6, token_sentence(parsed[item.start]).start)
    window = [t for t in parsed[lo:item.start] if not t.is_quote]
    before = [t.lower_ for t in window][-4:]
    joined = " ".join(before)
    for phrase, qualifier in QUALIFIER_PHRASES:
        if joined == phrase or joined.endswith(" " + phrase):
            n_words = len(phrase.split())
            if phrase in ("over", "under", "above", "below") and item.unit in un.TIME_UNITS and parsed[
                    item.start - 1].dep_ not in (
                    "quantmod", "advmod", "amod") and parsed[item.start - 1].head.i != item.num_end - 1 \
                    and not (parsed[item.start - 1].head.i >= item.num_start):
                continue
            if phrase == "some" and item.number.value < 10:
                continue
            if item.qualifier == "range":
                item.qualifier_text = " ".join(before[-n_words:])
                return
            first = window[-n_words]
            item.qualifier = qualifier
            item.qualifier_text = " ".join(t.text for t in window[-n_words:])
            item.extra["qual_start"] = first.i
            return
    if item.qualifier != "range" and window and window[-1].pos_ in ("VERB", "AUX") \
            and _bound_by_verb(window[-1], item):
        return
    after = parsed[item.end:item.end + 2].text.lower()
    for suffix, qualifier in QUALIFIER_SUFFIXES.items():
        if after.startswith(suffix) and item.qualifier != "range":
            item.qualifier, item.qualifier_text = qualifier, suffix
            return


def _bound_by_verb(verb: Token, item: Found) -> bool:
    """``the toll nears 400`` (at most), ``deaths exceeded 300`` / ``crossed 1,000`` (more than)."""
    lemma = verb.lemma_.lower()
    if lemma in words("figure_verbs_nearing"):
        item.qualifier, item.qualifier_text = "at_most", verb.text
    elif lemma in words("figure_verbs_passing"):
        item.qualifier, item.qualifier_text = "at_least", verb.text
    else:
        return False
    return True


def bounds(item: Found) -> tuple[Optional[float], Optional[float], Optional[float]]:
    """(value, low, high) after the qualifier: approx ±10 %, at_least / at_most open on one side."""
    n = item.number
    value, low, high = n.value, n.low, n.high
    q = item.qualifier
    if n.vague or n.is_range:
        pass
    elif q == "approx":
        low, high = value * 0.9, value * 1.1
    elif q == "at_least":
        low, high = value, None
    elif q == "at_most":
        nearly = (item.qualifier_text or "").lower() in ("nearly", "almost")
        low, high = (value * 0.9 if nearly else None), value
    return num.tidy(value), num.tidy(low), num.tidy(high)


def hedge(parsed: SpacyDoc, item: Found, anchor: Token) -> Optional[str]:
    """A hedging word that governs the figure's clause (not one from a neighbouring clause)."""
    hedges = per_sentence(parsed, token_sentence(anchor), "hedges", lambda s: [t for t in s if t.lower_ in HEDGES])
    if not hedges:
        return None
    chain = [anchor] + [parsed[i] for i in range(item.start, item.end) if i != anchor.i]
    node = anchor
    while node.head.i != node.i:
        node = node.head
        chain.append(node)
    for node in chain:   # the closest governing hedge wins
        for tok in hedges:
            if (tok.i == node.i and node.i != anchor.i) or tok.head.i == node.i:
                return tok.text
    return None


def negated(parsed: SpacyDoc, item: Found, anchor: Token) -> bool:
    window = [t.lower_ for t in parsed[max(item.start - 2, token_sentence(anchor).start):item.start]]
    if any(w in NEGATION_CUES for w in window):
        return True
    if _reported_as_false(anchor):
        return True
    node = anchor
    for _ in range(4):
        if node.head.i == node.i:
            break
        is_subject = node.dep_ in ("nsubj", "nsubjpass")
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            # "had not sent 10,000 doctors" denies the figure; "1 in 5 adults do not exercise" asserts it
            negated_heads = per_sentence(parsed, token_sentence(anchor), "neg_heads",
                                         lambda s: {t.head.i for t in s if t.dep_ == "neg"})
            if node.i in negated_heads and not is_subject:
                return True
            if node.lemma_ in DENIAL_LEMMAS:
                return True
    denials = per_sentence(parsed, token_sentence(anchor), "denials", lambda s: [t.i for t in s if t.lemma_ in DENIAL_LEMMAS])
    return bool(denials) and denials[0] < anchor.i


def _reported_as_false(anchor: Token) -> bool:
    """``Reports of 60 dead are wrong``: the figure sits in the subject of a predicate that denies it."""
    node = anchor
    in_subject = False
    for _ in range(8):
        if node.head.i == node.i:
            break
        in_subject = in_subject or node.dep_ in ("nsubj", "nsubjpass")
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            if in_subject and any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in words("figure_false_words")
                                  for c in node.children):
                return True
            if node.dep_ not in ("ccomp", "conj", "advcl"):
                break
            in_subject = False
    return False


def counted_phrase(parsed: SpacyDoc, item: Found) -> tuple[Optional[str], Optional[Token]]:
    """What the number counts: the noun phrase it modifies (unit words and 'of'-phrase kept)."""
    e = item.unit_end
    sent_end = token_sentence(parsed[item.num_start]).end
    j = e
    unit_head = parsed[e - 1] if e > item.num_end else None
    if item.unit in un.AREA_UNITS | un.LENGTH_UNITS | {"t", "kg", "bbl", "l", "gal"}:
        if j < sent_end and parsed[j].lower_ == "of":
            phrase, _head = _noun_phrase(parsed, j + 1, sent_end)
            if phrase:
                return f"{item.unit_text} of {phrase}", unit_head
        return item.unit_text, unit_head
    if item.unit == "percent" or (item.unit and item.unit not in ("count",)):
        if j < sent_end and parsed[j].lower_ == "of":
            phrase, head = _noun_phrase(parsed, j + 1, sent_end)
            return phrase, head
        return None, None
    if j < sent_end and parsed[j].lower_ == "of":
        # "two of its five plants" counts plants; "half of the 1,250 km2" keeps the number (linked later)
        return _noun_phrase(parsed, j + 1, sent_end, direct=not item.number.fraction)
    return _noun_phrase(parsed, j, sent_end, direct=True)


def _noun_phrase(parsed: SpacyDoc, j: int, sent_end: int, direct: bool = False) -> tuple[Optional[str], Optional[Token]]:
    """The noun phrase starting at token ``j`` (determiners and numbers skipped)."""
    while j < sent_end and (parsed[j].lower_ in DETERMINERS or parsed[j].pos_ == "DET" or (
            direct and parsed[j].like_num)):
        j += 1
    if j < sent_end and parsed[j].lower_ in POPULATION_WORDS:
        return None, parsed[j]
    if j + 1 < sent_end and parsed[j].lower_ in TIME_DEICTICS and parsed[j + 1].lemma_.lower() in TIME_NOUNS \
            and parsed[j + 1].tag_ == "NN":
        return None, None   # "2.1 last year": a time, not what is counted
    if j + 1 < sent_end and parsed[j].lemma_.lower() in TIME_NOUNS \
            and parsed[j + 1].lower_ in ("earlier", "ago", "before", "later", "after", "previously"):
        return None, None   # "up from 3.9 a year earlier"
    words: list[Token] = []
    head: Optional[Token] = None
    k = j
    while k < sent_end and k < j + 7:
        tok = parsed[k]
        nxt_pos = parsed[k + 1].pos_ if k + 1 < sent_end else ""
        modifier_verb = tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "compound", "nmod") and nxt_pos in (
            "NOUN", "PROPN", "ADJ")
        coordinated = tok.lower_ in ("and", "or", "&") and words and head is None or (
            tok.lower_ in ("and", "or", "&") and words and words[-1].pos_ in ("ADJ", "PROPN")
            and nxt_pos in ("ADJ", "PROPN", "NOUN") and (head is None or head.tag_ not in ("NNS", "NNPS")))
        if tok.lower_ in ("most", "least", "more", "less") and tok.pos_ == "ADV" and nxt_pos == "ADJ":
            words.append(tok)   # "one of the most gifted attackers"
            k += 1
            continue
        if tok.tag_ == "POS" and words and words[-1].pos_ in ("NOUN", "PROPN") and nxt_pos in ("NOUN", "ADJ"):
            words.append(tok)   # "two of Johnson's deputies"
            head = None
            k += 1
            continue
        name_number = tok.like_num and words and words[-1].pos_ == "PROPN" and words[-1].is_title \
            and nxt_pos in ("NOUN", "PROPN")   # "63,000 Model 3 sedans", "12 Boeing 737 jets"
        if tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and tok.tag_ != "VBN") or tok.text == "-" or (
                tok.pos_ == "NUM" and not direct) or name_number or modifier_verb or (coordinated and nxt_pos in ("ADJ", "PROPN", "NOUN")):
            words.append(tok)
            if tok.pos_ in ("NOUN", "PROPN"):
                head = tok
            k += 1
            if tok.pos_ == "NOUN" and tok.tag_ in ("NNS",) and not (k < sent_end and parsed[k].pos_ == "NOUN"):
                break
        else:
            break
    if head is None:
        return None, None
    words = [w for w in words if w.i <= head.i]
    if direct and words and head.pos_ == "PROPN" and all(w.pos_ == "PROPN" for w in words) and head.tag_ != "NNPS":
        return None, None
    text = parsed[words[0].i:head.i + 1].text
    phrase = normalise_phrase(text, words)
    k = head.i + 1
    if k + 1 < sent_end and parsed[k].lower_ in ("per", "a", "an", "each", "every") and \
            un.unit_after([parsed[k + 1].text]) and un.unit_after([parsed[k + 1].text])[0] in un.TIME_UNITS \
            and parsed[k + 1].tag_ == "NN":
        phrase = f"{phrase} per {parsed[k + 1].lower_}"   # "3,000 tests per day": a rate
    return phrase, head


def normalise_phrase(text: str, words: list[Token]) -> str:
    out = []
    for w in words:
        out.append(w.text if w.pos_ == "PROPN" or w.text.isupper() or w.ent_type_ else w.lower_)
    phrase = " ".join(out).replace(" - ", "-").replace(" 's", "'s").replace(" ’s", "’s")
    return phrase


def event_of(parsed: SpacyDoc, item: Found, head: Optional[Token]) -> Optional[str]:
    """The event of the figure's predicate; people are shot, so "shot" is only an event of a count."""
    event = _event_of(parsed, item, head)
    if event == "shot" and item.unit not in (None, "count"):
        return None                         # "shot 45 percent from the field"
    return event


def event_adverb(parsed: SpacyDoc, item: Found) -> Optional[str]:
    """ "three were shot, one fatally", "one of them fatally": an elliptical clause whose only
    predicate is an event adverb right after the number (an "of" phrase may come between)."""
    end = token_sentence(parsed[item.num_start]).end
    k = item.end
    if k + 1 < end and parsed[k].lower_ == "of" and parsed[k + 1].lower_ in POPULATION_WORDS | {"them"}:
        k += 2
    tok = parsed[k] if k < end else None
    if tok is not None and tok.pos_ == "ADV" and tok.lower_ in EVENT_LEMMAS:
        return EVENT_LEMMAS[tok.lower_]
    return None


def _event_of(parsed: SpacyDoc, item: Found, head: Optional[Token]) -> Optional[str]:
    anchor = head if head is not None else parsed[item.num_end - 1]
    adverb = event_adverb(parsed, item)
    if adverb:
        return adverb
    own_numbers = set(range(item.num_start, item.num_end))
    # nouns that are events themselves: "300 deaths", "2,000 casualties"
    if head is not None and head.lemma_.lower() in EVENT_LEMMAS and head.pos_ == "NOUN":
        return EVENT_LEMMAS[head.lemma_.lower()]
    # participles right after: "2,700 wounded", "4,000 killed and wounded", "soldiers killed"
    for child in anchor.children:
        if child.dep_ in ("acl", "relcl", "amod") and child.i > anchor.i and child.lemma_.lower() in EVENT_LEMMAS:
            return _with_conjuncts(child, own_numbers)
    node = anchor
    for _ in range(5):
        if node.dep_ == "ROOT" and node.head.i == node.i:
            break
        if node.dep_ == "pobj" and node.head.lower_ not in ("of", "by", "with"):
            break   # "scoring twice before 74,000 fans": the fans are a setting, not what was scored
        node = node.head
        lemma = node.lemma_.lower()
        if node.pos_ == "ADP":
            continue
        if node.pos_ in ("NOUN", "PROPN") and node.i != anchor.i:
            if lemma in EVENT_LEMMAS and node.pos_ == "NOUN":
                return EVENT_LEMMAS[lemma]
            if node.dep_ not in ("appos", "conj", "compound"):
                break
        if node.pos_ in ("VERB", "ADJ", "AUX") or node.tag_.startswith("VB"):
            if lemma in EVENT_LEMMAS:
                return _with_conjuncts(node, own_numbers)
            if lemma in REPORTING_LEMMAS:
                for child in node.children:
                    if child.dep_ in ("xcomp", "ccomp") and child.lemma_.lower() in EVENT_LEMMAS:
                        return _with_conjuncts(child, own_numbers)
            if node.pos_ == "VERB" and lemma not in ("be", "have"):
                break
    # surface fallback: "2,700 wounded" or "the 1,250 km² (483 sq mi) it captured" misparsed
    return _event_after(parsed, head.i + 1 if head is not None else item.end, token_sentence(anchor).end, own_numbers)


def _event_after(parsed: SpacyDoc, k: int, sent_end: int, own: set[int]) -> Optional[str]:
    """Event participle or relative-clause verb just after the counted phrase."""
    if k < sent_end and parsed[k].text == "(":
        while k < sent_end and parsed[k].text != ")":
            k += 1
        k += 1
    seen_subject = False
    for tok in parsed[k:min(k + 4, sent_end)]:
        lemma = tok.lemma_.lower()
        if lemma in EVENT_LEMMAS and tok.tag_ in ("VBN", "JJ", "VBD"):
            return _with_conjuncts(tok, own)
        if tok.pos_ == "PRON" and not seen_subject:
            seen_subject = True
            continue
        if tok.pos_ in ("AUX", "PART", "ADV"):
            continue
        break
    return None


HARM_DEGREE = words("harm_degree_adverbs")
"""Adverbs that grade a harm ("not seriously hurt" is still hurt, only not badly)."""


def denied_predicate(verb: Token) -> bool:
    """ "were not injured", "was never hurt": the predicate itself is negated, so its subject is a
    count of people the event spared, not of its casualties; "not seriously hurt" grades the
    harm and still asserts it."""
    kids = list(verb.children)
    if not any(c.dep_ == "neg" for c in kids):
        return False
    return not any(c.dep_ == "advmod" and c.lower_ in HARM_DEGREE for c in kids)


def _with_conjuncts(verb: Token, own: set[int]) -> Optional[str]:
    """``killed and wounded`` sharing one figure → ``killed_and_wounded``; a negated predicate
    ("two others were not hurt") names no event of the figure."""
    if denied_predicate(verb):
        return None
    label = EVENT_LEMMAS[verb.lemma_.lower()]
    if label == "shot":
        label = shot_how(verb) or label
    labels = {label}
    related = list(verb.conjuncts)
    for other in related:
        lemma = other.lemma_.lower()
        if lemma not in EVENT_LEMMAS:
            continue
        has_own_figure = any(c.like_num or any(g.like_num for g in c.children) for c in other.children
                             if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i not in own)
        if other.i > verb.i and not has_own_figure and _adjacent_conj(verb, other):
            labels.add(EVENT_LEMMAS[lemma])
        elif other.i < verb.i and not _has_number_subject(verb, own) and _adjacent_conj(other, verb):
            labels.add(EVENT_LEMMAS[lemma])
    if len(labels) > 1:
        return EVENT_PAIRS.get(frozenset(labels), "_and_".join(sorted(labels)))
    return label


def shot_how(verb: Token) -> Optional[str]:
    """ "fatally shot", "shot dead", "shot and wounded": a phrase of the vocabulary around the
    verb, or an event adverb of the verb ("fatally shooting"), says whether the people shot died
    or were hurt."""
    for child in verb.children:
        if child.dep_ == "advmod" and EVENT_LEMMAS.get(child.lower_) in ("killed", "wounded"):
            return EVENT_LEMMAS[child.lower_]
    sent = token_sentence(verb)
    around = verb.doc[max(sent.start, verb.i - 2):min(verb.i + 4, sent.end)].text.lower()
    for phrase, event in vocab.event_phrases():
        if event in ("killed", "wounded") and verb.lower_ in phrase.split() and phrase in around:
            return event
    return None


def _adjacent_conj(first: Token, second: Token) -> bool:
    between = first.doc[first.i + 1:second.i]
    return len(between) <= 2 and all(t.lower_ in ("and", "or", ",", "&") for t in between)


def _has_number_subject(verb: Token, own: set[int]) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.like_num or c.i in own) for c in verb.children)

# Relations ------------------------------------------------------------------------------------


NOT_CHANGE_PHRASALS = {"give", "pick", "set", "sign", "put", "take", "make", "show", "back", "look", "break",
                       "shut", "write", "step", "hand", "open", "clean", "sum", "wrap", "bring", "use", "rack",
                       "run", "mop", "serve", "line", "chalk", "ramp", "turn", "play", "tie", "hold", "lock"}
"""Verbs whose particle 'up'/'down' makes no rise or fall of the figure ("gave up 517 yards")."""


def relation(parsed: SpacyDoc, item: Found) -> tuple[Optional[str], Optional[str]]:
    """(relative, change) from the words around the figure."""
    if item.number.fraction:
        before = [t.lower_ for t in parsed[max(0, item.start - 3):item.start]]
        if before[-1:] == ["in"] and len(before) >= 2:
            verb = parsed[item.start - 2]
            if verb.lemma_.lower() in DOWN_LEMMAS | {"cut", "split", "slice", "divide", "reduce"}:
                return "multiple", "down"
        return "share", None
    prev = parsed[item.start - 1] if item.start > 0 else None
    if item.extra.get("qual_start") is not None and item.extra["qual_start"] > 0:
        prev = parsed[item.extra["qual_start"] - 1]
    if prev is None or parsed[item.start].lower_ == "from":
        return None, None   # "increased from 13.5 to 14 mm": two levels, not the size of a change
    if prev.dep_ == "prt" and prev.head.lemma_.lower() in NOT_CHANGE_PHRASALS:
        return None, None   # "gave up 517 yards", "picked up 12 points"
    if prev.lower_ in ("to", "from", "at", "of"):
        return None, None
    verb = prev.head if prev.lower_ == "by" else prev
    if prev.lower_ == "by":
        verb = prev.head
    lemma = verb.lemma_.lower()
    if prev.lower_ in ("up", "down") and prev.lower_ in (UP_LEMMAS | DOWN_LEMMAS):
        return "change", "up" if prev.lower_ == "up" else "down"
    if lemma in UP_LEMMAS and verb.pos_ in ("VERB", "ADV", "ADJ"):
        return "change", "up"
    if lemma in DOWN_LEMMAS and verb.pos_ in ("VERB", "ADV", "ADJ"):
        if lemma in ("cut", "lose", "reduce", "shed") and item.unit in (None, "count") and prev.lower_ != "by":
            return None, None
        return "change", "down"
    return None, None


def multiplier_figures(parsed: SpacyDoc, taken: set[int]) -> list[Found]:
    """``doubled``, ``tripled``, ``halved``, ``sixfold``: a multiple written without a number token."""
    out = []
    for tok in parsed:
        lemma = tok.lemma_.lower()
        if tok.i in taken:
            continue
        fold = FOLD.match(tok.lower_) if tok.lower_.endswith("fold") else None
        if fold and (fold.group(1) in num.ONES or fold.group(1) in num.TENS or fold.group(1) in num.SCALES
                     or fold.group(1).isdigit()):
            value = float(fold.group(1)) if fold.group(1).isdigit() else num.parse_number(fold.group(1)).value
        elif tok.pos_ == "VERB" and lemma in MULTIPLIER_LEMMAS:
            value = MULTIPLIER_LEMMAS[lemma]
        else:
            continue
        item = Found(start=tok.i, end=tok.i + 1, num_start=tok.i, num_end=tok.i + 1,
                     number=num.Number(value=value, low=value, high=value))
        item.extra["relation"] = ("multiple", "up" if value > 1 else "down")
        out.append(item)
    return out

# Stage ----------------------------------------------------------------------------------------


def subject_counted(anchor: Token) -> Optional[str]:
    """``the number of North Korean troops has increased to 15,000`` → North Korean troops."""
    node = anchor
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    if node.pos_ not in ("VERB", "AUX"):
        return None
    for child in node.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in COLLECTIVE_NOUNS:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            words = [t for t in pobj.subtree if t.i <= pobj.i and t.lower_ not in DETERMINERS
                                     and t.pos_ != "DET"]
                            if words:
                                return normalise_phrase("", words)
    return None


def territory_context(parsed: SpacyDoc, item: Found) -> bool:
    """Length unit about territory: 'of territory' after it, or captured/lost/retaken as event."""
    sent = token_sentence(parsed[item.num_start])
    after = parsed[item.unit_end:min(item.unit_end + 4, sent.end)].text.lower()
    if any(w in after.split() for w in un.TERRITORY_WORDS):
        return True
    words = {t.lemma_.lower() for t in sent}
    return bool(words & {"capture", "seize", "occupy", "retake", "recapture", "regain", "lose", "control",
                         "liberate", "advance", "gain"}) and bool(words & (un.TERRITORY_WORDS | {"ground"}))


def elliptical_counted(parsed: SpacyDoc, item: Found, figures: list[Figure],
                        previous: list[tuple[int, str]]) -> Optional[str]:
    """Counted noun of a figure with an elliptical head: the coordinated figure's, or the last population."""
    sent = token_sentence(parsed[item.num_start])
    nxt = parsed[item.unit_end] if item.unit_end < len(parsed) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.lower_ not in ("%",):
        return None
    start_char = parsed[item.start].idx
    for fig in reversed(figures):
        if fig.sentence_start == sent.start_char and fig.kind == "figure" and fig.unit == "count" and fig.counted:
            sent_text = per_sentence(parsed, sent, "text", lambda s: s.text)   # not Doc.text: O(article)
            gap = sent_text[fig.end - sent.start_char:start_char - sent.start_char]
            if len(gap) < 60 and re.search(r"\b(and|from|than|compared|versus|vs|against|to|or)\b|,|;", gap):
                return fig.counted
            break
    # "as many as 1,000 were believed killed": the population counted in the last sentences
    if nxt is not None and (nxt.pos_ == "AUX" or (nxt.tag_ in ("VBN", "VBD") and nxt.lemma_.lower() in EVENT_LEMMAS)):
        # "casualties among the miners ... as many as 40 killed": the population named in the sentence
        for tok in parsed[sent.start:item.start]:
            if tok.lower_ == "among":
                phrase, _head = _noun_phrase(parsed, tok.i + 1, item.start, direct=True)
                if phrase:
                    return phrase
        for sent_start, counted in reversed(previous):
            if sent.start - sent_start <= 120:
                return counted
    return None


def as_of_wording(sent: SpacySpan, offset: int) -> Optional[str]:
    """The time wording of the sentence nearest to the figure (at character ``offset`` in it)."""
    matches = per_sentence(sent.doc, sent, "as_of", lambda s: list(AS_OF.finditer(s.text)))
    if not matches:
        return None
    nearest = min(matches, key=lambda m: min(abs(m.start() - offset), abs(m.end() - offset)))
    return nearest.group(1)
