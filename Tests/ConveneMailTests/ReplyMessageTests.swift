import ConveneCore
import ConveneICal
import ConveneMail
import Foundation
import Testing

/// Replies as real clients shape them, read from the bytes an IMAP server gives.
@Suite struct ReplyMessageTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct Client: Sendable, CustomStringConvertible {
        var file: String
        var subject: String
        var excerpt: String
        var answer: RSVPAnswer.Answer
        var comment: String
        var description: String { file }
    }

    static let clients = [
        // Exchange: every part base64, DTSTART in "Tokyo Standard Time", X-MICROSOFT-CDO-* beside the answer.
        Client(file: "outlook-reply.eml", subject: "Refusé: Opening Plenary", excerpt: "Désolée, je serai à Lyon ce jour-là.",
               answer: .declined, comment: "Désolée, je serai à Lyon ce jour-là — 申し訳ありません。"),
        // Gmail: the calendar twice, 7bit inline then base64 as invite.ics; the first one counts.
        Client(file: "gmail-reply.eml", subject: "Accepté : Opening Plenary @ lun. 22 févr. 2027",
               excerpt: "Claire Dubois a accepté cette invitation.\nOpening Plenary", answer: .accepted, comment: "J'y serai, avec plaisir"),
        // Thunderbird: 8bit UTF-8 text and calendar, X-MOZ-* properties.
        Client(file: "thunderbird-reply.eml", subject: "Accepté provisoirement: Opening Plenary",
               excerpt: "Claire Dubois a accepté provisoirement votre invitation à l’événement : Opening Plenary",
               answer: .tentative, comment: "Peut-être : j’arrive de Zürich, le train est à 9 h 12."),
    ]

    @Test(arguments: clients)
    func aClientsReplyIsReadFromTheMailbox(_ client: Client) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(client.file)))
        let message = ReplyMessage.message(bytes, source: "imap://127.0.0.1/INBOX;UID=1")
        #expect(message.isMessage && !message.isCounter)
        #expect(message.sender == "claire.dubois@example.fr")
        #expect(message.subject == client.subject)
        #expect(message.excerpt == client.excerpt)
        let replies = try message.replies()
        #expect(replies.map(\.attendee) == ["claire.dubois@example.fr"])
        #expect(replies.first?.uid == "s-open.test-forum@convene" && replies.first?.sequence == 0)
        #expect(replies.first?.answer == client.answer)
        #expect(replies.first?.comment == client.comment)
    }

    @Test func aCounterIsKnownByItsMethod() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("outlook-reply.eml")))
        #expect(!ReplyMessage.message(bytes, source: "x").isCounter)
        #expect(ReplyMessage.isCounter("BEGIN:VCALENDAR\r\nMETHOD:COUNTER\r\nEND:VCALENDAR\r\n"))
        #expect(!ReplyMessage.isCounter(nil))
    }
}
