"""Publication dates: strict for what the user types, forgiving for what files carry, sane for both.

Every date is validated where it enters the ledger: a publication date must lie between
``EARLIEST`` and a day after today (a future or year-9999 date is a typo or a placeholder, and
would poison every later date computation).  Relative wording ("yesterday at noon", "3 hours
ago") is refused in metadata too: it would silently become a date relative to the run.
"""

from __future__ import annotations

import datetime as dt
import re
import time

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"\b\d{4}\b")  # relative dates ("yesterday") would depend on the day of the run
USER_DATE_HINT = "use YYYY-MM-DD or a written date such as '10 January 2025'"
EARLIEST = dt.date(1800, 1, 1)
FUTURE_SLACK = dt.timedelta(days=1)  # time zones: an article dated tomorrow in Sydney is today here
_RELATIVE = re.compile(r"\b(?:yesterday|today|tonight|tomorrow|now|ago|recently)\b", re.I)


class DateRangeError(ValueError):
    """A well-formed date that cannot be a publication date (before 1800 or in the future)."""


def check_range(day: dt.date) -> dt.date:
    """``day`` when it can be a publication date; :class:`DateRangeError` saying why otherwise."""
    latest = dt.date.today() + FUTURE_SLACK
    if day < EARLIEST:
        raise DateRangeError(f"date {day.isoformat()} is before {EARLIEST.year}")
    if day > latest:
        raise DateRangeError(f"date {day.isoformat()} is in the future")
    return day


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
            day = dt.date(*map(int, match.groups()))
        except ValueError as exc:
            raise ValueError(f"invalid date {value!r} ({exc}): {USER_DATE_HINT}") from None
    else:
        parsed = _dateparser(value, strict=True) if _YEAR.search(value) and not _RELATIVE.search(value) else None
        if parsed is None:
            raise ValueError(f"invalid date {value!r}: {USER_DATE_HINT}")
        day = parsed.date()
    try:
        return check_range(day).isoformat()
    except DateRangeError as exc:
        raise DateRangeError(f"{exc}: give the real publication date ({USER_DATE_HINT})") from None


def metadata_date(value: object) -> str | None:
    """ISO date from a file's metadata (ISO string, RFC 822 string, ``time.struct_time``), or None.

    Lenient: anything unusable is None.  Use :func:`checked_metadata_date` to learn why.
    """
    try:
        return checked_metadata_date(value)
    except ValueError:
        return None


def checked_metadata_date(value: object) -> str | None:
    """Like :func:`metadata_date`, but a value that is present and unusable raises ``ValueError``
    with a one-line reason (unparsable, relative, out of range) so the reader can warn about it."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    try:
        if isinstance(value, time.struct_time):
            day = dt.date(value.tm_year, value.tm_mon, value.tm_mday)
        elif isinstance(value, dt.datetime):
            day = value.date()
        elif isinstance(value, dt.date):
            day = value
        elif isinstance(value, (int, float)):
            raise ValueError(f"a number is not a date: {value!r}")
        else:
            day = _text_date(str(value))
    except (OverflowError, TypeError) as exc:
        raise ValueError(f"not a date: {_short(value)} ({exc})") from None
    return check_range(day).isoformat()


def _text_date(value: str) -> dt.date:
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    match = _ISO.match(text)
    if match:
        rest = text[match.end():]
        if rest and not re.match(r"[T ]\d{1,2}:\d{2}", rest):
            raise ValueError(f"not one date: {_short(text)}")   # "2016-01-01/..", "2024-05-14 to 2024-06-01"
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError as exc:
            raise ValueError(f"invalid date {_short(text)} ({exc})") from None
    if _RELATIVE.search(text):
        raise ValueError(f"relative date {_short(text)}: it would depend on the day of the run")
    if not _YEAR.search(text):
        raise ValueError(f"date without a year {_short(text)}")
    parsed = _dateparser(text, strict=False)
    if parsed is None:
        raise ValueError(f"unreadable date {_short(text)}")
    return parsed.date()


def _short(value: object) -> str:
    text = " ".join(str(value).split())
    return repr(text if len(text) <= 40 else text[:40] + "…")


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
