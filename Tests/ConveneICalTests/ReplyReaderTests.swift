import ConveneICal
import Testing

/// Large replies are read in one pass over the text, and errors still name their line.
struct ReplyReaderTests {
    static func reply(events: Int, brokenLast: Bool = false) -> String {
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REPLY\r\n"
        for i in 0..<events {
            let partstat = brokenLast && i == events - 1 ? "" : ";PARTSTAT=ACCEPTED"
            text += "BEGIN:VEVENT\r\nUID:s-\(i).forum@convene\r\nSEQUENCE:1\r\nDTSTAMP:20270115T100000Z\r\n"
                + "ATTENDEE\(partstat):mailto:same@example.org\r\nEND:VEVENT\r\n"
        }
        return text + "END:VCALENDAR\r\n"
    }

    @Test func aThousandEventReplyGivesEveryAnswer() throws {
        let answers = try ITIPReply.read(Self.reply(events: 1_001), file: "r.ics")
        #expect(answers.count == 1_001)
        #expect(answers.last?.uid == "s-1000.forum@convene")
    }

    @Test func anErrorInTheLastEventNamesItsOwnLine() {
        // Every ATTENDEE line reads the same: only counting, not searching the text, finds the right one.
        #expect {
            try ITIPReply.read(Self.reply(events: 500, brokenLast: true), file: "r.ics")
        } throws: { error in
            (error as? ICalError)?.line == 4 + 499 * 6 + 5
        }
    }

    @Test func crOnlyReplyCountsLinesLikeLibical() {
        let text = Self.reply(events: 3, brokenLast: true).replacingOccurrences(of: "\r\n", with: "\r")
        #expect {
            try ITIPReply.read(text, file: "r.ics")
        } throws: { error in
            (error as? ICalError)?.line == 4 + 2 * 6 + 5
        }
    }
}
