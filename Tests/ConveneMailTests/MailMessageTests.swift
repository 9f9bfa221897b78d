import ConveneTestFixtures
import Foundation
import ConveneCore
@testable import ConveneMail
import Testing

@Suite struct MailMessageTests {
    func message(subject: String = "【ご案内】開会全体会議") throws -> MailMessage {
        MailMessage(messageID: "s-open.test-forum.p-sato.0.request@example.org", date: Forum.stamp,
                    from: try MailAddress(name: "Forum", address: "forum@example.org"),
                    to: try MailAddress(name: "佐藤 花子", address: "hanako.sato@example.jp"),
                    subject: subject, text: "本文\n2行目\n", calendar: (Array("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8), .request))
    }

    @Test func headersAndMIMEStructure() throws {
        let text = String(decoding: try message().render(), as: UTF8.self)
        let (head, _) = text.split(separator: "\r\n\r\n", maxSplits: 1).map(String.init).pairs
        #expect(head.contains("Message-ID: <s-open.test-forum.p-sato.0.request@example.org>\r\n"))
        #expect(head.contains("Date: Sun, 10 Jan 2027 09:00:00 +0000\r\n"))
        #expect(head.contains("Subject: =?UTF-8?B?"))
        #expect(head.contains("MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"=_convene_"))
        #expect(text.contains("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n"))
        #expect(text.contains("Content-Type: text/calendar; charset=UTF-8; method=REQUEST\r\nContent-Transfer-Encoding: base64\r\n"))
        // Nothing but CRLF line ends, and no line longer than 78 characters.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
    }

    @Test func aSubjectWithALineBreakIsRefused() throws {
        #expect(throws: MailError.self) { try message(subject: "Hi\r\nBcc: all@example.org").render() }
        #expect(throws: MailError.self) { try message(subject: "Hi\0").render() }
    }

    @Test func renderingIsStable() throws {
        #expect(try message().render() == message().render())
    }
}

extension Array where Element == String {
    fileprivate var pairs: (String, String) { (self[0], count > 1 ? self[1] : "") }
}
