"""Unit words and currency symbols → short codes."""

from __future__ import annotations

import pytest

from claimledger.extract.units import currency_before, territory_warning, unit_after


@pytest.mark.parametrize("words, code, used", [
    (["square", "kilometres", "of"], "km2", 2), (["sq", "mi"], "mi2", 2), (["km"], "km", 1),
    (["miles", "north"], "mi", 1), (["%"], "percent", 1), (["per", "cent"], "percent", 2),
    (["percentage", "points"], "pp", 2), (["tonnes", "of", "grain"], "t", 1), (["euros"], "EUR", 1),
    (["pounds"], "GBP", 1), (["pounds", "of", "cocaine"], "lb", 1), (["weeks"], "week", 1),
    (["hectares"], "ha", 1),
])
def test_unit_after(words, code, used):
    assert unit_after(words) == (code, used)


def test_single_letters_need_to_touch_the_number():
    assert unit_after(["m", "people"]) is None
    assert unit_after(["m"], glued=True) == ("m", 1)


@pytest.mark.parametrize("symbol, code", [("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("US$", "USD"), ("¥", "JPY")])
def test_currency_before(symbol, code):
    assert currency_before(symbol) == code


def test_territory_as_length_is_flagged():
    assert "km2" in territory_warning("km", "of farmland")
    assert territory_warning("km2", "of farmland") is None
    assert territory_warning("km", "from the coast") is None


@pytest.mark.parametrize("words, glued, code", [
    (["Nm", "of", "torque"], False, "Nm"), (["nm", "chips"], False, "nm"), (["PS"], False, "hp"),
    (["W", "charger"], False, "W"), (["C", "melting"], False, "degC"), (["mpg"], False, "mpg"),
    (["sen"], False, "MYRc"), (["lb-ft"], False, "lbft"),
])
def test_units_decided_by_letter_case_and_new_codes(words, glued, code):
    assert unit_after(words, glued=glued)[0] == code


def test_capital_letters_that_are_not_units():
    assert unit_after(["G", "network"], glued=True) is None      # "5G network"
    assert unit_after(["C", "Street"]) is None                   # "12 C Street"
    assert unit_after(["F"]) is None                             # Fahrenheit or farad: unread


def test_a_dangling_hyphen_does_not_hide_the_unit():
    assert unit_after(["miles-", "and"]) == ("mi", 1)
