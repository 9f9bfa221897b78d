# The SMTP server: one file per accepted message; any recipient starting with "reject" gets a 550.
# With a third argument ARM: when the file ARM holds a process id, the next message that process
# sends is stored and then the process is killed (-9) before it hears the 250, as a crash between
# the server's accept and the sender's mark; ARM is removed and one line is added to ARM.killed.
# Messages other processes send meanwhile (several senders at once) are stored and answered as usual.
# $SMTP_DELAY_MS: each message takes that long before it is stored, so a kill can land mid-delivery.
# $SMTP_SENDERS=FILE: for each message stored, one line with the process id of the convene that sent it.
import asyncio, os, signal, sys
from aiosmtpd.controller import Controller

inbox, port = sys.argv[1], int(sys.argv[2])
arm = sys.argv[3] if len(sys.argv) > 3 else None
os.makedirs(inbox, exist_ok=True)
delay = float(os.environ.get("SMTP_DELAY_MS", "0")) / 1000
senders = os.environ.get("SMTP_SENDERS")

def sent_by(pid, peer):
    """True when process `pid` holds the client end of the connection from `peer` (its address, port)."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            link = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if link.startswith("socket:["):
            inodes.add(link[len("socket:["):-1])
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            for line in f.readlines()[1:]:
                fields = line.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == peer[1] and fields[9] in inodes:
                    return True
    return False


def sender_of(peer):
    """The id of the convene process that holds the client end of the connection from `peer`, or "?"."""
    for pid in os.listdir("/proc"):
        try:
            if not pid.isdigit() or open(f"/proc/{pid}/comm").read().strip() != "convene":
                continue
            if sent_by(pid, peer):
                return pid
        except OSError:
            continue
    return "?"


class Inbox:
    count = 0
    async def handle_RCPT(self, server, session, envelope, address, options):
        if address.startswith("reject"):
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"
    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(delay)
        Inbox.count += 1
        with open(os.path.join(inbox, "%05d.eml" % Inbox.count), "wb") as f:
            f.write(envelope.original_content or envelope.content)
        if senders:
            with open(senders, "a") as f:
                f.write(sender_of(session.peer) + "\n")
        if arm and os.path.exists(arm):
            with open(arm) as f:
                pid = f.read().strip()
            try:
                if pid.isdigit() and not sent_by(pid, session.peer):
                    return "250 Message accepted"
            except FileNotFoundError:
                pass   # the process is gone: disarm
            os.remove(arm)
            if pid.isdigit():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                    with open(arm + ".killed", "a") as f:
                        f.write(pid + "\n")
                except ProcessLookupError:
                    pass
        return "250 Message accepted"

controller = Controller(Inbox(), hostname="127.0.0.1", port=port)
controller.start()
signal.sigwait({signal.SIGTERM, signal.SIGINT})
controller.stop()
