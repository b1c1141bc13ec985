"""Unit normalisation: the words after (or the symbol before) a number → a short unit code.

Vocabulary of codes (``Figure.unit``):

- ``count`` — a number of people or things; ``Figure.counted`` says what ("North Korean soldiers").
- ``percent`` (``%``, per cent), ``pp`` (percentage points).
- currencies by ISO 4217 code: ``USD`` ``EUR`` ``GBP`` ``JPY`` ``CNY`` ``INR`` ``RUB`` ``UAH`` ``CHF``
  ``CAD`` ``AUD`` ...; ``USc`` for (US) cents, ``GBp`` pence, ``MYRc`` sen.
- length ``km`` ``m`` ``dm`` ``cm`` ``mm`` ``nm`` ``mi`` ``ft`` ``yd`` ``in``; area ``km2`` ``m2`` ``ft2`` ``mi2`` ``ha`` ``acre``;
  mass ``t`` ``kg`` ``g`` ``lb``; volume ``l`` ``bbl`` (barrels) ``gal``; speed ``km/h`` ``mph``;
  energy/power ``kWh`` ``MWh`` ``GWh`` ``MW`` ``GW`` ``mmBtu``; fuel use ``mpg``; voltage ``V`` ``kV``; stress ``ksi``; pressure ``MPa``; torque ``Nm`` ``lbft``; temperature ``degC`` ``degF`` ``deg``.
- other measures: ``hp`` ``bhp`` ``W`` ``kW`` ``Hz`` ``GHz`` ``GB`` ``mAh`` ``mg`` ``ppm`` ``rpm`` ``pt``
  (points of an index or a score) ``bp`` (basis points); rates join codes with ``/`` (``USD/bbl``).
- time (durations and ages): ``year`` ``month`` ``week`` ``day`` ``hour`` ``minute`` ``second``.

:func:`unit_after` reads the words following a number; :func:`currency_before` the symbol or
code preceding it.  The original wording is kept by the caller in ``unit_text``.
"""

from __future__ import annotations

from typing import Optional

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "$us": "USD", "a$": "AUD", "$a": "AUD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "jpy": "JPY", "₹": "INR", "rs": "INR", "inr": "INR", "₽": "RUB", "rub": "RUB",
    "₴": "UAH", "uah": "UAH", "chf": "CHF", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "a$": "AUD",
    "au$": "AUD", "aud": "AUD", "cny": "CNY", "rmb": "CNY", "nz$": "NZD", "r$": "BRL",
    "hk$": "HKD", "hk": "HKD", "hkd": "HKD", "rm": "MYR", "myr": "MYR", "s$": "SGD", "sgd": "SGD",
    "₩": "KRW", "krw": "KRW", "₺": "TRY", "₦": "NGN", "zł": "PLN",
}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "hryvnia": "UAH", "hryvnias": "UAH", "franc": "CHF", "francs": "CHF", "won": "KRW",
    "cent": "USc", "cents": "USc", "pence": "GBp", "p": "GBp", "sen": "MYRc",
}
"""Currency names after a number.  "pounds" alone is ambiguous (money or weight): see unit_after."""

UNIT_WORDS: dict[str, str] = {}


def _add(code: str, *words: str) -> None:
    for word in words:
        UNIT_WORDS[word] = code


_add("percent", "%", "percent", "per cent", "pc", "per-cent", "percentage")
_add("pp", "percentage points", "percentage point")
_add("bp", "basis points", "basis point", "bps")
_add("pt", "points", "point", "pts")
_add("km2", "square kilometers", "square kilometres", "square kilometer", "square kilometre", "sq km",
     "km2", "km²", "sq. km", "sqkm", "square km")
_add("mi2", "square miles", "square mile", "sq mi", "sq miles", "sq. mi", "mi²", "mi2")
_add("m2", "square meters", "square metres", "square meter", "square metre", "sq m", "m2", "m²")
_add("ft2", "square feet", "square foot", "sq ft", "sq. ft", "sq feet", "ft2", "ft²")
_add("ha", "hectares", "hectare", "ha")
_add("acre", "acres", "acre")
_add("km", "kilometers", "kilometres", "kilometer", "kilometre", "km", "kms")
_add("m", "meters", "metres", "meter", "metre", "m")
_add("cm", "centimeters", "centimetres", "centimeter", "centimetre", "cm")
_add("nm", "nanometers", "nanometres", "nanometer", "nanometre", "nm")
_add("dm", "decimeters", "decimetres", "decimeter", "decimetre", "dm")
_add("mm", "millimeters", "millimetres", "millimeter", "millimetre", "mm")
_add("mi", "miles", "mile", "mi")
_add("ft", "feet", "foot", "ft")
_add("yd", "yards", "yard", "yds")
_add("in", "inches", "inch")
_add("t", "tonnes", "tonne", "tons", "ton", "metric tons", "metric tonnes")
_add("kg", "kilograms", "kilogrammes", "kilogram", "kilos", "kilo", "kg", "kgs")
_add("g", "grams", "grammes", "gram", "g")
_add("lb", "lbs", "lb")
_add("l", "liters", "litres", "liter", "litre", "l")
_add("bbl", "barrels", "barrel", "bpd")
_add("gal", "gallons", "gallon")
_add("km/h", "km/h", "kph", "kmh", "kilometers per hour", "kilometres per hour")
_add("mph", "mph", "m.p.h.", "m.p.h", "miles per hour", "miles an hour")
_add("kWh", "kwh", "kilowatt hours", "kilowatt-hours")
_add("MW", "mw", "megawatts", "megawatt")
_add("GW", "gw", "gigawatts", "gigawatt")
_add("MWh", "mwh", "megawatt hours", "megawatt-hours")
_add("GWh", "gwh", "gigawatt hours", "gigawatt-hours")
_add("MPa", "mpa", "megapascals", "megapascal")
_add("Nm", "newton metres", "newton meters", "newton-metres", "newton-meters")
_add("lbft", "lb-ft", "pound-feet", "pound-foot", "lb ft")
_add("degC", "°c", "degrees celsius", "degrees centigrade", "c", "degree celsius", "degrees c", "deg c",
     "celsius", "centigrade", "º c", "° c")
