"""Several writers on one ledger, on SQLite and on PostgreSQL: waits are told, nothing lost or doubled.

Real processes, real locks: one process holds the write lock for longer than SQLite's default
5 s busy wait while a real ``claimledger add`` runs against the same ledger.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from claimledger import cli
from claimledger.model import Figure, Measure
from claimledger import cli
from claimledger.model import Figure, Measure
from claimledger.store import Ledger
from claimledger.store.dialect import BUSY_MESSAGE, for_target
from tests.ingest.samples import ARTICLES
from tests.store.test_ledger import make_doc

ROOT = Path(__file__).resolve().parents[2]
HOLD_AFTER_WAIT = 6.0  # seconds the lock stays taken after the second writer starts waiting: > SQLite's 5 s


def write_articles(folder: Path, names) -> list[str]:
    folder.mkdir(exist_ok=True)
    paths = []
    for name in names:
        path = folder / f"{name}.txt"
        path.write_text(ARTICLES[name], encoding="utf-8")
        paths.append(str(path))
    return paths


def claimledger(db: str, *argv: str, **popen) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "claimledger", "--db", db, *argv], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)


HOLDER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from claimledger.store import Ledger
    from tests.store.test_ledger import make_doc
    with Ledger({db!r}) as ledger, ledger.transaction():
        ledger.save_document(make_doc("bbbbbbbbbbbb"))   # joins the open transaction
        print("holding", flush=True)
        sys.stdin.readline()                            # until the test says so
    print("released", flush=True)
""")


def test_add_waits_for_a_writer_holding_the_lock_longer_than_sqlite_waits(store_url, tmp_path):
    with Ledger(store_url) as ledger:
        ledger.save_document(make_doc("aaaaaaaaaaaa"))
    holder = subprocess.Popen([sys.executable, "-c", HOLDER.format(root=str(ROOT), db=store_url)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        [article] = write_articles(tmp_path / "in", ["quake"])
        adder = claimledger(store_url, "add", article)
        before = []  # blocks until the adder reaches the lock and says it waits
        while not before or (BUSY_MESSAGE not in before[-1] and before[-1]):
            before.append(adder.stderr.readline())
        assert BUSY_MESSAGE in before[-1], before
        time.sleep(HOLD_AFTER_WAIT)
        assert adder.poll() is None, "the second writer gave up while the lock was held"
        holder.stdin.write("go\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"
        out, err = adder.communicate(timeout=300)
    finally:
        holder.kill()
    assert adder.returncode == 0, err
    err = "".join(before) + err
    assert "Traceback" not in err and "locked" not in err and "not a claimledger ledger" not in err
    assert err.count(BUSY_MESSAGE) == 1  # said once
    assert "added 1 document(s)" in out
    with Ledger(store_url, readonly=True) as ledger:
        ids = [d.id for d in ledger.documents()]
    assert len(ids) == 3 and {"aaaaaaaaaaaa", "bbbbbbbbbbbb"} <= set(ids)


def test_opening_a_ledger_that_needs_migrating_waits_for_the_lock(store_url):
    dialect = for_target(store_url)
    conn = dialect.connect(store_url, readonly=False)  # an older ledger: one table
    conn.execute('CREATE TABLE figures (id TEXT PRIMARY KEY, doc TEXT, value REAL)')
    dialect.begin_write(conn)
    heard: list[str] = []
    outcome: dict[str, object] = {}

    def open_and_write() -> None:  # must migrate, so must wait for the lock
        try:
            with Ledger(store_url, on_wait=heard.append) as ledger:
                outcome["opened_after"] = time.monotonic()
                ledger.save_document(make_doc())
                outcome["figures"] = ledger.count(Figure)
        except BaseException as exc:  # reported below, in the test's thread
            outcome["error"] = exc

    opener = threading.Thread(target=open_and_write)
    opener.start()
    time.sleep(HOLD_AFTER_WAIT)
    released = time.monotonic()
    dialect.commit(conn)
    opener.join(timeout=120)
    dialect.close(conn, readonly=False)
    assert "error" not in outcome, outcome.get("error")
    assert heard == [BUSY_MESSAGE]
    assert outcome["opened_after"] >= released and outcome["figures"] == 2


def test_concurrent_adds_of_overlapping_inputs_keep_every_document_once(store_url, tmp_path):
    names = sorted(ARTICLES)[:3]
    batches = [names[0:2], names[1:3], [names[2], names[0]]]  # three adders; every article in two of them
    adders = [claimledger(store_url, "add", *write_articles(tmp_path / f"in{i}", batch))
              for i, batch in enumerate(batches)]
    results = [a.communicate(timeout=600) for a in adders]
    for adder, (out, err) in zip(adders, results):
        assert adder.returncode == 0, err
        assert "Traceback" not in err and "locked" not in err
    with Ledger(store_url, readonly=True) as ledger:
        docs = ledger.documents(annotated=True)
        hashes = [d.content_hash for d in docs]
        measures = ledger.rows(Measure)
    assert len(docs) == len(names) and len(set(hashes)) == len(names)
    assert sum(int(out.split("added ")[1].split()[0]) for out, _ in results) == len(names)
    # The result is the ledger a single add of the same articles makes: same rows, none doubled.
    reference = str(tmp_path / "reference.db")
    assert cli.main(["--db", reference, "add", *write_articles(tmp_path / "all", names)]) == 0
    with Ledger(reference, readonly=True) as ledger:
        ref_docs = {d.id: d for d in ledger.documents(annotated=True)}
        ref_measures = ledger.rows(Measure)
    for doc in docs:
        ref = ref_docs[doc.id]
        for name in ("figures", "statements", "sources", "mentions"):
            assert _ids(getattr(doc, name)) == _ids(getattr(ref, name)), f"{doc.name}: {name} differ"
    assert sorted(_content(m) for m in measures) == sorted(_content(m) for m in ref_measures)


def _ids(records) -> list[str]:
    return sorted(getattr(r, "id", None) or json.dumps(r.to_dict(), sort_keys=True) for r in records)


def _content(measure) -> str:
    return json.dumps([measure.label, sorted(measure.figures)], sort_keys=True)
