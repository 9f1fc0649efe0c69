#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the tests (data in .pg/, port 54329).
# Usage: postgres.sh start | stop | url
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${UNHUNCH_PG_PORT:-54329}
DATA="$PWD/.pg/data"
URL="postgresql+psycopg://unhunch@127.0.0.1:$PORT/unhunch_test"
bindir() {
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1
}
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
case "${1:-}" in
  url) echo "$URL" ;;
  start)
    BIN=$(bindir)
    if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
      # A server (ours, from another checkout or an earlier run) already answers on the port.
      "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U unhunch -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname='unhunch_test'" | grep -q 1 ||
        "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U unhunch unhunch_test
      exit 0
    fi
    mkdir -p "$PWD/.pg"
    [ "$(id -u)" -eq 0 ] && chown -R postgres "$PWD/.pg" 2>/dev/null || true
    if [ ! -f "$DATA/PG_VERSION" ]; then
      as_pg "$BIN/initdb" -D "$DATA" -U unhunch --auth=trust -E UTF8 >/dev/null
    fi
    if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_pg "$BIN/pg_ctl" -D "$DATA" -l "$PWD/.pg/server.log" -w \
        -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    fi
    as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U unhunch -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname='unhunch_test'" | grep -q 1 ||
      as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U unhunch unhunch_test
    ;;
  stop)
    BIN=$(bindir)
    [ -f "$DATA/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
