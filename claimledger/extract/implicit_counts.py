"""Stage ``implicit_counts``: casualty counts a reader gets from words, not numbers.

Local news often states a count without a number: "a 16-year-old was killed" (killed 1), "the
victim died at the scene" (killed 1), "no one else was hurt" (injured 0).  A ledger that only
reads numbers says nothing for such stories.  This stage reads, from the parse:

* a singular person noun ("a man", "the victim", "a 16-year-old", vocab/person_nouns.txt) that is
  the subject of a casualty predicate of the event vocabulary (killed, wounded, missing: "was shot
  and killed", "died", "was wounded") -> a count of 1;
* "no one", "nobody", "none of", "no other injuries" as the subject of such a predicate -> 0.

Each becomes a ``Figure`` with ``implicit=True``, value, ``counted="people"``, ``event`` and the sentence
as evidence (``text`` is the words that carry the count).  A document that already gives a
number for that event keeps its number: the implicit reading only fills a gap, so it never
contradicts an explicit count of its own article.  Plain "was shot" with no word of death is
an injury (a person shot and not killed is wounded), unless the article reports a death: then
"he was shot" usually tells how that person died.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimledger import vocab
from claimledger.extract.figure_context import denied_predicate, shot_how
from claimledger.model import Document, Figure
from claimledger.pipeline import Context, stage

CASUALTY_EVENTS = ("killed", "wounded", "missing")
PERSON_NOUNS = vocab.words("person_nouns")
NOBODY = re.compile(r"\b(?:no one|no-one|nobody|none of (?:the )?\w+|no other (?:people|person|one|injuries|deaths)|"
                    r"no injuries|no deaths|no fatalities|no one else)\b", re.I)
YEAR_OLD = re.compile(r"^\d{1,3}-year-old$|^\w+-year-old$", re.I)


def _event_of_predicate(sent: SpacySpan, verb: Token) -> Optional[str]:
    """The casualty event a predicate names, phrases first ("shot and killed", "later died")."""
    clause = sent.doc[verb.i:min(verb.i + 4, sent.end)].text.lower()
    around = sent.doc[max(sent.start, verb.i - 2):min(verb.i + 4, sent.end)].text.lower()
    for phrase, event in vocab.event_phrases():
        if event in CASUALTY_EVENTS and (phrase in clause or phrase in around):
            return event
    event = vocab.event_index().get(verb.lemma_.lower()) or vocab.event_index().get(verb.lower_)
    if event in CASUALTY_EVENTS:
        return event
    if verb.lemma_.lower() == "shoot" and (verb.tag_ == "VBN" or any(c.dep_ == "dobj" for c in verb.children)):
        return shot_how(verb) or "shot"                       # "was shot", "shoots himself": wounded, unless someone died
    return None


RELATIVE = {"who", "that", "which", "whom"}
SINGULAR_PRONOUNS = {"he", "she"}
REFLEXIVE = {"himself", "herself"}
HARM_LEMMAS = {"kill", "shoot", "wound", "injure", "stab", "hurt", "slay"}


INTENT_LEMMAS = vocab.words("intent_verbs")


def _unrealised(verb: Token) -> bool:
    """ "could have been killed", "was going to kill", "threatened to shoot": the harm did not
    (or not surely) happen."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_LEMMAS


def _subject(verb: Token) -> Optional[Token]:
    """Who the casualty predicate is about: its subject ("a man was killed", "a man is dead",
    "a man who died", "was pronounced dead"), or the object of an active harm verb ("a hunter shot
    and killed a man"); "the man shot himself" is about the man."""
    if verb.dep_ in ("acomp", "oprd", "xcomp", "ccomp") and verb.head.i != verb.i and verb.pos_ == "ADJ":
        objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        if objects:
            return objects[0]               # "left a man dead", "found a woman injured"
    if verb.dep_ in ("acomp", "oprd", "xcomp") and verb.head.i != verb.i:
        return _subject(verb.head)          # "a man is dead", "was pronounced dead"
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_.lower() in HARM_LEMMAS and objects:
        if objects[0].lower_ not in REFLEXIVE:
            return objects[0]
        if verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)   # "shot a clerk, then himself"
        # "shot himself": about the subject, found as for any predicate ("a teen who shot himself")
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head            # "a man who died"
            return child
    if verb.dep_ == "conj" and verb.head.i != verb.i:   # "was shot and killed": the first verb's subject
        return _subject(verb.head)
    return _governor_subject(verb)


