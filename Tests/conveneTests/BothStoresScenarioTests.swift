import ConveneTestFixtures
import Foundation
import Testing

/// The organizer's whole round, run through the real `convene` once on an SQLite file and once on a
/// PostgreSQL database (`--db postgres://…`, the password from `$PGPASSWORD`), writes the same bytes:
/// what each command prints, the feeds, the frab files and the invitations.
@Suite(.serialized)
struct BothStoresScenarioTests {
    typealias Forum = AdminScenarioTests.Forum

    /// Everything one round wrote, by name: `$ command` for what a command printed, else a file's path.
    typealias Outputs = [String: String]

    /// Import, schedule, publish, invite into a folder, then unschedule one session, publish and invite
    /// again (its people get cancellations); status, history, agenda, feeds and frab after each publish.
    static func round(on kind: StoreKind) throws -> Outputs {
        // The seminar series: its first placement already meets the lower bound, so the search stops
        // there and every run makes the same schedule, whatever the machine's speed.
        let forum = try Forum(on: kind, example: "hamamatsucho-seminars-2027")
        var outputs: Outputs = [:]
        func step(_ arguments: String...) throws {
            let r = try CommandLine.run(arguments, in: forum.folder.url, environment: forum.environment)
            #expect(r.status == 0, "\(kind): convene \(arguments.joined(separator: " ")): \(r.stderr)")
            outputs["$ " + arguments.joined(separator: " ")] = r.stdout
        }
        func report(_ round: Int) throws {
            try step("status")
            try step("status", "--json")
            try step("history")
            try step("agenda", "--published")
            try step("export", "--out", "feeds\(round)")
            try step("export", "--format", "frab-xml", "--out", "frab\(round)")
            try step("export", "--format", "frab-json", "--out", "frab\(round)")
        }
        try step("import", "forum/plan.yaml")
        try step("schedule", "--time-limit", "2", "--seed", "1", "--reason", "first schedule")
        try step("publish", "--reason", "first agenda")
        try step("invite", "--transport", "file:mail1")
        try report(1)
        let session = try #require(try firstScheduled(in: forum))
        try step("unschedule", session, "--force", "--reason", "speaker withdrew")
        try step("publish")
        try step("invite", "--transport", "file:mail2")
        try report(2)
        for folder in ["feeds1", "frab1", "mail1", "feeds2", "frab2", "mail2"] {
            let root = forum.folder.url.appendingPathComponent(folder)
            for file in FileManager.default.enumerator(atPath: root.path)?.compactMap({ $0 as? String }) ?? [] {
                var isFolder: ObjCBool = false
                let path = root.appendingPathComponent(file).path
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                let text = try String(contentsOfFile: path, encoding: .utf8)
                outputs[folder + "/" + file] = file.hasSuffix(".eml") ? Self.decodingBase64(text) : text
            }
        }
        // Where the round ran and what its store is are the only things allowed to differ.
        return outputs.mapValues {
            $0.replacingOccurrences(of: forum.db, with: "<db>").replacingOccurrences(of: forum.folder.url.path, with: "<folder>")
        }
    }

    /// A mail with each base64 part replaced by its text, so the instants inside can be masked and compared.
    static func decodingBase64(_ mail: String) -> String {
        var out: [String] = [], encoded: [String] = []
        var base64 = false, inBody = false
        for line in mail.components(separatedBy: "\r\n") {
            if inBody && base64 {
                if line.isEmpty || line.hasPrefix("--") {
                    out.append(String(decoding: Data(base64Encoded: encoded.joined()) ?? Data(), as: UTF8.self))
                    (encoded, base64, inBody) = ([], false, false)
                    out.append(line)
                } else {
                    encoded.append(line)
                }
                continue
            }
            if line.lowercased() == "content-transfer-encoding: base64" { base64 = true }
            if line.isEmpty && base64 { inBody = true }
            if line.hasPrefix("--") { inBody = false }
            out.append(line)
        }
        return out.joined(separator: "\r\n")
    }

    /// The plan's first session that the draft places, by id.
    static func firstScheduled(in forum: Forum) throws -> String? {
        let sessions = (try forum.json("compile", forum.plan)["sessions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        return try sessions.first { try forum.json("explain", $0, "--json")["room"] is String }
    }

    @Test(.enabled(if: StoreKind.available.contains(.postgres), "needs PostgreSQL 15 (see StoreKind.available)"))
    func theSameRoundOnPostgreSQLWritesTheSameBytes() throws {
        let started = Date()
        let sqlite = try Self.round(on: .sqlite)
        let postgres = try Self.round(on: .postgres)
        let window = started.addingTimeInterval(-1)...Date().addingTimeInterval(1)
        #expect(sqlite.count > 20)
        #expect(Set(postgres.keys) == Set(sqlite.keys))
        for (name, text) in sqlite.sorted(by: { $0.key < $1.key }) {
            let a = RunTimes.masked(text, within: window), b = RunTimes.masked(postgres[name] ?? "", within: window)
            #expect(a == b, "\(name) differs between SQLite and PostgreSQL")
        }
    }
}

/// Masks the instants a run was made at (in the forms Convene writes them: iCalendar, ISO 8601, local
/// wall-clock, RFC 5322 and seconds since 1970) and how long its solve took, so two runs at different
/// moments compare byte for byte. Only instants inside the run's window are masked: the event's own
/// times stay and are compared.
enum RunTimes {
    static func masked(_ text: String, within window: ClosedRange<Date>) -> String {
        // A wall-clock time has no zone: it may be up to 14 hours either side of the instant.
        let wide = window.lowerBound.addingTimeInterval(-14 * 3600)...window.upperBound.addingTimeInterval(14 * 3600)
        var result = text.replacingOccurrences(of: #"solved in \d+\.\d+ s"#, with: "solved in <run time>", options: .regularExpression)
        for (pattern, read, range) in forms(window, wide) {
            let regex = try! NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: result, range: NSRange(result.startIndex..., in: result)).reversed() {
                guard let r = Range(match.range, in: result), let date = read(String(result[r])), range.contains(date) else { continue }
                result.replaceSubrange(r, with: "<run time>")
            }
        }
        return result
    }

    private static func formatter(_ format: String) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = format
        return f
    }

    private static func forms(_ window: ClosedRange<Date>, _ wide: ClosedRange<Date>)
        -> [(String, (String) -> Date?, ClosedRange<Date>)] {
        let iso = ISO8601DateFormatter()
        let basic = formatter("yyyyMMdd'T'HHmmss'Z'")
        let rfc5322 = formatter("EEE, d MMM yyyy HH:mm:ss Z")
        let minutes = formatter("yyyy-MM-dd HH:mm"), seconds = formatter("yyyy-MM-dd HH:mm:ss")
        return [
            (#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})"#, { iso.date(from: $0) }, window),
            (#"\d{8}T\d{6}Z"#, { basic.date(from: $0) }, window),
            (#"[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}"#, { rfc5322.date(from: $0) }, window),
            (#"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"#, { seconds.date(from: $0) }, wide),
            (#"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"#, { minutes.date(from: $0) }, wide),
            (#"(?<!\d)1\d{9}(?!\d)"#, { TimeInterval($0).map(Date.init(timeIntervalSince1970:)) }, window),
        ]
    }
}
