#!/usr/bin/env bash
# Private PostgreSQL and Azurite for the demo and dev scripts. Source this file, then (not in a subshell):
#   start_postgres DIR PORT   -> sets POSTGRES_PID and exports PROTOCOLOCR_DB (database protocolocr)
#   start_azurite DIR PORT    -> sets AZURITE_PID and exports PROTOCOLOCR_BLOBS
#   stop_postgres DIR         -> immediate stop of the cluster in DIR (pg_ctl, by its postmaster PID)
#   stop_pid PID              -> stops one process started here (TERM, then KILL after 10 s)
# DIR is created if needed. As root, PostgreSQL runs as the postgres user (initdb refuses root), so DIR's parents
# must be searchable by it (e.g. under /tmp, not inside a `mktemp -d` folder).
# Run `dotnet run --project src/ProtocolOcr.Cli -- migrate` (or the built protocol-ocr) afterwards to create the schema.

PROTOCOLOCR_PG_BIN=${PROTOCOLOCR_PG_BIN:-/usr/lib/postgresql/15/bin}
PROTOCOLOCR_AZURITE_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

_as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

start_postgres() {
  local dir=$1 port=$2
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$dir"
    runuser -u postgres -- test -w "$dir" || { echo "start_postgres: postgres cannot reach $dir" >&2; return 1; }
  fi
  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    _as_postgres "$PROTOCOLOCR_PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  fi
  _as_postgres "$PROTOCOLOCR_PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null || { tail -20 "$dir/server.log" >&2; return 1; }
  if ! _as_postgres "$PROTOCOLOCR_PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'protocolocr'" | grep -q 1; then
    _as_postgres "$PROTOCOLOCR_PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres protocolocr
  fi
  export PROTOCOLOCR_DB="Host=127.0.0.1;Port=$port;Username=postgres;Database=protocolocr"
  POSTGRES_PID=$(head -1 "$dir/data/postmaster.pid")
}

stop_postgres() {
  local dir=$1
  [[ -f "$dir/data/postmaster.pid" ]] || return 0
  _as_postgres "$PROTOCOLOCR_PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
}

start_azurite() {
  local dir=$1 port=$2 root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  mkdir -p "$dir"
  node "$root/node_modules/azurite/dist/src/blob/main.js" --blobHost 127.0.0.1 --blobPort "$port" --location "$dir" \
    --silent --loose --skipApiVersionCheck --disableTelemetry >"$dir/azurite.log" 2>&1 &
  local pid=$!
  AZURITE_PID=$pid
  for _ in $(seq 1 100); do
    if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      export PROTOCOLOCR_BLOBS="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$PROTOCOLOCR_AZURITE_KEY;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { cat "$dir/azurite.log" >&2; return 1; }
    sleep 0.1
  done
  echo "azurite did not listen on $port" >&2
  kill "$pid"
  return 1
}

stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid"
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid"
}
