"""One test per error class of issue 12, on sentences written for them (quakes, elections, company results)."""

from __future__ import annotations

import pytest

from claimledger.extract import numbers as num
from claimledger.extract.figures import extract_figures
from claimledger.model import Document, Figure


@pytest.fixture
def extract(nlp):
    def run(text: str) -> list[Figure]:
        return extract_figures(Document(id="t", text=text), nlp(text))
    return run


def figures_of(rows: list[Figure]) -> list[Figure]:
    return [f for f in rows if f.kind == "figure"]


# Number-noun compounds ------------------------------------------------------------------------

def test_magnitude_after_the_number(extract):
    fig, = figures_of(extract("A 7.2-magnitude earthquake struck the coast before dawn."))
    assert (fig.value, fig.unit) == (7.2, "magnitude")


def test_magnitude_glued_before_the_number(extract):
    rows = figures_of(extract("The magnitude-5.8 tremor damaged 300 homes."))
    assert [(f.value, f.unit) for f in rows] == [(5.8, "magnitude"), (300, "count")]


def test_hyphened_count_noun_is_what_is_counted(extract):
    fig, = figures_of(extract("A 12-member rescue team reached the village."))
    assert (fig.value, fig.unit, fig.counted) == (12, "count", "members")


def test_strong_counts_people(extract):
    fig, = figures_of(extract("The 2.3 million-strong teachers' union called a strike."))
    assert (fig.value, fig.counted) == (2_300_000, "people")


def test_a_class_name_compound_is_still_no_count(extract):
    assert figures_of(extract("They stayed in a five-star hotel near the stadium.")) == []


# Timestamps and durations ---------------------------------------------------------------------

def test_iso_timestamp_is_a_date_not_a_figure(extract):
    rows = extract("Updated 2021-03-14 GMT 08:30")
    assert figures_of(rows) == []
    assert {f.kind for f in rows} <= {"date", "time", "year"}


def test_mixed_number_duration(extract):
    fig, = [f for f in extract("The recount took three and a half hours.") if f.kind == "duration"]
    assert (fig.value, fig.unit) == (3.5, "hour")


def test_half_an_hour_is_a_duration(extract):
    rows = extract("Polls had closed half an hour earlier.")
    assert [(f.kind, f.value, f.unit) for f in rows] == [("duration", 0.5, "hour")]


# Vague and spelled-out forms ------------------------------------------------------------------

def test_scores_of_is_vague(extract):
    fig, = figures_of(extract("Divers recovered scores more bodies from the river."))
    assert fig.vague


def test_plural_dozens_after_a_number(extract):
    fig, = figures_of(extract("More than two dozens villages were flooded."))
    assert (fig.value, fig.qualifier) == (24, "at_least")


def test_scale_and_digits_read_as_one_number(extract):
    fig, = figures_of(extract("The party won one million and 45,000 votes."))
    assert (fig.value, fig.counted) == (1_045_000, "votes")


def test_out_of_is_a_share(extract):
    fig, = figures_of(extract("Almost four out of ten voters stayed home."))
    assert fig.unit == "fraction" and fig.value == pytest.approx(0.4) and fig.qualifier == "at_most"


def test_sub_zero_is_no_figure(extract):
    assert figures_of(extract("Sub-zero temperatures slowed the rescuers.")) == []


def test_mixed_numbers_parse():
    assert num.parse_number("four and a half").value == 4.5
    assert not num.parse_number("four and a half").fraction
    assert num.parse_number("one and a half million").value == 1_500_000
    assert num.parse_number("three dozens").value == 36


# Qualifiers -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, qualifier", [
    ("The flood toll nears 250.", "at_most"),
    ("Quarterly losses approached 90 million dollars.", "at_most"),
    ("Deaths exceeded 3,000 by the weekend.", "at_least"),
    ("The toll crossed 500 on Sunday.", "at_least"),
    ("Turnout passed 70,000 before noon.", "at_least"),
    ("Attendance was closer to 70,000, the organisers said.", "approx"),
    ("Barely 40 delegates stayed for the vote.", "at_most"),
])
def test_bound_words_and_verbs(extract, text, qualifier):
    fig, = figures_of(extract(text))
    assert fig.qualifier == qualifier, (text, fig)


def test_barely_a_fraction(extract):
    fig, = figures_of(extract("Barely a third of members voted."))
    assert (fig.qualifier, fig.unit) == ("at_most", "fraction")


# Coordination, changes, denials ----------------------------------------------------------------

def test_one_bound_covers_coordinated_figures(extract):
    rows = figures_of(extract("At least 12 German and 30 Dutch fans were hurt."))
    assert [(f.value, f.qualifier) for f in rows] == [(12, "at_least"), (30, "at_least")]


def test_or_does_not_share_an_approximation(extract):
    rows = figures_of(extract("A seat costs about 8 or 9 euros."))
    assert rows[-1].qualifier != "approx" or rows[-1].text.startswith("8")


def test_change_from_to_is_two_levels_in_order(extract):
    rows = figures_of(extract("The toll jumped from 210 to 345 overnight."))
    assert [(f.value, f.qualifier) for f in rows] == [(210, "exact"), (345, "exact")]


def test_plain_from_to_is_still_a_range(extract):
    fig, = figures_of(extract("Tickets cost from 20 to 45 euros."))
    assert (fig.qualifier, fig.low, fig.high) == ("range", 20, 45)


def test_figure_reported_as_false_is_negated(extract):
    fig, = figures_of(extract('"Reports in the press of 80 dead are false," the mayor said.'))
    assert fig.negated


def test_figure_reported_as_true_is_not_negated(extract):
    fig, = figures_of(extract('"Reports in the press of 80 dead are accurate," the mayor said.'))
    assert not fig.negated
