# A throwaway PostgreSQL 15 on 127.0.0.1, for the scripts that run Convene on PostgreSQL (as the tests'
# fixture Tests/ConveneTestFixtures/PostgresServer.swift does); Scripts/store/store.sh makes its databases.
# Source this file, then:
#   start_postgres [SETTING=VALUE ...]  initdb into a new temporary folder, a server on a free port, a role
#                                       `convene` whose password is exported as $PGPASSWORD (Convene and psql
#                                       read it there); each argument is a server setting (-c)
#   stop_postgres                       stops the server by its pid and removes its folder
# PostgreSQL refuses to run as root: under root it runs as the `postgres` account, through setpriv.

pg_bin=/usr/lib/postgresql/15/bin
[ -x "$pg_bin/initdb" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null
pg_pid= pg_dir=${pg_dir:-} pg_port=${pg_port:-}

pg_run() { # PROGRAM ARGS...: as the postgres account under root
  if [ "$(id -u)" = 0 ]; then (cd /tmp && setpriv --reuid=postgres --regid=postgres --init-groups -- "$pg_bin/$1" "${@:2}")
  else "$pg_bin/$1" "${@:2}"; fi
}

start_postgres() {
  local setting settings=()
  for setting in "$@"; do settings+=(-c "$setting"); done
  pg_dir=$(mktemp -d /tmp/convene-postgres-XXXXXX)
  pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  PGPASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
  export PGPASSWORD
  printf '%s' "$PGPASSWORD" >"$pg_dir/.password"
  [ "$(id -u)" != 0 ] || chown -R postgres:postgres "$pg_dir"
  pg_run initdb -D "$pg_dir/data" -U postgres -E UTF8 --locale C.UTF-8 --auth-local trust \
    --auth-host scram-sha-256 --pwfile "$pg_dir/.password" >"$pg_dir/initdb.log" 2>&1 ||
    { echo "initdb failed: $(tail -3 "$pg_dir/initdb.log")" >&2; return 1; }
  rm -f "$pg_dir/.password"
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=postgres --regid=postgres --init-groups -- "$pg_bin/postgres" -D "$pg_dir/data" \
      -h 127.0.0.1 -p "$pg_port" -k "$pg_dir" "${settings[@]}" >"$pg_dir/server.log" 2>&1 &
  else
    "$pg_bin/postgres" -D "$pg_dir/data" -h 127.0.0.1 -p "$pg_port" -k "$pg_dir" "${settings[@]}" >"$pg_dir/server.log" 2>&1 &
  fi
  pg_pid=$!
  local _
  for _ in $(seq 300); do "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && break; sleep 0.1; done
  "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" || { echo "PostgreSQL did not start: $(tail -3 "$pg_dir/server.log")" >&2; return 1; }
  pg_superuser "CREATE ROLE convene LOGIN PASSWORD '$PGPASSWORD'"
}

pg_superuser() { # SQL: over the local socket, trusted
  "$pg_bin/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$pg_dir" -p "$pg_port" -U postgres -d postgres -c "$1"
}


stop_postgres() {
  if [ -n "$pg_pid" ]; then kill -INT "$pg_pid" 2>/dev/null || true; wait "$pg_pid" 2>/dev/null || true; fi
  pg_pid=
  if [ -n "$pg_dir" ]; then rm -rf "$pg_dir"; fi
  pg_dir=
}
