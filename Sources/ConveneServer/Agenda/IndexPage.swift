import ConveneCore
import ConveneProgramme
import ConveneStore

/// The page at `/` when the store holds several events: each event's dates, place and organizer, and
/// a link to its programme under `/events/ID/`, in order of their first day. No script, nothing private.
enum IndexPage {
    static func render(_ events: [EventSummary], links: FeedLinks) -> String {
        let ordered = events.sorted { ($0.firstDay?.iso8601 ?? "9999", $0.id) < ($1.firstDay?.iso8601 ?? "9999", $1.id) }
        var items = ""
        for e in ordered {
            let path = "/events/\(e.id)/"
            var facts: [String] = []
            if let first = e.firstDay, let last = e.lastDay {
                facts.append(first == last ? first.iso8601 : "\(first.iso8601) – \(last.iso8601)")
            }
            if let venue = e.venue {
                facts.append(([venue.name.bilingual] + (venue.address.map { [$0.bilingual] } ?? [])).joined(separator: ", "))
            }
            if !e.organizer.isEmpty { facts.append(e.organizer) }
            items += "<li class=\"event\" id=\"\(h(e.id))\"><h2><a href=\"\(h(links.web(path)))\">\(h(e.name.bilingual))</a></h2>\n"
                + "<p class=\"meta\">\(facts.map(h).joined(separator: " · "))</p>\n"
                + "<p class=\"meta\">Times in \(h(e.timeZone)) · <a href=\"\(h(links.webcal(path + "feeds/event.ics")))\">subscribe</a>"
                + " · <a href=\"\(h(links.web(path + "schedule.xml")))\">schedule.xml</a></p></li>\n"
        }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Events</title>
            <style>
            body{font-family:"Noto Sans CJK JP","Noto Sans JP",system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:60rem;line-height:1.45;color:#111}
            h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.2rem 0 .2rem}.meta{color:#444;margin:.2rem 0}
            ol.events{list-style:none;padding:0}
            </style>
            </head>
            <body>
            <header><h1>Events</h1><p class="meta">\(ordered.count) events</p></header>
            <ol class="events">
            \(items)</ol>
            </body>
            </html>

            """
    }

    private static func h(_ s: String) -> String { HTMLText.escape(s) }
}
