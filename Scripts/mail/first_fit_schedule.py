# A first schedule for the mail test: a plain first-fit placement of the compiled instance
# (rooms by capacity and features, no double booking of rooms or required people), stored as a
# schedule version the way the store writes one. `--move SESSION` stores a copy with that
# session two hours later.
import json, sqlite3, sys
from datetime import datetime, timedelta

db, instance_file = sys.argv[1], sys.argv[2]
move = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--move" else None
con = sqlite3.connect(db)
if move:
    last = con.execute("SELECT MAX(number) FROM schedule_version").fetchone()[0]
    rows = con.execute("SELECT session_id, room_id, start FROM assignment WHERE version = ?", (last,)).fetchall()
    placed = [(s, r, (datetime.fromisoformat(t) + timedelta(hours=2)).isoformat() if s == move else t) for s, r, t in rows]
else:
    inst = json.load(open(instance_file))
    t = datetime.fromisoformat
    busy_room, busy_person, placed = {}, {}, []
    for s in sorted(inst["sessions"], key=lambda s: -s.get("priority", 1)):
        rooms = [r for r in inst["rooms"] if r["capacity"] >= s.get("audience", 0)
                 and set(s.get("features", [])) <= set(r.get("features", []))]
        done = False
        for day in inst["days"]:
            start, end = t(day[0]), t(day[1])
            while not done and start + timedelta(minutes=s["duration"]) <= end:
                stop = start + timedelta(minutes=s["duration"])
                free = lambda spans: all(stop <= a or b <= start for a, b in spans)
                if all(free(busy_person.get(p, [])) for p in s.get("required", [])):
                    for r in rooms:
                        if free(busy_room.get(r["id"], [])):
                            busy_room.setdefault(r["id"], []).append((start, stop))
                            for p in s.get("required", []):
                                busy_person.setdefault(p, []).append((start, stop))
                            placed.append((s["id"], r["id"], start.isoformat()))
                            done = True
                            break
                start += timedelta(minutes=inst["slotMinutes"])
            if done:
                break
cur = con.execute("INSERT INTO schedule_version (created_at, command, reason) VALUES (?, 'test-mail', NULL)",
                  (datetime.now().astimezone().replace(microsecond=0).isoformat(),))
for s, r, start in placed:
    con.execute("INSERT INTO assignment (version, session_id, room_id, start) VALUES (?, ?, ?, ?)", (cur.lastrowid, s, r, start))
con.commit()
print(len(placed))
