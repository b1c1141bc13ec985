"""How claimledger scales with the number of articles, on real news text.

    python bench/scale.py                       # N = 200 (quick)
    nice -n 0 python bench/scale.py --sizes 1000,4000 --dask-docs 300

For each N (``--sizes``): ``claimledger add`` of N distinct articles (bench/corpus.py: GVA,
PolNeAR and NewsQuant text, paragraph recombinations past the 3,666 real ones) into a fresh
SQLite ledger, then ``add`` of 10 more, ``export --format json`` and ``report``; beside it, the
bare spaCy parse of the same texts on the same cores (``nlp.pipe(n_process=jobs)``).  Every command
runs in its own process; CPU is user+sys of that process and its workers over wall time, peak RSS
the largest sum over the process tree of each process's proportional set size (PSS: pages that
forked workers share with the parent count once), sampled every 0.2 s.  Then: a fitted growth exponent of
the add time, Dask with 1 and 2 workers on the same documents (the per-document phase), and a
projection for 10^6 articles from the measured per-article costs.  Not a test: the numbers vary
with the machine and its load, which is printed.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

WRAPPER = """
import json, os, resource, sys
from claimledger.cli import main
rc = main(sys.argv[1:])
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
with open(os.environ["SCALE_RUSAGE"], "w") as out:
    json.dump({"main": me.ru_utime + me.ru_stime, "workers": kids.ru_utime + kids.ru_stime}, out)
sys.exit(rc)
"""

BARE_PARSE = """
import json, sys, time
from claimledger import nlp
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
model = nlp.load()
t0 = time.perf_counter()
for _ in model.pipe(texts, batch_size=32, n_process=int(sys.argv[2])):
    pass
print(time.perf_counter() - t0)
"""

DASK_PHASE = """
import json, sys, time
from distributed import Client, LocalCluster
from claimledger.engine.dask_engine import run_dask
from claimledger.ingest import read_inputs
from claimledger.pipeline import Context
docs = [d for d in read_inputs([sys.argv[1]]) if hasattr(d, "text")]
with LocalCluster(n_workers=int(sys.argv[2]), threads_per_worker=1, processes=True, dashboard_address=None,
                  silence_logs=40) as cluster:
    ctx = Context(engine="dask", scheduler=cluster.scheduler_address)
    list(run_dask(docs[:4], ctx))  # warm: every worker has loaded the model
    t0 = time.perf_counter()
    n = sum(1 for o in run_dask(docs, ctx) if o.doc is not None)
    print(json.dumps({"seconds": time.perf_counter() - t0, "docs": n}))
