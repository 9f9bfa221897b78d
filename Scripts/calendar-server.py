#!/usr/bin/env python3
"""A local HTTP server of calendars for tests: `calendar-server.py PORTFILE FOLDER`.

Serves the files in FOLDER as they are at each request (write a file anew to change
a calendar), each with a strong ETag of its bytes and a Last-Modified of its mtime,
answering If-None-Match and If-Modified-Since with 304. Also /loop (a redirect to
itself), /moved/NAME (a redirect to /NAME), /big (50 MB with no Content-Length) and
/fail (HTTP 500). Binds 127.0.0.1
on a free port and writes the port to PORTFILE (atomically) once listening."""
import email.utils
import hashlib
import http.server
import os
import signal
import sys

signal.signal(signal.SIGTERM, signal.SIG_DFL)
FOLDER = sys.argv[2]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if path.startswith("/moved/"):
            self.send_response(302)
            self.send_header("Location", path[len("/moved"):])
            self.end_headers()
            return
        if path == "/fail":
            self.send_response(500)
            self.end_headers()
            return
        if path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.end_headers()
            chunk = b"X" * (1024 * 1024)
            try:
                for _ in range(50):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        name = os.path.basename(path)
        file = os.path.join(FOLDER, name)
        try:
            with open(file, "rb") as f:
                body = f.read()
            mtime = int(os.stat(file).st_mtime)
        except OSError:
            self.send_response(404)
            self.end_headers()
            return
        etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
        modified = email.utils.formatdate(mtime, usegmt=True)
        since = self.headers.get("If-Modified-Since")
        match = self.headers.get("If-None-Match")
        unchanged = match == etag if match is not None else (
            since is not None and email.utils.parsedate_to_datetime(since).timestamp() >= mtime)
        if unchanged:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar; charset=utf-8")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", modified)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
