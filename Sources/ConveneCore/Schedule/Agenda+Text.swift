extension Agenda {
    /// A plain-text agenda, one line per session, grouped by day.
    public func text(language: Language = .ja) -> String {
        var out = "\(event.name.bilingual) (\(event.timeZone))\n"
        for day in days {
            out += "\n\(day.date.iso8601) \(weekdayName(day.date, language))\n"
            for e in day.entries {
                out += "  \(e.start.timeText)–\(e.end.timeText)  \(pad(e.room.name.text(in: language), 18))  \(e.session.title.bilingual)\n"
            }
        }
        if !unscheduled.isEmpty {
            out += "\nunscheduled\n"
            for u in unscheduled { out += "  \(u.session.id): \(u.reason)\n" }
        }
        return out
    }

    /// RFC 4180 CSV: date, start, end, room, session id, title (ja), title (en), kind, track.
    public var csv: String {
        var out = "date,start,end,room,session,title_ja,title_en,kind,track\r\n"
        for day in days {
            for e in day.entries {
                let fields = [day.date.iso8601, e.start.timeText, e.end.timeText, e.room.name.text(in: .en), e.session.id,
                              e.session.title.ja ?? "", e.session.title.en ?? "", e.session.kind.rawValue, e.session.track ?? ""]
                out += fields.map(csvField).joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    private func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    private func pad(_ s: String, _ width: Int) -> String {
        // East Asian characters take two columns in a terminal.
        let cols = s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        return s + String(repeating: " ", count: max(0, width - cols))
    }

    private func weekdayName(_ d: LocalDate, _ language: Language) -> String {
        let ja = ["月", "火", "水", "木", "金", "土", "日"], en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return language == .ja ? "(\(ja[d.isoWeekday - 1]))" : en[d.isoWeekday - 1]
    }
}
