#!/usr/bin/env python3
"""A CP-SAT model (OR-Tools) of a convene-instance/1, as a reference for the engine.

usage: cpsat.py INSTANCE.json SOLUTION.json [--time-limit SECONDS] [--workers N]

Every hard rule of FORMAT.md is modelled: rooms that seat the audience and have the
features; starts on a day's grid, inside the windows, with every required person
available; room closures; no overlap per room and per required person (optional
intervals); `after` order; pins. The objective is lexicographic: unscheduled
priority first, then `moved` and `preference` (optional-attendance terms are left out:
they need a boolean per pair of sessions). validate.py scores the result in full.
Prints `bound_unscheduled=N status=S` on stdout: N is CP-SAT's proven floor on unscheduled priority.
"""
import json
import sys
from datetime import datetime, timedelta

from ortools.sat.python import cp_model


def arguments(argv):
    """INSTANCE.json SOLUTION.json [--time-limit S] [--workers N] as (instance, limit, workers)."""
    limit = float(argv[argv.index("--time-limit") + 1]) if "--time-limit" in argv else 60.0
    workers = int(argv[argv.index("--workers") + 1]) if "--workers" in argv else 2
    with open(argv[1], encoding="utf-8") as f:
        return json.load(f), limit, workers


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    inst, limit, workers = arguments(argv)
    origin = datetime.fromisoformat(inst["days"][0][0])
    m = lambda s: int((datetime.fromisoformat(s) - origin) // timedelta(minutes=1))
    slot = int(inst.get("slotMinutes", 15))
    weights = dict({"optionalConflict": 1, "optionalUnavailable": 1, "preference": 1, "moved": 5}, **inst.get("weights", {}))
    days = sorted((m(a), m(b)) for a, b in inst["days"])
    rooms = inst["rooms"]
    room_ids = [r["id"] for r in rooms]
    room_busy = [[(m(a), m(b)) for a, b in r.get("unavailable", [])] for r in rooms]
    people = {p["id"]: [(m(a), m(b)) for a, b in p.get("unavailable", [])] for p in inst["people"]}
    sessions = inst["sessions"]
    index = {s["id"]: i for i, s in enumerate(sessions)}
    touches = lambda spans, a, b: any(x < b and a < y for x, y in spans)
    inside = lambda spans, a, b: any(x <= a and b <= y for x, y in merge(spans))
    previous = {}
    for p in inst.get("previous", []):
        previous.setdefault(p["session"], []).append((p["room"], m(p["start"])))

    model = cp_model.CpModel()
    present, start_of, by_room, by_person, pref_terms, moved_terms = [], [], {}, {}, [], []
    rooms_of = []
    for i, s in enumerate(sessions):
        d = int(s["duration"])
        fixed = s.get("fixed")
        if fixed:
            cand_rooms = [room_ids.index(fixed["room"])] if fixed["room"] in room_ids else []
            starts = [m(fixed["start"])]
        else:
            cand_rooms = [k for k, r in enumerate(rooms) if r.get("capacity", 0) >= s.get("audience", 0)
                          and set(s.get("features", [])) <= set(r.get("features", []))]
            wins = [(m(a), m(b)) for a, b in s.get("windows", [])]
            starts = []
            for k, (d0, d1) in enumerate(days):
                t = d0
                while t + d <= d1:
                    if (not any(e0 <= t and t + d <= e1 for e0, e1 in days[:k])
                            and (not wins or inside(wins, t, t + d))
                            and all(p in people and not touches(people[p], t, t + d) for p in s.get("required", []))
                            and not (s["id"] in s.get("after", []) and d > 0)):
                        starts.append(t)
                    t += slot
        starts = sorted(set(starts))
        p_s = model.NewBoolVar(f"p{i}")
        present.append(p_s)
        if not starts or not cand_rooms:
            model.Add(p_s == 0)
            start_of.append(None)
            rooms_of.append([])
            continue
        S = model.NewIntVarFromDomain(cp_model.Domain.FromValues(starts), f"S{i}")
        start_of.append(S)
        xs = []
        for k in cand_rooms:
            ok = [t for t in starts if not touches(room_busy[k], t, t + max(d, 1))]
            if not ok:
                continue
            x = model.NewBoolVar(f"x{i}_{k}")
            st = model.NewIntVarFromDomain(cp_model.Domain.FromValues(ok), f"st{i}_{k}")
            model.Add(S == st).OnlyEnforceIf(x)
            by_room.setdefault(k, []).append(model.NewOptionalFixedSizeIntervalVar(st, max(d, 1), x, f"I{i}_{k}"))
            xs.append((k, x))
            for prev_room, prev_start in previous.get(s["id"], []):
                if room_ids[k] == prev_room and prev_start in ok:
                    at_home = model.NewBoolVar(f"h{i}_{k}")
                    model.Add(st == prev_start).OnlyEnforceIf(at_home)
                    model.AddImplication(at_home, x)
                    moved_terms.append(at_home)
        rooms_of.append(xs)
        model.Add(sum(x for _, x in xs) == p_s)
        if fixed:
            model.Add(p_s == 1)
        J = model.NewOptionalFixedSizeIntervalVar(S, max(d, 1), p_s, f"J{i}")
        for p in s.get("required", []):
            by_person.setdefault(p, []).append(J)
        prefs = [(m(a), m(b)) for a, b in s.get("preferred", [])]
        if prefs:
            good = [t for t in starts if inside(prefs, t, t + d)]
            if good:
                in_pref = model.NewBoolVar(f"pref{i}")
                model.AddLinearExpressionInDomain(S, cp_model.Domain.FromValues(good)).OnlyEnforceIf(in_pref)
                model.AddImplication(in_pref, p_s)
                pref_terms.append((p_s, in_pref))
            else:
                pref_terms.append((p_s, None))
    for intervals in list(by_room.values()) + list(by_person.values()):
        if len(intervals) > 1:
            model.AddNoOverlap(intervals)
    for i, s in enumerate(sessions):
        for b in s.get("after", []):
            j = index.get(b)
            if j is None or start_of[i] is None or start_of[j] is None or j == i:
                continue
            model.Add(start_of[j] + int(sessions[j]["duration"]) <= start_of[i]).OnlyEnforceIf([present[i], present[j]])

    n_prev = len(inst.get("previous", []))
    soft_max = weights["moved"] * n_prev + weights["preference"] * len(pref_terms) + 1
    unscheduled = sum(int(s.get("priority", 1)) * (1 - present[i]) for i, s in enumerate(sessions))
    soft = weights["moved"] * (n_prev - sum(moved_terms)) + weights["preference"] * sum(
        p - (q if q is not None else 0) for p, q in pref_terms)
    model.Minimize(soft_max * unscheduled + soft)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit
    solver.parameters.num_workers = workers
    status = solver.Solve(model)
    assignments, unsched = [], []
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    for i, s in enumerate(sessions):
        room = None
        if found and start_of[i] is not None and solver.Value(present[i]):
            room = next((k for k, x in rooms_of[i] if solver.Value(x)), None)
        if room is None:
            unsched.append({"session": s["id"], "reason": "left out by CP-SAT"})
        else:
            t = origin + timedelta(minutes=solver.Value(start_of[i]))
            assignments.append({"session": s["id"], "room": room_ids[room], "start": t.isoformat()})
    with open(argv[2], "w", encoding="utf-8") as f:
        json.dump({"format": "convene-solution/1", "instance": inst.get("name", ""),
                   "assignments": assignments, "unscheduled": unsched}, f, indent=1)
    bound = int(solver.BestObjectiveBound() // soft_max) if found or status == cp_model.INFEASIBLE else 0
    print(f"bound_unscheduled={bound} status={solver.StatusName(status)}")
    return 0


def merge(spans):
    out = []
    for a, b in sorted(spans):
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv))
