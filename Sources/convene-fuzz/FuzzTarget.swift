import ConveneCore
import ConveneICal
import ConveneMail
import ConvenePlan

/// One reader under fuzzing: it takes any bytes and must answer (a value or a thrown error),
/// never crash or hang.
enum FuzzTarget: String, CaseIterable {
    /// `Plan.parse`: the YAML plan reader and its checks.
    case plan
    /// `CalendarReader`: a stakeholder's calendar to busy time.
    case calendar
    /// An RSVP reply: the message's calendar part, then `ITIPReply.read`.
    case reply

    private static let window = Interval(start: Instant(secondsSinceEpoch: 1_798_761_600),   // 2027-01-01
                                         end: Instant(secondsSinceEpoch: 1_830_297_600))     // 2028-01-01

    /// Feeds one input to the reader; errors are answers, so they are dropped.
    func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .plan:
            _ = try? Plan.parse(yaml: text, file: "fuzz.yaml")
        case .calendar:
            _ = try? CalendarReader.read(text: text, source: "fuzz.ics", window: Self.window, floatingZone: "Asia/Tokyo")
        case .reply:
            guard let calendar = try? ReplyFile.calendarText(text, file: "fuzz.eml") else { return }
            _ = try? ITIPReply.read(calendar, file: "fuzz.eml")
        }
    }
}
