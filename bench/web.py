"""The web app at real size: latency of every claimledger page, alone and under 200 concurrent requests.

    python bench/web.py                       # 2,000-article ledger, built once into /tmp and reused
    python bench/web.py --articles 200 --concurrency 50

Starts ``claimledger serve`` on a free localhost port (a real process, as a user runs it),
then for each page: the first request's latency (nothing cached yet), then ``--concurrency``
requests at once, printing p50/p90/p99/max and the errors.  Finally the hostile probes:
a raw ``..`` path, ``fts3_tokenizer`` in SQL, a write through the SQL endpoint, and how long
the server takes to stop on SIGTERM.  Not a test: numbers vary with the machine's load.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from large_ledger import build  # noqa: E402

PREFIX = "/-/ledger"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pages(db: Path) -> list[str]:
    from claimledger.store import Ledger
    from claimledger.views import LedgerView

    with Ledger(db, readonly=True) as ledger:
        measure = ledger.conn.execute("SELECT id FROM measures LIMIT 1").fetchone()[0]
        doc = ledger.conn.execute("SELECT id FROM documents LIMIT 1").fetchone()[0]
        source = ledger.conn.execute("SELECT id FROM sources WHERE entity IS NOT NULL LIMIT 1").fetchone()[0]
    del LedgerView
    out = []
    for path in ("", "/measures", f"/measures/{quote(measure)}", "/conflicts", "/sources",
                 f"/sources/{quote(source, safe=':')}", "/documents", f"/documents/{doc}", "/search?q=said"):
        base, _, query = path.partition("?")
        out.append(PREFIX + path)
        out.append(PREFIX + base + ".json" + (f"?{query}" if query else ""))
    out += [PREFIX + "/measures?page=2", PREFIX + "/sources?page=3"]
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def burst(base: str, path: str, n: int, timeout: float) -> tuple[list[float], int, int]:
    import httpx

    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        async def one() -> tuple[float, bool]:
            start = time.perf_counter()
            try:
                r = await client.get(path)
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            return time.perf_counter() - start, ok

        results = await asyncio.gather(*(one() for _ in range(n)))
    times = [t for t, _ in results]
    return times, sum(1 for _, ok in results if not ok), n


def raw_get(port: int, target: str) -> str:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data.decode("utf-8", "replace").split("\r\n", 1)[0]


def main() -> None:
    import httpx

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="documents in the generated ledger (default 2000)")
    parser.add_argument("--db", help="serve this ledger instead of a generated one")
    parser.add_argument("--concurrency", type=int, default=200, help="requests sent at once per page (default 200)")
    parser.add_argument("--timeout", type=float, default=60.0, help="client timeout per request, s (default 60)")
    args = parser.parse_args()
    db = Path(args.db) if args.db else build(args.articles, Path(f"/tmp/claimledger-large-{args.articles}.db"))
    port = free_port()
    log = open(f"/tmp/claimledger-bench-web-{port}.log", "w+")
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "claimledger", "--db", str(db), "serve", "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy())
    base = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                httpx.get(base + "/-/versions.json", timeout=2)
                break
            except httpx.HTTPError:
                if server.poll() is not None or time.perf_counter() - started > 600:
                    raise SystemExit("the server did not start; see " + log.name)
                time.sleep(0.2)
        print(f"ledger {db} ({db.stat().st_size / 1e6:.0f} MB): server ready in {time.perf_counter() - started:.1f} s")
        print(f"{'page':<52} {'first s':>8} {'p50 s':>7} {'p90 s':>7} {'p99 s':>7} {'max s':>7} {'errors':>7}")
        worst = 0.0
        for path in pages(db):
            start = time.perf_counter()
            r = httpx.get(base + path, timeout=args.timeout)
            first = time.perf_counter() - start
            if r.status_code != 200:
                print(f"{path:<52} status {r.status_code}: {r.text[:80]!r}")
            times, errors, n = asyncio.run(burst(base, path, args.concurrency, args.timeout))
            worst = max(worst, first)
            print(f"{path[:52]:<52} {first:>8.3f} {percentile(times, 50):>7.3f} {percentile(times, 90):>7.3f} "
                  f"{percentile(times, 99):>7.3f} {max(times):>7.3f} {errors:>4}/{n}")
        print(f"slowest first request: {worst:.3f} s")
        print("raw '..' path:", raw_get(port, f"{PREFIX}/documents/../../etc/passwd"))
        sql = quote("select fts3_tokenizer('simple')")
        r = httpx.get(f"{base}/{db.stem}.json?sql={sql}", timeout=10)
        print(f"fts3_tokenizer in SQL: status {r.status_code}, {'refused' if r.status_code != 200 else 'ANSWERED'}")
        r = httpx.get(f"{base}/{db.stem}.json?sql={quote('delete from figures')}", timeout=10)
        print(f"write through SQL: status {r.status_code}, {'refused' if r.status_code != 200 else 'ANSWERED'}")
    finally:
        start = time.perf_counter()
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
            print(f"SIGTERM: stopped in {time.perf_counter() - start:.2f} s (exit {server.returncode})")
        except subprocess.TimeoutExpired:
            server.kill()
            print("SIGTERM: still running after 30 s (killed)")
        log.seek(0)
        text = log.read()
        print(f"server log: {len(text.splitlines())} line(s), tracebacks: {text.count('Traceback')}")
        for line in text.splitlines()[-5:]:
            print("  " + line)
        log.close()


if __name__ == "__main__":
    main()
