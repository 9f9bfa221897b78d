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
    events = s.foreach_event(lambda e: (e["title"], e["room"], e.start.isoformat(), int(e.duration.total_seconds() // 60)))
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
