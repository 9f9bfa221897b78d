"""Compares what the outbox says was sent with what the SMTP sink received.

Usage: count_mail.py DB INBOX  -- DB an SQLite file or a postgres:// address; prints "mail: N in the outbox, N delivered, N lost, N duplicated, N superseded, …".
Lost: a message the outbox holds that never arrived after the final full `convene invite`, other
than those refused by the server (failed) and those a later publish made wrong (superseded:
never to be sent).
Forgotten: a message that arrived although the outbox says a later publish superseded it (never
sent): its recipient holds news no correction will follow. Claimed messages are never superseded,
so there must be none.
Duplicated: a Message-ID that arrived more than once (a kill between the server's 250 and the
outbox update sends it again: at-least-once delivery).
"""
import collections
import email
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "store"))
from db import Database  # noqa: E402

db, inbox = sys.argv[1], sys.argv[2]
queued = {row[0]: row[1] for row in Database(db).rows("SELECT message_id, state FROM outbox")}
arrived = collections.Counter()
for name in os.listdir(inbox):
    with open(os.path.join(inbox, name), "rb") as f:
        message = email.message_from_binary_file(f)
    arrived[(message.get("Message-ID") or "").strip().strip("<>")] += 1
lost = [m for m, state in queued.items() if state not in ("failed", "superseded") and arrived[m] == 0]
superseded = sum(1 for state in queued.values() if state == "superseded")
late = sum(1 for m, state in queued.items() if state == "superseded" and arrived[m] > 0)
duplicated = sum(n - 1 for n in arrived.values() if n > 1)
unsent = sum(1 for state in queued.values() if state == "queued")
print(f"mail: {len(queued)} in the outbox, {sum(arrived.values())} delivered, {len(lost)} lost, "
      f"{duplicated} duplicated, {superseded} superseded, {late} forgotten (arrived, then marked superseded), "
      f"{unsent} still queued")
sys.exit(1 if lost or unsent or late else 0)
