import Foundation

/// Scripts/calendar-server.py on 127.0.0.1: serves the files of a folder (rewrite one to change the
/// calendar) with ETag and Last-Modified; stopped by its pid.
public final class CalendarServer {
    let process = Process()
    /// The port it listens on, on 127.0.0.1.
    public let port: Int
    /// The folder it serves; a file written there is served at `/NAME`.
    public let folder: String

    /// Starts the server; throws when it does not listen within 5 s.
    public init() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        folder = NSTemporaryDirectory() + "convene-calendars-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let portFile = folder + ".port"
        defer { try? FileManager.default.removeItem(atPath: portFile) }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Scripts/calendar-server.py").path, portFile, folder]
        try process.run()
        var port: Int?
        for _ in 0..<100 where port == nil {
            port = (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0) }
            if port == nil { usleep(50_000) }
        }
        guard let port else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the test calendar server did not start within 5 s"])
        }
        self.port = port
    }

    /// Writes a calendar with one busy event per span (UTC `yyyyMMdd'T'HHmmss`), titled so a test sees titles are dropped.
    public func serve(_ name: String, busy spans: [(String, String)]) throws {
        let events = spans.enumerated().map { i, s in
            "BEGIN:VEVENT\r\nUID:e\(i)@test\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:\(s.0)Z\r\nDTEND:\(s.1)Z\r\n"
                + "SUMMARY:Private dentist \(i)\r\nEND:VEVENT\r\n"
        }.joined()
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n\(events)END:VCALENDAR\r\n"
        try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }

    /// The address of `path` on this server.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Stops the server by its pid and removes its folder.
    public func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }
}

