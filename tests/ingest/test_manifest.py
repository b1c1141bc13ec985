"""Per-file metadata for a folder through a manifest beside the files."""

from __future__ import annotations

import json

from claimledger.ingest import IngestError, read_inputs
from claimledger.model import Document

VOTE = "Count ends in coastal district\nThe electoral office said turnout reached 61 percent on Sunday.\n"
RESULT = "Mayor re-elected\nThe incumbent won 12,400 votes, officials said on Monday.\n"
STRIKE = "By Omar Haddad, Valley Post\nBus drivers walked out on Friday, the union said.\n"


def _folder(tmp_path):
    folder = tmp_path / "election"
    folder.mkdir()
    (folder / "01_count.txt").write_text(VOTE, encoding="utf-8")
    (folder / "02_result.txt").write_text(RESULT, encoding="utf-8")
    (folder / "03_strike.txt").write_text(STRIKE, encoding="utf-8")
    return folder


def _docs(items) -> dict[str, Document]:
    return {d.name.rsplit("/", 1)[-1]: d for d in items if isinstance(d, Document)}


def test_csv_manifest_sets_metadata_per_file(tmp_path):
    folder = _folder(tmp_path)
    (folder / "manifest.csv").write_text(
        "file,outlet,published,url,author\n"
        "01_count.txt,Coastal Times,2024-05-12,https://coastal.example/count,Rhea Castell\n"
        "03_strike.txt,Harbour Daily,13 May 2024,,\n", encoding="utf-8")
    items = list(read_inputs([str(folder)]))
    assert not [i for i in items if isinstance(i, IngestError)]
    docs = _docs(items)
    assert sorted(docs) == ["01_count.txt", "02_result.txt", "03_strike.txt"]   # the manifest is no article
    count = docs["01_count.txt"]
    assert (count.outlet, count.published, count.published_how, count.url, count.author) == \
        ("Coastal Times", "2024-05-12", "user", "https://coastal.example/count", "Rhea Castell")
    assert "manifest.csv line 2" in count.published_evidence
    assert docs["02_result.txt"].outlet is None and docs["02_result.txt"].published is None
    strike = docs["03_strike.txt"]      # the manifest wins over the byline; empty cells change nothing
    assert (strike.outlet, strike.published, strike.author) == ("Harbour Daily", "2024-05-13", "Omar Haddad")


def test_jsonl_manifest_and_files_named_one_by_one(tmp_path):
    folder = _folder(tmp_path)
    rows = [{"file": "02_result.txt", "outlet": "Valley Post", "published": "2024-05-13", "title": "Mayor wins again"}]
    (folder / "manifest.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    # "add election/*" passes the manifest itself too: it is read as metadata, never as an article
    items = list(read_inputs(sorted(str(p) for p in folder.iterdir())))
    docs = _docs(items)
    assert "manifest.jsonl" not in docs and len(docs) == 3
    assert (docs["02_result.txt"].outlet, docs["02_result.txt"].title) == ("Valley Post", "Mayor wins again")


def test_command_line_wins_over_the_manifest(tmp_path):
    folder = _folder(tmp_path)
    (folder / "manifest.csv").write_text("file,outlet\n01_count.txt,Coastal Times\n", encoding="utf-8")
    docs = _docs(read_inputs([str(folder)], outlet="Given Outlet"))
    assert {d.outlet for d in docs.values()} == {"Given Outlet"}


def test_bad_rows_are_one_line_each(tmp_path):
    folder = _folder(tmp_path)
    (folder / "manifest.csv").write_text(
        "file,outlet,published\n"
        "01_count.txt,Coastal Times,next Tuesday\n"
        "04_missing.txt,Valley Post,2024-05-13\n"
        ",Valley Post,2024-05-13\n", encoding="utf-8")
    items = list(read_inputs([str(folder)]))
    errors = [str(i) for i in items if isinstance(i, IngestError)]
    assert len(errors) == 3
    assert any("04_missing.txt" in e and "line 3" in e for e in errors)
    assert any("01_count.txt" in e and "line 2" in e and "published" in e for e in errors)   # refused, not mis-dated
    assert any("line 4" in e and "'file'" in e for e in errors)
    assert sorted(_docs(items)) == ["02_result.txt", "03_strike.txt"]


def test_manifest_without_file_column(tmp_path):
    folder = _folder(tmp_path)
    (folder / "manifest.csv").write_text("name,outlet\n01_count.txt,Coastal Times\n", encoding="utf-8")
    items = list(read_inputs([str(folder)]))
    errors = [str(i) for i in items if isinstance(i, IngestError)]
    assert len(errors) == 1 and "no 'file' column" in errors[0]
    assert len(_docs(items)) == 3


def test_unknown_outlets_are_labelled_by_file_and_never_merged(tmp_path):
    folder = _folder(tmp_path)
    docs = _docs(read_inputs([str(folder)]))
    assert docs["01_count.txt"].label == "unknown outlet (01_count.txt)"
    assert docs["02_result.txt"].label == "unknown outlet (02_result.txt)"
    assert docs["03_strike.txt"].label == "Valley Post"          # from the byline
