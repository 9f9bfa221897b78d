#!/usr/bin/env python3
"""A CP-SAT model (OR-Tools) of a convene-instance/2, as a reference for the engine.

usage: cpsat_v2.py INSTANCE.json SOLUTION.json [--time-limit SECONDS] [--workers N]

Every hard rule of FORMAT.md, versions 1 and 2: rooms that seat the audience and have the
features; starts on a day's grid, inside the windows, with every required person available and
inside their acceptable hours; room closures; no overlap per room (with the room's turnover) and
per required or picked person; `after` order; pins; exclusive sessions (nothing else runs
anywhere); picks (exactly `count` of each group, each picked person available and inside
their hours); `apart` sets; series (order and local-date cadence between consecutive scheduled
sessions, unscheduled ones skipped).
The objective is lexicographic and solved in two phases: unscheduled priority first (60% of the
time limit, less if proven), then, with that fixed, the soft level: preference, outsideHours
(required and picked people), optionalUnavailable, ifNeedBe, seriesTime and moved.
optionalConflict is left out (it needs a boolean per pair of sessions sharing a person).
validate.py scores the result in full.
Prints `bound_unscheduled=N status=S seconds=T` on stdout: N is CP-SAT's proven floor on
unscheduled priority, S its status, T the seconds the first phase took; then
`unscheduled=U soft_modelled=M bound_soft_modelled=B` where B is the floor of the modelled soft
terms given U (a floor of the whole soft level only when the first phase is OPTIMAL).
"""
import json
import math
import sys
import time as clock
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from ortools.sat.python import cp_model

from cpsat import arguments, merge  # the version 1 model's, beside this file

WEIGHTS = {"optionalConflict": 1, "optionalUnavailable": 1, "preference": 1, "moved": 5,
           "outsideHours": 1, "seriesTime": 1, "ifNeedBe": 1}


def touches(spans, a, b):
    return any(x < b and a < y for x, y in spans)


def inside(spans, a, b):
    return any(x <= a and b <= y for x, y in merge(spans))


def wall(day, hhmm, zone):
    """validate.py's reading: fold 0, a skipped time reads forward, '24:00' is the next midnight."""
    h, mi = (int(x) for x in hhmm.split(":"))
    if (h, mi) == (24, 0):
        day, h = day + timedelta(days=1), 0
    return datetime.combine(day, time(h, mi)).replace(tzinfo=zone).astimezone(timezone.utc)


