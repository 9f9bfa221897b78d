"""Drops the replies Scripts/test-imap reads into a maildir's new/ folder, shaped from one invitation
that `convene invite --transport file:DIR` wrote: a decline from the attendee (Outlook's shape: base64
text/calendar, X-MICROSOFT-CDO-*, a COMMENT in Japanese), the same answer sent by a stranger, a reply in
words, a COUNTER proposing a new time, and an unreadable one (a REPLY with no VEVENT).
Prints: UID-of-session ATTENDEE.
With --each N: one REPLY (accept or decline, Outlook's shape) from the recipient of each of the first N
invitations instead, each about another session or person, for Scripts/crash/scenario-imap. Prints N.

Usage: drop_replies.py OUTBOX_DIR MAILDIR_NEW [--each N]"""
import base64, email, email.policy, glob, re, sys

outbox, new = sys.argv[1], sys.argv[2]
each = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--each" else None

def invitations():
    for path in sorted(glob.glob(outbox + "/*.eml")):
        message = email.message_from_binary_file(open(path, "rb"), policy=email.policy.default)
        for part in message.walk():
            if part.get_content_type() == "text/calendar" and "REQUEST" in part.get("Content-Type", "").upper():
                yield message, part.get_content()
                break

def take(invitation):
    global uid, sequence, organizer, attendee
    message, calendar = invitation
    unfolded = re.sub(r"\r?\n[ \t]", "", calendar)
    def prop(name):
        m = re.search(r"^" + name + r"[;:](.*)$", unfolded, re.M)
        return m.group(1) if m else ""
    uid = prop("UID")
    sequence = prop("SEQUENCE") or "0"
    organizer = "mailto:" + prop("ORGANIZER").split("mailto:")[-1]
    attendee = email.utils.parseaddr(message["To"])[1].lower()

def reply(method, partstat, extra=""):
    return "\r\n".join([
        "BEGIN:VCALENDAR", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0", "METHOD:" + method,
        "BEGIN:VTIMEZONE", "TZID:Tokyo Standard Time", "BEGIN:STANDARD", "DTSTART:16010101T000000",
        "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "END:STANDARD", "END:VTIMEZONE",
        "BEGIN:VEVENT", "ORGANIZER:" + organizer,
        "ATTENDEE;PARTSTAT=" + partstat + ":mailto:" + attendee,
        "COMMENT;LANGUAGE=ja-JP:申し訳ありません、その週は出張中です。",
        "UID:" + uid, "SEQUENCE:" + sequence, "DTSTAMP:20270110T101500Z",
        "X-MICROSOFT-CDO-APPT-SEQUENCE:" + sequence, "X-MICROSOFT-CDO-OWNERAPPTID:-1",
        "X-MICROSOFT-CDO-BUSYSTATUS:FREE", "X-MICROSOFT-CDO-REPLYTIME:20270110T101500Z",
    ] + ([extra] if extra else []) + ["END:VEVENT", "END:VCALENDAR", ""])

def mail(name, sender, subject, text, calendar=None, method="REPLY"):
    lines = ["From: " + sender, "To: organizer@example.org", "Subject: " + subject,
             "Date: Sun, 10 Jan 2027 19:15:00 +0900", "Message-ID: <" + name + "@test-imap>", "MIME-Version: 1.0"]
    body = base64.encodebytes(text.encode()).decode().replace("\n", "\r\n")
    if calendar is None:
        lines += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", body]
    else:
        cal = base64.encodebytes(calendar.encode()).decode().replace("\n", "\r\n")
        lines += ['Content-Type: multipart/alternative; boundary="_000_convene_"', "", "--_000_convene_",
                  "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", body,
                  "--_000_convene_", 'Content-Type: text/calendar; charset="utf-8"; method=' + method,
                  "Content-Transfer-Encoding: base64", "", cal, "--_000_convene_--", ""]
    with open(f"{new}/{name}.eml", "wb") as f:
        f.write("\r\n".join(lines).encode())

if each is not None:
    seen = set()
    for invitation in invitations():
        take(invitation)
        if (uid, attendee) in seen:
            continue
        seen.add((uid, attendee))
        answer = "DECLINED" if len(seen) % 3 == 0 else "ACCEPTED"
        mail("%04d-reply" % len(seen), attendee, answer.title() + ": invitation", "Answer.", reply("REPLY", answer))
        if len(seen) == each:
            break
    print(len(seen))
    sys.exit(0)

first = next(invitations(), None)
if not first:
    sys.exit("drop_replies: no invitation in " + outbox)
take(first)
subject = "=?utf-8?B?" + base64.b64encode("辞退: 会議".encode()).decode() + "?="
mail("1-attendee", attendee, subject, "申し訳ありません。",
     reply("REPLY", "DECLINED", "DTSTART;TZID=Tokyo Standard Time:20270301T090000\r\nDTEND;TZID=Tokyo Standard Time:20270301T100000"))
mail("2-stranger", "mallory@evil.example", "Declined", "I decline for them.", reply("REPLY", "DECLINED"))
mail("3-words", attendee, "Re: invitation", "Ich kann leider nicht kommen.\nGrüße")
mail("4-counter", attendee, "New time proposed", "Could we meet an hour later?",
     reply("COUNTER", "ACCEPTED", "DTSTART:20270301T100000Z\r\nDTEND:20270301T110000Z"), method="COUNTER")
mail("5-unreadable", attendee, "Accepted", "Yes", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n")
print(uid, attendee)
