import ConveneCore

/// Which published sessions each kind of feed shows.
enum FeedSelection {
    /// The entries a feed of this kind shows, in the publication's order.
    static func entries(of kind: Feed.Kind, in publication: Publication) -> [Publication.Entry] {
        let event = publication.event
        switch kind {
        case .event:
            return publication.entries
        case .room(let id):
            return publication.entries.filter { $0.room == id }
        case .track(let id):
            return publication.entries.filter { $0.session.track == id }
        case .group(let group):
            let members = Set(event.stakeholders.filter { $0.group == group }.map(\.id))
            return publication.entries.filter { entry in
                entry.session.required.contains(where: members.contains) || entry.session.optional.contains(where: members.contains)
            }
        case .person(let id):
            return publication.entries.filter { $0.session.required.contains(id) || $0.session.optional.contains(id) }
        }
    }
}
