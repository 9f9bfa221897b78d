import ConveneTestFixtures
import Foundation
import ConveneCore
import ConveneICal
import Testing

@Suite struct ITIPWriterTests {
    func event(_ method: ITIPEvent.Method, summary: String = "開会全体会議", email: String = "hanako.sato@example.jp") -> ITIPEvent {
        ITIPEvent(method: method, uid: "s-open.test-forum@convene", sequence: 3, stamp: Forum.stamp,
                  start: Forum.at("2027-02-22 09:30"), end: Forum.at("2027-02-22 10:30"), summary: summary,
                  location: "メインホール", description: "主催者挨拶。",
                  organizer: .init(name: "フォーラム事務局", email: "forum@example.org"),
                  attendee: .init(name: "佐藤 花子", email: email), required: true)
    }

    func unfolded(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
    }

    @Test func requestCarriesWhatClientsNeedForAcceptAndDecline() throws {
        let text = unfolded(try ITIPWriter.write(event(.request)))
        #expect(text.contains("METHOD:REQUEST\r\n"))
        #expect(text.contains("UID:s-open.test-forum@convene\r\n"))
        #expect(text.contains("SEQUENCE:3\r\n"))
        #expect(text.contains("DTSTART:20270222T003000Z\r\n"))
        #expect(text.contains("ORGANIZER;CN=フォーラム事務局:mailto:forum@example.org\r\n"))
        #expect(text.contains("ATTENDEE;CN=佐藤 花子;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:hanako.sato@example.jp\r\n"))
        #expect(!text.contains("X-WR-CALNAME"))
    }

    @Test func cancelSaysCancelled() throws {
        let text = unfolded(try ITIPWriter.write(event(.cancel)))
        #expect(text.contains("METHOD:CANCEL\r\n"))
        #expect(text.contains("STATUS:CANCELLED\r\n"))
        #expect(!text.contains("RSVP=TRUE"))
    }

    @Test func linesAreFoldedAtSeventyFiveOctets() throws {
        let long = String(repeating: "希少がんのドラッグ・ラグとドラッグ・ロス", count: 4)
        let raw = String(decoding: try ITIPWriter.write(event(.request, summary: long)), as: UTF8.self)
        #expect(raw.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(unfolded(Array(raw.utf8)).contains("SUMMARY:\(long)\r\n"))
    }

    @Test func controlCharactersCannotInjectProperties() {
        #expect(throws: ICalError.self) { try ITIPWriter.write(event(.request, email: "a@example.org\r\nATTENDEE:mailto:x@example.org")) }
        #expect(throws: ICalError.self) { try ITIPWriter.write(event(.request, summary: "a\nb")) }
    }
}