def _governor_subject(verb: Token) -> Optional[Token]:
    """ "a boy is recovering after accidentally shooting himself", "a guard was treated after
    getting hurt": a subjectless clause under "after"/"while" is about the subject of the verb it
    hangs from."""
    if verb.dep_ not in ("pcomp", "advcl"):
        return None
    node = verb.head
    if node.pos_ == "ADP" and node.head.i != node.i:
        node = node.head
    if node.i == verb.i:
        return None
    return next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE), None)


def _year_old(subject: Token) -> bool:
    """ "a 16-year-old", parsed as "16 - year - old" with "old" as the subject."""
    doc = subject.doc
    return subject.lower_ == "old" and subject.i >= 2 and doc[subject.i - 2].lemma_.lower() in ("year", "month") \
        or bool(YEAR_OLD.match(subject.text))


def _headline_start(subject: Token) -> Optional[int]:
    """Index of the first token of a subject that opens the document: a headline drops its
    articles ("Teen shot and killed", "16-year-old wounded"), so no determiner is needed there."""
    first = subject.left_edge.i
    return first if first == 0 else None


def _one_person(subject: Token) -> Optional[tuple[int, int, str]]:
    """(start, end, counted) of "a man" / "the victim" / "a 16-year-old" / "she": one person, no number."""
    if _year_old(subject):
        det = next((c for c in subject.children if c.dep_ == "det" and c.lower_ in ("a", "an", "the")), None)
        if det is None:
            if _headline_start(subject) is None:
                return None
            return subject.doc[0].idx, subject.idx + len(subject.text), "people"
        return det.idx, subject.idx + len(subject.text), "people"
    if subject.tag_ not in ("NN", "NNP"):
        return None
    noun = subject.lemma_.lower()
    if noun not in PERSON_NOUNS and not YEAR_OLD.match(subject.text):
        return None
    kids = list(subject.children)
    if any(c.like_num or c.dep_ == "nummod" or c.dep_ == "conj" for c in kids):
        return None                         # "two men", "a man and a woman": the figures stage or two counts
    det = next((c for c in kids if c.dep_ in ("det", "poss")), None)
    if det is None and not YEAR_OLD.match(subject.text) and _headline_start(subject) is None:
        return None
    start = min([subject.i] + [c.i for c in kids if c.i < subject.i and c.dep_ in ("det", "amod", "compound", "poss")])
    if any(vocab.event_index().get(t.lemma_.lower()) for t in subject.doc[start:subject.i]):
        start = subject.i                   # "the wounded man": the count's words are the man, the event is the predicate's
    span = subject.doc[start:subject.i + 1]
    return span.start_char, span.end_char, "people"


def _victim_of_noun(noun: Token) -> Optional[tuple[int, int, str]]:
    """ "the death of a man", "the killing of a teenager": an event noun whose "of" names one person."""
    if noun.pos_ != "NOUN" or vocab.event_index().get(noun.lemma_.lower()) not in ("killed", "wounded"):
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return _one_person(pobj)
    return None


