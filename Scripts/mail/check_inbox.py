# Checks what the SMTP server received (first invitations, updates after a move) with Python's
# email and icalendar packages, or writes a REPLY (DECLINED) to the first required invitation.
import email, email.message, glob, json, os, sqlite3, sys
from email import policy
from email.header import decode_header, make_header
import icalendar

inbox, instance_file, db = sys.argv[1], sys.argv[2], sys.argv[3]
mode = sys.argv[4]
con = sqlite3.connect(db)
inst = json.load(open(instance_file))
people = {p["id"]: p for p in inst["people"]}
sessions = {s["id"]: s for s in inst["sessions"]}

def messages():
    out = []
    for path in sorted(glob.glob(os.path.join(inbox, "*.eml"))):
        with open(path, "rb") as f:
            out.append(email.message_from_binary_file(f, policy=policy.default))
    return out

def calendar(m):
    parts = [p for p in m.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, "one text/calendar part"
    assert parts[0].get_param("method") in ("REQUEST", "CANCEL")
    return parts[0].get_param("method"), icalendar.Calendar.from_ical(parts[0].get_payload(decode=True))

def fail(msg):
    print("test-mail: FAIL:", msg)
    sys.exit(1)

if mode == "first":
    last = con.execute("SELECT MAX(number) FROM schedule_version").fetchone()[0]
    scheduled = [r[0] for r in con.execute("SELECT session_id FROM assignment WHERE version = ?", (last,))]
    expected = sum(len(set(sessions[s]["required"]) | set(sessions[s].get("optional", []))) for s in scheduled)
    got = messages()
    if len(got) != expected:
        fail(f"{len(got)} messages arrived, expected one per participant of {len(scheduled)} sessions = {expected}")
    ids = set()
    for m in got:
        for h in ("Message-ID", "Date", "From", "To", "Subject"):
            if not m[h]:
                fail(f"missing {h}")
        ids.add(m["Message-ID"])
        if m.get_content_type() != "multipart/alternative":
            fail("not multipart/alternative")
        method, cal = calendar(m)
        ev = cal.walk("VEVENT")[0]
        att = ev.get("ATTENDEE")
        to = m["To"].addresses[0].addr_spec
        if str(att).lower() != "mailto:" + to.lower():
            fail(f"ATTENDEE {att} is not the recipient {to}")
        if att.params.get("PARTSTAT") != "NEEDS-ACTION" or att.params.get("RSVP") != "TRUE":
            fail("ATTENDEE lacks PARTSTAT=NEEDS-ACTION;RSVP=TRUE")
        if att.params.get("ROLE") not in ("REQ-PARTICIPANT", "OPT-PARTICIPANT"):
            fail("ATTENDEE lacks ROLE")
        if int(ev.get("SEQUENCE")) != 0 or str(cal.get("METHOD")) != "REQUEST":
            fail("first invitations carry METHOD:REQUEST and SEQUENCE:0")
        if not str(ev.get("ORGANIZER")).startswith("mailto:"):
            fail("ORGANIZER is not a mailto: address")
        if "X-WR-CALNAME" in cal:
            fail("X-WR-CALNAME in an iMIP message")
    if len(ids) != len(got):
        fail("Message-IDs are not unique")
    # A Japanese-speaking required participant of the opening plenary.
    ja = [m for m in got if m["To"].addresses[0].addr_spec == "keiko.majima@example.org"
          and "開会全体会議" in str(make_header(decode_header(m["Subject"])))]
    if not ja:
        fail("no invitation to 真島 恵子 with the Japanese title in its decoded subject")
    subject = str(make_header(decode_header(ja[0]["Subject"])))
    if not subject.startswith("【ご案内】"):
        fail(f"subject {subject!r}")
    body = ja[0].get_body(("plain",)).get_content()
    if "会場:" not in body or "承諾" not in body:
        fail("Japanese body lacks the room or how to answer")
    # The organizer's name, split into encoded words only between its words: RFC 2047 readers give it
    # back exactly; Python's policy.default shows a space at each split, so each split must come where
    # the name has a space or a separator (・), never inside a word such as ジャパン.
    raw_from = dict(ja[0].raw_items())["From"]
    rfc = str(make_header(decode_header(raw_from)))
    name = rfc.rsplit(" <", 1)[0]
    if name != "希少がん患者ネットワーク・ジャパン 事務局 / Secretariat":
        fail(f"From display name read as {name!r} by decode_header")
    shown = ja[0]["From"].addresses[0].display_name
    if shown.split() != name.replace("・", "・ ").split() and shown.split() != name.split():
        fail(f"From display name shown as {shown!r} by policy.default: an encoded word splits a word")
    print(f"test-mail: {len(got)} invitations checked; e.g. {subject}; from {shown}")
elif mode == "moved":
    session, before = sys.argv[5], int(sys.argv[6])
    got = messages()[before:]
    s = sessions[session]
    expected = len(set(s["required"]) | set(s.get("optional", [])))
    if len(got) != expected:
        fail(f"moving {session} sent {len(got)} messages, expected {expected}")
    for m in got:
        method, cal = calendar(m)
        ev = cal.walk("VEVENT")[0]
        if method != "REQUEST" or int(ev.get("SEQUENCE")) != 1 or not str(ev.get("UID")).startswith(session + "."):
            fail(f"update is {method} SEQUENCE {ev.get('SEQUENCE')} UID {ev.get('UID')}")
    print(f"test-mail: moving {session} sent {len(got)} updates with SEQUENCE 1")
elif mode == "reply":
    # Answer, with DECLINED as a mail client would, the first required participant's message that
    # is still the news: the latest for its session and person. An answer to an invitation whose
    # session moved since is for the old time, and rightly no conflict where the session is now.
    out = sys.argv[5]
    latest = {}
    for m in messages():
        method, cal = calendar(m)
        ev = cal.walk("VEVENT")[0]
        key = (str(ev["UID"]), str(ev["ATTENDEE"]))
        if key not in latest or int(ev["SEQUENCE"]) > int(latest[key][1]["SEQUENCE"]):
            latest[key] = (method, ev)
    ev = next(ev for method, ev in latest.values()
              if method == "REQUEST" and ev.get("ATTENDEE").params.get("ROLE") == "REQ-PARTICIPANT")
    reply = icalendar.Calendar()
    reply.add("prodid", "-//test-mail//EN"); reply.add("version", "2.0"); reply.add("method", "REPLY")
    r = icalendar.Event()
    for k in ("UID", "SEQUENCE", "DTSTART", "ORGANIZER"):
        r[k] = ev[k]
    r.add("dtstamp", ev.decoded("DTSTAMP"))
    a = icalendar.vCalAddress(str(ev["ATTENDEE"]))
    a.params["PARTSTAT"] = "DECLINED"
    r.add("attendee", a)
    r.add("comment", "Sorry, I am abroad that week.")
    reply.add_component(r)
    msg = email.message.EmailMessage()
    msg["From"] = str(ev["ATTENDEE"])[7:]
    msg["Subject"] = "Declined"
    msg.set_content("Sorry, I cannot come.")
    msg.add_alternative(reply.to_ical(), maintype="text", subtype="calendar", params={"method": "REPLY"})
    with open(out, "wb") as f:
        f.write(msg.as_bytes())
    print(str(ev["UID"]).split(".")[0], str(ev["ATTENDEE"])[7:])
