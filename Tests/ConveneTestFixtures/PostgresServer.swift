import Foundation

/// A throwaway PostgreSQL 15 server on 127.0.0.1: `initdb` into a temporary folder, `postgres` on a
/// free port, password logins over TCP; stopped by its pid (SIGINT, then waited for).
///
/// PostgreSQL refuses to run as root: under root it runs as the unprivileged `postgres` account
/// (through `setpriv`), and the folder is handed to that account.
public final class PostgresServer: @unchecked Sendable {
    /// Where Debian's `postgresql-15` puts its programs (not on PATH).
    public static let binaries = "/usr/lib/postgresql/15/bin"
    /// The role tests log in as, and its password (over TCP, checked with SCRAM).
    public static let user = "convene"
    public static let password = "test-Password-4!"

    /// Why PostgreSQL tests cannot run here, or nil when they can.
    public static let unavailable: String? = {
        for program in ["initdb", "postgres", "psql", "pg_isready"]
        where !FileManager.default.isExecutableFile(atPath: "\(binaries)/\(program)") {
            return "skipped: PostgreSQL 15 is not installed (\(binaries)/\(program) is missing; Scripts/bootstrap postgresql-15 installs it)"
        }
        if getuid() == 0 && getpwnam("postgres") == nil {
            return "skipped: running as root and there is no unprivileged `postgres` account for PostgreSQL to run as"
        }
        return nil
    }()

    /// One server for the whole test process, started on first use and stopped when the process exits;
    /// each test makes its own database on it.
    public static let shared: Result<PostgresServer, any Error> = {
        stopOrphans()
        let result = Result { try PostgresServer() }
        if case .success = result { atexit { if case .success(let server) = PostgresServer.shared { server.stop() } } }
        return result
    }()

    let process = Process()
    /// The server's process id.
    public var pid: Int32 { process.processIdentifier }
    /// The data folder (also where the server's socket is).
    public let folder: String
    /// The port it listens on, on 127.0.0.1.
    public let port: Int
    private let lock = NSLock()
    private var stopped = false
    private var databases = 0

    /// Makes a cluster and starts its server; throws, after stopping what it started, when it does not
    /// accept connections within 30 s.
    public init() throws {
        if let reason = Self.unavailable { throw Failure(reason) }
        folder = NSTemporaryDirectory() + Self.prefix + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "\(getpid())".write(toFile: folder + "/owner.pid", atomically: true, encoding: .utf8)
        let owner = getuid() == 0 ? getpwnam("postgres").map { ($0.pointee.pw_uid, $0.pointee.pw_gid) } : nil
        if let owner { chown(folder, owner.0, owner.1) }
        let passwordFile = folder + "/.password"
        try Self.password.write(toFile: passwordFile, atomically: false, encoding: .utf8)
        if let owner { chown(passwordFile, owner.0, owner.1) }

        let initdb = try Self.run("initdb", ["-D", folder + "/data", "-U", "postgres", "-E", "UTF8", "--locale", "C.UTF-8",
                                             "--auth-local", "trust", "--auth-host", "scram-sha-256", "--pwfile", passwordFile],
                                  as: owner)
        guard initdb.status == 0 else {
            try? FileManager.default.removeItem(atPath: folder)
            throw Failure("initdb failed: \(initdb.output)")
        }
        port = try Self.freePort()
        process.executableURL = URL(fileURLWithPath: owner == nil ? "\(Self.binaries)/postgres" : "/usr/bin/setpriv")
        let arguments = ["-D", folder + "/data", "-h", "127.0.0.1", "-p", "\(port)", "-k", folder, "-c", "fsync=off"]
        process.arguments = owner == nil ? arguments : Self.asOwner + ["\(Self.binaries)/postgres"] + arguments
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let log = FileManager.default.createFile(atPath: folder + "/server.log", contents: nil)
            ? FileHandle(forWritingAtPath: folder + "/server.log") : nil
        process.standardError = log
        try process.run()
        var ready = false
        let deadline = Date().addingTimeInterval(30)
        while !ready && Date() < deadline && process.isRunning {
            ready = (try? Self.run("pg_isready", ["-q", "-h", "127.0.0.1", "-p", "\(port)"], as: nil))?.status == 0
            if !ready { usleep(50_000) }
        }
        guard ready else {
            let log = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
            stop()
            throw Failure("PostgreSQL did not accept connections on 127.0.0.1:\(port) within 30 s: \(log.suffix(500))")
        }
        try superuser("CREATE ROLE \(Self.user) LOGIN PASSWORD '\(Self.password)'")
    }