def read_implicit(parsed: SpacyDoc) -> list[tuple[int, int, str, float, str, SpacySpan]]:
    """(start, end, event, value, counted, sentence) of every count given in words."""
    out = []
    for sent in parsed.sents:
        for tok in sent:
            victim = _victim_of_noun(tok)
            if victim is not None:
                out.append((victim[0], victim[1], vocab.event_index()[tok.lemma_.lower()], 1.0, victim[2], sent))
                continue
            if tok.pos_ not in ("VERB", "AUX", "ADJ") and tok.tag_ not in ("VBN", "VBD"):
                continue
            event = _event_of_predicate(sent, tok)
            if event is None or denied_predicate(tok) or _unrealised(tok):
                continue                    # "the driver was not hurt", "he was going to kill": nobody hurt
            subj = _subject(tok)
            if subj is None:
                continue
            if subj.i < tok.i and subj.dep_ != "dobj":
                lead = parsed[max(sent.start, subj.i - 3):subj.i + 2].text
                nobody = NOBODY.search(lead)
                if nobody or subj.lower_ in ("nobody", "none") or any(
                        c.lower_ == "no" and c.dep_ == "det" for c in subj.children):   # "no other worker"
                    first = next((c for c in subj.children if c.i < subj.i), subj)   # "no" of "no one"
                    out.append((first.idx, subj.idx + len(subj.text), event, 0.0, "people", sent))
                    continue
            both = next((c for c in subj.children if c.dep_ in ("det", "predet") and c.lower_ == "both"), None)
            if both is not None and (subj.lemma_.lower() in PERSON_NOUNS or subj.lower_ in GROUP_NOUNS):
                out.append((both.idx, subj.idx + len(subj.text), event, 2.0, "people", sent))   # "both drivers"
                continue
            if event == "shot" and any(c.dep_ == "advmod" and c.lower_ == "also" for c in tok.children):
                event = "wounded"           # "her friend was also shot": another person, beside any dead
            one = _one_person(subj)
            if one is None and subj.tag_ == "PRP" and subj.lower_ in SINGULAR_PRONOUNS and any(
                    c.dep_ == "dobj" and c.lower_ in REFLEXIVE for c in tok.children):
                one = (subj.idx, subj.idx + len(subj.text), "people")   # "he shot himself": one person
            if one is not None:
                out.append((one[0], one[1], event, 1.0, one[2], sent))
    return out


ADDITIONAL = {"other", "others", "more", "additional"}
"""Counted words of a count that leaves out the people already named ("two others were shot")."""
GROUP_NOUNS = vocab.words("people_nouns")
"""Plural-only nouns of people ("people", "others") a number counts, beside :data:`PERSON_NOUNS`."""
ONE_DETERMINERS = {"a", "an", "another", "one", "the", "his", "her", "their", "its", "my", "our"}


def _member_count(member: Token, figures: list[Figure], beside_people: bool = False) -> Optional[tuple[float, list[Figure]]]:
    """How many people one member of a coordinated subject counts, and the figures that give it:
    "three miners" (the figure's value), "a welder" / "her son" / "a 9-year-old" (one), "himself"
    of "shot himself and a friend" (one), a person's name (one: a name the parser does not know as a
    person's only ``beside_people``, next to a member that is a person noun).  None when the member is not a count of people."""
    if member.lower_ in REFLEXIVE:
        return 1.0, []
    if member.tag_ == "NNP" and (member.ent_type_ == "PERSON" or beside_people):
        return 1.0, []                      # "Okafor and her cousin were hurt": a named person
    span = (member.doc[member.left_edge.i].idx, member.idx + len(member.text))
    own = [f for f in figures if f.kind == "figure" and f.unit in (None, "count") and span[0] <= f.start < span[1]]
    noun = member.lemma_.lower()
    person = noun in PERSON_NOUNS or noun in GROUP_NOUNS or member.lower_ in GROUP_NOUNS or _year_old(member)
    if not person:
        return None
    if own:
        if len(own) != 1 or own[0].qualifier != "exact" or own[0].value is None:
            return None                     # "at least two men and a boy": no exact total
        return own[0].value, own
    if any(c.like_num for c in member.children) or member.tag_ in ("NNS", "NNPS"):
        return None                         # a plural without a number: how many is not said
    if _year_old(member) or any(c.dep_ in ("det", "poss") and c.lower_ in ONE_DETERMINERS or _year_old(c)
                                for c in member.children):
        return 1.0, []                      # "a welder", "her son", "17-year-old girl"
    return None


