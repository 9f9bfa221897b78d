public import Foundation

/// Prints an HTML page to PDF with headless Chromium, the way a person would print it from the browser.
public enum ProgrammePrinter {
    /// Programs tried, in order, when `CONVENE_CHROMIUM` names none.
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The Chromium to print with: `CONVENE_CHROMIUM`, else the first candidate on `PATH`.
    public static func chromium(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let given = environment["CONVENE_CHROMIUM"], !given.isEmpty { return given }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in candidates {
            for dir in path where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
        }
        return nil
    }

    /// The PDF bytes of an HTML page (A4, as the page's print stylesheet lays it out).
    public static func pdf(html: String) throws -> Data {
        guard let browser = chromium() else {
            throw ProgrammeError("printing a PDF needs headless Chromium: install it (`apt-get install chromium`) "
                + "or name it in CONVENE_CHROMIUM; --format html writes the page to print yourself")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("convene-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let page = work.appendingPathComponent("programme.html"), out = work.appendingPathComponent("programme.pdf")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(work.path)/profile",
            "--no-pdf-header-footer", "--print-to-pdf=\(out.path)", page.absoluteString,
        ]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do { try process.run() } catch {
            throw ProgrammeError("cannot start \(browser): \(error.localizedDescription)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let pdf = FileManager.default.contents(atPath: out.path), pdf.starts(with: Array("%PDF".utf8)) else {
            let detail = String(decoding: message, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " ")
            throw ProgrammeError("\(browser) did not print the programme (exit \(process.terminationStatus)): \(detail)")
        }
        return pdf
    }
}
