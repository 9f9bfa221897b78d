import Foundation
import Testing

/// Output that cannot be written, text that would stop a publish, and databases that are not ours.
struct UnwritableOutputAndForeignDatabaseTests {
    static let plan = CommandLine.root.appendingPathComponent("calendars/rare-cancers-forum-2027/plan.yaml")

    /// A copy of the example forum's folder with `plan.yaml` changed by `edit`.
    static func forum(_ tmp: TemporaryFolder, _ edit: (String) -> String = { $0 }) throws -> String {
        let folder = plan.deletingLastPathComponent()
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".ics") {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(file), to: tmp.url.appendingPathComponent(file))
        }
        let text = try String(contentsOf: plan, encoding: .utf8)
        let changed = edit(text)
        let file = tmp.url.appendingPathComponent("plan.yaml")
        try changed.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// Runs `convene` with stdout and/or stderr on /dev/full, as on a full disk.
    static func runOnFullDisk(_ arguments: [String], stdout: Bool, stderr: Bool, in dir: URL) throws -> Process {
        let process = Process()
        process.executableURL = CommandLine.binary
        process.arguments = arguments
        process.currentDirectoryURL = dir
        let full = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        process.standardOutput = stdout ? full : FileHandle.nullDevice
        process.standardError = stderr ? full : FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process
    }

    // MARK: Item 7: what publish refuses, check refuses

    @Test(arguments: [
        ("organizer: {name: 希少がん患者ネットワーク・ジャパン 事務局 / Secretariat,", "organizer: {name: \"Secre\\ttariat\","),
        ("name: {ja: メインホール, en: Main Hall}", "name: {ja: メインホール, en: \"Main\\tHall\"}"),
        ("name: 真島 恵子", "name: \"真島\\t恵子\""),
        ("title: {ja: 開会全体会議, en: Opening Plenary}", "title: {ja: 開会全体会議, en: \"Opening\\tPlenary\"}"),
    ])
    func aTabThatWouldStopEveryPublishFailsCheck(_ original: String, _ replacement: String) throws {
        let tmp = try TemporaryFolder()
        let plan = try Self.forum(tmp) { text in
            #expect(text.contains(original))
            return text.replacingOccurrences(of: original, with: replacement)
        }
        let r = try CommandLine.run(["check", plan], in: tmp.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("contains a control character (U+0009"), "\(r.stderr)")
        #expect(r.stderr.contains("plan.yaml:"), "the error names file and line: \(r.stderr)")
    }

    // MARK: Item 8: output that cannot be written

    @Test func commandsWhoseOutputCannotBeWrittenExitOneWithoutCrashing() throws {
        let tmp = try TemporaryFolder()
        let plan = try Self.forum(tmp)
        #expect(try CommandLine.run(["import", plan, "--db", "forum.sqlite"], in: tmp.url).status == 0)
        #expect(try CommandLine.run(["schedule", "--time-limit", "1", "--db", "forum.sqlite"], in: tmp.url).status == 0)
        let db = ["--db", "forum.sqlite"]
        for (arguments, stdout, stderr) in [
            (["agenda"] + db, true, false), (["status"] + db, true, false), (["history"] + db, true, false),
            (["--help"], true, false), (["check", plan], true, true),
            // An error to report on a full stderr.
            (["agenda", "--db", "missing.sqlite"], false, true), (["move", "nothing"] + db, true, true),
            (["check", "missing.yaml"], false, true),
        ] {
            let p = try Self.runOnFullDisk(arguments, stdout: stdout, stderr: stderr, in: tmp.url)
            #expect(p.terminationReason == .exit, "\(arguments) crashed")
            #expect(p.terminationStatus == 1, "\(arguments) exited \(p.terminationStatus)")
        }
        // Written where it can be, the same command succeeds.
        #expect(try CommandLine.run(["agenda"] + db, in: tmp.url).status == 0)
    }

    // MARK: Item 9: databases that are not ours

    @Test func aForeignSQLiteFileIsRefusedAndLeftAsItWas() throws {
        let tmp = try TemporaryFolder()
        let file = tmp.url.appendingPathComponent("other.sqlite")
        let made = try Self.sqlite(file, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('a');")
        try #require(made)
        let before = try Data(contentsOf: file)
        for command in [["status"], ["agenda"], ["import", try Self.forum(tmp)]] {
            let r = try CommandLine.run(command + ["--db", file.path], in: tmp.url)
            #expect(r.status == 1)
            #expect(r.stderr.contains("is not a Convene database (it holds the tables contacts)"), "\(r.stderr)")
            #expect(try Data(contentsOf: file) == before, "\(command) changed the file")
        }
    }

    @Test func aDatabaseFromANewerConveneIsRefusedAndNotWritten() throws {
        let tmp = try TemporaryFolder()
        let plan = try Self.forum(tmp)
        #expect(try CommandLine.run(["import", plan, "--db", "forum.sqlite"], in: tmp.url).status == 0)
        let file = tmp.url.appendingPathComponent("forum.sqlite")
        try #require(try Self.sqlite(file, "INSERT INTO grdb_migrations VALUES ('v99-from-the-future');"))
        let before = try Data(contentsOf: file)
        for command in [["status"], ["import", plan], ["schedule", "--time-limit", "1"]] {
            let r = try CommandLine.run(command + ["--db", "forum.sqlite"], in: tmp.url)
            #expect(r.status == 1)
            #expect(r.stderr.contains("was written by a newer Convene (it records the schema step 'v99-from-the-future'"),
                    "\(r.stderr)")
            #expect(try Data(contentsOf: file) == before, "\(command) changed the file")
        }
    }

    /// `status` and `agenda` read a database they cannot write: a 0444 copy in a 0555 folder, run as
    /// an unprivileged user when the tests run as root (root may write anything).
    @Test func readingCommandsWorkOnAReadOnlyCopy() throws {
        let tmp = try TemporaryFolder()
        let plan = try Self.forum(tmp)
        #expect(try CommandLine.run(["import", plan, "--db", "forum.sqlite"], in: tmp.url).status == 0)
        #expect(try CommandLine.run(["schedule", "--time-limit", "1", "--db", "forum.sqlite"], in: tmp.url).status == 0)
        let readOnly = tmp.url.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
        let copy = readOnly.appendingPathComponent("forum.sqlite")
        try FileManager.default.copyItem(at: tmp.url.appendingPathComponent("forum.sqlite"), to: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tmp.url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: readOnly.path) }
        let before = try Data(contentsOf: copy)
        for command in [["status"], ["agenda"], ["history"]] {
            let r = try Self.runUnprivileged(command + ["--db", copy.path], in: readOnly)
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(!r.stdout.isEmpty)
        }
        #expect(try Data(contentsOf: copy) == before)
        // A writing command says why it cannot write.
        let move = try Self.runUnprivileged(["unschedule", "s-opening", "--db", copy.path], in: readOnly)
        #expect(move.status == 1 && move.stderr.contains(copy.path), "\(move.stderr)")
    }

    /// Runs `convene` as nobody when the tests run as root, else as the user running them.
    static func runUnprivileged(_ arguments: [String], in dir: URL) throws -> CommandLine.Result {
        guard getuid() == 0 else { return try CommandLine.run(arguments, in: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CommandLine.binary.path] + arguments
        process.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLine.Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                                  stderr: String(decoding: e, as: UTF8.self))
    }

    /// Runs SQL on a file with the sqlite3 shell, as another program would; false when it is not installed.
    static func sqlite(_ file: URL, _ sql: String) throws -> Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [file.path, sql]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
