"""SQL on a Convene database, an SQLite file or a PostgreSQL address, for the scripts that look into it
(crash tests, benchmarks): SQLite through Python's sqlite3, PostgreSQL through psql, with the password
from $PGPASSWORD as Convene takes it. Statements are written once, in SQL both databases accept.

As a module: Database(DB).rows(SQL, PARAMS) -> list of tuples; `?` marks a parameter.
As a command: db.py DB SQL [PARAM ...] -- prints each row, its columns separated by tabs (NULL empty).
"""
import json
import os
import sqlite3
import subprocess
import sys

PSQL = next((p for p in ("/usr/lib/postgresql/15/bin/psql", "/usr/bin/psql") if os.access(p, os.X_OK)), "psql")


def is_postgres(address):
    return address.startswith(("postgres://", "postgresql://"))


def literal(value):
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


class Database:
    def __init__(self, address):
        self.address = address
        self.postgres = is_postgres(address)
        self.con = None if self.postgres else sqlite3.connect(address)

    def rows(self, sql, params=()):
        if not self.postgres:
            rows = self.con.execute(sql, params).fetchall()
            self.con.commit()
            return rows
        parts = sql.split("?")
        if len(parts) != len(params) + 1:
            raise SystemExit(f"db.py: {len(params)} parameters for {len(parts) - 1} places in: {sql}")
        text = parts[0] + "".join(literal(p) + part for p, part in zip(params, parts[1:]))
        reads = text.lstrip().upper().startswith(("SELECT", "WITH"))
        if reads:
            # JSON keeps each value's type (numbers stay numbers, NULL is None) and columns in order.
            text = f"SELECT coalesce(json_agg(r), '[]') FROM ({text}) r"
        done = subprocess.run([PSQL, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", self.address, "-c", text],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"psql: {done.stderr.strip()}")
        if not reads:
            return []
        return [tuple(v for _, v in pairs) for pairs in json.loads(done.stdout, object_pairs_hook=list)]

    def value(self, sql, params=()):
        """The first column of the first row, or None."""
        rows = self.rows(sql, params)
        return rows[0][0] if rows else None


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: db.py DB SQL [PARAM ...]")
    for row in Database(sys.argv[1]).rows(sys.argv[2], sys.argv[3:]):
        print("\t".join("" if v is None else str(v) for v in row))
