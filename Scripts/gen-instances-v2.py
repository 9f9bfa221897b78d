#!/usr/bin/env python3
"""Write convene-instance/2 files of an international patient network's year, deterministic by seed.

usage: gen-instances-v2.py OUTDIR [--seed N] [--sizes 300,2000,10000] [--family network|capacity]

Not the shape of the version 1 forums: a network based in Tokyo runs symposium weeks and weekly
evening seminar series, with speakers abroad who join remotely in their own hours.
For each size N it writes two instances:
  network-N-loose.json  every session fits: a planted schedule proves it (about 55% of room time used)
  network-N-tight.json  the same sessions with a third of the rooms gone: not everything can fit
With --family capacity it writes one capacity-tight instance per size instead:
  capacity-N.json       large sessions outnumber large-room minutes (by 30% in every symposium week),
                        a third of the people remote, only a tenth of the rooms large beside the hall;
                        up to 300 sessions it is two weeks (three rooms or more), and 60-150 are small enough for an
                        exact peer (Scripts/peers/cpsat_v2.py)

What version 2 brings is all there:
  - remote people in Paris, London, New York, Los Angeles, Seoul and Sydney with acceptable hours
    07:00-22:00 and preferred 09:00-18:00 in their own zone (across daylight-saving changes: the year
    starts in March);
  - one exclusive plenary opening each symposium day;
  - rooms with 10 or 15 minutes of turnover;
  - meetings that pick one voice from each of three or four stakeholder groups out of candidates;
  - conflicts of interest (`apart`) between industry people and some clinicians;
  - weekly evening series of six seminars (6 to 8 days apart, soft: same time each week).
"""
import json
import math
import random
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

