#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the tests (data in .pg/ of this checkout).
# Usage: postgres.sh start | stop | url
#   start  starts it on a free port (or UNHUNCH_PG_PORT), unless this checkout's server already runs
#   stop   stops it again, if `start` started it (a server that was already running is left alone)
#   url    the SQLAlchemy URL of the running server
set -euo pipefail
cd "$(dirname "$0")/.."
PG="$PWD/.pg"
DATA="$PG/data"
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
port() { cat "$PG/port" 2>/dev/null || echo "${UNHUNCH_PG_PORT:-54329}"; }
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
running() { [ -f "$DATA/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }
case "${1:-}" in
  url) echo "postgresql+psycopg://unhunch@127.0.0.1:$(port)/unhunch_test" ;;
  start)
    BIN=$(bindir)
    mkdir -p "$PG" && chmod 0700 "$PG"
    [ "$(id -u)" -eq 0 ] && chown -R postgres "$PG" 2>/dev/null || true
    if [ ! -f "$DATA/PG_VERSION" ]; then
      as_pg "$BIN/initdb" -D "$DATA" -U unhunch --auth=trust -E UTF8 >/dev/null
    fi
    if ! running; then
      PORT=${UNHUNCH_PG_PORT:-$(free_port)}
      as_pg "$BIN/pg_ctl" -D "$DATA" -l "$PG/server.log" -w \
        -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
      echo "$PORT" > "$PG/port"
      touch "$PG/started-by-make"
    fi
    as_pg "$BIN/psql" -h 127.0.0.1 -p "$(port)" -U unhunch -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname='unhunch_test'" | grep -q 1 ||
      as_pg "$BIN/createdb" -h 127.0.0.1 -p "$(port)" -U unhunch unhunch_test
    ;;
  stop)
    BIN=$(bindir)
    if [ -f "$PG/started-by-make" ]; then
      running && as_pg "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
      rm -f "$PG/started-by-make" "$PG/port"
    fi
    ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
