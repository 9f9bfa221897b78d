"""Checks that `convene validate --json` and validate.py --json say the same of one solution.

usage: agree.py ENGINE.json REFERENCE.json
Exit status: 0 when they agree, 1 when not.
"""
import json
import sys


def main(engine_path, reference_path):
    with open(engine_path, encoding="utf-8") as f:
        ours = json.load(f)
    with open(reference_path, encoding="utf-8") as f:
        theirs = json.load(f)
    differences = [key for key in ("feasible", "scheduled", "sessions", "unscheduled", "soft", "breakdown")
                   if ours.get(key) != theirs.get(key)]
    if sorted(ours.get("violations", [])) != sorted(theirs.get("violations", [])):
        differences.append("violations")
    for key in differences:
        print(f"  DISAGREE on {key}: convene {ours.get(key)!r}, validate.py {theirs.get(key)!r}")
    if not differences:
        print(f"  convene validate and validate.py agree: feasible={ours['feasible']} soft={ours['soft']} "
              f"unscheduled={ours['unscheduled']}")
    return 1 if differences else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
