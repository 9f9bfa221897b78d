#!/usr/bin/env python3
"""Write forum-like convene-instance/1 files, deterministic by seed.

usage: gen-instances.py OUTDIR [--seed N] [--sizes 100,1000,10000]

For each size it writes three instances:
  forum-N-loose.json   every session fits (a planted schedule proves it), about 60% of room time used
  forum-N-tight.json   the planted sessions plus 25% more than the rooms can hold
  forum-N-repair.json  the loose instance with its planted schedule as `previous`, after three
                       speakers became unavailable during one of their sessions and a room closed
                       during one session: a good repair moves only those few sessions
A forum has plenaries in large rooms with interpretation, symposia, workshops and meetings;
people belong to the five stakeholder groups; a few speakers appear in many sessions.
"""
import json
import math
import random
import sys
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=9))
GROUPS = ["patient", "industry", "government", "academia", "clinician"]
SLOT = 15
DAY_START, DAY_END = 9 * 60, 18 * 60


def iso(t):
    return t.isoformat()


def generate(n, seed, kind):
    rnd = random.Random(f"{seed}-{n}")  # loose, tight and repair share the planted forum
    days_count = {100: 2, 1000: 4}.get(n, 8)
    base = datetime(2027, 2, 22, tzinfo=TZ)
    day0 = [base + timedelta(days=d) for d in range(days_count)]
    at = lambda d, minute: day0[d] + timedelta(minutes=minute)
    durations = [30, 45, 60, 60, 90, 120]
    mean = sum(durations) / len(durations)
    load = 0.6
    day_len = DAY_END - DAY_START
    n_rooms = max(3, math.ceil(1.1 * n * mean / (load * day_len * days_count)))
    rooms = []
    for i in range(n_rooms):
        r = rnd.random()
        if i < max(1, n_rooms // 10):
            cap, feats = rnd.choice([300, 500, 800]), ["wheelchair", "interpretation", "streaming"]
        elif r < 0.5:
            cap, feats = rnd.choice([60, 80, 120, 150]), ["wheelchair"] + (["hearing-loop"] if rnd.random() < 0.4 else [])
        else:
            cap, feats = rnd.choice([12, 20, 30, 40]), (["wheelchair"] if rnd.random() < 0.7 else [])
        room = {"id": f"room-{i:03d}", "capacity": cap, "features": sorted(feats)}
        rooms.append(room)
    n_people = max(10, int(n * 1.3))
    people = [{"id": f"p-{i:05d}", "group": GROUPS[i % 5], "unavailable": []} for i in range(n_people)]
    popular = list(range(min(n_people, max(5, n // 50))))  # speakers in demand
    busy = {i: [] for i in range(n_people)}

    def free(p, a, b):
        return all(b <= x or y <= a for x, y in busy[p])

    # Plant sessions room by room, day by day, leaving gaps so that about `load` of room time is used.
    sessions, planted = [], {}
    order = [(ri, d) for d in range(days_count) for ri in range(n_rooms)]
    rnd.shuffle(order)
    budget = n
    for ri, d in order:
        t = DAY_START + SLOT * rnd.randrange(0, 4)
        while budget > 0:
            dur = rnd.choice(durations)
            if t + dur > DAY_END:
                break
            sid = f"s-{n - budget:05d}"
            budget -= 1
            a, b = d * 1440 + t, d * 1440 + t + dur
            room = rooms[ri]
            req = []
            for _ in range(rnd.choice([1, 1, 2, 2, 3, 4])):
                for _try in range(8):
                    p = rnd.choice(popular) if rnd.random() < 0.25 else rnd.randrange(n_people)
                    if p not in req and free(p, a, b):
                        req.append(p)
                        busy[p].append((a, b))
                        break
            opt = sorted({rnd.randrange(n_people) for _ in range(rnd.choice([0, 1, 2, 3, 5, 8]))} - set(req))
            s = {"id": sid, "duration": dur, "audience": max(5, int(room["capacity"] * rnd.uniform(0.3, 1.0))),
                 "required": [f"p-{p:05d}" for p in req], "optional": [f"p-{p:05d}" for p in opt],
                 "features": sorted(f for f in room["features"] if rnd.random() < 0.5),
                 "windows": [], "preferred": [], "after": [], "priority": rnd.choice([1, 1, 1, 2, 3, 5, 10]),
                 "fixed": None}
            w = rnd.random()
            if w < 0.15:
                s["windows"] = [[iso(at(d, DAY_START)), iso(at(d, DAY_END))]]
            elif w < 0.25:
                half = (DAY_START, 13 * 60) if t + dur <= 13 * 60 else (12 * 60, DAY_END)
                if half[0] <= t:
                    s["windows"] = [[iso(at(d, half[0])), iso(at(d, half[1]))]]
            if rnd.random() < 0.3:
                pd = rnd.randrange(days_count)
                s["preferred"] = [[iso(at(pd, DAY_START)), iso(at(pd, 13 * 60))]]
            if rnd.random() < 0.01:
                s["fixed"] = {"room": room["id"], "start": iso(at(d, t))}
            sessions.append(s)
            planted[sid] = (ri, d, t, a, b)
            t += dur + SLOT * rnd.choice([0, 0, 1, 2, 4, 6]) * (2 if rnd.random() < 0.3 else 1)
        if budget == 0:
            break
    # `after`: a second part follows a first part that the planted schedule has earlier.
    ids = [s["id"] for s in sessions]
    for s in sessions:
        if rnd.random() < 0.05:
            other = rnd.choice(ids)
            if other != s["id"] and planted[other][4] <= planted[s["id"]][3]:
                s["after"] = [other]
    # Calendar busy times that never touch the planted required sessions.
    for p in range(n_people):
        for _ in range(rnd.choice([0, 0, 1, 2, 3])):
            d = rnd.randrange(days_count)
            a = d * 1440 + DAY_START + SLOT * rnd.randrange(0, 30)
            b = a + SLOT * rnd.randrange(2, 12)
            if free(p, a, b):
                people[p]["unavailable"].append([iso(base + timedelta(minutes=a)), iso(base + timedelta(minutes=b))])
    # Lunch closures of some small rooms, outside planted sessions.
    for ri, room in enumerate(rooms):
        if rnd.random() < 0.2:
            closures = []
            for d in range(days_count):
                a, b = d * 1440 + 12 * 60, d * 1440 + 13 * 60
                if all(not (x < b and a < y) for (r2, _, _, x, y) in planted.values() if r2 == ri):
                    closures.append([iso(base + timedelta(minutes=a)), iso(base + timedelta(minutes=b))])
            if closures:
                room["unavailable"] = closures

    inst = {"format": "convene-instance/1", "name": f"forum-{n}-{kind}", "slotMinutes": SLOT,
            "days": [[iso(at(d, DAY_START)), iso(at(d, DAY_END))] for d in range(days_count)],
            "rooms": rooms, "people": people, "sessions": sessions, "previous": [],
            "weights": {"optionalConflict": 1, "optionalUnavailable": 1, "preference": 1, "moved": 5}}

    if kind == "tight":
        extra = n // 4
        for k in range(extra):
            room = rnd.choice(rooms)
            dur = rnd.choice(durations)
            req = [rnd.choice(popular) if rnd.random() < 0.25 else rnd.randrange(n_people) for _ in range(rnd.choice([1, 2, 3]))]
            sessions.append({"id": f"x-{k:05d}", "duration": dur,
                             "audience": max(5, int(room["capacity"] * rnd.uniform(0.3, 1.0))),
                             "required": sorted({f"p-{p:05d}" for p in req}),
                             "optional": sorted({f"p-{rnd.randrange(n_people):05d}" for _ in range(rnd.choice([0, 2, 4]))}),
                             "features": sorted(f for f in room["features"] if rnd.random() < 0.5),
                             "windows": [], "preferred": [], "after": [], "priority": rnd.choice([1, 1, 2, 3, 5]),
                             "fixed": None})
    if kind == "repair":
        inst["previous"] = [{"session": sid, "room": rooms[ri]["id"], "start": iso(base + timedelta(minutes=a))}
                            for sid, (ri, d, t, a, b) in planted.items()]
        # Three speakers drop out of a time they were booked for; one room closes during one session.
        movable = [s for s in sessions if s["required"] and not s["fixed"]]
        for s in rnd.sample(movable, 3):
            pid = s["required"][0]
            _, _, _, a, b = planted[s["id"]]
            people[int(pid[2:])]["unavailable"].append([iso(base + timedelta(minutes=a)), iso(base + timedelta(minutes=b))])
        s = rnd.choice([s for s in sessions if not s["fixed"]])
        ri, _, _, a, b = planted[s["id"]]
        rooms[ri].setdefault("unavailable", []).append([iso(base + timedelta(minutes=a)), iso(base + timedelta(minutes=b))])
    for s in sessions:
        for k in ["windows", "preferred", "after", "optional", "features"]:
            if not s[k]:
                del s[k]
        if s["fixed"] is None:
            del s["fixed"]
    return inst


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = argv[1]
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    sizes = [int(x) for x in argv[argv.index("--sizes") + 1].split(",")] if "--sizes" in argv else [100, 1000, 10000]
    import os
    os.makedirs(out, exist_ok=True)
    for n in sizes:
        for kind in ["loose", "tight", "repair"]:
            inst = generate(n, seed, kind)
            path = os.path.join(out, f"forum-{n}-{kind}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(inst, f, separators=(",", ":"))
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
