public import ConveneCore

/// The programme as one HTML page: per day the rooms × time grid, then every session with its
/// speakers, track, accessibility, description and online link. No scripts; a print stylesheet
/// puts each day on its own A4 page.
public enum ProgrammePage {
    /// The whole page; `header` is HTML placed under the title (the server puts feed links there).
    public static func render(_ programme: Programme, header: String = "") -> String {
        let say = programme.wording
        var body = "<header>\n<h1>\(h(programme.title))</h1>\n"
        if !programme.venue.isEmpty || programme.mapLink != nil {
            var parts = programme.venue.map(h)
            if let map = programme.mapLink { parts.append("<a href=\"\(h(map))\">\(h(say(ja: "地図", en: "Map")))</a>") }
            body += "<p class=\"venue\">\(parts.joined(separator: " · "))</p>\n"
        }
        body += "<p class=\"meta\">\(h(say(ja: "時刻は\(programme.zone.identifier)", en: "Times in \(programme.zone.identifier)")))</p>\n"
        body += header + "</header>\n"
        let scheduled = programme.items.filter { !$0.isCancelled }
        if scheduled.isEmpty && programme.items.isEmpty {
            body += "<p class=\"meta\">\(h(say(ja: "プログラムはまだ公開されていません。", en: "No schedule has been published yet.")))</p>\n"
        }
        for day in programme.days where !day.items.isEmpty {
            body += section(day, programme)
        }
        return page(title: programme.title, lang: programme.wording.language?.rawValue ?? "ja", body: body)
    }

    private static func section(_ day: Programme.Day, _ programme: Programme) -> String {
        let say = programme.wording
        var out = "<section class=\"day\" id=\"day-\(day.date.iso8601)\">\n<h2>\(h(DateText.day(day.date, say)))</h2>\n"
        let full = ProgrammeGrid(day, slotMinutes: programme.event.slotMinutes, zone: programme.zone)
        // Printed, the grid is cut into parts of at most three hours, each kept on one page; a block
        // cut by a part's edge is shown again in the next part, so no room looks free where it is not.
        let parts = full.parts(rows: max(4, 180 / full.slotMinutes))
        if parts.count == 1 {
            out += "<div class=\"scroll\">" + grid(full, continued: [], say) + "</div>\n"
        } else {
            out += "<div class=\"scroll screen\">" + grid(full, continued: [], say) + "</div>\n<div class=\"parts\">"
                + parts.map { range in let (g, continued) = full.part(range); return grid(g, continued: continued, say) }.joined()
                + "</div>\n"
        }
        out += "<ol class=\"sessions\">\n"
        var breaks = day.breaks[...]
        for item in day.items {
            while let b = breaks.first, b.start <= item.start { out += entry(b); breaks.removeFirst() }
            out += entry(item, say)
        }
        for b in breaks { out += entry(b) }
        return out + "</ol>\n</section>\n"
    }

