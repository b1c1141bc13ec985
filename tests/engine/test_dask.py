"""The Dask engine against a real cluster of two worker processes.

CI (``.ci/run``) starts ``dask scheduler`` and two ``dask worker`` processes and exports
``CLAIMLEDGER_TEST_DASK``; there the test fails, never skips, when the cluster is missing.
Elsewhere it starts its own LocalCluster of two processes.
"""

from __future__ import annotations

import os

import pytest

from claimledger import cli
from claimledger.pipeline import Context

from tests.engine import corpus
from tests.engine.helpers import export_of

distributed = pytest.importorskip("distributed") if os.environ.get("CI") != "true" else __import__("distributed")


@pytest.fixture(scope="module")
def scheduler():
    address = os.environ.get("CLAIMLEDGER_TEST_DASK")
    if address:
        yield address
        return
    assert os.environ.get("CI") != "true", "CI must start a Dask cluster and set CLAIMLEDGER_TEST_DASK (.ci/run)"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster:
        yield cluster.scheduler_address


def test_cluster_has_two_worker_processes(scheduler):
    with distributed.Client(scheduler, timeout="30s") as client:
        client.wait_for_workers(2, timeout=60)
        pids = client.run(os.getpid)
    assert len(set(pids.values())) >= 2 and os.getpid() not in pids.values()


def test_dask_engine_gives_the_same_export_as_one_process(tmp_path, scheduler):
    paths = corpus.write(tmp_path)
    local = export_of(tmp_path / "local.db", paths, Context(jobs=1))
    dask = export_of(tmp_path / "dask.db", paths, Context(engine="dask", scheduler=scheduler))
    assert len(dask["documents"]) == len(corpus.ARTICLES) and dask["figures"]
    assert dask == local


def test_cli_add_with_a_scheduler(tmp_path, scheduler, capsys):
    paths = corpus.write(tmp_path)
    db = str(tmp_path / "cli.db")
    assert cli.main(["--db", db, "add", "--engine", "dask", "--scheduler", scheduler, *paths]) == 0
    assert f"added {len(paths)} document(s)" in capsys.readouterr().out


def test_unreachable_scheduler_is_one_line(tmp_path, capsys, monkeypatch):
    from claimledger.engine import dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "2s")
    paths = corpus.write(tmp_path)
    code = cli.main(["--db", str(tmp_path / "x.db"), "add", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
                     *paths])
    err = capsys.readouterr().err
    assert code == 1 and "cannot reach the Dask scheduler" in err and "Traceback" not in err
