extension Agenda {
    /// A plain-text agenda, one line per session (and one of its track, speakers and accessibility),
    /// grouped by day, in one language or both (Japanese first) when `language` is nil.
    public func text(language: Language? = nil) -> String {
        let say = LanguageChoice(language)
        var out = "\(say(event.name)) (\(event.timeZone))\n"
        if let venue = event.venue {
            out += ([say(venue.name)] + [venue.address.map { say($0) }, venue.map].compactMap { $0 }).joined(separator: " · ") + "\n"
        }
        for day in days {
            out += "\n\(day.date.iso8601) \(weekdayName(day.date, language))\n"
            for e in day.entries {
                out += "  \(e.start.timeText)–\(e.end.timeText)  \(pad(say(e.room.name), 18))  \(say(e.session.title))\n"
                let details = self.details(e, say)
                if !details.isEmpty { out += String(repeating: " ", count: 15) + details.joined(separator: " · ") + "\n" }
            }
        }
        if !unscheduled.isEmpty {
            out += "\nunscheduled\n"
            for u in unscheduled { out += "  \(u.session.id): \(u.reason)\n" }
        }
        return out
    }

    /// RFC 4180 CSV: date, start, end, room, session id, title (ja), title (en), kind, track, then the
    /// track's name, the public speakers and the accessibility features, in English. Cells a
    /// spreadsheet would run as formulas are neutralised (`CSVField`).
    public var csv: String {
        let say = LanguageChoice(.en)
        var out = "date,start,end,room,session,title_ja,title_en,kind,track,track_name,speakers,accessibility\r\n"
        for day in days {
            for e in day.entries {
                let speakers = Programme.speakers(of: e.session, in: event, wording: say)
                    .map { s in s.affiliation.map { "\(s.name) (\($0))" } ?? s.name }
                let fields = [day.date.iso8601, e.start.timeText, e.end.timeText, e.room.name.text(in: .en), e.session.id,
                              e.session.title.ja ?? "", e.session.title.en ?? "", e.session.kind.rawValue, e.session.track ?? "",
                              e.session.track.map { say(event.track($0).name) } ?? "", speakers.joined(separator: "; "),
                              Programme.accessibility(of: e.session, in: e.room, event: event).map { say($0.name) }.joined(separator: "; ")]
                out += fields.map(CSVField.escaped).joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    /// Track, speakers and accessibility of an entry, as the public may see them.
    private func details(_ e: Entry, _ say: LanguageChoice) -> [String] {
        var out: [String] = []
        if let track = e.session.track { out.append(say(ja: "トラック", en: "Track") + ": " + say(event.track(track).name)) }
        let speakers = Programme.speakers(of: e.session, in: event, wording: say).map(\.name)
        if !speakers.isEmpty { out.append(say(ja: "登壇", en: "Speakers") + ": " + speakers.joined(separator: ", ")) }
        let access = Programme.accessibility(of: e.session, in: e.room, event: event).map { say($0.name) }
        if !access.isEmpty { out.append(say(ja: "アクセシビリティ", en: "Access") + ": " + access.joined(separator: ", ")) }
        return out
    }

    private func pad(_ s: String, _ width: Int) -> String {
        // East Asian characters take two columns in a terminal.
        let cols = s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        return s + String(repeating: " ", count: max(0, width - cols))
    }

    private func weekdayName(_ d: LocalDate, _ language: Language?) -> String {
        let ja = ["月", "火", "水", "木", "金", "土", "日"], en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        switch language {
        case .ja: return "(\(ja[d.isoWeekday - 1]))"
        case .en: return en[d.isoWeekday - 1]
        case nil: return "(\(ja[d.isoWeekday - 1])) \(en[d.isoWeekday - 1])"
        }
    }
}
