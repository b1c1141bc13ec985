"""``claimledger serve``: a local, read-only web app over a ledger, built on Datasette.

Datasette supplies table browsing, facets, SQL, JSON/CSV export and its API; the plugin in
:mod:`claimledger.web.plugin` adds the ledger's own pages under ``/-/ledger``.  This package is
itself the registered plugin module, so Datasette finds ``templates/`` next to it.
"""

from __future__ import annotations

import os

from claimledger.web.plugin import PREFIX, handle_exception, menu_links, prepare_connection, register_routes  # noqa: F401  (hook implementations)

SETTINGS = {
    # Exports must be complete: no row cap on JSON pages or SQL results, CSV streams everything.
    "max_returned_rows": 1_000_000_000,
    "allow_csv_stream": True,
    "sql_time_limit_ms": 10_000,
    "default_page_size": 100,
}


def _register_plugin() -> None:
    import sys

    from datasette.plugins import pm

    module = sys.modules[__name__]
    if not pm.is_registered(module) and pm.get_plugin(__name__) is None:
        pm.register(module, name=__name__)
    # Datasette's default error handler prints a traceback with locals for every error (even a
    # 404) and fails on some paths; ours (plugin.handle_exception) answers instead.
    if not pm.is_blocked("datasette.handle_exception"):
        pm.set_blocked("datasette.handle_exception")


def make_app(db_path: str, readonly: bool = True):
    """The configured ``Datasette`` instance (use ``.client`` in tests, ``.app()`` for ASGI)."""
    from datasette.app import Datasette

    if not os.path.exists(db_path):
        raise FileNotFoundError(f"{db_path}: no ledger here (run `claimledger add` or `claimledger demo` first)")
    _register_plugin()
    name = os.path.splitext(os.path.basename(db_path))[0]
    wal = db_path + "-wal"
    pending_wal = os.path.exists(wal) and os.path.getsize(wal) > 0
    # Immutable mode is fastest and cannot write, but it ignores a WAL a writer has not yet
    # checkpointed; then open normally (Datasette 0.65 has no write endpoints of its own).
    kwargs = {"immutables": [db_path]} if readonly and not pending_wal else {"files": [db_path]}
    return Datasette(
        settings=SETTINGS,
        metadata={
            "title": "claimledger",
            "plugins": {"claimledger": {"database": name}},
            "description_html": f'The ledger\'s own views: <a href="{PREFIX}">story overview</a>.',
        },
        **kwargs,
    )


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8001, readonly: bool = True) -> None:
    """Serve ``db_path`` until interrupted or sent SIGTERM (blocking).  Localhost and read-only by default.

    The ledger's view is loaded before the server listens, so the first page is as fast as the rest.
    """
    import sys

    import uvicorn

    from claimledger.web.plugin import load_story

    if host not in LOCAL_HOSTS:
        print(f"claimledger: warning: --host {host} makes the ledger readable by other machines on the network; "
              "use the default 127.0.0.1 unless you mean it", file=sys.stderr, flush=True)
    ds = make_app(db_path, readonly=readonly)
    print(f"claimledger: loading {db_path} ...", file=sys.stderr, flush=True)
    load_story(db_path)
    print(f"claimledger: serving {db_path} at http://{host}:{port}{PREFIX}", flush=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", timeout_graceful_shutdown=3)


__all__ = ["PREFIX", "make_app", "serve"]
