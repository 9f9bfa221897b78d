import ConveneCore
import Foundation

/// A row of `live_calendar`: one person's live calendar and how its fetches went.
struct LiveCalendarRecord: SQLRecord {
    static let databaseTableName = "live_calendar"
    static let primaryKey = ["person_id"]
    var personId: String
    var address: String
    /// The busy periods as JSON `[{"interval": [start, end], "strength": …}]`, titles left out.
    var busy: String
    var fetchedAt: Instant?
    var changedAt: Instant?
    var etag: String?
    var lastModified: String?
    var error: String?
    var failures: Int


    init(_ c: LiveCalendar) throws {
        personId = c.person
        address = c.address
        let periods = c.busy.map { BusyPeriod(interval: $0.interval, strength: $0.strength) }
        busy = String(decoding: try JSONEncoder().encode(periods), as: UTF8.self)
        fetchedAt = c.state.fetchedAt
        changedAt = c.state.changedAt
        etag = c.state.etag
        lastModified = c.state.lastModified
        error = c.state.error
        failures = c.state.failures
    }

    func value() throws -> LiveCalendar {
        let periods = try JSONDecoder().decode([BusyPeriod].self, from: Data(busy.utf8))
        return LiveCalendar(person: personId, address: address, busy: periods, state: LiveCalendar.FetchState(
            fetchedAt: fetchedAt, changedAt: changedAt, etag: etag, lastModified: lastModified, error: error, failures: failures))
    }
}