def _count_at(figures: list[Figure], span: SpacySpan) -> Optional[Figure]:
    """The one exact count figure inside ``span``, or None."""
    inside = [f for f in figures if f.kind == "figure" and f.unit in (None, "count") and f.qualifier == "exact"
              and f.value is not None and span.start_char <= f.start < span.end_char]
    return inside[0] if len(inside) == 1 else None


def others_totals(doc: Document, parsed: SpacyDoc) -> list[Figure]:
    """ "Two miners were in critical condition and two others hurt": the others are more of the
    same casualties, so the clause's two counts add up (four hurt) when the first clause names the
    same event ("in critical condition" is hurt); "one was killed and two others hurt" stays two
    events.  The total is a new implicit figure, the clause counts are its parts."""
    out: list[Figure] = []
    for fig in list(doc.figures):
        if fig.kind != "figure" or fig.event not in ("killed", "wounded") or fig.qualifier != "exact" \
                or not ADDITIONAL & set((fig.counted or "").lower().split()):
            continue
        span = parsed.char_span(fig.start, fig.end, alignment_mode="expand")
        if span is None:
            continue
        noun = span.root.head if span.root.dep_ == "nummod" else span.root
        second = noun.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or second.dep_ != "conj" or second.head.i == second.i:
            continue
        first = second.head
        sent = parsed[first.i].sent
        if _event_of_predicate(sent, first) != fig.event or denied_predicate(first):
            continue
        subject = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        part = _count_at(doc.figures, parsed[subject.left_edge.i:subject.i + 1]) if subject is not None else None
        if part is None or part is fig or part.event not in (None, fig.event):
            continue
        part.event = fig.event = None
        end = max(fig.end, noun.idx + len(noun.text))
        out.append(_count(doc, len(doc.figures) + len(out) + 1, part.start, end, (fig.sentence_start, fig.sentence_end),
                          part.value + fig.value, "people", _event_of_predicate(sent, first)))
    return out


def coordinated_totals(doc: Document, parsed: SpacyDoc) -> list[Figure]:
    """ "Three miners and a welder were injured" is four injured, "two pupils and a teacher were
    hurt" three: the members of a coordinated subject (or object of "shot", "injured") of a
    casualty predicate add up.  The total is a new implicit figure over the whole coordination;
    the members' own figures are parts of it, so they lose the event (a breakdown, not a second
    count)."""
    out: list[Figure] = []
    done: set[int] = set()
    for sent in parsed.sents:
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX", "ADJ") and tok.tag_ not in ("VBN", "VBD"):
                continue
            event = _event_of_predicate(sent, tok)
            if event is None or denied_predicate(tok):
                continue
            harm = tok.lemma_.lower() in HARM_LEMMAS
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            gapped = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN"] if harm and objects else []
            subj = objects[0] if harm and objects and (objects[0].conjuncts or gapped) else _subject(tok)
            if subj is None or subj.i in done:
                continue
            # "shot three people in the legs and another person in the arm": the verb's noun conjunct
            members = [subj] + [c for c in subj.conjuncts if c.i > subj.i] + (gapped if subj in objects else [])
            # "injured a welder, two others": the others in apposition are more people
            members += [c for c in subj.children if c.dep_ == "appos" and c.lower_ in ADDITIONAL and c.i > subj.i]
            if len(members) < 2 or any(m.dep_ not in ("conj", "appos") for m in members[1:]):
                continue
            counts = [_member_count(m, doc.figures) for m in members]
            if any(c is None for c in counts) and any(c is not None for c in counts):
                counts = [_member_count(m, doc.figures, beside_people=True) for m in members]
            if any(c is None for c in counts):
                continue
            done.add(subj.i)
            for _, parts in counts:
                for f in parts:
                    f.event = None
            start = members[0].left_edge.idx
            end = members[-1].idx + len(members[-1].text)
            out.append(_count(doc, len(doc.figures) + len(out) + 1, start, end, (sent.start_char, sent.end_char),
                              sum(c[0] for c in counts), "people", event))
    return out




