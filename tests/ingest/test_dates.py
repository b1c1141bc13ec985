import time

import pytest

from claimledger.ingest import parse_user_date
from claimledger.ingest.dates import metadata_date


@pytest.mark.parametrize("given, iso", [
    ("2025-01-10", "2025-01-10"),
    ("10 January 2025", "2025-01-10"),
    ("March 3, 2024", "2024-03-03"),
    (" 2023-12-31 ", "2023-12-31"),
])
def test_user_dates(given, iso):
    assert parse_user_date(given) == iso


@pytest.mark.parametrize("given", ["2025-02-30", "yesterday", "January 2025", "soon", ""])
def test_invalid_user_dates_explain_the_format(given):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_user_date(given)


def test_metadata_dates():
    assert metadata_date("Tue, 14 May 2024 08:00:00 GMT") == "2024-05-14"
    assert metadata_date("2024-05-14T23:30:00+02:00") == "2024-05-14"
    assert metadata_date(time.strptime("2021-07-04", "%Y-%m-%d")) == "2021-07-04"
    assert metadata_date("not a date at all") is None
    assert metadata_date(None) is None
