public import ConveneCore

/// Everything one change writes: the plan, a schedule version, a pin, answers, and the audit
/// entry that says why. `Store.save(_:at:)` writes it in one transaction.
public struct ChangeRecord: Sendable {
    /// A plan and its people's busy times, as read from the plan file and its calendars.
    public struct Plan: Sendable {
        public var event: Event
        public var file: String
        public var busy: [String: [BusyPeriod]]

        public init(event: Event, file: String, busy: [String: [BusyPeriod]]) {
            self.event = event
            self.file = file
            self.busy = busy
        }
    }

    /// A new schedule version, the new draft.
    public struct Version: Sendable {
        public var assignments: [Assignment]
        public var unscheduled: [Solution.Unscheduled]
        public var score: Score?
        /// What no schedule of the plan as it stands can beat.
        public var lowerBound: Score?
        /// For an undo: the version it brings back, so the next undo steps further back.
        public var restores: Int?

        public init(assignments: [Assignment], unscheduled: [Solution.Unscheduled], score: Score?, lowerBound: Score? = nil,
                    restores: Int? = nil) {
            self.assignments = assignments
            self.unscheduled = unscheduled
            self.score = score
            self.lowerBound = lowerBound
            self.restores = restores
        }
    }

    /// The latest schedule version when the change was worked out: if another process saved
    /// one since, nothing is saved and the error says so.
    public var basedOn: Int?
    /// The facts revision (`Store.factsRevision()`) read before the change was worked out: if the plan,
    /// calendars, answers or pins changed since, nothing is saved and the error says so. Nil only for a
    /// write that was not worked out from what the database held.
    public var facts: Int?
    /// The command that made the change, e.g. `move`.
    public var command: String
    public var reason: String?
    /// What the audit log keeps: the change in words and any conflicts accepted.
    public var detail: String
    public var plan: Plan?
    public var version: Version?
    public var pin: PinChange?
    public var answers: [RSVPAnswer]
    /// Replies held for the organizer instead of recorded.
    public var held: [HeldReply]
    /// The held reply these answers come from, recorded by the organizer.
    public var settles: Int64?
    /// People's availability answers, each stored as a new save.
    public var availability: [AvailabilityAnswer]
    /// Live calendars set or removed: an address saved, or busy times that changed on a refresh.
    public var liveCalendars: [LiveCalendarWrite]

    public init(basedOn: Int?, facts: Int? = nil, command: String, reason: String? = nil, detail: String, plan: Plan? = nil,
                version: Version? = nil, pin: PinChange? = nil, answers: [RSVPAnswer] = [], held: [HeldReply] = [],
                settles: Int64? = nil, availability: [AvailabilityAnswer] = [], liveCalendars: [LiveCalendarWrite] = []) {
        self.basedOn = basedOn
        self.facts = facts
        self.command = command
        self.reason = reason
        self.detail = detail
        self.plan = plan
        self.version = version
        self.pin = pin
        self.answers = answers
        self.held = held
        self.settles = settles
        self.availability = availability
        self.liveCalendars = liveCalendars
    }
}

/// What a saved change wrote.
public struct SavedChange: Sendable, Hashable {
    /// The new schedule version, if the change made one.
    public var version: ScheduleVersion?
    /// What the import added, updated and removed, if the change imported a plan.
    public var imported: ImportSummary?
    /// How many answers were stored.
    public var answers: Int
    /// How many replies were newly held for the organizer.
    public var held = 0
}

extension Store {
    /// The event's facts revision: raised by every saved change of its plan, calendars, answers or admin
    /// pins. Read it before working a change out from them and pass it with the change.
    public func factsRevision() throws -> Int {
        try read { db in try Store.factsRevision(try scope(db), db) }
    }

