"""Stage ``figures``: every number a reader would put in a spreadsheet, with what it counts.

A figure is found in four steps over the spaCy parse (public entry: :func:`extract_figures`):

1. **spans** (:mod:`~claimledger.extract.figure_spans`) — runs of number tokens (digits, number
   words, ``dozen``, ``half``, vague plurals like ``thousands``) joined into ranges (``5-10,000``,
   ``between 500 and 800``), with a currency before and a unit after
   (:mod:`~claimledger.extract.numbers`, :mod:`~claimledger.extract.units`);
2. **kind** (:mod:`~claimledger.extract.figure_kinds`) — dates, years, times, ordinals (``47th``,
   dropped), ages (``Oleksandr, 46``, ``aged 19``), durations (``two weeks``), scores, numbers in
   names, phone numbers / URLs / handles and anything in a trailing author biography are kept out
   of ``kind="figure"`` so the ledger can hide them;
3. **meaning** (:mod:`~claimledger.extract.figure_context`) — qualifier (vocabulary in
   :data:`claimledger.model.QUALIFIERS`; *nearly* and *almost* are ``at_most``: the true value is
   below the figure), hedge and negation from the figure's clause, what is ``counted`` (the noun phrase the number modifies; for an elliptical head the
   coordinated figure's noun or the last population counted before), and the ``event`` from the
   governing predicate (``300 killed and 2,700 wounded`` → two events; ``4,000 killed and
   wounded`` → ``killed_and_wounded``);
4. **relations** — shares (``half of the 1,250 km²``), multiples (``doubled``, ``cut in half``)
   and changes (``rose by 20%``), shares linked to the figure they are a share of when it is in the
   text, and the ``as_of`` wording nearest the figure (``so far``, ``by last month``);
5. **continuations** — a bare number takes the unit (or counted noun) of the figure it continues,
   as a reader does: ``rose 64 points to 4,577``, ``from 208 pounds to 193``, ``about 8 or $9``,
   ``460 cars were stolen, compared with 63`` (see :func:`_inherit_units`).

Bounds: ``exact`` low = high = value; ``approx`` ±10 %; ``at_least`` high unbounded;
``at_most`` low unbounded (``nearly``/``almost``: low = 90 %); ranges and vague plurals keep the
bounds their wording gives.  Shares given as fractions have ``unit="fraction"`` (0.5 for half,
0.4 for "4 in 10").  ``statement``, ``source``, ``via`` and ``as_of`` are left for later stages.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc as SpacyDoc

from claimledger.extract import numbers as num
from claimledger.extract import units as un
from claimledger.extract.figure_context import (
    DETERMINERS, as_of_wording, bounds, counted_phrase, elliptical_counted, event_adverb, event_of, hedge, multiplier_figures,
    negated, qualify, relation, subject_counted, territory_context,
)
from claimledger.extract.figure_kinds import bio_start, classify, special_spans
from claimledger.extract.figure_spans import Found, find_spans
from claimledger.model import Document, Figure
from claimledger.pipeline import Context, stage
from claimledger.extract.sentence_index import context_bounds, token_sentence


def extract_figures(doc: Document, parsed: SpacyDoc) -> list[Figure]:
    """All number rows of ``doc`` (every kind), in text order, with ids ``<doc>:f<n>``."""
    text = doc.text
    special = special_spans(text)
    bio = bio_start(text)
    items = find_spans(parsed)
    taken = {i for it in items for i in range(it.start, it.end)}
    items += multiplier_figures(parsed, taken)
    items.sort(key=lambda it: it.start)
    figures: list[Figure] = []
    previous_counted: list[tuple[int, str]] = []   # (sentence start token, counted) of people counts
    for item in items:
        fig = _interpret(doc, parsed, item, special, bio, figures, previous_counted)
        if fig is None:
            continue
        item.figure = fig
        figures.append(fig)
    _link_relatives(parsed, items)
    _inherit_units(parsed, items)
    _copy_to_conversions(doc.text, figures)
    _copy_to_restatements(doc.text, figures)
    _copy_to_gapped_changes(doc.text, figures)
    return figures


SHORT_CONTINUATION = re.compile(r"(?:\bto|\bor|\band|,)\s*$", re.I)
COMPARISON = re.compile(r"(?:\bfrom|\bcompared (?:with|to)|\bversus|\bvs\.?|\bthan|\bagainst|\bup from|"
                        r"\bdown from)\s*$", re.I)
LEVEL_CUE = re.compile(r"(?:\bto|\bat|\bof)\s*$", re.I)


def _bare(fig: Figure) -> bool:
    """A plain number with nothing after it: no unit, nothing counted, not a share or change."""
    return fig.kind == "figure" and fig.unit == "count" and fig.counted is None and fig.relative is None


def _inherit_units(parsed: SpacyDoc, items: list[Found]) -> None:
    """A bare number takes the unit of the figure it continues, as a reader does.

    ``rose 64 points to 4,577`` (points), ``dropped from 208 pounds to 193`` (pounds), ``about 8 or
    $9`` (dollars, from the figure after), ``460 vehicles were stolen, compared with 63`` (vehicles);
    a level after a percentage change takes the unit of a level of similar size given earlier in the
    sentence (``closed at 1,463 points, while the other index climbed 0.1% to 1,333``).
    """
    text = parsed.text
    figs = [it.figure for it in items if it.figure is not None and it.figure.kind == "figure"]
    first_in_sentence = 0   # index of the first figure of the current sentence: no rescan of earlier ones
    for idx, fig in enumerate(figs):
        if figs[first_in_sentence].sentence_start != fig.sentence_start:
            first_in_sentence = idx
        if not _bare(fig):
            continue
        source = None
        before = figs[first_in_sentence:idx][-50:]   # the last figures of the sentence, enough for any reading
        prev = before[-1] if before else None
        if prev is not None and not _bare(prev) and prev.unit != "fraction":
            gap = text[prev.end:fig.start]
            percent_change = prev.unit == "percent" and prev.relative == "change"
            if ";" not in gap and ". " not in gap and not percent_change and (
                    (len(gap) <= 40 and SHORT_CONTINUATION.search(gap)) or (len(gap) <= 100 and COMPARISON.search(gap))):
                source = prev
        nxt = figs[idx + 1] if idx + 1 < len(figs) else None
        if source is None and nxt is not None and nxt.sentence_start == fig.sentence_start and not _bare(nxt) \
                and nxt.unit not in ("count", "fraction") \
                and re.fullmatch(r"\s*(?:or|to|-|–)\s*", text[fig.end:nxt.start]):
            source = nxt
        if source is None and LEVEL_CUE.search(text[max(fig.sentence_start, fig.start - 40):fig.start]) and fig.value:
            for other in reversed(before):
                if other.unit not in (None, "count", "percent", "fraction") and other.relative is None \
                        and other.value and 0.5 <= fig.value / other.value <= 2:
                    source = other
                    break
        if source is not None:
            fig.unit = source.unit
            if source.unit == "count":
                fig.counted = source.counted
            _inherit_scale(fig, source)


SCALE_AT_END = re.compile(r"(?:\d|\s)(million|billion|trillion|bn|mn|m|k)\.?$", re.I)


def _inherit_scale(fig: Figure, source: Figure) -> None:
    """``$4.2 billion, up from 3.9``: the shortened figure is in billions too."""
    if not (source.unit == "count" or un.is_currency(source.unit or "")):
        return   # "1m is 10 dm": the letter was metres, not millions
    scale = SCALE_AT_END.search(source.text)
    if scale is None or not re.fullmatch(r"[\d,]*\.?\d+", fig.text) or fig.value is None or fig.value >= 1000:
        return
    factor = num.SCALES.get(scale.group(1).lower()) or num.SUFFIX_SCALES.get(scale.group(1).lower(), 1)
    if source.value is not None and source.value / factor >= 1000:
        return
    fig.value, fig.low, fig.high = (None if x is None else num.tidy(x * factor) for x in (fig.value, fig.low, fig.high))


def _copy_to_restatements(text: str, figures: list[Figure]) -> None:
    """``lost 190 points, or 0.6%``: the restated change goes the same way."""
    for before, after in zip(figures, figures[1:]):
        if before.relative != "change" or after.relative is not None or after.kind != "figure":
            continue
        if re.fullmatch(r"\s*,?\s*or\s*", text[before.end:after.start]):
            after.relative, after.change = "change", before.change


def _copy_to_gapped_changes(text: str, figures: list[Figure]) -> None:
    """``Ross was down 2.3%, Burlington by 2.6%``: a change whose verb is left out goes the same way."""
    for before, after in zip(figures, figures[1:]):
        if before.relative != "change" or after.relative is not None or after.kind != "figure" \
                or before.sentence_start != after.sentence_start or before.unit != after.unit:
            continue
        gap = text[before.end:after.start]
        if len(gap) <= 40 and re.fullmatch(r"\s*(?:,|;|and)\s*(?:and\s+)?[\w.&'’ -]{1,30}?\s+by\s*", gap):
            after.relative, after.change = "change", before.change


def _copy_to_conversions(text: str, figures: list[Figure]) -> None:
    """``1,250 square kilometers (483 square miles)``: the bracketed conversion shares the facts."""
    for before, after in zip(figures, figures[1:]):
        if before.kind != "figure" or after.kind != "figure" or before.unit in (None, "count"):
            continue
        if text[before.end:after.start].strip() != "(":
            continue
        after.event = after.event or before.event
        after.hedge, after.negated, after.as_of_text = before.hedge, before.negated, before.as_of_text
        if after.qualifier == "exact":
            after.qualifier, after.qualifier_text = before.qualifier, before.qualifier_text


COORDINATION_GAP = re.compile(r"\s*(?:[A-Za-z][\w'-]*\s+){0,2}(?:and|,)\s*", re.I)


def _share_coordinated_bound(text: str, item: Found, start: int, figures: list[Figure]) -> None:
    """``at least 20 Indian and 45 Chinese soldiers``: one bound word covers the coordinated figures.

    Only bounds (at least / at most), only over 'and': "about 8 or $9" and "around 25k or 40k" leave
    the second figure as written.
    """
    prev = figures[-1] if figures else None
    if prev is None or prev.kind != "figure" or prev.qualifier not in ("at_least", "at_most") \
            or not prev.qualifier_text or prev.sentence_end <= start or prev.end > start:
        return
    before = text[max(0, prev.start - 40):prev.start].lower()
    if not before.rstrip().endswith(prev.qualifier_text.lower()):
        return   # the bound came from after the figure or from a verb: it does not distribute
    gap = text[prev.end:start]
    if COORDINATION_GAP.fullmatch(gap) and not re.search(r"\b(?:were|was|are|is|had|has|have|while|but)\b", gap):
        item.qualifier, item.qualifier_text = prev.qualifier, prev.qualifier_text


def _interpret(doc: Document, parsed: SpacyDoc, item: Found, special: list[tuple[int, int]], bio: int,
               figures: list[Figure], previous_counted: list[tuple[int, str]]) -> Optional[Figure]:
    """Turn one number span into a Figure row (None when it is not a number after all)."""
    sent = token_sentence(parsed[item.num_start])
    is_multiplier = "relation" in item.extra
    item.kind = "figure" if is_multiplier else classify(parsed, item, special, bio)
    qualify(parsed, item)
    if item.kind == "figure" and item.qualifier == "exact" and not item.qualifier_text:
        _share_coordinated_bound(doc.text, item, start=parsed[item.start].idx, figures=figures)
    if item.kind in ("figure", "duration", "age", "other"):
        value, low, high = bounds(item)
    else:
        value, low, high = item.number.value, item.number.value, item.number.value
    counted, head = None, None
    if item.kind in ("figure", "other") and not is_multiplier:
        counted, head = counted_phrase(parsed, item)
        if item.extra.get("counted"):
            counted = item.extra["counted"]   # "a 30-member team": the hyphened noun is what is counted
        if item.number.fraction and counted and any(ch.isdigit() for ch in counted):
            counted, head = None, None
    # a lone "one" that modifies no noun is a pronoun ("one runs and the other shoots")
    lone = parsed[item.num_start:item.num_end].text.lower()
    if lone in ("one", "a", "an") and head is None and not item.unit and not (
            lone == "one" and event_adverb(parsed, item)):
        return None
    if lone == "one" and item.num_end < len(parsed) and parsed[item.num_end].like_num:
        return None   # "just one 52,000-barrel refinery": a determiner of the next figure
    unit = item.unit
    if item.number.fraction:
        unit = "fraction"
    elif unit is None and item.kind in ("figure", "other") and not is_multiplier:
        unit = "count"
    if item.kind == "age":
        unit = item.unit if item.unit in un.TIME_UNITS else "year"
    relative, change = item.extra.get("relation", (None, None))
    if relative is None and item.kind == "figure":
        relative, change = relation(parsed, item)
    start_char = parsed[item.start].idx
    last = parsed[item.end - 1]
    end_char = last.idx + len(last.text)
    if last.text.endswith(".") and last.text.rstrip(".").lower() in num.SUFFIX_SCALES:
        end_char -= 1
    elif len(last.text) > 1 and last.text.endswith("-"):
        end_char -= 1   # "287 miles- and": a dangling hyphen is no part of the figure
        if counted == item.unit_text:
            counted = counted[:-1]
        if item.unit_text and item.unit_text.endswith("-"):
            item.unit_text = item.unit_text[:-1]
    sentence_start, sentence_end = context_bounds(sent, start_char, end_char, doc.text)
    fig = Figure(
        id=doc.new_id("f", len(figures) + 1), doc=doc.id, start=start_char, end=end_char,
        text=doc.text[start_char:end_char], sentence_start=sentence_start, sentence_end=sentence_end,
        kind=item.kind, value=value, low=low, high=high, qualifier=item.qualifier,
        qualifier_text=item.qualifier_text, vague=item.number.vague, unit=unit,
        unit_text=item.unit_text, counted=counted, relative=relative, change=change,
    )
    if item.kind != "figure":
        return fig
    anchor = head if head is not None else parsed[item.num_end - 1]
    fig.hedge = hedge(parsed, item, anchor)
    fig.negated = negated(parsed, item, anchor)
    if fig.counted is None and unit == "count" and relative is None:
        fig.counted = elliptical_counted(parsed, item, figures, previous_counted) or subject_counted(anchor)
    if relative not in ("multiple", "change"):
        fig.event = event_of(parsed, item, head)
    if fig.event is None and head is not None and relative is None:
        fig.event = event_of(parsed, item, None)
    if unit in un.LENGTH_UNITS and territory_context(parsed, item):
        fig.unit_warning = f"territory given as a length ({unit}), probably {unit}2"
    fig.as_of_text = as_of_wording(sent, start_char - sent.start_char)
    if lone == "one" and fig.qualifier == "exact" and fig.event is None and unit == "count":
        fig.kind = "other"   # "one commander said": an article, not an estimate
        return fig
    if unit == "count" and fig.counted and relative is None:
        previous_counted.append((sent.start, fig.counted))
    return fig


ANAPHORIC_SUBJECTS = {"it", "they", "number", "numbers", "total", "toll", "figure", "count", "tally", "ranks",
                      "this", "that"}
"""Subjects of a change that point back at a quantity already given ("their numbers were cut in half")."""


def _link_relatives(parsed: SpacyDoc, items: list[Found]) -> None:
    """Relative figures point at the quantity they are relative to, when the text names it.

    A share links to the figure in its 'of' phrase (``half of the 1,250 km2``) or, for an anaphoric
    'of that area', to the last figure before; a multiple or change whose subject points back
    (``their numbers have been cut in half``) links to the last figure of the previous sentences.
    """
    figs = [it for it in items if it.figure is not None]
    for idx, item in enumerate(figs):
        fig = item.figure
        if fig is None or fig.relative is None or fig.kind != "figure":
            continue
        if fig.relative in ("multiple", "change"):
            _link_change(parsed, item, figs[:idx])
            continue
        target = None
        if fig.relative == "share":
            sent_end = token_sentence(parsed[item.num_start]).end
            for other in figs[idx + 1:]:
                if other.start >= sent_end or other.start > item.end + 8:
                    break
                if other.figure and other.figure.kind == "figure" and other.figure.relative is None:
                    gap = parsed[item.end:other.start].text.lower().split()
                    if gap[:1] == ["of"] and all(w in DETERMINERS for w in gap):
                        target = other.figure
                        break
        anaphoric = parsed[item.end:item.end + 2].text.lower().split()[1:2] in (
            ["that"], ["this"], ["those"], ["these"], ["it"], ["them"])
        if target is None and anaphoric:
            for other in reversed(figs[max(0, idx - 6):idx]):
                if other.figure and other.figure.kind == "figure" and other.figure.relative is None and (
                        item.start - other.end < 80):
                    target = other.figure
                    break
        if target is not None:
            fig.relative_to = target.id
            if fig.counted is None or parsed[item.end:item.end + 2].text.lower().split()[1:2] != ["the"]:
                fig.counted = target.counted


def _link_change(parsed: SpacyDoc, item: Found, before: list[Found]) -> None:
    fig = item.figure
    node = parsed[item.num_start]
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].lower_ not in ANAPHORIC_SUBJECTS:
        return
    sent_start = token_sentence(parsed[item.num_start]).start
    for other in reversed(before):
        target = other.figure
        if target is None or target.kind != "figure" or target.relative is not None:
            continue
        if other.start < sent_start - 80:
            break
        if other.start < sent_start:   # a quantity given earlier, not one in the same clause
            fig.relative_to = target.id
            fig.counted = fig.counted or target.counted
        break


@stage("figures")
def figures(doc: Document, parsed: SpacyDoc, ctx: Context) -> None:
    doc.figures.extend(extract_figures(doc, parsed))
