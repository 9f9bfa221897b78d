import ConveneCore
import Foundation
@testable import ConveneProgramme
import Testing

/// What the printed programme must show: breaks, remote speakers, series, blocks across page
/// parts, and no PDF of empty boxes.
struct ProgrammePrintTests {
    static func at(_ text: String) -> Instant { Instant(iso8601: text)! }

    /// The test forum with lunch, a series, a remote speaker and a four-hour workshop that any
    /// printed part of at most three hours must cut.
    static func publication() -> Publication {
        var event = Forum.event
        event.breaks = [EventBreak(interval: Interval(start: at("2027-03-12T12:30:00+09:00"), end: at("2027-03-12T13:30:00+09:00")),
                                   name: LocalizedText(ja: "昼食", en: "Lunch"))]
        event.series = [SessionSeries(id: "trials", title: LocalizedText(en: "Trials in focus"), sessions: ["access"])]
        event.stakeholders[1].remote = true
        event.sessions.append(Session(id: "workshop", title: LocalizedText(ja: "ワークショップ：患者参画", en: "Workshop"),
                                      kind: .workshop, duration: 240, required: ["kimura"]))
        var version = Forum.first
        version.assignments.append(Assignment(session: "workshop", room: "room-b", start: at("2027-03-12T13:30:00+09:00")))
        return Publication(event: event, removed: [], history: [version])
    }

    @Test func breaksRemoteSpeakersAndSeriesAreShown() throws {
        let p = Programme(Self.publication(), language: .en)
        #expect(p.days.first?.breaks.map(\.name) == ["Lunch"])
        let access = try #require(p.items.first { $0.session == "access" })
        #expect(access.series == "Trials in focus")
        let opening = try #require(p.items.first { $0.session == "opening" })
        #expect(opening.speakers.map(\.joinsOnline) == [false, true])

        let html = ProgrammePage.render(p)
        #expect(html.contains("<td class=\"break\" colspan=\"2\" rowspan=\"4\"><strong>Lunch</strong><span class=\"when\">12:30–13:30</span></td>"))
        #expect(html.contains("<li class=\"break\"><h3><span class=\"when\">12:30–13:30</span> Lunch</h3></li>"))
        #expect(html.contains("Sophie Martin</span> <span class=\"remote\">(joins online)</span>"))
        #expect(html.contains("<span class=\"series\">Trials in focus</span>") && html.contains("Series: Trials in focus"))
        let md = ProgrammeText.markdown(p)
        #expect(md.contains("### 12:30–13:30 Lunch") && md.contains("Sophie Martin \\(Valmont, Head of Patient Advocacy\\) (joins online)")
            || md.contains("(joins online)"))
        #expect(md.contains("Series: Trials in focus"))
    }

    @Test func aBlockCutByAPrintedPartIsShownAgainInTheNext() throws {
        let p = Programme(Self.publication(), language: .en)
        let grid = ProgrammeGrid(try #require(p.days.first), slotMinutes: 15, zone: p.zone)
        let parts = grid.parts(rows: 12)
        #expect(parts.count > 1 && parts.allSatisfy { $0.count <= 12 })
        #expect(parts.flatMap { Array($0) } == Array(0..<grid.rowCount), "the parts cover every row once")
        // Every block appears in every part whose rows it covers, marked continued after its first.
        for (c, column) in grid.blocks.enumerated() {
            for block in column {
                let rows = block.firstRow..<(block.firstRow + block.rowSpan)
                for range in parts where range.overlaps(rows) {
                    let (part, continued) = grid.part(range)
                    #expect(part.blocks[c].contains { $0.items.map(\.session) == block.items.map(\.session) })
                    #expect(continued.contains(block.items[0].session) == (rows.lowerBound < range.lowerBound))
                }
            }
        }
        let html = ProgrammePage.render(p)
        #expect(html.contains("<div class=\"parts\">") && html.contains("(continued)"))
        #expect(html.contains(".parts table.grid{break-inside:avoid}"))
    }

    /// A fontconfig that knows no font, as on a machine without any installed.
    static func noFonts() throws -> (environment: [String: String], folder: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("convene-fonts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let config = dir.appendingPathComponent("fonts.conf")
        try Data("<?xml version=\"1.0\"?><fontconfig><dir>\(dir.path)/none</dir><cachedir>\(dir.path)/cache</cachedir></fontconfig>\n".utf8)
            .write(to: config)
        var environment = ProcessInfo.processInfo.environment
        environment["FONTCONFIG_FILE"] = config.path
        return (environment, dir)
    }

    @Test(.enabled(if: ProgrammePrinter.chromium() != nil, "needs headless Chromium"))
    func aPDFWithoutGlyphsForItsTextIsRefusedByName() throws {
        let (environment, dir) = try Self.noFonts()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = ProgrammePage.render(Programme(Self.publication(), language: .ja))
        let error = try #require(throws: ProgrammeError.self) { try ProgrammePrinter.pdf(html: html, environment: environment) }
        #expect("\(error)".contains("fonts-noto-cjk") && "\(error)".contains("U+"))
    }

    /// Chromium embeds its fonts as unnamed Type 3 fonts, so `pdffonts` cannot tell which were
    /// used; what fontconfig covers is what decides, and the printed text must read back.
    @Test(.enabled(if: ProgrammePrinter.chromium() != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
                   "needs headless Chromium and pdftotext (poppler-utils)"))
    func aPrintedPDFCarriesTheJapanese() throws {
        let html = ProgrammePage.render(Programme(Self.publication(), language: .ja))
        let missing = try #require(ProgrammePrinter.missingGlyphs(in: html, environment: ProcessInfo.processInfo.environment))
        guard missing.isEmpty else {
            // No CJK font here: the printer refuses (the test above), and there is nothing to read back.
            #expect(throws: ProgrammeError.self) { try ProgrammePrinter.pdf(html: html) }
            return
        }
        let pdf = try ProgrammePrinter.pdf(html: html)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("convene-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [file.path, "-"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("ワークショップ：患者参画") && text.contains("昼食"))
    }
}
