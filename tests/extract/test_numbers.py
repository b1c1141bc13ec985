"""Number phrases → value and honest bounds."""

from __future__ import annotations

import pytest

from claimledger.extract.numbers import parse_digits, parse_number


@pytest.mark.parametrize("text, value", [
    ("11,000", 11000), ("1 million", 1e6), ("1.5 million", 1.5e6), ("two", 2), ("a dozen", 12),
    ("four dozen", 48), ("twenty-five", 25), ("two hundred thousand", 200000),
    ("three hundred and fifty", 350), ("1.2bn", 1.2e9), ("7.5m", 7.5e6), ("0.68", 0.68),
])
def test_exact_numbers(text, value):
    number = parse_number(text)
    assert number is not None and number.value == pytest.approx(value)
    assert number.low == number.high == pytest.approx(value)
    assert not number.vague and not number.is_range


@pytest.mark.parametrize("text, low, high", [
    ("5-10,000", 5000, 10000), ("70-100,000", 70000, 100000), ("between 500,000 and 800,000", 500000, 800000),
    ("from 252 to 287", 252, 287), ("1.5-2 million", 1.5e6, 2e6), ("5,000-6,000", 5000, 6000),
])
def test_ranges_take_the_scale_of_their_second_end(text, low, high):
    number = parse_number(text)
    assert number.is_range
    assert (number.low, number.high) == (pytest.approx(low), pytest.approx(high))
    assert number.value == pytest.approx((low + high) / 2)


@pytest.mark.parametrize("text, low, high", [
    ("thousands", 2000, 9999), ("millions", 2e6, 1e7 - 1), ("hundreds", 200, 999),
    ("tens of thousands", 20000, 99999), ("hundreds of thousands", 2e5, 1e6 - 1),
])
def test_vague_plurals_keep_honest_bounds(text, low, high):
    number = parse_number(text)
    assert number.vague
    assert (number.low, number.high) == (pytest.approx(low), pytest.approx(high))
    assert number.value == number.low


@pytest.mark.parametrize("text, value", [("half", 0.5), ("a third", 1 / 3), ("two-thirds", 2 / 3),
                                         ("three quarters", 0.75)])
def test_fractions(text, value):
    number = parse_number(text)
    assert number.fraction and number.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "soldiers", "47th", "abc-def"])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_parse_digits_rejects_words():
    assert parse_digits("12,500") == 12500
    assert parse_digits("twelve") is None
