public import ConveneCore
import ConveneICal

/// Turns notices into mail: a body from the templates in the person's language and an iMIP part from libical.
public struct InvitationComposer: Sendable {
    public var event: Event
    public var from: MailAddress
    public var templates: MailTemplates
    /// Sessions no longer in the plan, so cancels can still name them.
    public var removed: [Session]
    /// Each person's own page address, by person id: invitations and updates to them carry it.
    public var pageLinks: [String: String] = [:]

    /// Creates a composer; `from` defaults to the event's organizer.
    public init(event: Event, from: MailAddress? = nil, removed: [Session] = []) throws {
        self.event = event
        self.from = try from ?? MailAddress(name: event.organizer.name, address: event.organizer.email, context: "organizer")
        self.templates = try MailTemplates(overrides: event.templates)
        self.removed = removed
    }

    /// The message for one notice, dated `now`.
    public func compose(_ notice: Notice, at now: Instant) throws -> MailMessage {
        guard let person = event.stakeholder(notice.person) else {
            throw MailError("notice for unknown person '\(notice.person)'")
        }
        guard let session = event.session(notice.session) ?? removed.first(where: { $0.id == notice.session }) else {
            throw MailError("notice for unknown session '\(notice.session)'")
        }
        let context = "session '\(session.id)' for '\(person.id)'"
        let language = person.language
        let title = session.title.text(in: language)
        try HeaderValue.check(title, field: "title", context: context)
        let to = try MailAddress(name: person.name, address: person.email, context: "person '\(person.id)'")
        let roomName = event.room(notice.room)?.name.text(in: language) ?? notice.room
        let interval = Interval(start: notice.start, end: notice.start.adding(minutes: session.duration))

        let body = templates.render(notice.kind, language: language,
                                    context: bodyContext(notice, session: session, person: person, room: roomName, interval: interval))
        let calendar = try ITIPWriter.write(ITIPEvent(
            method: notice.method, uid: notice.uid, sequence: notice.sequence, stamp: notice.stamp,
            start: interval.start, end: interval.end, summary: title, location: roomName,
            description: session.description?.text(in: language),
            organizer: .init(name: event.organizer.name, email: event.organizer.email),
            attendee: .init(name: person.name, email: person.email), required: notice.required,
            online: notice.kind == .cancel ? nil : online(of: session, room: notice.room)?.url,
            onlineLabel: language == .ja ? "オンライン参加" : "Join online"))
        return MailMessage(
            messageID: notice.messageID(domain: from.domain), date: now, from: from, to: to,
            subject: subject(notice.kind, title: title, language: language), text: body,
            calendar: (calendar, notice.method))
    }

    /// A plain-text request for a person's availability, carrying their page link; `deadline` is shown
    /// as given, and `reminder` words it as a second request. The Message-ID is new on every call.
    public func composeAsk(person id: String, page: String, deadline: String?, reminder: Bool, at now: Instant) throws -> MailMessage {
        guard let person = event.stakeholder(id) else { throw MailError("request for unknown person '\(id)'") }
        let to = try MailAddress(name: person.name, address: person.email, context: "person '\(person.id)'")
        let language = person.language
        var context: [String: Any] = [
            "recipient": person.name, "event": event.name.text(in: language), "page": page, "reminder": reminder,
            "organizer": event.organizer.name, "organizerEmail": event.organizer.email,
        ]
        if let deadline { context["deadline"] = deadline }
        let unique = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return MailMessage(
            messageID: "ask.\(Notice.safe(person.id)).\(now.secondsSinceEpoch).\(unique)@\(from.domain)", date: now, from: from, to: to,
            subject: subject(.ask, title: "", language: language),
            text: templates.render(.ask, language: language, context: context))
    }

    /// The organizer's digest to `address` (the organizer's when nil), in the reader's language when
    /// the address is a stakeholder's, else the event's: Japanese when it has a Japanese name.
    public func composeDigest(_ digest: String, to address: String?, at now: Instant) throws -> MailMessage {
        let reader = (address ?? event.organizer.email).lowercased()
        let language = event.stakeholders.first { $0.email.lowercased() == reader }?.language
            ?? (event.name.ja == nil ? .en : .ja)
        let to = try MailAddress(name: address == nil ? event.organizer.name : "", address: address ?? event.organizer.email,
                                 context: address == nil ? "the event's organizer" : "digest to")
        let context: [String: Any] = [
            "organizer": event.organizer.name, "event": event.name.text(in: language), "digest": digest,
        ]
        let unique = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return MailMessage(
            messageID: "digest.\(now.secondsSinceEpoch).\(unique)@\(from.domain)", date: now, from: from, to: to,
            subject: subject(.digest, title: "", language: language),
            text: templates.render(.digest, language: language, context: context))
    }

