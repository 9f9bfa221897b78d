@testable import ConveneServer
import Foundation
import Testing

struct ServiceConfigTests {
    /// Writes `files` (name → text, mode) into a fresh folder and returns its path.
    func folder(_ files: [String: (String, Int)]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("service-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, (text, mode)) in files {
            let path = dir + "/" + name
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }
        return dir
    }

    func message(_ body: () throws -> Void) -> String {
        do { try body() } catch let e as ServerError { return e.message } catch { return "\(error)" }
        return ""
    }

    @Test func readsEveryKeyWithPathsBesideTheFile() throws {
        let dir = try folder([
            "convene.yaml": ("""
                database: forum.sqlite
                http: {host: 0.0.0.0, port: 8081, baseURL: "https://forum.example.org"}
                smtp: {url: "smtp://mail.example.org:587", from: forum@example.org, user: forum, passwordFile: smtp.pw}
                imap: {url: "imaps://mail.example.org:993/INBOX", user: forum, every: 30}
                calendars: {every: 600, allowPrivateAddresses: true}
                digest: {to: organizer@example.org, every: 3600}
                """, 0o644),
            "smtp.pw": ("hunter2\n", 0o600),
        ])
        let c = try ServiceConfig(file: dir + "/convene.yaml", environment: ["CONVENE_IMAP_PASSWORD": "from-env"])
        #expect(c.database == dir + "/forum.sqlite")
        #expect(c.http.host == "0.0.0.0" && c.http.port == 8081 && c.http.baseURL == "https://forum.example.org")
        #expect(c.smtp?.url == "smtp://mail.example.org:587" && c.smtp?.from == "forum@example.org" && c.smtp?.user == "forum")
        #expect(c.smtp?.password?.value == "hunter2")
        #expect(c.imap?.every == 30 && c.imap?.password.value == "from-env")
        #expect(c.calendars?.every == 600 && c.calendars?.allowPrivateAddresses == true && c.digest?.to == "organizer@example.org")
        // A secret printed by accident says where it came from, never what it is.
        #expect(!"\(c.smtp!.password!)".contains("hunter2"))
    }

    @Test func aPostgreSQLAddressIsKeptAsWrittenNotTakenForAPath() throws {
        let dir = try folder(["convene.yaml": ("database: postgres://convene@db.example.org:5433/forum\n", 0o644)])
        #expect(try ServiceConfig(file: dir + "/convene.yaml").database == "postgres://convene@db.example.org:5433/forum")
    }

    @Test func aPasswordFileOthersMayReadIsRefused() throws {
        for mode in [0o644, 0o640, 0o604] {
            let dir = try folder(["c.yaml": ("smtp:\n  url: smtp://127.0.0.1:25\n  passwordFile: pw\n", 0o644), "pw": ("x", mode)])
            let m = message { _ = try ServiceConfig(file: dir + "/c.yaml", environment: [:]) }
            #expect(m.hasPrefix(dir + "/c.yaml:3: smtp.passwordFile ") && m.contains("others can read this password file"), "\(m)")
        }
    }

    @Test func badKeysAndValuesNameFileLineAndKey() throws {
        let cases: [(String, String)] = [
            ("database: a\nhttp:\n  prot: 80\n", ":3: http.prot is not a known key"),
            ("http:\n  port: 99999\n", ":2: http.port must be a whole number from 0 to 65535"),
            ("calendars:\n  allowPrivateAddresses: sometimes\n", ":2: calendars.allowPrivateAddresses must be true or false"),
            ("smtp:\n  from: a@b\n", ":2: smtp.url is missing"),
            ("smtp:\n  url: http://x\n", ":2: smtp.url must be smtp://"),
            ("imap:\n  url: imap://host:143\n", ":2: imap.url must be imap://HOST:PORT/FOLDER"),
            ("imap:\n  url: imap://host:143/INBOX\n  user: u\n", ":2: imap.passwordFile is missing"),
            ("digest:\n  to: a@b\n  every: ten\n", ":3: digest.every must be a whole number"),
            ("- a\n- b\n", ":1: the config must be a mapping"),
            ("http: {baseURL: \"ftp://x\"}\n", ":1: http.baseURL "),
        ]
        for (text, expected) in cases {
            let dir = try folder(["c.yaml": (text, 0o644)])
            let m = message { _ = try ServiceConfig(file: dir + "/c.yaml", environment: [:]) }
            #expect(m.hasPrefix(dir + "/c.yaml" + expected), "\(text): \(m)")
        }
    }
}
