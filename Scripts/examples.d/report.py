"""Shows, and checks, what an example schedule is about: every session placed; each remote
person's sessions on their own clock; each series' dates and times; who is picked, from
which group; what runs beside an exclusive session.

usage: report.py INSTANCE.json SOLUTION.json
Exit status: 0 when the schedule is sensible, 1 when not. Needs only Python 3.9+.
"""
import json
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo


def main(instance_path, solution_path):
    with open(instance_path, encoding="utf-8") as f:
        inst = json.load(f)
    with open(solution_path, encoding="utf-8") as f:
        sol = json.load(f)
    zone = ZoneInfo(inst.get("timeZone", "UTC"))
    sessions = {s["id"]: s for s in inst["sessions"]}
    people = {p["id"]: p for p in inst["people"]}
    placed = {}
    for a in sol["assignments"]:
        start = datetime.fromisoformat(a["start"])
        placed[a["session"]] = (a["room"], start, start + timedelta(minutes=sessions[a["session"]]["duration"]),
                                a.get("picked", []))
    problems = []

    for u in sol["unscheduled"]:
        problems.append(f"{u['session']} is unscheduled: {u['reason']}")

    def hhmm(t, z):
        return t.astimezone(z).strftime("%a %d %b %H:%M")

    remote = [p for p in inst["people"] if p.get("hours")]
    if remote:
        print("  own hours, on each person's clock:")
    for p in remote:
        h = p["hours"]
        z = ZoneInfo(h["zone"])
        for sid, (room, a, b, picked) in sorted(placed.items(), key=lambda kv: kv[1][1]):
            if p["id"] not in sessions[sid].get("required", []) + picked:
                continue
            local = f"{hhmm(a, z)}–{b.astimezone(z).strftime('%H:%M')} {h['zone']}"
            inside = "acceptable" not in h or inside_range(h["acceptable"], z, a, b)
            preferred = "preferred" not in h or inside_range(h["preferred"], z, a, b)
            print(f"    {p['id']:<20} {sid:<28} {hhmm(a, zone)} {inst.get('timeZone', 'UTC')} = {local}"
                  f"{'' if preferred else ' (outside preferred hours)'}")
            if not inside:
                problems.append(f"{sid} is outside the acceptable hours of {p['id']} ({local})")

    for series in inst.get("series", []):
        done = [sid for sid in series["sessions"] if sid in placed]
        print(f"  series {series['id']} ({series.get('minDaysApart', 1)}–{series.get('maxDaysApart', 'any')} days apart):")
        starts = [placed[sid][1].astimezone(zone) for sid in done]
        for sid, t in zip(done, starts):
            print(f"    {sid:<28} {t.strftime('%a %d %b %H:%M')} in {placed[sid][0]}")
        for (s1, t1), (s2, t2) in zip(zip(done, starts), zip(done[1:], starts[1:])):
            gap = (t2.date() - t1.date()).days
            if gap < series.get("minDaysApart", 1) or gap > series.get("maxDaysApart", gap):
                problems.append(f"series {series['id']}: {s2} is {gap} days after {s1}")
        if len({t.time() for t in starts}) > 1:
            problems.append(f"series {series['id']} starts at {len({t.time() for t in starts})} different times of day")

    for sid, s in sessions.items():
        if s.get("exclusive") and sid in placed:
            _, a, b, _ = placed[sid]
            beside = [o for o, (_, a2, b2, _) in placed.items() if o != sid and a2 < b and a < b2]
            print(f"  exclusive {sid}: {hhmm(a, zone)}–{b.astimezone(zone).strftime('%H:%M')}, "
                  f"{'alone' if not beside else 'beside ' + ', '.join(beside)}")
            if beside:
                problems.append(f"{', '.join(beside)} run during exclusive session {sid}")
        if s.get("pick") and sid in placed:
            picked = placed[sid][3]
            print(f"  picks of {sid}: " + ", ".join(f"{pid} ({people[pid].get('group')})" for pid in picked))
            for g in s["pick"]:
                n = len(set(g["from"]) & set(picked))
                if n != g.get("count", 1):
                    problems.append(f"{sid} picks {n} of {g['from']}, not {g.get('count', 1)}")

    for p in problems:
        print(f"  NOT SENSIBLE: {p}")
    return 1 if problems else 0


def inside_range(hours_range, zone, start, end):
    """The session lies inside the wall-clock range on its local start date (rule 8 of the format)."""
    day = start.astimezone(zone).date()
    def wall(hhmm):
        h, m = (int(x) for x in hhmm.split(":"))
        return datetime.combine(day, datetime.min.time(), zone) + timedelta(hours=h, minutes=m) if (h, m) != (24, 0) \
            else datetime.combine(day + timedelta(days=1), datetime.min.time(), zone)
    return wall(hours_range[0]) <= start and end <= wall(hours_range[1])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