    private static func grid(_ grid: ProgrammeGrid, continued: Set<String>, _ say: LanguageChoice) -> String {
        var out = "<table class=\"grid\">\n<thead><tr><th>\(h(say(ja: "時刻", en: "Time")))</th>"
        for room in grid.rooms { out += "<th scope=\"col\">\(h(say(room.name)))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        var coveredUntil = Array(repeating: 0, count: grid.rooms.count)
        var next = Array(repeating: 0, count: grid.rooms.count)
        for row in 0..<grid.rowCount {
            out += "<tr><th scope=\"row\">\(grid.time(ofRow: row))</th>"
            if let b = grid.breaks.first(where: { $0.firstRow == row }) {
                out += "<td class=\"break\" colspan=\"\(grid.rooms.count)\" rowspan=\"\(b.rowSpan)\"><strong>\(h(b.item.name))</strong>"
                    + "<span class=\"when\">\(b.item.localStart.timeText)–\(b.item.localEnd.timeText)</span></td>"
                for c in grid.rooms.indices { coveredUntil[c] = row + b.rowSpan }
            }
            for c in grid.rooms.indices {
                if next[c] < grid.blocks[c].count, grid.blocks[c][next[c]].firstRow == row {
                    let block = grid.blocks[c][next[c]]
                    next[c] += 1
                    coveredUntil[c] = row + block.rowSpan
                    out += "<td class=\"cell\" rowspan=\"\(block.rowSpan)\">"
                        + block.items.map { cell($0, continued: continued.contains($0.session), say) }.joined() + "</td>"
                } else if coveredUntil[c] <= row {
                    out += "<td></td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    private static func cell(_ item: Programme.Item, continued: Bool, _ say: LanguageChoice) -> String {
        let cancelled = item.isCancelled ? " cancelled" : ""
        return "<a class=\"block kind-\(item.kind.rawValue)\(cancelled)\"\(colour(item)) href=\"#\(h(item.session))\">"
            + (continued ? "<span class=\"continued\">\(h(say(ja: "（続き）", en: "(continued)")))</span>" : "")
            + (item.isCancelled ? "<em>\(h(say.cancelledMark))</em> " : "")
            + (item.series.map { "<span class=\"series\">\(h($0))</span>" } ?? "")
            + "<strong>\(h(item.title))</strong>"
            + "<span class=\"when\">\(item.localStart.timeText)–\(item.localEnd.timeText)</span></a>"
    }

    private static func entry(_ b: Programme.Break) -> String {
        "<li class=\"break\"><h3><span class=\"when\">\(b.localStart.timeText)–\(b.localEnd.timeText)</span> \(h(b.name))</h3></li>\n"
    }

    private static func entry(_ item: Programme.Item, _ say: LanguageChoice) -> String {
        var out = "<li class=\"session kind-\(item.kind.rawValue)\(item.isCancelled ? " cancelled" : "")\" id=\"\(h(item.session))\" "
            + "data-session=\"\(h(item.session))\"\(colour(item))>\n"
        out += "<h3><span class=\"when\">\(item.localStart.timeText)–\(item.localEnd.timeText)</span> "
        if item.isCancelled { out += "<em>\(h(say.cancelledMark))</em> " }
        out += "\(h(item.title))</h3>\n"
        var whereLine = [h(item.roomName)]
        if let series = item.series { whereLine.append(h(say(ja: "シリーズ", en: "Series") + ": " + series)) }
        if let track = item.trackName { whereLine.append(h(say(ja: "トラック", en: "Track") + ": " + track)) }
        whereLine.append(h(kindName(item.kind, say)))
        out += "<p class=\"where\">\(whereLine.joined(separator: " · "))</p>\n"
        if !item.speakers.isEmpty {
            out += "<ul class=\"speakers\">"
            for s in item.speakers {
                let id = s.id.map { " data-person=\"\(h($0))\"" } ?? ""
                out += "<li\(id)><span class=\"name\">\(h(s.name))</span>"
                if s.joinsOnline { out += " <span class=\"remote\">\(h(say(ja: "（オンライン参加）", en: "(joins online)")))</span>" }
                let detail = [s.affiliation, s.id == nil ? nil : say(s.group.name)].compactMap { $0 }
                if !detail.isEmpty { out += " <span class=\"affiliation\">\(h(detail.joined(separator: " · ")))</span>" }
                out += "</li>"
            }
            out += "</ul>\n"
        }
        if !item.accessibility.isEmpty {
            out += "<p class=\"access\"><span class=\"label\">\(h(say(ja: "アクセシビリティ", en: "Access") + ": "))</span>"
                + item.accessibility.map(h).joined(separator: " · ") + "</p>\n"
        }
        if let d = item.description { out += "<p class=\"description\">\(h(d))</p>\n" }
        if let url = item.online {
            out += "<p class=\"online\"><a href=\"\(h(url))\">\(h(say(ja: "オンライン参加", en: "Join online")))</a></p>\n"
        }
        return out + "</li>\n"
    }

    /// The kind of a session in words.
    public static func kindName(_ kind: SessionKind, _ say: LanguageChoice) -> String {
        switch kind {
        case .plenary: return say(ja: "全体会議", en: "Plenary")
        case .symposium: return say(ja: "シンポジウム", en: "Symposium")
        case .seminar: return say(ja: "セミナー", en: "Seminar")
        case .meeting: return say(ja: "会議", en: "Meeting")
        case .workshop: return say(ja: "ワークショップ", en: "Workshop")
        case .panel: return say(ja: "パネル討論", en: "Panel")
        case .poster: return say(ja: "ポスター", en: "Posters")
        case .social: return say(ja: "交流会", en: "Social")
        }
    }

    private static func h(_ s: String) -> String { HTMLText.escape(s) }

    /// The track's colour as a left rule (the plan checks it is `#rrggbb`).
    private static func colour(_ item: Programme.Item) -> String {
        item.track?.color.map { " style=\"border-left:4px solid \(h($0));padding-left:.4rem\"" } ?? ""
    }

    private static func page(title: String, lang: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="\(lang)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(h(title))</title>
        <style>
        body{font-family:"Noto Sans CJK JP","Noto Sans JP",system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:80rem;line-height:1.45;color:#111}
        h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:2px solid #246}h3{font-size:1rem;margin:0 0 .2rem}
        .meta,.venue{color:#444;margin:.2rem 0}.subscribe{font-weight:600}.feeds{padding-left:1.2rem}.scroll{overflow-x:auto}
        table.grid{border-collapse:collapse;font-size:.8rem;margin-bottom:1rem}.grid th,.grid td{border:1px solid #bbb;padding:.2rem .35rem;vertical-align:top}
        .grid thead th{background:#eef2f7;min-width:8rem}.grid thead th:first-child{min-width:0;width:3.2rem}
        .grid tbody th{white-space:nowrap;color:#555;font-weight:normal}
        td.cell{background:#eaf1fb}.block{display:block;color:inherit;text-decoration:none}.block+.block{border-top:1px dashed #99a;margin-top:.3rem;padding-top:.3rem}
        .block strong,.block .when{display:block}.when{color:#333;font-variant-numeric:tabular-nums}
        .cancelled{text-decoration:line-through;color:#777}.cancelled em{text-decoration:none;color:#a00;font-style:normal;font-weight:600}
        ol.sessions{list-style:none;padding:0;margin:0}li.session{border-top:1px solid #ddd;padding:.6rem 0;break-inside:avoid}
        .where{color:#333;margin:.1rem 0}.speakers{margin:.2rem 0;padding-left:1.1rem}.affiliation{color:#555}
        .access{margin:.2rem 0}.access .label{font-weight:600}.description{margin:.3rem 0;color:#222}.online{margin:.2rem 0}
        td.break{background:#f3efe2;text-align:center;color:#444}td.break strong,td.break .when{display:inline;margin:0 .3rem}
        li.break{padding:.4rem 0;color:#444;border-top:1px solid #ddd}.series,.continued{display:block;color:#555;font-size:.9em}
        .remote{color:#246}.parts{display:none}
        @media print{
        .screen{display:none}.parts{display:block}.parts table.grid{break-inside:avoid}thead{display:table-header-group}
        @page{size:A4;margin:12mm}
        body{max-width:none;padding:0;font-size:9pt}.scroll{overflow:visible}
        section.day{break-before:page}section.day:first-of-type{break-before:auto}
        table.grid{font-size:7pt;width:100%}.grid thead th{min-width:0}details{display:none}
        a{color:inherit;text-decoration:none}
        }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
