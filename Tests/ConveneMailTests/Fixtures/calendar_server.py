"""A local HTTP server for CalendarFetcher tests: writes its port to the file
named by its argument, then serves
/cal.ics (with an ETag, 304 when it matches), /moved (a redirect to /cal.ics),
/loop (a redirect to itself) and /big (50 MB with no Content-Length)."""
import http.server
import os
import signal
import sys

# A test harness may start us with SIGTERM ignored; stopping must still work.
signal.signal(signal.SIGTERM, signal.SIG_DFL)

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:busy-1@test\r\nDTSTAMP:20270101T000000Z\r\n"
    "DTSTART:20270222T010000Z\r\nDTEND:20270222T020000Z\r\nSUMMARY:Private dentist\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
).encode()
ETAG = '"v1"'


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/cal.ics":
            if self.headers.get("If-None-Match") == ETAG:
                self.send_response(304)
                self.send_header("ETag", ETAG)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.send_header("ETag", ETAG)
            self.send_header("Content-Length", str(len(CALENDAR)))
            self.end_headers()
            self.wfile.write(CALENDAR)
        elif self.path in ("/moved", "/loop"):
            self.send_response(302)
            self.send_header("Location", "/cal.ics" if self.path == "/moved" else "/loop")
            self.end_headers()
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.end_headers()
            chunk = b"X" * (1024 * 1024)
            try:
                for _ in range(50):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        else:
            self.send_response(404)
            self.end_headers()


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
sys.exit(0)
