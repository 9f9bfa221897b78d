import Foundation
public import ConveneCore

/// The programme as CSV (one row per session) and as Markdown (per day, a list of sessions).
public enum ProgrammeText {
    /// RFC 4180 CSV with a header row; speakers are joined with "; ". Cells a spreadsheet would run as
    /// formulas are neutralised (`CSVField`).
    public static func csv(_ programme: Programme) -> String {
        var out = "date,start,end,room,session,title,kind,track,speakers,accessibility,description,online,status\r\n"
        let say = programme.wording
        for day in programme.days {
            for item in day.items {
                let fields = [
                    day.date.iso8601, item.localStart.timeText, item.localEnd.timeText, item.roomName, item.session,
                    item.title, ProgrammePage.kindName(item.kind, say), item.trackName ?? "",
                    item.speakers.map(speaker).joined(separator: "; "), item.accessibility.joined(separator: "; "),
                    item.description ?? "", item.online ?? "", item.isCancelled ? "cancelled" : "scheduled",
                ]
                out += fields.map(CSVField.escaped).joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    /// Markdown: the title and venue, then per day each session with its details.
    public static func markdown(_ programme: Programme) -> String {
        let say = programme.wording
        var out = "# \(md(programme.title))\n\n"
        for line in programme.venue { out += "\(md(line))  \n" }
        if let map = programme.mapLink { out += "[\(say(ja: "地図", en: "Map"))](\(map))  \n" }
        out += say(ja: "時刻は\(programme.zone.identifier)", en: "Times in \(programme.zone.identifier)") + "\n"
        for day in programme.days where !day.items.isEmpty {
            out += "\n## \(DateText.day(day.date, say))\n"
            var breaks = day.breaks[...]
            func breakHeading(_ b: Programme.Break) -> String { "\n### \(b.localStart.timeText)–\(b.localEnd.timeText) \(md(b.name))\n" }
            for item in day.items {
                while let b = breaks.first, b.start <= item.start { out += breakHeading(b); breaks.removeFirst() }
                let mark = item.isCancelled ? say.cancelledMark + " " : ""
                out += "\n### \(item.localStart.timeText)–\(item.localEnd.timeText) \(mark)\(md(item.title))\n\n"
                var facts = [item.roomName]
                if let series = item.series { facts.append(say(ja: "シリーズ", en: "Series") + ": " + series) }
                if let t = item.trackName { facts.append(say(ja: "トラック", en: "Track") + ": " + t) }
                facts.append(ProgrammePage.kindName(item.kind, say))
                out += md(facts.joined(separator: " · ")) + "\n"
                for s in item.speakers {
                    out += "- \(md(speaker(s)))" + (s.joinsOnline ? " " + md(say(ja: "（オンライン参加）", en: "(joins online)")) : "") + "\n"
                }
                if !item.accessibility.isEmpty {
                    out += "\n" + say(ja: "アクセシビリティ", en: "Access") + ": " + md(item.accessibility.joined(separator: " · ")) + "\n"
                }
                if let d = item.description { out += "\n\(md(d))\n" }
                if let url = item.online { out += "\n[\(say(ja: "オンライン参加", en: "Join online"))](\(url))\n" }
            }
            for b in breaks { out += breakHeading(b) }
        }
        return out
    }

    private static func speaker(_ s: Programme.Speaker) -> String {
        s.affiliation.map { "\(s.name) (\($0))" } ?? s.name
    }

    /// Text with Markdown's special characters escaped, so titles never turn into markup.
    private static func md(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_{}[]<>#|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
