public import ConveneCore

extension Store {
    /// Queues requests for availability and keeps the page tokens (person → hash) their links carry,
    /// beside the people's earlier links, with one audit entry; one transaction. Returns how many were queued.
    @discardableResult
    public func queueRequests(_ messages: [OutboxMessage], pageTokens: [String: String], command: String, detail: String,
                              at now: Instant) throws -> Int {
        try write { db in
            let event = try writeScope(db)
            for (person, hash) in pageTokens.sorted(by: { $0.key < $1.key }) {
                try insertToken(.page, hash: hash, for: person, at: now, command: command, replacing: false, db)
            }
            let queued = try queue(db, messages, event: event, release: nil, at: now)
            try audit(db, event: event, at: now, command: command, action: "ask",
                      detail: "\(queued) request\(queued == 1 ? "" : "s") for availability queued" + (detail.isEmpty ? "" : "; \(detail)"))
            return queued
        }
    }
}
