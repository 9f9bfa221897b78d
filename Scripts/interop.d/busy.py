"""Busy time of a calendar as `convene busy` prints it and as recurring-ical-events computes it."""
import datetime as dt
import json
import subprocess

import icalendar
import recurring_ical_events

UTC = dt.timezone.utc


def merged(pairs):
    """Sorted union of [start, end) pairs given as ISO strings; empty ones dropped."""
    out = []
    for s, e in sorted(p for p in pairs if p[0] < p[1]):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def iso(value):
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def as_utc(value):
    """Floating times and dates are read as UTC, as `convene busy --zone UTC` does."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return dt.datetime(value.year, value.month, value.day, tzinfo=UTC)


def convene_busy(binary, path, window, zone="UTC"):
    """Runs `convene busy --json`; returns (merged busy+tentative, stderr) or raises on failure."""
    run = subprocess.run(
        [binary, "busy", path, "--from", window[0], "--to", window[1], "--zone", zone, "--json"],
        capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"convene busy {path} exited {run.returncode}: {run.stderr.strip()}")
    report = json.loads(run.stdout)
    return merged(report["busy"] + report["tentative"]), run.stderr


def window_of(calendar):
    """From a day before the earliest date value to a week after the latest, at least 61 days."""
    values = []
    for component in calendar.walk("VEVENT") + calendar.walk("VFREEBUSY"):
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            if name in component:
                values.append(as_utc(component.decoded(name)))
        for name in ("RDATE", "EXDATE"):
            for prop in component.get(name, []) if isinstance(component.get(name), list) else [component.get(name)]:
                if prop is not None:
                    for item in prop.dts:
                        v = item.dt[0] if isinstance(item.dt, tuple) else item.dt
                        values.append(as_utc(v))
    if not values:
        now = dt.datetime(2027, 1, 1, tzinfo=UTC)
        return [iso(now), iso(now + dt.timedelta(days=61))]
    start = min(values) - dt.timedelta(days=1)
    end = max(max(values) + dt.timedelta(days=7), start + dt.timedelta(days=61))
    start = start.replace(hour=0, minute=0, second=0)
    end = end.replace(hour=0, minute=0, second=0)
    return [iso(start), iso(end)]


def reference_busy(path, window):
    """Every non-transparent, non-cancelled occurrence plus FREEBUSY periods other than FREE."""
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    start = dt.datetime.fromisoformat(window[0].replace("Z", "+00:00"))
    end = dt.datetime.fromisoformat(window[1].replace("Z", "+00:00"))
    pairs = []
    for event in recurring_ical_events.of(calendar).between(start, end):
        if str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
            continue
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        s = as_utc(event.decoded("DTSTART"))
        e = as_utc(event.decoded("DTEND")) if "DTEND" in event else s
        pairs.append([iso(s), iso(e)])
    for fb in calendar.walk("VFREEBUSY"):
        props = fb.get("FREEBUSY", [])
        for prop in props if isinstance(props, list) else [props]:
            if str(prop.params.get("FBTYPE", "BUSY")).upper() == "FREE":
                continue
            for s, e in prop.dt if isinstance(prop.dt, list) else [prop.dt]:
                e = s + e if isinstance(e, dt.timedelta) else e
                pairs.append([iso(as_utc(s)), iso(as_utc(e))])
    return merged(pairs), calendar