TOKYO = ZoneInfo("Asia/Tokyo")
REMOTE_ZONES = ["Europe/Paris", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Seoul", "Australia/Sydney"]
GROUPS = ["patient", "industry", "government", "academia", "clinician"]
SLOT = 15
HOURS = {"acceptable": ["07:00", "22:00"], "preferred": ["09:00", "18:00"]}


def iso(t):
    return t.isoformat()


def inside(zone, rng, start, end):
    """validate.py's rule 8: [start, end) inside the range on the local date of start."""
    local = start.astimezone(zone)
    h, m = (int(x) for x in rng[0].split(":"))
    lo = datetime(local.year, local.month, local.day, h, m, tzinfo=zone)
    h, m = (int(x) for x in rng[1].split(":"))
    day = datetime(local.year, local.month, local.day, tzinfo=zone) + (timedelta(days=1) if (h, m) == (24, 0) else timedelta())
    hi = day.replace(hour=0 if (h, m) == (24, 0) else h, minute=m)
    return lo <= start and end <= hi


# Large sessions need a room of at least this capacity; only the hall and the first eighth of rooms have one.
LARGE = 100


def generate(n, seed, family="network"):
    capacity = family == "capacity"
    rnd = random.Random(f"v2-{seed}-{n}" if not capacity else f"v2-capacity-{seed}-{n}")
    # Symposium weeks of weekdays 09:00-18:00, and two evenings a week (Tue, Thu 18:00-21:00) for series.
    weeks = max(8, round(n / 400)) if not capacity or n > 300 else 2
    start = datetime(2027, 3, 1, tzinfo=TOKYO)  # a Monday; Europe and America change clocks during the year
    days, evenings = [], []
    for w in range(weeks):
        monday = start + timedelta(weeks=w)
        if w % 2 == 0:
            for d in range(5):
                day = monday + timedelta(days=d)
                days.append((day.replace(hour=9), day.replace(hour=18), "day"))
        for d in (1, 3):
            day = monday + timedelta(days=d)
            evenings.append((day.replace(hour=18), day.replace(hour=21), "evening"))
    windows = sorted(days + evenings)
    symposium_days = [w for w in windows if w[2] == "day"]

    n_people = max(40, int(n * 0.9))
    people = []
    for i in range(n_people):
        p = {"id": f"p-{i:05d}", "group": GROUPS[i % 5]}
        if rnd.random() < (0.2 if not capacity else 1 / 3):
            p["hours"] = dict(zone=rnd.choice(REMOTE_ZONES), **HOURS)
        people.append(p)
    busy = {p["id"]: [] for p in people}

    def free(pid, a, b):
        return all(b <= x or y <= a for x, y in busy[pid])

    def ok_hours(pid, a, b, which="acceptable"):
        h = people[int(pid[2:])].get("hours")
        return h is None or inside(ZoneInfo(h["zone"]), h[which], a, b)

    durations = [30, 45, 60, 60, 90]
    mean = sum(durations) / len(durations)
    room_minutes = sum((b - a).total_seconds() / 60 for a, b, _ in windows)
    n_rooms = max(4 if not capacity else 3, math.ceil(n * mean / (0.55 * room_minutes)))
    rooms = []
    for i in range(n_rooms):
        if i == 0:
            cap, feats = 600, ["interpretation", "streaming", "wheelchair"]
        elif i < (max(2, n_rooms // 8) if not capacity else 1 + n_rooms // 10):
            cap, feats = rnd.choice([200, 300]), ["interpretation", "wheelchair"]
        else:
            cap, feats = rnd.choice([20, 30, 50, 80]), (["wheelchair"] if rnd.random() < 0.8 else [])
        room = {"id": f"r-{i:03d}", "capacity": cap, "features": feats}
        if i > 0 and rnd.random() < 0.5:
            room["turnover"] = rnd.choice([10, 15])
        rooms.append(room)
    occupied = {r["id"]: [] for r in rooms}

    def room_free(rid, a, b):
        t = rooms[int(rid[2:])].get("turnover", 0)
        return all(b + timedelta(minutes=t) <= x or y + timedelta(minutes=t) <= a for x, y in occupied[rid])

    exclusive_spans = []
    sessions, planted = [], []

    def new_id():
        return f"s-{len(sessions):05d}"

    def place(s, rid, a, participants):
        b = a + timedelta(minutes=s["duration"])
        occupied[rid].append((a, b))
        for pid in participants:
            busy[pid].append((a, b))
        entry = {"session": s["id"], "room": rid, "start": iso(a)}
        return entry, b

    def slot_starts(window, duration):
        a, b, _ = window
        t = a
        while t + timedelta(minutes=duration) <= b:
            yield t
            t += timedelta(minutes=SLOT)

    def no_exclusive(a, b):
        return all(b <= x or y <= a for x, y in exclusive_spans)

    # One exclusive plenary opening each symposium day.
    for day in symposium_days:
        s = {"id": new_id(), "duration": 60, "audience": 400, "features": ["interpretation"], "priority": 10,
             "exclusive": True, "required": [], "windows": [[iso(day[0]), iso(day[0] + timedelta(hours=3))]]}
        speakers = [p["id"] for p in people[: max(20, n_people // 10)] if "hours" not in p]
        s["required"] = rnd.sample(speakers, 2)
        a = day[0]
        exclusive_spans.append((a, a + timedelta(minutes=60)))
        entry, _ = place(s, rooms[0]["id"], a, s["required"])
        sessions.append(s)
        planted.append(entry)

    # Weekly evening series of six seminars in small rooms.
    series = []
    n_series = max(1, n // 60)
    for k in range(n_series):
        first = rnd.randrange(0, max(1, len(evenings) - 12))
        evening_index = first
        ids, speaker = [], f"p-{rnd.randrange(n_people):05d}"
        duration = rnd.choice([60, 90])
        for j in range(6):
            s = {"id": new_id(), "duration": duration, "audience": rnd.choice([15, 20, 30]), "required": [],
                 "priority": 2, "preferred": [],
                 # The series runs over the eight weeks from its first evening.
                 "windows": [[iso(evenings[first][0]), iso(evenings[first][0] + timedelta(weeks=8))]]}
            placed = None
            for e in evenings[evening_index:evening_index + 3] if evening_index < len(evenings) else []:
                for a in slot_starts(e, duration):
                    b = a + timedelta(minutes=duration)
                    for r in rooms[1:]:
                        if r["capacity"] >= s["audience"] and room_free(r["id"], a, b) and no_exclusive(a, b):
                            if j == 0 or (a - last).days in (6, 7, 8) or (a.date() - last.date()).days in (6, 7, 8):
                                placed = (r["id"], a)
                                break
                    if placed:
                        break
                if placed:
                    break
            if not placed:
                break
            host = [pid for pid in ([speaker] if free(speaker, placed[1], placed[1] + timedelta(minutes=duration)) else [])
                    if ok_hours(pid, placed[1], placed[1] + timedelta(minutes=duration))]
            s["required"] = host
            entry, _ = place(s, placed[0], placed[1], host)
            sessions.append(s)
            planted.append(entry)
            ids.append(s["id"])
            last = placed[1]
            evening_index = evenings.index(next(e for e in evenings if e[0].date() == last.date())) + 2
        if len(ids) >= 2:
            series.append({"id": f"series-{k:03d}", "sessions": ids, "minDaysApart": 6, "maxDaysApart": 8})

    members = {g: [p["id"] for p in people if p["group"] == g] for g in GROUPS}

    # Talks, panels and meetings on symposium days until the rooms are about 55% used.
    target = n
    attempts = 0
    while len(sessions) < target and attempts < target * 40:
        attempts += 1
        day = rnd.choice(symposium_days)
        duration = rnd.choice(durations)
        slots = list(slot_starts(day, duration))
        a = rnd.choice(slots)
        b = a + timedelta(minutes=duration)
        if not no_exclusive(a, b):
            continue
        kind = rnd.random()
        room = rnd.choice(rooms[1:])
        if not room_free(room["id"], a, b):
            continue
        audience = max(5, int(room["capacity"] * rnd.uniform(0.4, 1.0)))
        s = {"id": new_id(), "duration": duration, "audience": audience, "required": [], "optional": [],
             "priority": rnd.choice([1, 1, 1, 2, 3, 5])}
        if "interpretation" in room["features"] and rnd.random() < 0.5:
            s["features"] = ["interpretation"]
        pool = [p["id"] for p in rnd.sample(people, min(len(people), 80)) if free(p["id"], a, b) and ok_hours(p["id"], a, b)]
        if len(pool) < 8:
            continue
        picked = []
        if kind < 0.25:
            # A meeting that needs one voice from each of some groups, from three or four candidates each.
            groups = rnd.sample(GROUPS, rnd.choice([3, 4]))
            picks = []
            for g in groups:
                of_group = [p for p in pool if people[int(p[2:])]["group"] == g and p not in picked]
                by_group = members[g]
                if not of_group:
                    break
                chosen = of_group[0]
                others = [p for p in rnd.sample(by_group, min(len(by_group), 6)) if p != chosen]
                candidates = [chosen] + others[: rnd.choice([2, 3])]
                rnd.shuffle(candidates)
                picks.append({"from": candidates, "count": 1})
                picked.append(chosen)
            else:
                s["pick"] = picks
        if not s.get("pick"):
            picked = []
        required = [p for p in pool if p not in picked][: rnd.choice([1, 1, 2, 3])]
        s["required"] = required
        s["optional"] = [p["id"] for p in rnd.sample(people, rnd.choice([0, 1, 2]))
                         if p["id"] not in required and p["id"] not in s.get("pick", [{"from": []}])[0]["from"]]
        if rnd.random() < 0.3:
            s["preferred"] = [[iso(day[0]), iso(day[0] + timedelta(hours=5))]]
        # A talk belongs to its symposium week; some to a part of one day.
        monday = day[0] - timedelta(days=day[0].weekday(), hours=day[0].hour)
        s["windows"] = [[iso(monday + timedelta(hours=9)), iso(monday + timedelta(days=4, hours=18))]]
        if rnd.random() < 0.15:
            s["windows"] = [[iso(a - timedelta(hours=1)), iso(b + timedelta(hours=2))]]
        entry, _ = place(s, room["id"], a, required + picked)
        if picked:
            entry["picked"] = picked
        sessions.append(s)
        planted.append(entry)

    # Conflicts of interest between industry people and clinicians who never share a session.
    apart = []
    shared = {}
    for s in sessions:
        everyone = s["required"] + [c for g in s.get("pick", []) for c in g["from"]]
        for x in everyone:
            shared.setdefault(x, set()).update(everyone)
    industry = [p["id"] for p in people if p["group"] == "industry"]
    clinicians = [p["id"] for p in people if p["group"] == "clinician"]
    for x in rnd.sample(industry, min(len(industry), max(3, n // 100))):
        y = rnd.choice(clinicians)
        if y not in shared.get(x, set()):
            apart.append([x, y])

    # Busy times of people's own calendars, away from the planted sessions.
    for p in people:
        if rnd.random() < 0.3:
            day = rnd.choice(windows)
            a = day[0] + timedelta(minutes=SLOT * rnd.randrange(0, 8))
            b = a + timedelta(minutes=rnd.choice([60, 120]))
            if free(p["id"], a, b):
                p["unavailable"] = [[iso(a), iso(b)]]

    if capacity:
        crowd_large_rooms(rnd, sessions, rooms, symposium_days, exclusive_spans, {i for x in series for i in x["sessions"]})
    inst = {
        "format": "convene-instance/2", "name": f"network-{n}" if not capacity else f"capacity-{n}", "timeZone": "Asia/Tokyo", "slotMinutes": SLOT,
        "days": [[iso(a), iso(b)] for a, b, _ in windows], "rooms": rooms, "people": people, "sessions": sessions,
        "apart": apart, "series": series, "weights": {"outsideHours": 2, "seriesTime": 3},
    }
    solution = {"format": "convene-solution/2", "instance": inst["name"], "assignments": planted, "unscheduled": []}
    return inst, solution


def crowd_large_rooms(rnd, sessions, rooms, symposium_days, exclusive_spans, in_series):
    """Turns talks into large sessions until, in each symposium week, their minutes are 1.3 times the minutes
    the large rooms have left beside the plenaries (large rooms are open only on symposium days)."""
    large = [r for r in rooms if r["capacity"] >= LARGE]
    smallest = min(r["capacity"] for r in large)
    week = lambda t: (t - timedelta(days=t.weekday())).date()
    supply = {}
    for a, b, _ in symposium_days:
        minutes = (b - a).total_seconds() / 60
        plenary = sum((min(b, y) - max(a, x)).total_seconds() / 60 for x, y in exclusive_spans if x < b and a < y)
        supply[week(a)] = supply.get(week(a), 0) + len(large) * (minutes - plenary)
    talks = {}
    for s in sessions:
        if not s.get("exclusive") and s["id"] not in in_series:
            talks.setdefault(week(datetime.fromisoformat(s["windows"][0][0])), []).append(s)
    for w, group in sorted(talks.items()):
        demand = sum(s["duration"] for s in group if s["audience"] >= LARGE)
        rnd.shuffle(group)
        for s in group:
            if demand >= 1.3 * supply.get(w, 0):
                break
            if s["audience"] < LARGE:
                s["audience"] = rnd.randint(LARGE, min(smallest, 300))
                demand += s["duration"]


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = argv[1]
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    sizes = [int(x) for x in argv[argv.index("--sizes") + 1].split(",")] if "--sizes" in argv else [300, 2000, 10000]
    family = argv[argv.index("--family") + 1] if "--family" in argv else "network"
    if family not in ("network", "capacity"):
        print(f"gen-instances-v2.py: --family is network or capacity, not {family!r}", file=sys.stderr)
        return 2
    import os
    os.makedirs(out, exist_ok=True)
    for n in sizes:
        if family == "capacity":
            inst, _ = generate(n, seed, family)
            with open(f"{out}/capacity-{n}.json", "w") as f:
                json.dump(inst, f, indent=1)
            continue
        inst, planted = generate(n, seed)
        with open(f"{out}/network-{n}-loose.json", "w") as f:
            json.dump(inst, f, indent=1)
        with open(f"{out}/network-{n}-planted.json", "w") as f:
            json.dump(planted, f, indent=1)
        tight = dict(inst, name=f"network-{n}-tight", rooms=[inst["rooms"][0]] + inst["rooms"][1:][: max(2, 2 * (len(inst["rooms"]) - 1) // 3)])
        with open(f"{out}/network-{n}-tight.json", "w") as f:
            json.dump(tight, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
