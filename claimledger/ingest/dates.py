"""Publication dates: strict for what the user types, forgiving for what files carry."""

from __future__ import annotations

import datetime as dt
import re
import time

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"\b\d{4}\b")  # relative dates ("yesterday") would depend on the day of the run
USER_DATE_HINT = "use YYYY-MM-DD or a written date such as '10 January 2025'"


def parse_user_date(text: str) -> str:
    """ISO ``YYYY-MM-DD`` from a user-given date; ``ValueError`` with a clear message otherwise.

    Day, month and year are all required: a fact-checker's date must not be guessed.
    """
    value = (text or "").strip()
    if not value:
        raise ValueError(f"empty date: {USER_DATE_HINT}")
    match = _ISO.match(value)
    if match and len(value) == 10:
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError as exc:
            raise ValueError(f"invalid date {value!r} ({exc}): {USER_DATE_HINT}") from None
    parsed = _dateparser(value, strict=True) if _YEAR.search(value) else None
    if parsed is None:
        raise ValueError(f"invalid date {value!r}: {USER_DATE_HINT}")
    return parsed.date().isoformat()


def metadata_date(value: object) -> str | None:
    """ISO date from a file's metadata (ISO string, RFC 822 string, ``time.struct_time``), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, time.struct_time):
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return None
    text = str(value).strip()
    match = _ISO.match(text)
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    parsed = _dateparser(text, strict=False)
    return parsed.date().isoformat() if parsed else None


def _dateparser(text: str, *, strict: bool) -> dt.datetime | None:
    import dateparser  # slow to import: only when a non-ISO date turns up

    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if strict:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
        settings["STRICT_PARSING"] = True
    try:
        return dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, TypeError, OverflowError):
        return None
