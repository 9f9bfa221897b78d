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

    /// The PDF bytes of an HTML page (A4, as the page's print stylesheet lays it out); refuses,
    /// naming them, when no installed font has glyphs for some of its characters, which Chromium
    /// would print as empty boxes without a word.
    public static func pdf(html: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Data {
        if let missing = missingGlyphs(in: html, environment: environment), !missing.isEmpty {
            let sample = missing.prefix(8).map { "\(Character($0)) (U+\(String($0.value, radix: 16, uppercase: true)))" }
            throw ProgrammeError("no installed font has glyphs for \(missing.count) character\(missing.count == 1 ? "" : "s") of the programme, "
                + "e.g. \(sample.joined(separator: ", ")); the PDF would show empty boxes. Install fonts that cover them "
                + "(`apt-get install fonts-noto-cjk` for Japanese, Chinese and Korean) and print again")
        }
        guard let browser = chromium(environment: environment) else {
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
        process.environment = environment
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

    /// The characters of `text` that no font fontconfig knows has a glyph for (fontconfig is how
    /// Chromium finds fonts), in order of first use; nil when `fc-list` cannot be run to say.
    static func missingGlyphs(in text: String, environment: [String: String]) -> [Unicode.Scalar]? {
        var needed: [Unicode.Scalar] = [], seen = Set<Unicode.Scalar>()
        for u in text.unicodeScalars where seen.insert(u).inserted {
            switch u.properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .nonspacingMark, .enclosingMark: continue
            default: if !u.properties.isVariationSelector { needed.append(u) }
            }
        }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let fcList = path.map({ "\($0)/fc-list" }).first(where: FileManager.default.isExecutableFile(atPath:)) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fcList)
        process.arguments = ["--format=%{charset}\\n"]
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        // Each line is one font's ranges, e.g. `20-7e a0-17f 3000-303f`.
        var ranges: [ClosedRange<UInt32>] = []
        for token in String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let ends = token.split(separator: "-").compactMap { UInt32($0, radix: 16) }
            if ends.count == 1 { ranges.append(ends[0]...ends[0]) } else if ends.count == 2, ends[0] <= ends[1] { ranges.append(ends[0]...ends[1]) }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for r in ranges {
            if let last = merged.last, r.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return needed.filter { u in
            var lo = 0, hi = merged.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if merged[mid].upperBound < u.value { lo = mid + 1 } else { hi = mid }
            }
            return !(lo < merged.count && merged[lo].contains(u.value))
        }
    }
}
