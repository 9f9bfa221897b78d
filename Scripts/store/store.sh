# The database a script works on, on the store it was asked for. Source it, then
#   new_store FOLDER NAME   prints FOLDER/NAME.sqlite, or with STORE=postgres the address of a new empty
#                           database NAME on the server Scripts/store/postgres.sh started (in this shell or
#                           in a parent that exported pg_dir and pg_port; the password is in $PGPASSWORD)
#   sql DB SQL [PARAM ...]  runs SQL on it (Scripts/store/db.py): rows as tab-separated lines
store_scripts=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

new_store() {
  if [ "${STORE:-sqlite}" = postgres ]; then
    [ -n "${pg_dir:-}" ] && [ -n "${pg_port:-}" ] || { echo "new_store: no PostgreSQL server started" >&2; return 1; }
    "/usr/lib/postgresql/15/bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$pg_dir" -p "$pg_port" -U postgres -d postgres \
      -c "CREATE DATABASE $2 OWNER convene" >&2
    echo "postgres://convene@127.0.0.1:$pg_port/$2"
  else
    echo "$1/$2.sqlite"
  fi
}

sql() { "${PY:-python3}" "$store_scripts/db.py" "$@"; }
