# The SMTP server: one file per accepted message; any recipient starting with "reject" gets a 550.
# With a third argument ARM: when the file ARM holds a process id, the next message accepted is
# stored and then that process is killed (-9) before it hears the 250, as a crash between the
# server's accept and the sender's mark; ARM is removed and one line is added to ARM.killed.
# $SMTP_DELAY_MS: each message takes that long before it is stored, so a kill can land mid-delivery.
import asyncio, os, signal, sys
from aiosmtpd.controller import Controller

inbox, port = sys.argv[1], int(sys.argv[2])
arm = sys.argv[3] if len(sys.argv) > 3 else None
os.makedirs(inbox, exist_ok=True)
delay = float(os.environ.get("SMTP_DELAY_MS", "0")) / 1000

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
        if arm and os.path.exists(arm):
            with open(arm) as f:
                pid = f.read().strip()
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