    func subject(_ kind: NoticeKind, title: String, language: Language) -> String {
        let name = event.name.text(in: language)
        switch (kind, language) {
        case (.invitation, .ja): return "【ご案内】\(title)（\(name)）"
        case (.update, .ja): return "【日程変更】\(title)（\(name)）"
        case (.cancel, .ja): return "【取消】\(title)（\(name)）"
        case (.invitation, .en): return "Invitation: \(title) (\(name))"
        case (.update, .en): return "Updated: \(title) (\(name))"
        case (.cancel, .en): return "Cancelled: \(title) (\(name))"
        case (.ask, .ja): return "【ご都合のお伺い】\(name)"
        case (.ask, .en): return "Your availability: \(name)"
        case (.digest, .ja): return "【変更のお知らせ】\(name)"
        case (.digest, .en): return "What changed: \(name)"
        }
    }

    func bodyContext(_ n: Notice, session: Session, person: Stakeholder, room: String, interval: Interval) -> [String: Any] {
        let language = person.language
        let eventZone = ZoneRules(identifier: event.timeZone)
        let homeZone = ZoneRules(identifier: person.timeZone)
        var c: [String: Any] = [
            "recipient": person.name,
            "event": event.name.text(in: language),
            "title": session.title.text(in: language),
            "room": room,
            "eventTime": eventZone.map { TimeText.span(interval, zone: $0, language: language) } ?? interval.start.iso8601,
            "role": Self.roleText(required: n.required, language: language),
            "organizer": event.organizer.name,
            "organizerEmail": event.organizer.email,
            "sessionCancelled": n.sessionCancelled,
        ]
        // Only when the clocks read differently: Seoul and Tokyo share their wall time.
        if let home = homeZone, let eventZone, home.local(interval.start) != eventZone.local(interval.start) {
            c["homeTime"] = TimeText.span(interval, zone: home, language: language)
        }
        if let description = session.description?.text(in: language), !description.isEmpty { c["description"] = description }
        // Private links too: an invitation goes only to someone in the session.
        if n.kind != .cancel, let link = online(of: session, room: n.room) { c["online"] = link.url }
        if let page = pageLinks[person.id] { c["page"] = page }
        if let r = n.previousRoom, let s = n.previousStart, let eventZone {
            let before = Interval(start: s, end: s.adding(minutes: session.duration))
            let roomName = event.room(r)?.name.text(in: language) ?? r
            c["previous"] = TimeText.span(before, zone: eventZone, language: language) + (language == .ja ? "、" : ", ") + roomName
        }
        let others = participants(of: session, for: person)
        c["participants"] = others
        c["hasParticipants"] = !others.isEmpty
        return c
    }

    /// The other required participants, by name and role. People who are not public (patients,
    /// unless the plan lists them) are named only to people who are in the session themselves.
    func participants(of session: Session, for recipient: Stakeholder) -> [[String: Any]] {
        let insider = session.required.contains(recipient.id) || session.optional.contains(recipient.id)
        return session.required.filter { $0 != recipient.id }.compactMap { id in
            guard let p = event.stakeholder(id) else { return nil }
            if !p.isPublic && !insider {
                return ["name": recipient.language == .ja ? "患者団体の代表者" : "a patient organization representative"]
            }
            let detail = [p.role, p.organization].compactMap { $0 }.filter { !$0.isEmpty }
                .joined(separator: recipient.language == .ja ? "、" : ", ")
            return detail.isEmpty ? ["name": p.name] : ["name": p.name, "detail": detail]
        }
    }

    /// Where to join the session remotely: its own link, else the link of the room it is in.
    func online(of session: Session, room: String) -> OnlineLink? { Self.online(of: session, room: room, in: event) }

    /// Where to join a session of `event` remotely: its own link, else the link of the room it is in.
    package static func online(of session: Session, room: String, in event: Event) -> OnlineLink? {
        session.online ?? event.room(room)?.online
    }

    /// The person's part in a session, in words of their language.
    package static func roleText(required: Bool, language: Language) -> String {
        switch language {
        case .ja: return required ? "必須（ご登壇・ご発言をお願いする方）" : "任意（ご都合がつけばご参加ください）"
        case .en: return required ? "required (you are needed in this session)" : "optional (join if you can)"
        }
    }
}
