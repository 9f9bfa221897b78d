import ConveneICal
import Testing

@Suite struct ITIPReplyTests {
    static func reply(_ partstat: String, sequence: Int = 0, method: String = "REPLY") -> String {
        """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//Test//Test//EN\r
        METHOD:\(method)\r
        BEGIN:VEVENT\r
        UID:s-open.test-forum@convene\r
        SEQUENCE:\(sequence)\r
        DTSTAMP:20270115T100000Z\r
        DTSTART:20270222T003000Z\r
        ORGANIZER:mailto:forum@example.org\r
        ATTENDEE;PARTSTAT=\(partstat);CN=Claire Dubois:mailto:Claire.Dubois@example.fr\r
        END:VEVENT\r
        END:VCALENDAR\r

        """
    }

    @Test func readsTheAttendeesAnswer() throws {
        let r = try ITIPReply.read(Self.reply("DECLINED", sequence: 2), file: "r.ics")
        #expect(r == [ITIPReply(uid: "s-open.test-forum@convene", sequence: 2, attendee: "claire.dubois@example.fr",
                                answer: .declined, stamp: r.first?.stamp)])
        #expect(r.first?.stamp?.iso8601 == "2027-01-15T10:00:00Z")
    }

    @Test func refusesWhatIsNotAReply() {
        #expect(throws: ICalError.self) { try ITIPReply.read(Self.reply("ACCEPTED", method: "REQUEST"), file: "r.ics") }
        #expect(throws: ICalError.self) { try ITIPReply.read("hello", file: "r.ics") }
        #expect(throws: ICalError.self) { try ITIPReply.read(Self.reply("NEEDS-ACTION"), file: "r.ics") }
        do { _ = try ITIPReply.read(Self.reply("ACCEPTED", method: "PUBLISH"), file: "r.ics") } catch {
            #expect("\(error)" == "r.ics:4: error: METHOD is not REPLY; only replies to invitations can be imported")
        }
    }
}