class Model:
    def __init__(self, inst):
        self.inst = inst
        self.origin = datetime.fromisoformat(inst["days"][0][0])
        self.zone = ZoneInfo(inst.get("timeZone", "UTC"))
        self.slot = int(inst.get("slotMinutes", 15))
        self.w = dict(WEIGHTS, **inst.get("weights", {}))
        self.days = sorted((self.m(a), self.m(b)) for a, b in inst["days"])
        self.rooms = inst["rooms"]
        self.people = {p["id"]: p for p in inst["people"]}
        self.busy = {pid: [(self.m(a), self.m(b)) for a, b in p.get("unavailable", [])] for pid, p in self.people.items()}
        self.reluctant = {pid: [(self.m(a), self.m(b)) for a, b in p.get("ifNeedBe", [])] for pid, p in self.people.items()}
        self.sessions = inst["sessions"]
        self._hours = {}

    def m(self, s):
        return int((datetime.fromisoformat(s) - self.origin) // timedelta(minutes=1))

    def at(self, minute):
        return (self.origin + timedelta(minutes=minute)).astimezone(timezone.utc)

    def in_hours(self, pid, which, a, b):
        """Rule 8 (or outsideHours with which='preferred'): True when the person has no such range."""
        key = (pid, which, a, b)
        if key not in self._hours:
            hours = self.people.get(pid, {}).get("hours")
            if not hours or which not in hours:
                ok = True
            else:
                zone = ZoneInfo(hours["zone"])
                start, end = self.at(a), self.at(b)
                day = start.astimezone(zone).date()
                ok = wall(day, hours[which][0], zone) <= start and end <= wall(day, hours[which][1], zone)
            self._hours[key] = ok
        return self._hours[key]

    def can_attend(self, pid, a, b):
        return pid in self.people and not touches(self.busy[pid], a, b) and self.in_hours(pid, "acceptable", a, b)

    def starts(self, s):
        d = int(s["duration"])
        if s.get("fixed"):
            return [self.m(s["fixed"]["start"])]
        wins = [(self.m(a), self.m(b)) for a, b in s.get("windows", [])]
        out = set()
        for d0, d1 in self.days:
            t = d0
            while t + d <= d1:
                if ((not wins or inside(wins, t, t + d))
                        and all(self.can_attend(p, t, t + d) for p in s.get("required", []))):
                    out.add(t)
                t += self.slot
        return sorted(out)

    def start_cost(self, s, t):
        """The soft terms a session pays at start t whatever is picked: preference, outsideHours of required
        people, optionalUnavailable, ifNeedBe of required and optional people."""
        d = int(s["duration"])
        w = self.w
        cost = 0
        prefs = [(self.m(a), self.m(b)) for a, b in s.get("preferred", [])]
        if prefs and not inside(prefs, t, t + d):
            cost += w["preference"]
        for p in s.get("required", []):
            if not self.in_hours(p, "preferred", t, t + d):
                cost += w["outsideHours"]
        for p in s.get("optional", []):
            if p in self.busy and touches(self.busy[p], t, t + d):
                cost += w["optionalUnavailable"]
        for p in dict.fromkeys(list(s.get("required", [])) + list(s.get("optional", []))):
            if touches(self.reluctant.get(p, []), t, t + d):
                cost += w["ifNeedBe"]
        return cost

    def build(self):
        cp = cp_model.CpModel()
        self.cp = cp
        n_rooms = len(self.rooms)
        index = {s["id"]: i for i, s in enumerate(self.sessions)}
        self.present, self.start, self.room_x, self.picks = [], [], [], []
        by_room, by_person, all_intervals, demands = {}, {}, [], []
        soft_terms = []  # (coefficient, linear expression)
        self.local = {}  # session index -> (date var, time-of-day var)
        self.domain = {}  # session index -> its possible starts
        for i, s in enumerate(self.sessions):
            d = int(s["duration"])
            p_i = cp.NewBoolVar(f"p{i}")
            self.present.append(p_i)
            fixed = s.get("fixed")
            rooms = [k for k, r in enumerate(self.rooms)
                     if r.get("capacity", 0) >= s.get("audience", 0)
                     and set(s.get("features", [])) <= set(r.get("features", []))
                     and (not fixed or r["id"] == fixed["room"])]
            starts = self.starts(s)
            # Apart sets: two required people of one set make the session impossible.
            required = set(s.get("required", []))
            if any(len(required & set(g)) > 1 for g in self.inst.get("apart", [])):
                starts = []
            if not starts or not rooms:
                cp.Add(p_i == 0)
                self.start.append(None)
                self.room_x.append([])
                self.picks.append([])
                continue
            S = cp.NewIntVarFromDomain(cp_model.Domain.FromValues(starts), f"S{i}")
            self.start.append(S)
            self.domain[i] = starts
            xs = []
            for k in rooms:
                r = self.rooms[k]
                closed = [(self.m(a), self.m(b)) for a, b in r.get("unavailable", [])]
                ok = [t for t in starts if not touches(closed, t, t + d)]
                if not ok:
                    continue
                x = cp.NewBoolVar(f"x{i}_{k}")
                if len(ok) < len(starts):
                    cp.AddLinearExpressionInDomain(S, cp_model.Domain.FromValues(ok)).OnlyEnforceIf(x)
                # The room's turnover rides on each session's interval in that room.
                by_room.setdefault(k, []).append(
                    cp.NewOptionalFixedSizeIntervalVar(S, max(d, 1) + int(r.get("turnover", 0)), x, f"R{i}_{k}"))
                xs.append((k, x))
                for prev in self.inst.get("previous", []):
                    if prev["session"] == s["id"] and prev["room"] == r["id"] and self.m(prev["start"]) in ok:
                        home = cp.NewBoolVar(f"h{i}_{k}")
                        cp.Add(S == self.m(prev["start"])).OnlyEnforceIf(home)
                        cp.AddImplication(home, x)
                        soft_terms.append((-self.w["moved"], home))
            self.room_x.append(xs)
            cp.Add(sum(x for _, x in xs) == p_i)
            if fixed:
                cp.Add(p_i == 1)
            J = cp.NewOptionalFixedSizeIntervalVar(S, max(d, 1), p_i, f"J{i}")
            all_intervals.append(J)
            demands.append(n_rooms if s.get("exclusive") else 1)
            for p in required:
                by_person.setdefault(p, []).append(J)
            # Picks: a candidate is picked only where they can attend; picked people are required people.
            chosen = []
            for g, group in enumerate(s.get("pick", [])):
                ys = []
                for c in group.get("from", []):
                    ok = [t for t in starts if self.can_attend(c, t, t + d)]
                    if not ok:
                        continue
                    y = cp.NewBoolVar(f"y{i}_{c}")
                    if len(ok) < len(starts):
                        cp.AddLinearExpressionInDomain(S, cp_model.Domain.FromValues(ok)).OnlyEnforceIf(y)
                    cp.AddImplication(y, p_i)
                    by_person.setdefault(c, []).append(cp.NewOptionalFixedSizeIntervalVar(S, max(d, 1), y, f"Y{i}_{c}"))
                    ys.append(y)
                    chosen.append((c, y))
                    # Soft terms of a picked person: outside preferred hours, if need be.
                    bad = {t: (0 if self.in_hours(c, "preferred", t, t + d) else self.w["outsideHours"])
                           + (self.w["ifNeedBe"] if touches(self.reluctant.get(c, []), t, t + d) else 0) for t in ok}
                    if any(bad.values()):
                        worst = max(bad.values())
                        Cc = cp.NewIntVar(0, worst, f"Cc{i}_{c}")
                        cp.AddAllowedAssignments([S, Cc], [(t, bad.get(t, 0)) for t in starts])
                        paid = cp.NewIntVar(0, worst, f"Yp{i}_{c}")
                        cp.Add(paid >= Cc).OnlyEnforceIf(y)
                        soft_terms.append((1, paid))
                cp.Add(sum(ys) == int(group.get("count", 1)) * p_i)
            self.picks.append(chosen)
            for g in self.inst.get("apart", []):
                members = set(g)
                fixed_in = len(required & members)
                picked_in = [y for c, y in chosen if c in members]
                if picked_in:
                    cp.Add(fixed_in + sum(picked_in) <= 1)
            # What the start alone costs, and the local date and time of day for series.
            costs = {t: self.start_cost(s, t) for t in starts}
            locals_ = {t: self.at(t).astimezone(self.zone) for t in starts}
            in_series = any(s["id"] in x.get("sessions", []) for x in self.inst.get("series", []))
            if any(costs.values()) or in_series:
                C = cp.NewIntVar(0, max(costs.values()), f"C{i}")
                D = cp.NewIntVar(-400000, 400000, f"D{i}")
                T = cp.NewIntVar(0, 24 * 60, f"T{i}")
                cp.AddAllowedAssignments([S, C, D, T], [
                    (t, costs[t], (locals_[t].date() - datetime(2000, 1, 1).date()).days,
                     locals_[t].hour * 60 + locals_[t].minute) for t in starts])
                self.local[i] = (D, T)
                if any(costs.values()):
                    paid = cp.NewIntVar(0, max(costs.values()), f"Cp{i}")
                    cp.Add(paid == C).OnlyEnforceIf(p_i)
                    cp.Add(paid == 0).OnlyEnforceIf(p_i.Not())
                    soft_terms.append((1, paid))
        for intervals in list(by_room.values()) + list(by_person.values()):
            if len(intervals) > 1:
                cp.AddNoOverlap(intervals)
        self.room_minutes(by_room, n_rooms)
        if any(s.get("exclusive") for s in self.sessions):
            # Every other session holds one room; an exclusive one holds them all.
            cp.AddCumulative(all_intervals, demands, n_rooms)
        for i, s in enumerate(self.sessions):
            for b in s.get("after", []):
                j = index.get(b)
                if j is None or j == i or self.start[i] is None or self.start[j] is None:
                    continue
                cp.Add(self.start[j] + int(self.sessions[j]["duration"]) <= self.start[i]).OnlyEnforceIf(
                    [self.present[i], self.present[j]])
        for series in self.inst.get("series", []):
            ids = [index[x] for x in series.get("sessions", []) if x in index and self.start[index[x]] is not None]
            lo, hi = int(series.get("minDaysApart", 1)), series.get("maxDaysApart")
            for a_pos, a in enumerate(ids):
                for b_pos in range(a_pos + 1, len(ids)):
                    b = ids[b_pos]
                    between = [self.present[x].Not() for x in ids[a_pos + 1:b_pos]]
                    consecutive = [self.present[a], self.present[b]] + between
                    Da, Ta = self.local[a]
                    Db, Tb = self.local[b]
                    cp.Add(Db - Da >= lo).OnlyEnforceIf(consecutive)
                    if hi is not None:
                        cp.Add(Db - Da <= int(hi)).OnlyEnforceIf(consecutive)
                    cp.Add(self.start[b] >= self.start[a]).OnlyEnforceIf(consecutive)
                    # seriesTime: b pays when a is the first scheduled one and b's time of day differs.
                    first = [self.present[a], self.present[b]] + [self.present[x].Not() for x in ids[:a_pos]]
                    same = cp.NewBoolVar("")
                    cp.Add(Ta == Tb).OnlyEnforceIf(same)
                    late = cp.NewBoolVar("")
                    cp.AddBoolOr([same, late]).OnlyEnforceIf(first)
                    soft_terms.append((self.w["seriesTime"], late))
        self.unscheduled = sum(int(s.get("priority", 1)) * (1 - self.present[i]) for i, s in enumerate(self.sessions))
        self.soft = sum(c * v for c, v in soft_terms) + self.w["moved"] * len(self.inst.get("previous", []))

    def room_minutes(self, by_room, n_rooms):
        """Redundant knapsacks that give the relaxation its strength: for each set of rooms R some session is
        confined to and each span H some session's starts are confined to, the minutes of the sessions
        confined to both (an exclusive one counts in every room of R) fit in R's day minutes within H."""
        reach = {}
        for i, s in enumerate(self.sessions):
            if self.start[i] is None:
                continue
            lo, hi = self.domain[i][0], self.domain[i][-1] + int(s["duration"])
            rooms = frozenset(range(n_rooms)) if s.get("exclusive") else frozenset(k for k, _ in self.room_x[i])
            reach[i] = (rooms, lo, hi)
        room_sets = {r for r, _, _ in reach.values() if len(r) < n_rooms} | {frozenset(range(n_rooms))}
        spans = {(lo, hi) for _, lo, hi in reach.values()}
        for R in room_sets:
            for lo, hi in spans:
                terms = []
                for i, (rooms, a, b) in reach.items():
                    if lo <= a and b <= hi and (rooms <= R or self.sessions[i].get("exclusive")):
                        d = int(self.sessions[i]["duration"])
                        terms.append((d * len(R) if self.sessions[i].get("exclusive") else d, self.present[i]))
                if len(terms) < 2:
                    continue
                supply = len(R) * sum(max(0, min(d1, hi) - max(d0, lo)) for d0, d1 in self.days)
                if sum(c for c, _ in terms) > supply:
                    self.cp.Add(sum(c * p for c, p in terms) <= supply)

    def solution(self, solver):
        assignments, unsched = [], []
        for i, s in enumerate(self.sessions):
            room = None
            if self.start[i] is not None and solver.Value(self.present[i]):
                room = next((k for k, x in self.room_x[i] if solver.Value(x)), None)
            if room is None:
                unsched.append({"session": s["id"], "reason": "left out by CP-SAT"})
                continue
            a = {"session": s["id"], "room": self.rooms[room]["id"],
                 "start": (self.origin + timedelta(minutes=solver.Value(self.start[i]))).isoformat()}
            if s.get("pick"):
                a["picked"] = [c for c, y in self.picks[i] if solver.Value(y)]
            assignments.append(a)
        return {"format": "convene-solution/2", "instance": self.inst.get("name", ""),
                "assignments": assignments, "unscheduled": unsched}


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    inst, limit, workers = arguments(argv)
    began = clock.monotonic()
    model = Model(inst)
    model.build()
    cp = model.cp

    cp.Minimize(model.unscheduled)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit * 0.6
    solver.parameters.num_workers = workers
    status = solver.Solve(cp)
    first_phase = clock.monotonic() - began
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        # Without a schedule the floor still holds (0 when the search had none yet).
        bound = max(0, math.ceil(solver.BestObjectiveBound() - 1e-6)) if status != cp_model.MODEL_INVALID else 0
        print(f"bound_unscheduled={bound} status={solver.StatusName(status)} seconds={first_phase:.1f}")
        return 1
    optimal = status == cp_model.OPTIMAL
    best = int(solver.ObjectiveValue())
    bound = math.ceil(solver.BestObjectiveBound() - 1e-6)
    solution = model.solution(solver)
    print(f"bound_unscheduled={bound} status={solver.StatusName(status)} seconds={first_phase:.1f}", flush=True)

    # Second phase: the soft level with the priority level held, from the first phase's schedule.
    for var in [v for v in model.present] + [x for xs in model.room_x for _, x in xs]:
        cp.AddHint(var, solver.Value(var))
    for S in model.start:
        if S is not None:
            cp.AddHint(S, solver.Value(S))
    cp.Add(model.unscheduled <= best)
    cp.Minimize(model.soft)
    second = cp_model.CpSolver()
    second.parameters.max_time_in_seconds = max(1.0, limit - (clock.monotonic() - began))
    second.parameters.num_workers = workers
    status2 = second.Solve(cp)
    soft, soft_bound = None, None
    if status2 in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        solution = model.solution(second)
        soft, soft_bound = int(second.ObjectiveValue()), int(round(second.BestObjectiveBound()))
    with open(argv[2], "w", encoding="utf-8") as f:
        json.dump(solution, f, indent=1)
    print(f"unscheduled={best} soft_modelled={soft} bound_soft_modelled={soft_bound if optimal else 'n/a'} "
          f"status2={second.StatusName(status2)} seconds={clock.monotonic() - began:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
