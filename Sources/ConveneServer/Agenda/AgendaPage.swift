import ConveneCore
import ConveneICal
import Foundation

/// The public agenda: a plain HTML grid of rooms × times per day with links to the public feeds.
///
/// No scripts, readable on a phone (the grid scrolls sideways), and no participant is named.
struct AgendaPage: Sendable {
    let holder: LinkHolder
    var links: FeedLinks { holder.links }

    func render(_ library: FeedLibrary) -> String {
        guard let event = library.event else {
            return page(title: "Convene", body: "<p>No event has been imported yet.</p>\n")
        }
        var body = "<h1>\(html(event.name.bilingual))</h1>\n"
        if let schedule = library.schedule {
            body += "<p class=\"meta\">Times in \(html(event.timeZone)) · schedule version \(schedule.number) · "
                + "\(schedule.assignments.count) sessions</p>\n"
        } else {
            body += "<p class=\"meta\">No schedule has been published yet.</p>\n"
        }
        body += subscriptions(library.publicFeeds, event: event)
        for day in AgendaGrid(event: event, schedule: library.schedule).days where !day.columns.isEmpty {
            body += grid(day)
        }
        return page(title: event.name.bilingual, body: body)
    }

    /// The whole-event feed in plain sight; rooms, tracks and groups folded away to keep the grid near the top.
    private func subscriptions(_ feeds: [Feed], event: Event) -> String {
        guard let whole = feeds.first(where: { $0.kind == .event }) else { return "" }
        var out = "<p class=\"subscribe\">Subscribe to the whole event: \(link(whole, label: "calendar app"))</p>\n"
        let others = feeds.filter { $0.kind != .event }
        guard !others.isEmpty else { return out }
        out += "<details><summary>Feeds per room, track and group</summary>\n<ul class=\"feeds\">\n"
        let prefix = event.name.bilingual + " — "
        for feed in others {
            let title = feed.title.hasPrefix(prefix) ? String(feed.title.dropFirst(prefix.count)) : feed.title
            out += "<li>\(html(feed.kindName.capitalized)) \(html(title)): \(link(feed, label: "subscribe"))</li>\n"
        }
        return out + "</ul></details>\n"
    }

    private func link(_ feed: Feed, label: String) -> String {
        let path = FeedLinks.publicPath(feed.path)
        return "<a href=\"\(html(links.webcal(path)))\">\(label)</a> · <a href=\"\(html(links.web(path)))\">.ics</a>"
    }

    private func grid(_ day: AgendaGrid.Day) -> String {
        let weekday = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.date.isoWeekday - 1]
        var out = "<section>\n<h2>\(weekday) \(day.date.iso8601)</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>Time</th>"
        for column in day.columns { out += "<th scope=\"col\">\(html(column.name))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        var coveredUntil = Array(repeating: 0, count: day.columns.count)
        var next = Array(repeating: 0, count: day.columns.count)
        for row in 0..<day.rowCount {
            out += "<tr><th scope=\"row\">\(day.time(ofRow: row))</th>"
            for c in day.columns.indices {
                if next[c] < day.blocks[c].count, day.blocks[c][next[c]].firstRow == row {
                    let block = day.blocks[c][next[c]]
                    next[c] += 1
                    coveredUntil[c] = row + block.rowSpan
                    out += "<td class=\"session\" rowspan=\"\(block.rowSpan)\">" + block.items.map(item).joined() + "</td>"
                } else if coveredUntil[c] <= row {
                    out += "<td></td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n</section>\n"
    }

    private func item(_ item: AgendaGrid.Item) -> String {
        var facts = [item.session.kind.rawValue]
        if let track = item.session.track { facts.append(track) }
        return "<div class=\"item kind-\(item.session.kind.rawValue)\" data-session=\"\(html(item.session.id))\">"
            + "<strong>\(html(item.session.title.bilingual))</strong>"
            + "<span class=\"when\">\(item.start.timeText)–\(item.end.timeText)</span>"
            + "<span class=\"facts\">\(html(facts.joined(separator: " · ")))</span></div>"
    }

    private func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(html(title))</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:80rem;line-height:1.4}
        h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}.meta{color:#555}
        .feeds{padding-left:1.2rem}.subscribe{font-weight:600}.scroll{overflow-x:auto}
        table{border-collapse:collapse;font-size:.85rem}th,td{border:1px solid #ccc;padding:.25rem .4rem;vertical-align:top}
        thead th{position:sticky;top:0;background:#f4f4f4;min-width:9rem}thead th:first-child{min-width:0;width:3.5rem}tbody th{white-space:nowrap;color:#555;font-weight:normal;position:sticky;left:0;background:#fff}
        td.session{background:#eef4ff}.item+.item{border-top:1px dashed #99a;margin-top:.3rem;padding-top:.3rem}
        .item strong,.item span{display:block}.when{color:#333}.facts{color:#666;font-size:.8rem}
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// Escapes text for HTML element content and quoted attributes.
    func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
