"""Inputs for Scripts/bench-ical, and Python icalendar as the peer exporter.

  benchdata.py calendar OUT.ics           10,000 events, 100,000 occurrences
  benchdata.py snapshot TEMPLATE OUT.json 10,000 sessions built on the test forum's snapshot
  benchdata.py peer SNAPSHOT OUT.ics      the event feed written with icalendar (timed by the caller)
  benchdata.py run CONVENE REPO WORKDIR   all of the above, timed side by side
"""
import copy
import datetime as dt
import json
import sys

ZONES = ["Asia/Tokyo", "Europe/Berlin", "America/New_York", "UTC"]
EVENTS = 10_000
OCCURRENCES_EACH = 10
SESSIONS = 10_000
ROOMS = 20
PEOPLE = 200


def calendar(out):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Convene bench//EN"]
    start = dt.datetime(2027, 1, 4, 8, 0)
    for i in range(EVENTS):
        zone = ZONES[i % len(ZONES)]
        s = start + dt.timedelta(days=i % 70, minutes=15 * (i % 40))
        e = s + dt.timedelta(minutes=30 + 15 * (i % 4))
        fmt = "%Y%m%dT%H%M%S"
        if zone == "UTC":
            when = [f"DTSTART:{s.strftime(fmt)}Z", f"DTEND:{e.strftime(fmt)}Z"]
        else:
            when = [f"DTSTART;TZID={zone}:{s.strftime(fmt)}", f"DTEND;TZID={zone}:{e.strftime(fmt)}"]
        lines += ["BEGIN:VEVENT", f"UID:bench-{i}@example.org", "DTSTAMP:20260101T000000Z", *when,
                  f"RRULE:FREQ=WEEKLY;COUNT={OCCURRENCES_EACH}", f"SUMMARY:Meeting {i}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    with open(out, "w", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


def snapshot(template, out):
    with open(template) as f:
        snap = json.load(f)
    event = snap["event"]
    base_session = copy.deepcopy(event["sessions"][1])
    base_person = copy.deepcopy(event["stakeholders"][1])
    groups = ["patient", "industry", "government", "academia", "clinician", "other"]
    event["rooms"] = [{"id": f"room-{r:02d}", "name": {"en": f"Room {r}, floor {r % 5}", "ja": f"第{r}会議室"},
                       "capacity": 50, "features": [], "closures": []} for r in range(ROOMS)]
    people = []
    for p in range(PEOPLE):
        person = copy.deepcopy(base_person)
        person.update(id=f"person-{p:03d}", name=f"Person {p}", email=f"person{p}@example.org", group=groups[p % 6])
        people.append(person)
    event["stakeholders"] = people
    sessions, assignments = [], []
    day0 = dt.datetime(2027, 3, 6, 0, 0, tzinfo=dt.timezone.utc)
    for i in range(SESSIONS):
        s = copy.deepcopy(base_session)
        s.update(id=f"s{i:05d}", duration=60, track=f"track-{i % 8}",
                 required=[f"person-{(i * 7) % PEOPLE:03d}", f"person-{(i * 7 + 1) % PEOPLE:03d}"],
                 optional=[f"person-{(i * 11 + 3) % PEOPLE:03d}"])
        s["title"] = {"ja": f"希少がん領域の多者間対話セッション第{i}回", "en": f"Multi-stakeholder dialogue, part {i}; access"}
        sessions.append(s)
        start = day0 + dt.timedelta(days=i // (ROOMS * 8), hours=(i // ROOMS) % 8)
        assignments.append({"session": s["id"], "room": f"room-{i % ROOMS:02d}",
                            "start": start.strftime("%Y-%m-%dT%H:%M:%SZ")})
    event["sessions"] = sessions
    version = copy.deepcopy(snap["history"][0])
    version.update(number=1, assignments=assignments, unscheduled=[])
    snap["history"] = [version]
    snap["removed"] = []
    with open(out, "w") as f:
        json.dump(snap, f)


def peer(snapshot_path, out):
    """The same event feed with icalendar: what a Python service would do."""
    import time
    import zoneinfo
    import icalendar

    t0, c0 = time.perf_counter(), time.process_time()
    with open(snapshot_path) as f:
        snap = json.load(f)
    t1, c1 = time.perf_counter(), time.process_time()
    event = snap["event"]
    zone = zoneinfo.ZoneInfo(event["timeZone"])
    rooms = {r["id"]: r["name"] for r in event["rooms"]}
    sessions = {s["id"]: s for s in event["sessions"]}
    version = snap["history"][-1]
    created = dt.datetime.fromisoformat(version["createdAt"].replace("Z", "+00:00"))

    def bilingual(t):
        ja, en = t.get("ja"), t.get("en")
        return f"{ja} / {en}" if ja and en and ja != en else (ja or en or "")

    cal = icalendar.Calendar()
    cal.add("prodid", "-//Peer//icalendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = bilingual(event["name"])
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("refresh-interval", dt.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    cal.add_component(icalendar.Timezone.from_tzid(event["timeZone"]))
    for a in sorted(version["assignments"], key=lambda a: (a["start"], a["session"])):
        s = sessions[a["session"]]
        start = dt.datetime.fromisoformat(a["start"].replace("Z", "+00:00")).astimezone(zone)
        ev = icalendar.Event()
        ev.add("uid", f"{s['id']}.{event['id']}@convene")
        ev.add("dtstamp", created)
        ev.add("last-modified", created)
        ev.add("sequence", 0)
        ev.add("dtstart", start)
        ev.add("dtend", start + dt.timedelta(minutes=s["duration"]))
        ev.add("summary", bilingual(s["title"]))
        ev.add("location", bilingual(rooms[a["room"]]))
        ev.add("description", f"Kind: {s['kind']} · Track: {s.get('track')}")
        ev.add("status", "CONFIRMED")
        cal.add_component(ev)
    data = cal.to_ical()
    t2, c2 = time.perf_counter(), time.process_time()
    with open(out, "wb") as f:
        f.write(data)
    t3, c3 = time.perf_counter(), time.process_time()
    print(f"timings: read {(t1 - t0) * 1000:.1f} ms, render {(t2 - t1) * 1000:.1f} ms, write {(t3 - t2) * 1000:.1f} ms "
          f"(cpu: read {(c1 - c0) * 1000:.1f} ms, render {(c2 - c1) * 1000:.1f} ms, write {(c3 - c2) * 1000:.1f} ms)",
          file=sys.stderr)




def run(binary, repo, work):
    """Generates the inputs, times Convene and the peer side by side, prints a table."""
    import os
    import resource
    import subprocess
    import time

    python = sys.executable
    me = os.path.abspath(__file__)
    cal, snap = os.path.join(work, "calendar.ics"), os.path.join(work, "snapshot.json")
    calendar(cal)
    snapshot(os.path.join(repo, "Tests/ConveneICalTests/Golden/snapshot.json"), snap)

    def render_ms(stderr):
        """(wall, cpu) milliseconds of the render phase from a `timings:` line."""
        line = [l for l in stderr.decode().splitlines() if l.startswith("timings:")][-1]
        wall_part, cpu_part = line.split("(cpu:")
        return (float(wall_part.split("render ")[1].split(" ms")[0]), float(cpu_part.split("render ")[1].split(" ms")[0]))

    def timed(args, repeat=3):
        best_wall, best_cpu, out, best_render = None, None, None, None
        for _ in range(repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            proc = subprocess.run(args, capture_output=True)
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if proc.returncode != 0:
                raise SystemExit(f"bench-ical: {' '.join(args)} failed: {proc.stderr.decode()[-500:]}")
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            best_wall = wall if best_wall is None else min(best_wall, wall)
            best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
            out = proc.stdout
            if b"timings:" in proc.stderr:
                r = render_ms(proc.stderr)
                best_render = r if best_render is None else (min(best_render[0], r[0]), min(best_render[1], r[1]))
        timed.render = best_render
        return best_wall, best_cpu, out

    rows = []
    wall, cpu, out = timed([binary, "busy", cal, "--from", "2027-01-01", "--to", "2027-07-01", "--json"])
    busy_count = len(json.loads(out)["busy"])
    rows.append(("import 10,000 events / 100,000 occurrences (convene busy)", wall, cpu, f"{busy_count} merged intervals"))

    ours_dir = os.path.join(work, "ours")
    wall_o, cpu_o, _ = timed([binary, "export", "--snapshot", snap, "--out", ours_dir, "--only", "event.ics", "--timings"])
    render_o = timed.render
    with open(os.path.join(ours_dir, "event.ics"), "rb") as f:
        ours_events = f.read().count(b"BEGIN:VEVENT")
    rows.append(("export 10,000-session event feed (convene export)", wall_o, cpu_o, f"{ours_events} VEVENTs"))

    peer_out = os.path.join(work, "peer.ics")
    wall_p, cpu_p, _ = timed([python, me, "peer", snap, peer_out])
    render_p = timed.render
    with open(peer_out, "rb") as f:
        peer_events = f.read().count(b"BEGIN:VEVENT")
    rows.append(("same feed with Python icalendar (peer)", wall_p, cpu_p, f"{peer_events} VEVENTs"))

    all_dir = os.path.join(work, "all")
    wall_a, cpu_a, out = timed([binary, "export", "--snapshot", snap, "--out", all_dir], repeat=1)
    rows.append(("export every feed of that event (convene export)", wall_a, cpu_a, out.decode().strip()))

    print(f"{'benchmark':58} {'wall s':>8} {'cpu s':>8}  result")
    for label, w, c, note in rows:
        print(f"{label:58} {w:8.3f} {c:8.3f}  {note}")
    print(f"rendering the event feed (in-process, after reading the snapshot): convene {render_o[0]:.1f} ms wall "
          f"{render_o[1]:.1f} ms cpu; peer {render_p[0]:.1f} ms wall {render_p[1]:.1f} ms cpu")
    print(f"export speed-up over the peer (goal: 20x): rendering {render_p[0] / render_o[0]:.1f}x wall, "
          f"{render_p[1] / render_o[1]:.1f}x cpu; whole process {wall_p / wall_o:.1f}x wall, {cpu_p / cpu_o:.1f}x cpu")
    print(f"import under 1 s (goal): {'yes' if rows[0][1] < 1 else 'NO'} ({rows[0][1]:.3f} s wall, {rows[0][2]:.3f} s cpu)")
    if ours_events != SESSIONS or peer_events != SESSIONS:
        raise SystemExit("bench-ical: a feed does not hold every session")


if __name__ == "__main__":
    {"calendar": calendar, "snapshot": snapshot, "peer": peer, "run": run}[sys.argv[1]](*sys.argv[2:])
