"""Property-based tests (Hypothesis): number parsing, date parsing and ingestion never raise on
arbitrary text or bytes, and what they return is well formed."""

from __future__ import annotations

import json
import math
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.extract.numbers import is_number_word, parse_digits, parse_number
from claimledger.ingest import IngestError, IngestWarning, read_inputs
from claimledger.ingest.dates import checked_metadata_date, metadata_date, parse_user_date
from claimledger.link.dates import infer_published, midpoint, parse_window, resolve_as_of
from claimledger.model import Document

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FILES = settings(max_examples=40, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
NUMBERISH = st.lists(st.one_of(
    st.sampled_from(list("0123456789,.-\u2212/ ½¾⅛eEkmbnKMB")),
    st.sampled_from(["million", "billion", "thousand", "half", "two", "dozen", "and", "between", "to", "a",
                     "hundreds", "of"]).map(lambda w: f" {w} ")), max_size=20).map("".join)


# Numbers -------------------------------------------------------------------------------------

@FAST
@given(st.integers(min_value=0, max_value=10**15))
def test_digits_with_thousands_separators_read_back_exactly(n):
    assert parse_digits(f"{n:,}") == float(n)
    assert parse_digits(str(n)) == float(n)


@FAST
@given(st.one_of(st.text(max_size=60), NUMBERISH))
def test_parse_number_never_raises_and_keeps_its_bounds_ordered(text):
    found = parse_number(text)
    if found is not None and found.low is not None and found.high is not None:
        assert found.low <= found.high
        if found.value is not None and not found.vague:
            assert found.low <= found.value <= found.high or math.isclose(found.value, found.low)


@FAST
@given(st.one_of(st.text(max_size=40), NUMBERISH))
def test_parse_digits_and_number_words_never_raise(text):
    value = parse_digits(text)
    assert value is None or isinstance(value, float)
    for word in text.split():
        assert isinstance(is_number_word(word), bool)


# Dates ---------------------------------------------------------------------------------------

DATEISH = st.one_of(
    st.text(max_size=40),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.tuples(st.integers(-5, 99999), st.integers(-2, 14), st.integers(-2, 40)).map(lambda t: f"{t[0]}-{t[1]:02d}-{t[2]:02d}"),
    st.sampled_from(["yesterday at noon", "2016-01-01/..", "../..", "9999-12-31", "Feb 29", "3 hours ago", "1e308",
                     "Tue, 14 May 2024 08:00:00 GMT", "\u0661\u0662/03/2024", "2024-05-14\x00"]),
)


@FAST
@given(DATEISH)
def test_user_dates_are_valid_or_refused_with_a_value_error(text):
    try:
        iso = parse_user_date(text)
    except ValueError as exc:
        assert "\n" not in str(exc)
        return
    assert 1800 <= date.fromisoformat(iso).year and date.fromisoformat(iso) <= date.today().replace(year=date.today().year + 1)


@FAST
@given(st.one_of(DATEISH, st.integers(), st.floats(), st.booleans(), st.none(), st.lists(st.integers(), max_size=2)))
def test_metadata_dates_are_valid_none_or_a_value_error(value):
    assert metadata_date(value) is None or parse_window(metadata_date(value)) is not None
    try:
        iso = checked_metadata_date(value)
    except ValueError:
        return
    assert iso is None or 1800 <= date.fromisoformat(iso).year <= date.today().year + 1


@FAST
@given(DATEISH, st.one_of(st.none(), st.text(max_size=30),
                          st.sampled_from(["last month", "February 29", "999999999 days ago", "last summer",
                                           "on Monday", "9999-12-31", "in 2101", "this year"])))
def test_stored_dates_and_as_of_wording_never_raise(stored, as_of_text):
    window = parse_window(stored)
    if window:
        assert window[0] <= window[1]
    midpoint(stored)
    resolved = resolve_as_of(as_of_text, stored)
    assert resolved is None or parse_window(resolved) is not None


@FAST
@given(st.text(max_size=300), st.one_of(st.none(), st.integers(1, 9999)))
def test_inferred_publication_dates_are_valid_windows(text, default_year):
    found = infer_published(Document(id="d", name="d.txt", text=text), default_year)
    if found:
        assert parse_window(found[0]) is not None and "/.." not in found[0]


# Ingestion -------------------------------------------------------------------------------------

def _check_items(items, path) -> None:
    for item in items:
        if isinstance(item, (IngestError, IngestWarning)):
            assert "\n" not in str(item)
        else:
            assert isinstance(item, Document) and item.id and item.text.strip()
            item.text.encode("utf-8")                       # storable: no lone surrogates
            json.dumps(item.columns(), ensure_ascii=False).encode("utf-8")


@FILES
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.rss", "a.warc", "a"]))
def test_arbitrary_bytes_never_raise(tmp_path_factory, data, name):
    path = tmp_path_factory.mktemp("bytes") / name
    path.write_bytes(data)
    _check_items(list(read_inputs([str(path)])), path)


@FILES
@given(st.text(max_size=1500), st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.xml"]))
def test_arbitrary_text_never_raises(tmp_path_factory, text, name):
    path = tmp_path_factory.mktemp("text") / name
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    _check_items(list(read_inputs([str(path)])), path)


@FILES
@given(st.lists(st.dictionaries(st.sampled_from(["text", "title", "published", "outlet", "url"]),
                                st.one_of(st.text(max_size=80), st.integers(), st.floats(), st.none(),
                                          st.lists(st.text(max_size=5), max_size=2)), max_size=5), max_size=6))
def test_arbitrary_jsonl_records_cost_only_themselves(tmp_path_factory, records):
    path = tmp_path_factory.mktemp("jsonl") / "r.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    _check_items(items, path)
    usable = [r for r in records if isinstance(r.get("text"), str) and any(c.isalpha() for c in r["text"])
              and r["text"].strip()]
    docs = [i for i in items if isinstance(i, Document)]
    assert len(docs) <= len(records)
    assert not usable or docs or any(isinstance(i, IngestError) for i in items)
