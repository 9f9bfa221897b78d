public import ConveneCore
import ConveneICal
public import ConveneStore
import Foundation

/// What importing replies did.
public struct ReplyImportReport: Sendable, Hashable {
    public var files = 0
    public var answers = 0
    /// Answers stored for the first time.
    public var recorded = 0
    public var lines: [String] = []
}

/// Reads iTIP REPLY messages (`.ics`, or `.eml` with a text/calendar part) and records each answer
/// against the session whose UID it names and the SEQUENCE it answers.
public struct ReplyImport {
    public let store: Store

    public init(store: Store) { self.store = store }

    /// Reads every file first and stores nothing unless all of them are good.
    public func run(files: [String], at now: Instant) throws -> ReplyImportReport {
        guard let event = try store.event() else {
            throw MailError("\(store.path): no event imported yet (run `convene import PLAN`)")
        }
        var sessionsByUID: [String: String] = [:]
        for s in event.sessions + (try store.removedSessions().map(\.session)) {
            sessionsByUID[Publication.uid(event: event.id, session: s.id)] = s.id
        }
        var peopleByEmail: [String: String] = [:]
        for p in event.stakeholders { peopleByEmail[p.email.lowercased()] = p.id }

        var report = ReplyImportReport()
        var answers: [RSVPAnswer] = []
        for file in files {
            let text = try ReplyImport.calendarText(file: file)
            for r in try ITIPReply.read(text, file: file) {
                guard let session = sessionsByUID[r.uid] else {
                    throw MailError("\(file): UID '\(r.uid)' is not a session of \(event.id)")
                }
                guard let person = peopleByEmail[r.attendee] else {
                    throw MailError("\(file): ATTENDEE '\(r.attendee)' is not a person of \(event.id)")
                }
                let answer = RSVPAnswer.Answer(rawValue: r.answer.rawValue)!
                answers.append(RSVPAnswer(person: person, session: session, sequence: r.sequence, answer: answer,
                                          repliedAt: r.stamp, source: (file as NSString).lastPathComponent))
                report.lines.append("\(file): \(person) \(answer.rawValue) \(session) (SEQUENCE \(r.sequence))")
            }
            report.files += 1
        }
        report.answers = answers.count
        report.recorded = try store.recordAnswers(answers, at: now)
        return report
    }

    /// The iCalendar text of a file: the whole `.ics`, or the text/calendar part of a message.
    static func calendarText(file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw MailError("\(file): cannot read the file")
        }
        return try calendarText(String(decoding: data, as: UTF8.self), file: file)
    }

    /// The iCalendar text of a reply given as text: itself, or the text/calendar part of a message.
    package static func calendarText(_ text: String, file: String) throws -> String {
        if text.hasPrefix("BEGIN:VCALENDAR") || !file.lowercased().hasSuffix(".eml") { return text }
        guard let part = MIMEParts.calendarPart(of: text) else {
            throw MailError("\(file): the message has no text/calendar part")
        }
        return part
    }
}
