/// Something a room offers or a session needs, with the name people read: wheelchair access,
/// a hearing loop, interpretation, streaming …
public struct Feature: Sendable, Hashable, Codable, Identifiable {
    /// What rooms and sessions name in `features:`.
    public var id: String
    /// What people read, e.g. "Hearing loop".
    public var name: LocalizedText
    /// True when it matters to people who need access (programmes list these); false for
    /// equipment such as a projector.
    public var accessibility: Bool
    /// True for a service given only to sessions that ask for it (interpretation, captioning);
    /// false for what every session in a room that has it enjoys (wheelchair access, a hearing loop).
    public var perSession: Bool

    public init(id: String, name: LocalizedText, accessibility: Bool = true, perSession: Bool = false) {
        self.id = id
        self.name = name
        self.accessibility = accessibility
        self.perSession = perSession
    }

    /// The features every plan knows without declaring them.
    public static let builtIn: [Feature] = [
        Feature(id: "wheelchair", name: LocalizedText(ja: "車椅子対応", en: "Wheelchair accessible")),
        Feature(id: "hearing-loop", name: LocalizedText(ja: "ヒアリングループ", en: "Hearing loop")),
        Feature(id: "interpretation", name: LocalizedText(ja: "同時通訳", en: "Simultaneous interpretation"), perSession: true),
        Feature(id: "sign-language", name: LocalizedText(ja: "手話通訳", en: "Sign-language interpretation"), perSession: true),
        Feature(id: "captioning", name: LocalizedText(ja: "字幕（文字通訳）", en: "Live captioning"), perSession: true),
        Feature(id: "streaming", name: LocalizedText(ja: "オンライン配信", en: "Live streaming"), perSession: true),
        Feature(id: "projector", name: LocalizedText(ja: "プロジェクター", en: "Projector"), accessibility: false),
    ]
}
