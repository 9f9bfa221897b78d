# Stores a `convene solve` solution as a new schedule version, the way the store writes one,
# for the mail scripts (the CLI has no command yet that stores a solve). `--move SESSION`
# instead stores a copy of the current version with that session two hours later.
import json, sqlite3, sys
from datetime import datetime, timedelta

db, source = sys.argv[1], sys.argv[2]
move = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--move" else None
con = sqlite3.connect(db)
if move:
    last = con.execute("SELECT MAX(number) FROM schedule_version").fetchone()[0]
    rows = con.execute("SELECT session_id, room_id, start FROM assignment WHERE version = ?", (last,)).fetchall()
    placed = [(s, r, (datetime.fromisoformat(t) + timedelta(hours=2)).isoformat() if s == move else t) for s, r, t in rows]
    left = []
else:
    solution = json.load(open(source))
    assert solution["format"] == "convene-solution/1", source
    placed = [(a["session"], a["room"], a["start"]) for a in solution["assignments"]]
    left = [(u["session"], u["reason"]) for u in solution.get("unscheduled", [])]
cur = con.execute("INSERT INTO schedule_version (created_at, command, reason) VALUES (?, 'solve', NULL)",
                  (datetime.now().astimezone().replace(microsecond=0).isoformat(),))
for s, r, start in placed:
    con.execute("INSERT INTO assignment (version, session_id, room_id, start) VALUES (?, ?, ?, ?)", (cur.lastrowid, s, r, start))
for s, reason in left:
    con.execute("INSERT INTO unscheduled (version, session_id, reason) VALUES (?, ?, ?)", (cur.lastrowid, s, reason))
con.commit()
print(len(placed))
