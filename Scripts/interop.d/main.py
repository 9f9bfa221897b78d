"""Scripts/interop: our feeds and our reading of calendars, against independent tools.

Usage: main.py CONVENE_BINARY REPO_ROOT SHARED_INTEROP FEED_FILE...
Exits non-zero on any failure.
"""
import glob
import json
import os
import subprocess
import sys

import busy
import feeds
import frab


def main():
    binary, repo, shared = sys.argv[1:4]
    feed_files = sys.argv[4:]
    failures = 0

    print(f"== feeds ({len(feed_files)})")
    for path in feed_files:
        problems = feeds.check(binary, path)
        failures += bool(problems)
        print(f"{'ok  ' if not problems else 'FAIL'} {path}")
        for p in problems:
            print(f"     {p}")

    import tempfile
    with tempfile.TemporaryDirectory() as work:
        problems = feeds.check_clock_change(binary, repo, work)
    failures += bool(problems)
    print(f"{'ok  ' if not problems else 'FAIL'} a person's feed where their clock goes back keeps each instant")
    for p in problems:
        print(f"     {p}")

    samples = sorted(glob.glob(os.path.join(repo, "calendars", "**", "*.ics"), recursive=True))
    print(f"== calendars/ against recurring-ical-events ({len(samples)})")
    for path in samples:
        with open(path, "rb") as f:
            import icalendar
            window = busy.window_of(icalendar.Calendar.from_ical(f.read()))
        try:
            ours, _ = busy.convene_busy(binary, path, window)
            theirs, _ = busy.reference_busy(path, window)
            ok = ours == theirs
            detail = "" if ok else f"convene {len(ours)} intervals {ours[:2]}, reference {len(theirs)} {theirs[:2]}"
        except Exception as e:  # noqa: BLE001
            ok, detail = False, str(e)
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {os.path.relpath(path, repo)} {detail}")

    expected_files = sorted(glob.glob(os.path.join(shared, "expected", "*.json")))
    if not os.path.isdir(shared):
        # A fresh clone has no ../shared beside it; CI has.
        print(f"== shared interop corpus: skipped ({shared} is not there)")
    else:
        print(f"== shared interop corpus ({len(expected_files)})")
        if not expected_files:
            print(f"FAIL no expectations under {shared}")
            failures += 1
    for expected_path in expected_files:
        name = os.path.basename(expected_path)[: -len(".json")]
        with open(expected_path) as f:
            expected = json.load(f)
        readings = [busy.merged(expected["busy"])] + [busy.merged(a["busy"]) for a in expected.get("alternative_readings", [])]
        try:
            ours, stderr = busy.convene_busy(binary, os.path.join(shared, "files", name), expected["window"])
            ok = ours in readings
            detail = f"{len(ours)} intervals" if ok else f"convene {len(ours)} {ours[:2]}, expected {len(readings[0])} {readings[0][:2]}"
        except RuntimeError as e:
            # The README allows a clear error (file and line) for files broken as published.
            ok = "unrepaired_primary" in expected and f"{name}:" in str(e)
            detail = f"rejected: {e}"
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name} {detail}")

    import tempfile
    with tempfile.TemporaryDirectory() as work:
        print("== schedule exports (frab schedule.xml and schedule.json)")
        sources = [("snapshot", ["--snapshot", os.path.join(repo, "Tests", "ConveneICalTests", "Golden", "snapshot.json")])]
        db = os.environ.get("CONVENE_DB", "convene.sqlite")
        if os.path.exists(db):
            status = subprocess.run([binary, "status", "--json", "--db", db], capture_output=True, text=True)
            if status.returncode == 0 and json.loads(status.stdout).get("release"):
                sources.append(("database", ["--db", db]))
            else:
                print(f"skipped {db}: it holds no published schedule")
        failures += frab.check_exports(binary, repo, work, sources, print)
        shared_frab = os.path.join(os.path.dirname(shared), "exports", "frab")
        if os.path.isdir(shared_frab):
            same = all(open(os.path.join(shared_frab, f), "rb").read() == open(os.path.join(repo, "Tests", "Fixtures", "frab", f), "rb").read()
                       for f in ("schedule.xml.xsd", "schedule.schema.json"))
            failures += not same
            print(f"{'ok  ' if same else 'FAIL'} the schemas in Tests/Fixtures/frab are those in ../shared/exports/frab")
        else:
            print("skipped comparing Tests/Fixtures/frab with ../shared/exports/frab (no ../shared)")
        failures += frab.check_pretalx_import(binary, repo, work, print)
        failures += frab.check_fosdem(binary, work, os.path.join(os.path.dirname(shared), "benchmark", "real"), print)

    print(f"== {failures} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