    /// Makes a new, empty database owned by the test role and returns its address (no password in it).
    public func makeDatabase() throws -> String {
        let name = lock.withLock { databases += 1; return "convene_\(databases)" }
        try superuser("CREATE DATABASE \(name) OWNER \(Self.user)")
        return url(database: name)
    }

    /// The `postgres://` address of `database` for the test role.
    public func url(database: String) -> String { "postgres://\(Self.user)@127.0.0.1:\(port)/\(database)" }

    /// Runs SQL as the cluster's superuser over its local socket (trusted); throws with psql's message.
    @discardableResult
    public func superuser(_ sql: String, database: String = "postgres") throws -> String {
        let r = try Self.run("psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", "\(port)",
                                      "-U", "postgres", "-d", database, "-c", sql], as: nil)
        guard r.status == 0 else { throw Failure("psql: \(r.output)") }
        return r.output
    }

    /// Stops the server by its pid (SIGINT: PostgreSQL's fast shutdown), waits for it, removes its folder.
    public func stop() {
        let running = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard running else { return }
        if process.isRunning {
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The start of each server's folder name in the temporary folder.
    static let prefix = "convene-postgres-"

    /// Stops the servers of test processes that died without stopping them (a crash skips `atexit`),
    /// each by the pid in its `postmaster.pid`, and removes their folders. A server whose test process
    /// still runs is left alone.
    public static func stopOrphans() {
        let temporary = NSTemporaryDirectory()
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: temporary))?.filter { $0.hasPrefix(prefix) } ?? []
        for name in folders {
            let folder = temporary + name
            guard let owner = (try? String(contentsOfFile: folder + "/owner.pid", encoding: .utf8)).flatMap({ pid_t($0) }),
                  kill(owner, 0) != 0 && errno == ESRCH else { continue }
            let postmaster = (try? String(contentsOfFile: folder + "/data/postmaster.pid", encoding: .utf8))?
                .split(separator: "\n").first.flatMap { pid_t($0) }
            if let postmaster, kill(postmaster, SIGINT) == 0 {
                for _ in 0..<200 where kill(postmaster, 0) == 0 { usleep(50_000) }
            }
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// `setpriv`'s arguments that drop root for the `postgres` account.
    static let asOwner = ["--reuid=postgres", "--regid=postgres", "--init-groups", "--"]

    /// Runs one of PostgreSQL's client programs (psql, pg_isready) as this process's user.
    public static func run(_ program: String, _ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
        try run(program, arguments, as: nil, environment: environment)
    }

    /// Runs one of PostgreSQL's programs to its end, as `owner` when given, with `environment` added to a
    /// bare one; returns its status and output (standard output and error together).
    static func run(_ program: String, _ arguments: [String], as owner: (uid_t, gid_t)?,
                    environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: owner == nil ? "\(binaries)/\(program)" : "/usr/bin/setpriv")
        p.arguments = owner == nil ? arguments : asOwner + ["\(binaries)/\(program)"] + arguments
        // initdb checks it can reach its working folder as the account it runs as.
        p.currentDirectoryURL = URL(fileURLWithPath: "/tmp")
        p.environment = ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"].merging(environment) { _, given in given }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A port on 127.0.0.1 that nothing listens on now: the kernel's pick for a socket bound to port 0.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("no socket for a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw Failure("cannot bind a socket on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Why the server could not be made or used.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
