import ConveneICal
import ConveneMail
import Foundation
import Testing

@Suite struct ReplyFileTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Apple iCal 3 (Mail 3.x) attaches the reply quoted-printable, Content-Disposition first.
    @Test func appleICal3sReplyIsRead() throws {
        let replies = try ReplyFile.read(Self.fixtures.appendingPathComponent("ical3-reply.eml").path)
        #expect(replies.map(\.attendee) == ["claire.dubois@example.fr"])
        #expect(replies.first?.answer == .accepted)
        #expect(replies.first?.uid == "s-open.test-forum@convene")
        #expect(replies.first?.comment?.hasSuffix("the walk from the station takes twenty minutes") == true)
    }
}

extension ReplyFileTests {
    /// The same reply after a mail server added blanks at line ends: soft breaks still join lines.
    @Test func quotedPrintableSoftBreaksWithTrailingBlanksJoinLines() throws {
        let original = try String(contentsOf: Self.fixtures.appendingPathComponent("ical3-reply.eml"), encoding: .utf8)
        let padded = original.replacingOccurrences(of: "=\r\n", with: "= \t\r\n")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("padded.eml")
        try Data(padded.utf8).write(to: file)
        let replies = try ReplyFile.read(file.path)
        #expect(replies.map(\.attendee) == ["claire.dubois@example.fr"])
        #expect(replies.first?.comment?.contains("arrives at 9:12 and the walk") == true)
    }

    /// A sparse 1 GiB file is refused by its size, before anything is read.
    @Test(arguments: ["huge.eml", "huge.ics"])
    func aFileOverTheLimitIsRefusedAtOnce(_ name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data("BEGIN:VCALENDAR\r\n".utf8)))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        let started = ContinuousClock.now
        #expect {
            try ReplyFile.read(file.path)
        } throws: { error in
            "\(error)".contains("the file is \(1 << 30) bytes; at most \(CalendarLimits.maximumBytes) are read")
        }
        #expect(ContinuousClock.now - started < .milliseconds(500))
    }

    /// A COMMENT reaches the organizer's terminal: control, bidi and separator characters are cleaned.
    @Test func aCommentIsCleanedAsTitlesAre() throws {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTAMP:20270115T100000Z\r\n"
            + "ATTENDEE;PARTSTAT=DECLINED:mailto:a@example.org\r\nCOMMENT:late\u{1B}[2J\u{07}\u{202E}txet\u{2028}x\r\n"
            + "END:VEVENT\r\nEND:VCALENDAR\r\n"
        let replies = try ITIPReply.read(text, file: "r.ics")
        #expect(replies.first?.comment == "late [2J  txet x")
    }
}

extension ReplyFileTests {
    /// What `convene inbox` shows of a message: its sender's address and its subject decoded.
    @Test func aMessagesSenderAndEncodedSubjectAreRead() throws {
        let subject = "=?UTF-8?B?\(Data("参加".utf8).base64EncodedString())?=\r\n =?UTF-8?Q?=E3=81=97=E3=81=BE=E3=81=99?= (Re: Opening)"
        let eml = "From: Claire Dubois <Claire.Dubois@Example.FR>\r\nSubject: \(subject)\r\nContent-Type: text/plain\r\n\r\n"
            + "Yes\u{1B}[2J.\r\n\r\nClaire\r\n"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("words.eml")
        try Data(eml.utf8).write(to: file)
        let message = try ReplyMessage.read(file.path)
        #expect(message.isMessage && message.calendar == nil)
        #expect(message.sender == "claire.dubois@example.fr")
        #expect(message.subject == "参加します (Re: Opening)")
        #expect(message.excerpt == "Yes [2J.\nClaire")
    }
}
