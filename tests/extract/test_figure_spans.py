"""Number spans: which tokens make one number, with its currency and unit."""

from __future__ import annotations

import pytest

from claimledger.extract.figure_spans import find_spans, glued_currency, glued_unit


def spans(nlp, text):
    parsed = nlp(text)
    return [(parsed[f.start:f.end].text, f.unit, f.number.value) for f in find_spans(parsed)]


@pytest.mark.parametrize("text, expected", [
    ("It cost $1.2bn in total.", [("$1.2bn", "USD", 1.2e9)]),
    ("Two hundred and fifty runners started.", [("Two hundred and fifty", None, 250)]),
    ("The lake is 12 km wide.", [("12 km", "km", 12)]),
    ("Rainfall reached 30% above normal.", [("30%", "percent", 30)]),
])
def test_spans(nlp, text, expected):
    assert spans(nlp, text) == [(t, u, pytest.approx(v)) for t, u, v in expected]


def test_unit_words_are_not_numbers_of_their_own(nlp):
    assert [s[0] for s in spans(nlp, "Ozone reached 1200 parts per million.")] == ["1200 parts per million"]


def test_year_to_amount_is_not_a_range(nlp):
    found = spans(nlp, "Sales rose 60% in 2018 to 3.9 million.")
    assert [s[0] for s in found] == ["60%", "2018", "3.9 million"]


@pytest.mark.parametrize("token, expected", [
    ("USD10m", ("USD", "USD")), ("RM23.50", ("MYR", "RM")), ("S22", None), ("iPhone", None),
])
def test_glued_currency(token, expected):
    assert glued_currency(token) == expected


@pytest.mark.parametrize("token, expected", [
    ("640bhp", ("640", "bhp", "bhp")), ("5kW", ("5", "kW", "kW")), ("1.2bn", None), ("47th", None),
])
def test_glued_unit(token, expected):
    assert glued_unit(token) == expected
