"""Schedule exports (frab schedule.xml / schedule.json) against the schemas, c3voc's own library,
and the published schedules they came from."""
import datetime
import json
import subprocess
import xml.etree.ElementTree as ET


def validate_xml(path, xsd):
    r = subprocess.run(["xmllint", "--noout", "--schema", xsd, path], capture_output=True, text=True)
    return [] if r.returncode == 0 else [l for l in r.stderr.splitlines() if l.strip()][:5]


def validate_json(path, schema_path):
    import jsonschema
    with open(schema_path) as f:
        schema = json.load(f)
    with open(path) as f:
        data = json.load(f)
    validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, e.path))}: {e.message[:200]}" for e in validator.iter_errors(data)][:5]


def c3voc_events(path):
    """(title, room, start, minutes) of every event, as c3voc-schedule-tools reads schedule.json."""
    from voc.schedule import Schedule
    s = Schedule.from_file(path)
    # Its Event reads the schema's "HH:MM" duration as minutes and seconds, so the minutes come from the field.
    events = s.foreach_event(lambda e: (e["title"], e["room"], e.start.isoformat(), _minutes(e["duration"])))
    s.xml()  # its own XML writer must take the file too
    return sorted(events)


def _minutes(text):
    parts = [int(p) for p in text.split(":")]
    return parts[0] * 60 + parts[1] + (1 if len(parts) == 3 and parts[2] >= 30 else 0)


def xml_events(path, zone=None):
    """(title, room, start, minutes) of every event of a frab or pentabarf schedule.xml; pentabarf
    files give only the day and HH:MM, read in `zone`."""
    from zoneinfo import ZoneInfo
    root = ET.parse(path).getroot()
    out = []
    for day in root.iter("day"):
        for room in day.iter("room"):
            for e in room.iter("event"):
                if e.findtext("date"):
                    start = datetime.datetime.fromisoformat(e.findtext("date"))
                else:
                    local = datetime.datetime.fromisoformat(f"{day.get('date')}T{e.findtext('start')}")
                    start = local.replace(tzinfo=ZoneInfo(zone))
                # Invisible characters (a trailing zero-width space in FOSDEM's file) do not make another talk.
                title = " ".join((e.findtext("title") or "").replace("\u200b", "").split())
                out.append((title, e.findtext("room") or room.get("name"), start.isoformat(), _minutes(e.findtext("duration"))))
    return sorted(out)


def origins(path):
    """{id: (type, language)} of every event of a schedule.xml: what apps key favourites on."""
    root = ET.parse(path).getroot()
    return {e.get("id"): (e.findtext("type") or "", e.findtext("language") or "") for e in root.iter("event")}


def compare(original, exported):
    """How two event lists differ: same talks (title and room count), and which moved."""
    a, b = sorted(original), sorted(exported)
    same = sorted(set(a) & set(b))
    moved = sorted(set(a) - set(b))
    talks_a = sorted((t, m) for t, _, _, m in a)
    talks_b = sorted((t, m) for t, _, _, m in b)
    return {"original": len(a), "exported": len(b), "unchanged": len(same), "moved": moved,
            "same_talks": talks_a == talks_b,
            "same_rooms": sorted({r for _, r, _, _ in a}) == sorted({r for _, r, _, _ in b})}


