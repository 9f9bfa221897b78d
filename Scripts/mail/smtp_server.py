# The SMTP server: one file per accepted message; any recipient starting with "reject" gets a 550.
import asyncio, os, signal, sys
from aiosmtpd.controller import Controller

inbox, port = sys.argv[1], int(sys.argv[2])
os.makedirs(inbox, exist_ok=True)

class Inbox:
    count = 0
    async def handle_RCPT(self, server, session, envelope, address, options):
        if address.startswith("reject"):
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"
    async def handle_DATA(self, server, session, envelope):
        Inbox.count += 1
        with open(os.path.join(inbox, "%05d.eml" % Inbox.count), "wb") as f:
            f.write(envelope.original_content or envelope.content)
        return "250 Message accepted"

controller = Controller(Inbox(), hostname="127.0.0.1", port=port)
controller.start()
signal.sigwait({signal.SIGTERM, signal.SIGINT})
controller.stop()
