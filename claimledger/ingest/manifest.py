"""Per-file metadata for a folder of articles: a manifest beside the files.

A folder may hold ``manifest.csv`` or ``manifest.jsonl`` (also accepted: ``claimledger.csv`` /
``claimledger.jsonl``) with one row per article file::

    file,outlet,published,url,author,title
    01_flood.txt,Coastal Times,2025-01-14,https://coastal.example/flood,Rhea Castell,
    02_flood.html,Northbridge Herald,14 January 2025,,,

``file`` is the article's path relative to the manifest's folder and is required; every other
column is optional and an empty cell means "not given".  What a manifest says wins over what the
file says about itself (HTML metadata, bylines), and ``--outlet``/``--published``/``--url`` on
the command line win over both.  Dates are read as strictly as ``--published``.  The manifest is
never ingested as an article.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from typing import Optional

from ..model import Document
from .dates import parse_user_date
from .errors import IngestError

MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl", "claimledger.csv", "claimledger.jsonl")
FIELDS = ("outlet", "published", "url", "author", "title")


@dataclass
class Entry:
    """What the manifest says about one file, and where it says it (for error lines)."""

    where: str
    values: dict[str, str] = field(default_factory=dict)
    error: Optional[str] = None          # a bad value: the file is refused rather than mis-dated


def is_manifest(path: str) -> bool:
    return os.path.basename(path).lower() in MANIFEST_NAMES


def find_manifest(folder: str) -> Optional[str]:
    for name in MANIFEST_NAMES:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            return path
    return None


def read_manifest(path: str) -> tuple[dict[str, Entry], list[IngestError]]:
    """Normalised absolute file path -> Entry, and one error per bad row (the rest is used)."""
    folder = os.path.dirname(os.path.abspath(path))
    errors: list[IngestError] = []
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [IngestError(path, f"cannot read manifest ({exc})")]
    rows = _jsonl_rows(path, text, errors) if path.lower().endswith(".jsonl") else _csv_rows(path, text, errors)
    entries: dict[str, Entry] = {}
    for where, row in rows:
        name = str(row.get("file") or "").strip()
        if not name:
            errors.append(IngestError(where, "manifest row without a 'file' value"))
            continue
        values = {k: str(row[k]).strip() for k in FIELDS if row.get(k) not in (None, "") and str(row[k]).strip()}
        error = None
        if "published" in values:
            try:
                values["published"] = parse_user_date(values["published"])
            except ValueError as exc:
                error = f"{where}: published: {exc}"
        target = os.path.normpath(os.path.join(folder, name))
        if not os.path.exists(target):
            errors.append(IngestError(where, f"no file {name!r} beside the manifest"))
            continue
        entries[target] = Entry(where, values, error)
    return entries, errors


def _csv_rows(path: str, text: str, errors: list[IngestError]) -> list[tuple[str, dict]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "file" not in header:
        errors.append(IngestError(path, "manifest has no 'file' column (expected: file,outlet,published,url,author,title)"))
        return []
    reader.fieldnames = header
    return [(f"{path} line {reader.line_num}", row) for row in reader]


def _jsonl_rows(path: str, text: str, errors: list[IngestError]) -> list[tuple[str, dict]]:
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(IngestError(f"{path} line {n}", f"not JSON ({exc.msg})"))
            continue
        if not isinstance(row, dict):
            errors.append(IngestError(f"{path} line {n}", "not a JSON object"))
            continue
        rows.append((f"{path} line {n}", {str(k).lower(): v for k, v in row.items()}))
    return rows


def apply_entry(doc: Document, entry: Entry) -> Document | IngestError:
    """The document with the manifest's values set (they win over the file's own metadata)."""
    if entry.error:
        return IngestError(doc.name, entry.error)
    values = entry.values
    for key in ("outlet", "url", "author", "title"):
        if key in values:
            setattr(doc, key, values[key])
    if "published" in values:
        doc.published, doc.published_how = values["published"], "user"
        doc.published_evidence = f"given in {entry.where}"
    return doc


class Manifests:
    """The manifests of the folders met during one ``add``, each read once."""

    def __init__(self) -> None:
        self._by_folder: dict[str, dict[str, Entry]] = {}
        self.errors: list[IngestError] = []

    def entry_for(self, path: str) -> Optional[Entry]:
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in self._by_folder:
            manifest = find_manifest(folder)
            entries, errors = read_manifest(manifest) if manifest else ({}, [])
            self._by_folder[folder] = entries
            self.errors.extend(errors)
        return self._by_folder[folder].get(os.path.normpath(os.path.abspath(path)))

    def take_errors(self) -> list[IngestError]:
        errors, self.errors = self.errors, []
        return errors