def _run(binary, *args):
    import time
    t = time.monotonic()
    r = subprocess.run([binary, *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"convene {' '.join(args)}: {r.stderr.strip()[:500]}")
    return r.stdout, time.monotonic() - t


def check_exports(binary, repo, work, sources, say):
    """Every export validates, and c3voc-schedule-tools reads the JSON as the same events as the XML."""
    import os
    fixtures = os.path.join(repo, "Tests", "Fixtures", "frab")
    xsd, schema = os.path.join(fixtures, "schedule.xml.xsd"), os.path.join(fixtures, "schedule.schema.json")
    failures = 0
    for name, args in sources:
        out = os.path.join(work, "frab-" + name)
        for fmt in ("frab-xml", "frab-json"):
            _run(binary, "export", *args, "--format", fmt, "--out", out)
        xml, js = os.path.join(out, "schedule.xml"), os.path.join(out, "schedule.json")
        problems = [f"xmllint: {p}" for p in validate_xml(xml, xsd)] + [f"jsonschema: {p}" for p in validate_json(js, schema)]
        ours, theirs = xml_events(xml), c3voc_events(js)
        if ours != theirs:
            problems.append(f"c3voc reads {len(theirs)} events, schedule.xml has {len(ours)}; first difference "
                            f"{sorted(set(ours) ^ set(theirs))[:1]}")
        failures += bool(problems)
        say(f"{'ok  ' if not problems else 'FAIL'} {name}: schedule.xml valid (XSD), schedule.json valid (JSON Schema), "
            f"c3voc-schedule-tools reads {len(theirs)} events, {len({r for _, r, _, _ in theirs})} rooms, same titles, rooms and times")
        for p in problems:
            say(f"     {p}")
    return failures


def check_pretalx_import(binary, repo, work, say):
    """pretalx's example imports to a plan that passes check and exports back to the same events."""
    import os
    original = os.path.join(repo, "Tests", "Fixtures", "frab", "example-pretalx-democon.json")
    plan = os.path.join(work, "democon.yaml")
    _run(binary, "import-schedule", original, "-o", plan, "--organizer-email", "office@example.org")
    _run(binary, "check", plan)
    out = os.path.join(work, "democon")
    _run(binary, "export", "--plan", plan, "--format", "frab-json", "--out", out)
    theirs, ours = c3voc_events(original), c3voc_events(os.path.join(out, "schedule.json"))
    norm = lambda evs: sorted((" ".join(t.split()), r, datetime.datetime.fromisoformat(s).timestamp(), m) for t, r, s, m in evs)
    ok = norm(theirs) == norm(ours)
    say(f"{'ok  ' if ok else 'FAIL'} pretalx example: {len(theirs)} events imported, checked, exported again: "
        f"{'same' if ok else 'different'} titles, rooms and times")
    return 0 if ok else 1


def check_fosdem(binary, work, real, say):
    """FOSDEM 2024's published schedule: import, check, export as it was, then schedule and export."""
    import os
    xml = os.path.join(real, "fosdem-2024-schedule.xml")
    if not os.path.exists(xml):
        say(f"skipped FOSDEM 2024 round trip: {xml} is not there (no ../shared beside the repo)")
        return 0
    plan, db = os.path.join(work, "fosdem.yaml"), os.path.join(work, "fosdem.sqlite")
    times = {}
    _, times["import-schedule"] = _run(binary, "import-schedule", xml, "-o", plan, "--time-zone", "Europe/Brussels",
                                       "--organizer-email", "info@fosdem.example",
                                       "--capacities", os.path.join(real, "fosdem_rooms_capacity_2024.csv"))
    summary, times["check"] = _run(binary, "check", plan)
    _, times["import"] = _run(binary, "import", plan, "--db", db)
    _, times["schedule (--time-limit 10)"] = _run(binary, "schedule", "--time-limit", "10", "--db", db)
    _, times["publish"] = _run(binary, "publish", "--db", db)
    _, times["export frab-xml"] = _run(binary, "export", "--format", "frab-xml", "--out", os.path.join(work, "fosdem-solved"), "--db", db)
    _run(binary, "export", "--plan", plan, "--format", "frab-xml", "--out", os.path.join(work, "fosdem-plan"))
    original = xml_events(xml, "Europe/Brussels")
    as_imported = compare(original, xml_events(os.path.join(work, "fosdem-plan", "schedule.xml")))
    solved = compare(original, xml_events(os.path.join(work, "fosdem-solved", "schedule.xml")))
    failures = 0
    ok = as_imported["unchanged"] == as_imported["original"] == 674 and as_imported["exported"] == 674
    failures += not ok
    say(f"{'ok  ' if ok else 'FAIL'} FOSDEM 2024: {summary.strip()}; exported as imported: "
        f"{as_imported['unchanged']}/{as_imported['original']} talks in the same room at the same time")
    kept = origins(xml) == origins(os.path.join(work, "fosdem-plan", "schedule.xml"))
    failures += not kept
    say(f"{'ok  ' if kept else 'FAIL'} FOSDEM 2024: every event keeps its id, type and language across the round trip")
    moved = solved["moved"]
    ok = solved["same_talks"] and solved["exported"] == 674 and len(moved) <= 6
    failures += not ok
    say(f"{'ok  ' if ok else 'FAIL'} FOSDEM 2024 scheduled: {solved['unchanged']}/674 talks kept, {len(moved)} moved "
        f"(its published clashes force them): " + "; ".join(f"{t[:50]!r} ({r}, {s[11:16]})" for t, r, s, _ in moved))
    xsd = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "Tests", "Fixtures", "frab", "schedule.xml.xsd")
    problems = validate_xml(os.path.join(work, "fosdem-solved", "schedule.xml"), xsd)
    failures += bool(problems)
    say(f"{'ok  ' if not problems else 'FAIL'} FOSDEM 2024 scheduled: its schedule.xml is valid (XSD) {' '.join(problems)}")
    say("     timings: " + ", ".join(f"{k} {v:.2f} s" for k, v in times.items()))
    return failures
