"""Checks a Convene database after a kill -9: SQLite's own integrity, foreign keys, and that every
schedule version is complete (each live session either placed or unscheduled, with its audit entry).

Usage: check_db.py DB   -- prints one line; exits 1 on any problem.
"""
import sqlite3
import sys

db = sys.argv[1]
con = sqlite3.connect(db)
problems = []
integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
if integrity != "ok":
    problems.append(f"integrity_check: {integrity}")
fk = con.execute("PRAGMA foreign_key_check").fetchall()
if fk:
    problems.append(f"foreign_key_check: {len(fk)} rows, e.g. {fk[0]}")
live = con.execute("SELECT COUNT(*) FROM session WHERE removed_at IS NULL").fetchone()[0]
versions = con.execute("SELECT number FROM schedule_version ORDER BY number").fetchall()
for (number,) in versions:
    placed = con.execute("SELECT COUNT(*) FROM assignment WHERE version = ?", (number,)).fetchone()[0]
    left = con.execute("SELECT COUNT(*) FROM unscheduled WHERE version = ?", (number,)).fetchone()[0]
    if placed + left != live:
        problems.append(f"version {number}: {placed} placed + {left} unscheduled, not {live} sessions")
    audited = con.execute("SELECT COUNT(*) FROM audit_log WHERE version = ?", (number,)).fetchone()[0]
    if audited == 0:
        problems.append(f"version {number} has no audit entry")
print(f"db: {len(versions)} versions, " + ("ok" if not problems else "; ".join(problems)))
sys.exit(1 if problems else 0)