def _counts(doc: Document, event: str) -> list[Figure]:
    return [f for f in doc.figures if f.kind == "figure" and f.unit in (None, "count") and f.event == event
            and not f.negated and f.relative is None and f.value is not None]


def shot_as_wounded(doc: Document, readings: list) -> list[Figure]:
    """People shot and not killed are wounded: "five people were shot" with no death in the
    article is five wounded; with deaths ("two people were shot, one fatally") the wounded are
    the people shot less the dead, a new implicit figure beside the "shot" one (only when more
were shot than died: "an officer was shot; the suspect was killed" are different people).  "Two others
    were shot" leaves the dead out already.  An article that gives its own wounded number keeps it."""
    shot = _counts(doc, "shot")
    own = [f for f in _counts(doc, "wounded") + _counts(doc, "killed_and_wounded") if not f.implicit]
    if not shot or own:
        return []                           # an added-up "Ruiz, Kim and Lee were hurt" is no number of the article
    killed = _counts(doc, "killed")
    dead = max((f.value for f in killed), default=1.0 if any(r[2] == "killed" and r[3] > 0 for r in readings)
               else 0.0)
    out = []
    for f in shot:
        following = doc.text[f.end:f.end + 30].lower().split()[:2]
        others = bool(ADDITIONAL & (set((f.counted or "").lower().split()) | set(following)))
        if not dead or others:
            f.event = "wounded"
            continue
        if f.implicit:
            continue                        # "Ruiz and Kim were shot" beside deaths: how they died, like "he was shot"
        if f.value <= dead:
            continue                        # "an officer was shot, the suspect killed": not the same people
        value = f.value - dead
        out.append(_count(doc, len(doc.figures) + len(out) + 1, f.start, f.end, (f.sentence_start, f.sentence_end),
                          value, f.counted, "wounded"))
    return out


def _count(doc: Document, n: int, start: int, end: int, sentence: tuple[int, int], value: float,
           counted: Optional[str], event: str) -> Figure:
    """An exact count the text gives in words (or derives), marked ``implicit``."""
    return Figure(id=doc.new_id("f", n), doc=doc.id, start=start, end=end, text=doc.text[start:end],
                  sentence_start=sentence[0], sentence_end=sentence[1], kind="figure", value=value, low=value,
                  high=value, qualifier="exact", unit="count", counted=counted, event=event, implicit=True)


def implicit_figures(doc: Document, parsed: SpacyDoc) -> list[Figure]:
    """Figures for counts given in words, for events the document gives no number for; one per
    event (the first), since "the victim" and "the 16-year-old" are usually one person."""
    readings = read_implicit(parsed)
    figures = shot_as_wounded(doc, readings)
    explicit = {f.event for f in doc.figures + figures if f.kind == "figure" and f.unit in (None, "count")}
    explicit |= {"wounded" for e in list(explicit) if e == "killed_and_wounded"}
    taken: set[str] = set()
    n = len(doc.figures) + len(figures)
    deaths = "killed" in explicit or any(r[2] == "killed" and r[3] > 0 for r in readings)
    for start, end, event, value, counted, sent in readings:
        if event == "shot":
            if deaths:
                continue                    # "he was shot" of the man who died is not another casualty
            event = "wounded"
        if event in explicit or event in taken:
            continue
        if any(f.kind == "figure" and f.start < end and start < f.end for f in doc.figures + figures):
            continue
        taken.add(event)
        n += 1
        figures.append(_count(doc, n, start, end, (sent.start_char, sent.end_char), value, counted, event))
    return figures


@stage("implicit_counts")
def implicit_counts(doc: Document, parsed: SpacyDoc, ctx: Context) -> None:
    doc.figures.extend(coordinated_totals(doc, parsed))
    doc.figures.extend(others_totals(doc, parsed))
    doc.figures.extend(implicit_figures(doc, parsed))