_add("degF", "°f", "degrees fahrenheit", "f", "degree fahrenheit", "degrees f", "deg f", "fahrenheit", "° f")
_add("deg", "degrees", "degree", "°")
_add("hp", "hp", "horsepower")
_add("bhp", "bhp", "brake horsepower")
_add("W", "w", "watts", "watt")
_add("kW", "kw", "kilowatts", "kilowatt")
_add("Hz", "hz", "hertz")
_add("GHz", "ghz", "gigahertz")
_add("MHz", "mhz", "megahertz")
_add("GB", "gb", "gigabytes", "gigabyte")
_add("TB", "tb", "terabytes", "terabyte")
_add("MB", "mb", "megabytes", "megabyte")
_add("mAh", "mah")
_add("mg", "mg", "milligrams", "milligram")
_add("ppb", "ppb", "parts per billion")
_add("ppm", "ppm", "parts per million")
_add("rpm", "rpm", "revolutions per minute")
_add("um", "µm", "μm", "micrometres", "micrometers", "microns")
_add("year", "years", "year", "yrs", "yr")
_add("month", "months", "month")
_add("week", "weeks", "week")
_add("day", "days", "day")
_add("hour", "hours", "hour", "hrs", "hr")
_add("minute", "minutes", "minute", "mins", "min")
_add("second", "seconds", "second", "secs")

_add("mpg", "mpg", "miles per gallon", "miles a gallon")
_add("mmBtu", "mmbtu", "mmbtus", "million british thermal units")
_add("ksi", "ksi")
_add("kV", "kv", "kilovolts", "kilovolt")
_add("V", "volts", "volt")

CASED_UNITS = {"Nm": "Nm", "nm": "nm", "PS": "hp", "W": "W", "V": "V", "kV": "kV", "C": "degC",
               "kW": "kW", "MW": "MW", "GW": "GW"}
"""Units whose letter case decides them (``450 Nm`` of torque, ``7 nm`` chips, ``300 PS``); read when
written apart from the number too (``a 5 W charger``), a single letter unless a name follows
(``12 C Street``, ``9 W Main Street``).
A lone ``F`` is not read (Fahrenheit or farad)."""

UNCASED_REJECT = {"G"}
"""Glued capitals that are not the lower-case unit: ``5G`` is a network generation, not grams."""

TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second"}
LENGTH_UNITS = {"km", "m", "dm", "cm", "mm", "nm", "mi", "ft", "yd", "in"}
AREA_UNITS = {"km2", "m2", "ft2", "mi2", "ha", "acre"}
SINGLE_LETTER_OK = {"%", "°"}
"""Units written as a single letter ("m", "c") are only read when glued to the number (7m)."""

TERRITORY_WORDS = {"territory", "territories", "land", "area", "ground", "region", "lands", "farmland",
                   "forest", "acreage"}

MAX_UNIT_WORDS = 3


def is_currency(code: str) -> bool:
    """True for an ISO currency code (or a cent/pence sub-unit) from this module's tables."""
    return code in set(CURRENCY_SYMBOLS.values()) | set(CURRENCY_WORDS.values())


def currency_before(text: str) -> Optional[str]:
    """ISO code for a currency symbol/code written before a number (``$``, ``US$``, ``€``)."""
    return CURRENCY_SYMBOLS.get(text.lower().strip())


def unit_after(words: list[str], glued: bool = False) -> Optional[tuple[str, int]]:
    """Unit code and how many of ``words`` it uses, reading the words following a number.

    ``glued`` says the first word touches the number (``30%``, ``5km``), which is what makes
    one-letter units safe to read.
    """
    lowered = [w.lower().rstrip("-") or w.lower() for w in words[:MAX_UNIT_WORDS]]   # "287 miles- and"
    if words and words[0] in UNCASED_REJECT:
        return None
    if words and words[0] in CASED_UNITS and (len(words[0]) > 1 or glued or len(words) == 1
                                              or not words[1].istitle()):
        return CASED_UNITS[words[0]], 1
    for n in range(min(MAX_UNIT_WORDS, len(lowered)), 0, -1):
        phrase = " ".join(lowered[:n]).replace(" .", ".")
        if n == 1 and len(phrase) == 1 and phrase not in SINGLE_LETTER_OK and not glued:
            continue
        if phrase in ("pounds", "pound"):
            # money unless a weight context follows ("pounds of cocaine")
            nxt = lowered[1] if len(lowered) > 1 else ""
            return ("lb", 1) if nxt == "of" else ("GBP", 1)
        if phrase in ("won", "p", "c", "f") and not glued:
            continue
        if phrase in UNIT_WORDS:
            return UNIT_WORDS[phrase], n
        if n == 1 and phrase in CURRENCY_SYMBOLS and (words[0].isupper() or not phrase.isalpha()) \
                and len(phrase) != 2:
            return CURRENCY_SYMBOLS[phrase], 1   # "500 USD", "20 €"
        if phrase in CURRENCY_WORDS:
            return CURRENCY_WORDS[phrase], n
    return None


def territory_warning(unit: Optional[str], following: str) -> Optional[str]:
    """A territory measured as a length is almost surely a slip for an area."""
    if unit in LENGTH_UNITS:
        words = set(following.lower().split())
        if words & TERRITORY_WORDS:
            return f"territory given as a length ({unit}), probably {unit}2"
    return None
