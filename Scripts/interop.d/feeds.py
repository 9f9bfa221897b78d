"""Checks one exported feed: independent parsers, khal, busy round trip, and the bytes themselves."""
import datetime as dt
import os
import re
import subprocess
import tempfile

import icalendar
import vobject
from ical.calendar_stream import IcsCalendarStream

import busy


def unfolded_lines(data):
    return data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def check_bytes(data):
    """Rules 1-5 of the feed format, checked on the bytes (no parser catches these)."""
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("does not end with CRLF")
    for n, line in enumerate(data.split(b"\r\n")[:-1], 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {n}: bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {n}: {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {n}: folded inside a UTF-8 character")
    lines = unfolded_lines(data)
    names = [re.split("[:;]", l, 1)[0].upper() for l in lines]
    calendar_part = lines[: names.index("BEGIN") + 1 + names[1:].index("BEGIN")] if names.count("BEGIN") > 1 else lines
    for required in ("PRODID", "VERSION", "CALSCALE", "NAME", "X-WR-CALNAME", "X-PUBLISHED-TTL"):
        if not any(re.split("[:;]", l, 1)[0].upper() == required for l in calendar_part):
            problems.append(f"calendar has no {required}")
    if "REFRESH-INTERVAL;VALUE=DURATION" not in "\n".join(calendar_part):
        problems.append("no REFRESH-INTERVAL;VALUE=DURATION")
    if "METHOD" in names:
        problems.append("a feed carries METHOD")
    for l in lines:
        if l.startswith("X-WR-CALNAME:") and re.search(r"(?<!\\)(\\\\)*[;,]", l[len("X-WR-CALNAME:"):]):
            problems.append(f"X-WR-CALNAME not escaped: {l}")
    text = "\n".join(lines)
    if "freeassociation" in text:
        problems.append("libical's TZID prefix leaked")
    defined = re.findall(r"^TZID:(.*)$", text, re.M)
    if len(defined) != len(set(defined)):
        problems.append(f"VTIMEZONE repeated: {defined}")
    for used in set(re.findall(r";TZID=([^:;]*)[:;]", text)):
        if used not in defined:
            problems.append(f"TZID {used} has no VTIMEZONE")
    for event in text.split("BEGIN:VEVENT")[1:]:
        body = event.split("END:VEVENT")[0]
        uid = re.search(r"^UID:(.*)$", body, re.M)
        for prop in ("UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "SUMMARY", "LOCATION", "DESCRIPTION", "STATUS",
                     "DTSTART", "DTEND"):
            if not re.search(rf"^{prop}[:;]", body, re.M):
                problems.append(f"VEVENT {uid.group(1) if uid else '?'} has no {prop}")
        for prop in ("DTSTAMP", "LAST-MODIFIED"):
            m = re.search(rf"^{prop}:(.*)$", body, re.M)
            if m and not re.fullmatch(r"\d{8}T\d{6}Z", m.group(1)):
                problems.append(f"{prop} not in UTC: {m.group(1)}")
    return problems


def check_parsers(data):
    problems = []
    try:
        IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    except Exception as e:  # noqa: BLE001 - any failure of the strict parser is a finding
        problems.append(f"ical rejects it: {e}")
    try:
        vobject.readOne(data.decode("utf-8"), validate=True)
    except Exception as e:  # noqa: BLE001
        problems.append(f"vobject rejects it: {e}")
    return problems


def sessions_of(data):
    """(local start, local end, summary) of every VEVENT, in the feed's own zone, sorted."""
    calendar = icalendar.Calendar.from_ical(data)
    out = []
    for event in calendar.walk("VEVENT"):
        s, e = event.decoded("DTSTART"), event.decoded("DTEND")
        out.append((s.strftime("%Y-%m-%d %H:%M"), e.strftime("%Y-%m-%d %H:%M"), str(event.get("SUMMARY"))))
    return sorted(out)


def check_khal(path, data):
    """khal imports the feed and lists the same sessions at the same times."""
    expected = sessions_of(data)
    if not expected:
        return []
    zone = None
    m = re.search(r";TZID=([^:;]*)[:;]", data.decode("utf-8"))
    zone = m.group(1) if m else "UTC"
    with tempfile.TemporaryDirectory() as home:
        store = os.path.join(home, "calendar")
        os.makedirs(store)
        config = os.path.join(home, "config")
        with open(config, "w") as f:
            f.write(f"[calendars]\n[[feed]]\npath = {store}\ntype = calendar\n"
                    f"[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
                    f"datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
                    f"local_timezone = {zone}\ndefault_timezone = {zone}\n")
        env = dict(os.environ, HOME=home, XDG_DATA_HOME=home, XDG_CONFIG_HOME=home, LANG="C.UTF-8")
        run = subprocess.run(["khal", "-c", config, "import", "--batch", "-a", "feed", path],
                             capture_output=True, text=True, env=env)
        if run.returncode != 0:
            return [f"khal import failed: {run.stderr.strip()[-400:]}"]
        first = min(s for s, _, _ in expected)[:10]
        last = (dt.date.fromisoformat(max(e for _, e, _ in expected)[:10]) + dt.timedelta(days=1)).isoformat()
        run = subprocess.run(["khal", "-c", config, "list", "--format", "{start}|{end}|{title}", "--day-format", "",
                              first, last], capture_output=True, text=True, env=env)
        if run.returncode != 0:
            return [f"khal list failed: {run.stderr.strip()[-400:]}"]
        listed = sorted(tuple(l.split("|", 2)) for l in run.stdout.splitlines() if l.count("|") >= 2)
        listed = sorted(set(listed))
        if listed != sorted(set(expected)):
            missing = sorted(set(expected) - set(listed))[:3]
            extra = sorted(set(listed) - set(expected))[:3]
            return [f"khal lists other sessions: missing {missing}, extra {extra}"]
    return []


def check_round_trip(binary, path):
    """`convene busy` on our own feed gives the same busy time as recurring-ical-events."""
    with open(path, "rb") as f:
        window = busy.window_of(icalendar.Calendar.from_ical(f.read()))
    ours, _ = busy.convene_busy(binary, path, window)
    theirs, _ = busy.reference_busy(path, window)
    return [] if ours == theirs else [f"round trip differs: convene {ours[:3]}… reference {theirs[:3]}…"]


def check(binary, path):
    with open(path, "rb") as f:
        data = f.read()
    return check_bytes(data) + check_parsers(data) + check_khal(path, data) + check_round_trip(binary, path)


def check_clock_change(binary, repo, work):
    """A person's own feed where their clock goes back: the feed tests' forum with Dana Lee moved to
    London and two sessions on 31 October 2027 (09:00-10:30 and 10:00-11:00 JST, which start at
    01:00 BST and 01:00 GMT). icalendar must read each event's true instants, never a 0-minute event."""
    import json
    with open(os.path.join(repo, "Tests", "ConveneICalTests", "Golden", "snapshot.json")) as f:
        snapshot = json.load(f)
    for p in snapshot["event"]["stakeholders"]:
        if p["id"] == "i-lee":
            p["timeZone"] = "Europe/London"
    starts = {"dialogue": "2027-10-31T09:00:00+09:00", "poster": "2027-10-31T10:00:00+09:00"}
    for version in snapshot["history"]:
        for a in version["assignments"]:
            a["start"] = starts.get(a["session"], a["start"])
    path = os.path.join(work, "clock-change.json")
    with open(path, "w") as f:
        json.dump(snapshot, f)
    out = os.path.join(work, "clock-change")
    subprocess.run([binary, "export", "--snapshot", path, "--out", out], check=True, capture_output=True)
    with open(os.path.join(out, "people", "i-lee.ics"), "rb") as f:
        data = f.read()
    cal = icalendar.Calendar.from_ical(data)
    utc = dt.timezone.utc
    got = {str(e["SUMMARY"])[:5]: (e["DTSTART"].dt.astimezone(utc), e["DTEND"].dt.astimezone(utc)) for e in cal.walk("VEVENT")}
    expected = {
        "Multi": (dt.datetime(2027, 10, 31, 0, 0, tzinfo=utc), dt.datetime(2027, 10, 31, 1, 30, tzinfo=utc)),
        "Poste": (dt.datetime(2027, 10, 31, 1, 0, tzinfo=utc), dt.datetime(2027, 10, 31, 2, 0, tzinfo=utc)),
    }
    problems = [f"{k}: read as {got.get(k)}, not {v}" for k, v in expected.items() if got.get(k) != v]
    return problems + check_parsers(data)
