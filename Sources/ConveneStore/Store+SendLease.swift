public import ConveneCore

/// The right to send mail from one database for a while: one holder at a time, so two delivery
/// runs (two `serve`s, or `serve` and `invite`) never hand the same message to the mail server.
public struct SendLease: Sendable, Hashable {
    /// Names the process holding it, for people reading `convene status` (host, pid and a random part).
    public var holder: String
    /// How long it lasts without renewal: longer than one message's tries, so only a dead holder loses it.
    public var seconds: Int

    /// A lease for `holder` lasting `seconds` from each renewal.
    public init(holder: String, seconds: Int = 300) {
        self.holder = holder
        self.seconds = seconds
    }
}

/// Who holds the send lease now.
public struct SendLeaseHolder: Sendable, Hashable, Codable {
    public var holder: String
    public var expiresAt: Instant
}

extension Store {
    /// Takes or renews the lease; false (changing nothing) while another holder's lease has not expired.
    public func takeSendLease(_ lease: SendLease, at now: Instant) throws -> Bool {
        try write { db in try take(db, lease, at: now) }
    }

    /// Gives the lease up if `holder` still has it, so the next sender need not wait for it to expire.
    public func releaseSendLease(_ lease: SendLease) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM send_lease WHERE id = 1 AND holder = ?", arguments: [lease.holder])
        }
    }

    /// The current holder, if its lease has not expired at `now`.
    public func sendLeaseHolder(at now: Instant) throws -> SendLeaseHolder? {
        try read { db in
            guard let row = try SQLRow.fetchOne(db, sql: "SELECT holder, expires_at FROM send_lease WHERE id = 1") else { return nil }
            let expires = try row.value("expires_at", as: Int64.self)
            guard expires > now.secondsSinceEpoch else { return nil }
            return SendLeaseHolder(holder: try row.value("holder"), expiresAt: Instant(secondsSinceEpoch: expires))
        }
    }

    /// Claims a message for a delivery run that holds `lease`, renewing it in the same transaction:
    /// a run that lost its lease (it stalled past expiry and another took over) claims nothing.
    public func claim(_ messageID: String, at now: Instant, holding lease: SendLease) throws -> Bool {
        try write { db in
            guard try take(db, lease, at: now) else { return false }
            return try claim(db, messageID, at: now)
        }
    }

    func take(_ db: SQLDatabase, _ lease: SendLease, at now: Instant) throws -> Bool {
        // One statement decides it, and the store's writes run one at a time, so two takers never both win.
        try db.execute(sql: """
            INSERT INTO send_lease (id, holder, taken_at, expires_at) VALUES (1, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET holder = excluded.holder, taken_at = excluded.taken_at,
                expires_at = excluded.expires_at
            WHERE send_lease.holder = excluded.holder OR send_lease.expires_at <= ?
            """, arguments: [lease.holder, now.iso8601, now.secondsSinceEpoch + Int64(lease.seconds), now.secondsSinceEpoch])
        return db.changesCount == 1
    }
}
