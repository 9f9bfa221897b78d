extension Session {
    /// What the schedule a session was imported from (frab, pentabarf, pretalx) said of it that no
    /// rule uses, kept so exports give it back and schedule apps keep their favourites.
    public struct Origin: Sendable, Hashable, Codable {
        /// The event's `guid` in the schedule; exports use it as the session's guid.
        public var guid: String?
        /// The event's numeric `id` in the schedule; exports use it as the session's id.
        public var id: Int?
        /// The schedule's own type (`devroom`, `lecture`, `Talk`), of which `kind` is the nearest.
        public var type: String?
        /// The language code the schedule gives (`en`, `de`).
        public var language: String?

        public init(guid: String? = nil, id: Int? = nil, type: String? = nil, language: String? = nil) {
            self.guid = guid
            self.id = id
            self.type = type
            self.language = language
        }

        /// True when it holds nothing.
        public var isEmpty: Bool { guid == nil && id == nil && type == nil && language == nil }
    }
}
