import ConveneCore
import ConveneICal
import ConveneProgramme

/// The public agenda: the programme (rooms × times per day, then every session with its public
/// speakers, track, accessibility and description) with links to the public feeds on top.
///
/// The same page `convene programme` writes; no scripts; nobody who is not public is named.
struct AgendaPage: Sendable {
    let holder: LinkHolder
    var links: FeedLinks { holder.links }

    /// The page of one event, its links under `prefix` (`/events/ID`, or empty for the top), with a link
    /// to the index of events when `index`.
    func render(_ library: FeedLibrary, prefix: String = "", index: Bool = false) -> String {
        let links = self.links.under(prefix)
        guard let event = library.event else {
            return ProgrammePage.render(Programme(Publication(event: Self.empty, removed: [], history: [])),
                                        header: "<p class=\"meta\">No event has been imported yet.</p>\n")
        }
        let publication = library.publication ?? Publication(event: event, removed: [], history: [])
        var header = index ? "<p class=\"meta\"><a href=\"\(h(self.links.web("/")))\">All events</a></p>\n" : ""
        if let schedule = library.schedule {
            header += "<p class=\"meta\">Schedule version \(schedule.number) · \(schedule.assignments.count) sessions · "
                + "<a href=\"\(h(links.web("/schedule.xml")))\">schedule.xml</a> · "
                + "<a href=\"\(h(links.web("/schedule.json")))\">schedule.json</a></p>\n"
        }
        header += subscriptions(library.publicFeeds, event: event, links: links)
        return ProgrammePage.render(Programme(publication), header: header)
    }

    /// The whole-event feed in plain sight; rooms, tracks and groups folded away to keep the programme near the top.
    private func subscriptions(_ feeds: [Feed], event: Event, links: FeedLinks) -> String {
        guard let whole = feeds.first(where: { $0.kind == .event }) else { return "" }
        var out = "<p class=\"subscribe\">Subscribe to the whole event: \(link(whole, label: "calendar app", links: links))</p>\n"
        let others = feeds.filter { $0.kind != .event }
        guard !others.isEmpty else { return out }
        out += "<details><summary>Feeds per room, track and group</summary>\n<ul class=\"feeds\">\n"
        let prefix = event.name.bilingual + " — "
        for feed in others {
            let title = feed.title.hasPrefix(prefix) ? String(feed.title.dropFirst(prefix.count)) : feed.title
            out += "<li>\(h(feed.kindName.capitalized)) \(h(title)): \(link(feed, label: "subscribe", links: links))</li>\n"
        }
        return out + "</ul></details>\n"
    }

    private func link(_ feed: Feed, label: String, links: FeedLinks) -> String {
        let path = FeedLinks.publicPath(feed.path)
        return "<a href=\"\(h(links.webcal(path)))\">\(label)</a> · <a href=\"\(h(links.web(path)))\">.ics</a>"
    }

    /// The schedule as frab's schedule.xml or schedule.json, each event linking to its entry here.
    func schedule(_ library: FeedLibrary, xml: Bool, prefix: String = "") throws -> String {
        let publication = library.publication ?? Publication(event: library.event ?? Self.empty, removed: [], history: [])
        let schedule = FrabSchedule(publication, baseURL: links.under(prefix).base)
        return xml ? schedule.xml : try schedule.json()
    }

    private func h(_ s: String) -> String { HTMLText.escape(s) }

    /// What the page shows before any import.
    private static let empty = Event(
        id: "convene", name: LocalizedText(en: "Convene"), kind: .forum, timeZone: "UTC", slotMinutes: 15, days: [],
        organizer: Organizer(name: "", email: ""), rooms: [], stakeholders: [], sessions: [])
}