"""


def _pss(proc: psutil.Process) -> int:
    """Proportional set size: shared pages (the model that forked workers share) counted once overall."""
    try:
        return proc.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):
        return proc.memory_info().rss


def measure(cmd: list[str], env: dict | None = None) -> dict:
    """Run ``cmd``; wall seconds, peak RSS (MB, process tree), and CPU seconds when it reports them."""
    rusage = tempfile.NamedTemporaryFile(suffix=".json", delete=False)
    rusage.close()
    env = {**os.environ, **(env or {}), "SCALE_RUSAGE": rusage.name}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(_pss(p) for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.2)
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:6])}... failed ({proc.returncode}): {err.strip()[-500:]}")
    result = {"wall": wall, "rss_mb": peak / 2**20, "stdout": out}
    try:
        result.update(json.loads(Path(rusage.name).read_text()))
    except (OSError, ValueError):
        pass
    os.unlink(rusage.name)
    return result


def claimledger(db: Path, *args: str) -> dict:
    return measure([sys.executable, "-c", WRAPPER, "--db", str(db), *args])


def run_size(n: int, jobs: int, work: Path, base: list[dict]) -> dict:
    docs = list(corpus.articles(n + 10, base))
    main_jsonl, extra_jsonl = work / f"n{n}.jsonl", work / f"n{n}-extra.jsonl"
    n_docs, words = corpus.write_jsonl(main_jsonl, docs[:n])
    corpus.write_jsonl(extra_jsonl, docs[n:])
    db = work / f"n{n}.db"
    add = claimledger(db, "add", str(main_jsonl), "--jobs", str(jobs))
    more = claimledger(db, "add", str(extra_jsonl), "--jobs", str(jobs))
    export = claimledger(db, "export", "--format", "json", "--out", str(work / f"n{n}.json"))
    report = claimledger(db, "report", "-o", str(work / f"n{n}.html"))
    bare = measure([sys.executable, "-c", BARE_PARSE, str(main_jsonl), str(jobs)])
    parse_s = float(bare["stdout"].strip())
    cpu = add.get("main", 0) + add.get("workers", 0)
    return {"n": n_docs, "words": words, "add": add["wall"], "words_s": words / add["wall"], "parse": parse_s,
            "ratio": add["wall"] / parse_s, "add10": more["wall"], "rss": add["rss_mb"], "export": export["wall"],
            "report": report["wall"], "cpu_pct": 100 * cpu / add["wall"], "main_cpu": add.get("main", 0),
            "worker_cpu": add.get("workers", 0)}


def dask_speedup(n: int, work: Path, base: list[dict]) -> tuple[float, float, int]:
    path = work / f"dask{n}.jsonl"
    corpus.write_jsonl(path, corpus.articles(n, base))
    one = json.loads(measure([sys.executable, "-c", DASK_PHASE, str(path), "1"])["stdout"])
    two = json.loads(measure([sys.executable, "-c", DASK_PHASE, str(path), "2"])["stdout"])
    return one["seconds"], two["seconds"], one["docs"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="200", help="comma-separated article counts (default 200)")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="worker processes")
    parser.add_argument("--dask-docs", type=int, default=100, help="documents for the Dask 1 vs 2 workers run (0: skip)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    base = corpus.base_articles()
    print(f"load before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} "
          f"(1/5/15 min), {args.jobs} job(s), {os.cpu_count()} core(s)\n")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            rows.append(run_size(n, args.jobs, Path(tmp), base))
            r = rows[-1]
            print(f"  N={r['n']}: add {r['add']:.1f} s, parse {r['parse']:.1f} s", file=sys.stderr)
        dask = dask_speedup(args.dask_docs, Path(tmp), base) if args.dask_docs else None
    header = ("N", "words", "add s", "words/s", "bare parse s", "add/parse", "add 10 more s", "peak RSS MB",
              "export s", "report s", "CPU %")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for r in rows:
        print(f"{r['n']:,} | {r['words']:,} | {r['add']:.1f} | {r['words_s']:,.0f} | {r['parse']:.1f} | "
              f"{r['ratio']:.2f} | {r['add10']:.1f} | {r['rss']:.0f} | {r['export']:.1f} | {r['report']:.1f} | "
              f"{r['cpu_pct']:.0f}")
    if len(rows) >= 2:
        xs, ys = [math.log(r["n"]) for r in rows], [math.log(r["add"]) for r in rows]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        print(f"\ngrowth exponent of add time (least squares on log N): {slope:.2f}")
    if dask:
        one, two, n = dask
        print(f"\nDask, per-document phase on {n} documents: 1 worker {one:.1f} s, 2 workers {two:.1f} s, "
              f"speed-up {one / two:.2f}x")
    big = rows[-1]
    per_worker = big["worker_cpu"] / big["n"]
    per_main = big["main_cpu"] / big["n"]
    print(f"\nper article (N={big['n']:,}): {per_worker * 1000:.0f} ms of worker CPU (parse + stages), "
          f"{per_main * 1000:.0f} ms in the single writer (ingest, store, cross-article step)")
    print("projection for 10^6 articles, if per-article costs stay as measured (the writer is the floor):")
    for workers in (2, 8, 32, 128):
        seconds = 1e6 * max(per_worker / workers, per_main)
        print(f"  {workers:>4} workers: {seconds / 3600:6.1f} h  (per-document {1e6 * per_worker / workers / 3600:.1f} h, "
              f"writer {1e6 * per_main / 3600:.1f} h)")
    print(f"\nload after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()
