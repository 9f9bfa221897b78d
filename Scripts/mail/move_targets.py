# Prints where `convene move SESSION` could take a session, nearest first, one "ROOM<TAB>YYYY-MM-DD HH:MM"
# (the event's wall-clock time) a line: its own room at every other start of its day on the instance's slot
# grid, then the other rooms big enough for it. The script tries them with the real command until one is
# accepted; `convene move` itself judges each, so a candidate here is only a guess.
import json, os, sys
from datetime import datetime, timedelta

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "store"))
from db import Database  # noqa: E402

db, instance_file, session = sys.argv[1], sys.argv[2], sys.argv[3]
inst = json.load(open(instance_file))
s = next(x for x in inst["sessions"] if x["id"] == session)
con = Database(db)
last = con.value("SELECT MAX(number) FROM schedule_version")
rows = con.rows("SELECT room_id, start FROM assignment WHERE version = ? AND session_id = ?", (last, session))
row = rows[0] if rows else None
if row is None:
    sys.exit(f"move_targets: {session} is not placed in schedule version {last}")
room, start = row[0], datetime.fromisoformat(row[1])
slot = timedelta(minutes=inst.get("slotMinutes", 15))
length = timedelta(minutes=s["duration"])
rooms = [room] + [r["id"] for r in inst["rooms"] if r["id"] != room and r["capacity"] >= s.get("audience", 0)]
starts = []
for opens, closes in inst["days"]:
    opens, closes = datetime.fromisoformat(opens), datetime.fromisoformat(closes)
    t = opens
    while t + length <= closes:
        if t != start:
            starts.append(t)
        t += slot
starts.sort(key=lambda t: abs(t - start))
for r in rooms:
    for t in starts:
        print(f"{r}\t{t:%Y-%m-%d %H:%M}")
