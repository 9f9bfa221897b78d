"""Checks a Convene database after a kill -9: the database's own consistency, foreign keys, that every
schedule version is complete (each live session of its event either placed or unscheduled, with its
audit entry) and that no message of the outbox is both on its way or sent and superseded.

On SQLite: integrity_check and foreign_key_check. On PostgreSQL, which enforces foreign keys itself,
each foreign key of Convene's tables is checked anyway by a query for rows whose parent is missing
(a constraint's triggers can be switched off, a query cannot).

Usage: check_db.py DB   -- DB an SQLite file or a postgres:// address; prints one line; exits 1 on any problem.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "store"))
from db import Database  # noqa: E402

db = Database(sys.argv[1])
problems = []
if db.postgres:
    keys = db.rows("""
        SELECT c.conname, child.relname, parent.relname,
            (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n),
            (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n)
        FROM pg_constraint c JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
        WHERE c.contype = 'f' AND child.relnamespace = current_schema()::regnamespace ORDER BY c.conname""")
    if not keys:
        problems.append("no foreign keys found")
    orphans = []
    for name, child, parent, columns, referenced in keys:
        columns, referenced = columns.split(","), referenced.split(",")
        # MATCH SIMPLE: a key with a NULL column refers to nothing.
        present = " AND ".join(f'c."{col}" IS NOT NULL' for col in columns)
        match = " AND ".join(f'p."{r}" = c."{col}"' for col, r in zip(columns, referenced))
        orphans.append(f'SELECT \'{name}\' AS key, COUNT(*) AS n FROM "{child}" c '
                       f'WHERE {present} AND NOT EXISTS (SELECT 1 FROM "{parent}" p WHERE {match})')
    for name, n in db.rows(" UNION ALL ".join(orphans)) if orphans else []:
        if n:
            problems.append(f"foreign key {name}: {n} rows without their parent")
else:
    integrity = db.value("PRAGMA integrity_check")
    if integrity != "ok":
        problems.append(f"integrity_check: {integrity}")
    fk = db.rows("PRAGMA foreign_key_check")
    if fk:
        problems.append(f"foreign_key_check: {len(fk)} rows, e.g. {fk[0]}")

versions = db.rows("""
    SELECT v.number,
        (SELECT COUNT(*) FROM assignment a WHERE a.version = v.number),
        (SELECT COUNT(*) FROM unscheduled u WHERE u.version = v.number),
        (SELECT COUNT(*) FROM session s WHERE s.event_id = v.event_id AND s.removed_at IS NULL),
        (SELECT COUNT(*) FROM audit_log l WHERE l.version = v.number)
    FROM schedule_version v ORDER BY v.number""")
for number, placed, left, live, audited in versions:
    if placed + left != live:
        problems.append(f"version {number}: {placed} placed + {left} unscheduled, not {live} sessions")
    if audited == 0:
        problems.append(f"version {number} has no audit entry")
# A publish supersedes only what no sender holds: a message claimed or sent may have reached its recipient.
late = db.value("SELECT COUNT(*) FROM outbox WHERE state = 'superseded' AND (sent_at IS NOT NULL OR claimed_at IS NOT NULL)")
if late:
    problems.append(f"outbox: {late} messages superseded after they were claimed or sent")
print(f"db: {len(versions)} versions, " + ("ok" if not problems else "; ".join(problems)))
sys.exit(1 if problems else 0)