    static func factsRevision(_ event: String?, _ db: SQLDatabase) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT number FROM facts_revision WHERE event_id = ?", arguments: [event]) ?? 0
    }

    /// Raises the facts revision of each event given, inside a caller's transaction.
    static func raiseFacts(of events: Set<String>, _ db: SQLDatabase) throws {
        for event in events.sorted() {
            try db.execute(sql: """
                INSERT INTO facts_revision (event_id, number) VALUES (?, 1)
                ON CONFLICT (event_id) DO UPDATE SET number = facts_revision.number + 1
                """, arguments: [event])
        }
    }

    /// Throws, inside a caller's transaction, when what a change or publish of `event` was worked out
    /// from is no longer what the database holds: another process saved a schedule version of the event
    /// since, or changed its facts (when `facts` is given).
    func requireUnchanged(version expected: Int?, facts: Int?, of event: String, _ db: SQLDatabase, doing what: String,
                          undone: String) throws {
        let latest = try Store.latestVersion(event, db).map(Int.init)
        if latest != expected {
            throw StoreError("the schedule changed (now version \(latest ?? 0), was \(expected ?? 0)) while \(what) was "
                + "worked out; nothing was \(undone), run the command again", isStale: true)
        }
        if let facts, try Store.factsRevision(event, db) != facts {
            let now = try Store.factsRevision(event, db)
            throw StoreError("the plan, calendars, answers or pins changed (an import, a reply or a pin was saved: facts "
                + "revision now \(now), was \(facts)) while \(what) was worked out; nothing was \(undone), run the command again",
                isStale: true)
        }
    }

    /// Saves a change of the store's event in one transaction, with one audit entry; a change that
    /// imports a plan is a change of the plan's event (added when the store does not hold it yet).
    ///
    /// Throws, saving nothing, when another process saved a schedule version of the event since
    /// `change.basedOn`, changed its facts since `change.facts`, or when any part is refused.
    @discardableResult
    public func save(_ change: ChangeRecord, at now: Instant) throws -> SavedChange {
        try write { db in
            let event = try change.plan.map { try importScope($0.event) } ?? writeScope(db)
            try requireUnchanged(version: change.basedOn, facts: change.facts, of: event, db, doing: "this change", undone: "saved")
            var saved = SavedChange(version: nil, imported: nil, answers: 0)
            var action = change.pin == nil ? "rsvp" : "pin"
            var detail = change.detail
            if let plan = change.plan {
                let summary = try importPlan(db, plan.event, planFile: plan.file, busy: plan.busy, at: now)
                saved.imported = summary
                action = "import"
                detail = "\(plan.file): \(summary.added) added, \(summary.updated) updated, \(summary.removed) removed, "
                    + "\(summary.busyPeriods) busy periods" + (detail.isEmpty ? "" : "; \(detail)")
            }
            if let pin = change.pin { try apply(pin, event: event, db, at: now) }
            saved.answers = try insert(change.answers, event: event, db, at: now)
            saved.held = try hold(change.held, event: event, db, at: now)
            if let id = change.settles { try settle(id, as: .recorded, event: event, db, at: now) }
            if !change.availability.isEmpty {
                try insert(change.availability, event: event, db)
                action = "availability"
            }
            var changed: Set<String> = []
            if !change.liveCalendars.isEmpty {
                // A person's live calendar is theirs in every event: each of those events' facts changed.
                changed = try write(change.liveCalendars, db)
                action = "calendar"
            }
            if change.plan != nil || change.pin != nil || saved.answers > 0 || !change.availability.isEmpty
                || !change.liveCalendars.isEmpty {
                changed.insert(event)
                try Store.raiseFacts(of: changed, db)
            }
            if let v = change.version {
                let version = try insertVersion(db, v, event: event, at: now, command: change.command, reason: change.reason)
                if let restores = v.restores {
                    try ScheduleRestoreRecord(version: Int64(version.number), restores: Int64(restores)).insert(db)
                }
                saved.version = version
                action = "schedule"
                detail = "version \(version.number): \(v.assignments.count) scheduled, \(v.unscheduled.count) unscheduled"
                    + (version.scoreText.map { ", \($0)" } ?? "") + (detail.isEmpty ? "" : "; \(detail)")
            }
            try audit(db, event: event, at: now, command: change.command, action: action, reason: change.reason, detail: detail,
                      version: saved.version.map { Int64($0.number) })
            return saved
        }
    }
}
