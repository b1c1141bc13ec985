# PostgreSQL for the store tests: Debian's `postgresql` package, a throwaway cluster in a temp dir,
# run by a non-root user on a local port, stopped on exit (also on failure).  Sourced by .ci/run.
#   start_test_postgres   exports CLAIMLEDGER_TEST_PG=postgresql://claimledger@127.0.0.1:PORT/claimledger
# The EXIT trap is chained onto any trap already set, so other services' cleanups keep running;
# a block that sets its own EXIT trap later should chain the same way (see _chain_exit_trap).

_chain_exit_trap() {  # _chain_exit_trap CMD: run CMD on exit, then whatever the EXIT trap did before
  local previous
  previous=$(eval "set -- $(trap -p EXIT)"; printf '%s' "${3:-}")
  trap "$1${previous:+; $previous}" EXIT
}

_as_pg_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_test_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "installing Debian's postgresql"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_PORT=${CLAIMLEDGER_CI_PG_PORT:-55432}
  while (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done  # first free port
  PG_DIR=$(mktemp -d /tmp/claimledger-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR"
  _as_pg_user "$PG_BIN/initdb" -D "$PG_DIR/data" -U claimledger -A trust -E UTF8 --no-locale >"$PG_DIR/initdb.log"
  _chain_exit_trap stop_test_postgres
  # fsync off: a throwaway cluster; the tests create and drop one database each.
  _as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U claimledger claimledger
  export CLAIMLEDGER_TEST_PG="postgresql://claimledger@127.0.0.1:$PG_PORT/claimledger"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for the tests: $CLAIMLEDGER_TEST_PG"
}

stop_test_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    _as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$PG_DIR"
  PG_DIR=
}
