"""Dates that cannot poison the ledger (issue 13 §2): odd dates from every entry point, across
several ordinary ``add`` runs on one ledger, never crash linking nor leak an impossible year."""

from __future__ import annotations

import json

import pytest

from claimledger import cli

from .helpers import assert_sane_dates, run_add, write_good


def test_issue_reproduction_open_window_then_a_dateless_article(tmp_path):
    (tmp_path / "x.txt").write_text("Officials said 100 troops arrived at the base, as they have every year since 2015.\n")
    (tmp_path / "y2.txt").write_text("Officials said 200 troops arrived on December 20 at the border, the ministry said.\n")
    (tmp_path / "z.txt").write_text("Officials said 300 tanks were seen near the river, the army said.\n")
    db = tmp_path / "ov.db"
    assert cli.main(["--db", str(db), "add", "--jobs", "1", str(tmp_path / "x.txt"), str(tmp_path / "y2.txt")]) == 0
    assert cli.main(["--db", str(db), "add", "--jobs", "1", str(tmp_path / "z.txt")]) == 0
    assert cli.main(["--db", str(db), "reanalyse", "--jobs", "1"]) == 0
    assert_sane_dates(db)
    state = json.loads(_export(db))
    assert [d["published"] for d in state["documents"]] == [None, None, None]   # "since 2015" is no date


def test_published_far_future_is_refused_in_one_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Officials said 40 ferries were cancelled, the operator said.\n")
    db = tmp_path / "l.db"
    assert cli.main(["--db", str(db), "add", "--jobs", "1", "--published", "9999-12-31", str(tmp_path / "a.txt")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--published" in err[0] and "future" in err[0] and "Traceback" not in err[0]
    assert not db.exists()


def _export(db) -> str:
    from claimledger.export.json_export import to_json
    from claimledger.store import Ledger

    with Ledger(db, readonly=True) as ledger:
        return json.dumps(to_json(ledger))


# Generated edge cases: (where the date enters, the date as written).
TEXT_HEADS = [
    "SEOUL, March 9 (Wire) -", "SEOUL, Feb 29 (Wire) -", "LONDON, Feb 29, 2024 -", "LONDON, Feb 30, 2024 -",
    "PARIS, 9999-12-31 -", "PARIS, 0001-01-01 -", "Published: 31 December 9999", "Published: 1 January 1000",
    "Updated: yesterday at noon", "Published 2016-01-01/..", "Posted on 3 hours ago", "Date: 2024-13-01",
    "Mon 31 Dec 2199 10:00 GMT", "March 2099", "ROME, 12 Mar 2024 (AP) -",
]
METADATA_DATES = [
    "2016-01-01/..", "9999-12-31", "yesterday at noon", "3 hours ago", "Tue, 14 May 2024 08:00:00 GMT",
    "2024-05-14T23:30:00+02:00", 1e308, -1, True, [], {}, "0000-00-00", "2024-02-30", "March 9", "Q3 2024",
    "2099-01-01", "1799-12-31", "1800-01-01", "24/25/2024", "2024-05-14\\u0000", "\\u0661\\u0662/03/2024", "",
]
BODIES = [
    "Officials said {n} homes were flooded in {y}, the council said.",
    "The company said {n} staff were laid off, as in every year since {y}.",
    "Police said {n} people joined protests, as in {y}, the mayor said.",
]


def _articles(tmp_path, round_no: int) -> list[str]:
    folder = tmp_path / f"round{round_no}"
    folder.mkdir()
    paths = []
    for i, head in enumerate(TEXT_HEADS[round_no::3]):
        body = BODIES[i % 3].format(n=100 + 7 * i + round_no, y=1989 + i)
        path = folder / f"t{i}.txt"
        path.write_text(f"{head} {body}\nThe figure was {50 + i} by 999999999 days ago, officials said.\n")
        paths.append(str(path))
    lines = []
    for i, value in enumerate(METADATA_DATES[round_no::3]):
        body = BODIES[(i + 1) % 3].format(n=200 + 11 * i + round_no, y=2000 + i)
        lines.append(json.dumps({"text": body, "published": value}).replace("\\\\u", "\\u"))
    (folder / "meta.jsonl").write_text("\n".join(lines) + "\n")
    paths.append(str(folder / "meta.jsonl"))
    return paths


def test_thirty_seven_odd_dates_over_three_sequential_adds(tmp_path):
    assert len(TEXT_HEADS) + len(METADATA_DATES) >= 30
    db = tmp_path / "seq.db"
    good = write_good(tmp_path / "good")
    added = 0
    for round_no in range(3):
        inputs = _articles(tmp_path, round_no) + ([good[round_no]] if round_no < len(good) else [])
        run = run_add(db, inputs)
        added += len(run.summary.added)
        assert not any("Traceback" in line for line in run.lines)
        assert all(line.count("\n") == 0 for line in run.lines)
        assert_sane_dates(db)
    assert added >= len(TEXT_HEADS) + len(METADATA_DATES) - 3   # only unusable lines are skipped
    # a last ordinary add and a reanalyse still work on the ledger these dates went into
    (tmp_path / "last.txt").write_text("Rescuers said 12 climbers were missing, the park said.\n")
    run_add(db, [str(tmp_path / "last.txt")])
    assert cli.main(["--db", str(db), "reanalyse", "--jobs", "1"]) == 0
    assert_sane_dates(db)


@pytest.mark.parametrize("value, kept", [
    ("yesterday at noon", None), ("2016-01-01/..", None), ("9999-12-31", None), ("2024-05-14", "2024-05-14"),
    ("Tue, 14 May 2024 08:00:00 GMT", "2024-05-14"),
])
def test_jsonl_relative_or_impossible_dates_are_dropped_with_one_line(tmp_path, value, kept):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": "Officials said 30 roads were closed by the snow, police said.",
                                "published": value}) + "\n")
    run = run_add(tmp_path / "j.db", [str(path)])
    assert run.summary.added
    state = json.loads(_export(tmp_path / "j.db"))
    assert state["documents"][0]["published"] == kept
    warnings = [line for line in run.lines if line.startswith("warning:")]
    if kept is None:
        assert len(warnings) == 1 and "feed.jsonl:1" in warnings[0] and "published" in warnings[0]
    else:
        assert not warnings
