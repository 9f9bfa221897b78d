/// Chooses the words of a public text: one language, or both (Japanese first) when none is chosen.
public struct LanguageChoice: Sendable, Hashable {
    /// Nil for both languages.
    public var language: Language?

    public init(_ language: Language?) { self.language = language }

    /// The text in the chosen language, or both.
    public func callAsFunction(_ text: LocalizedText) -> String {
        language.map { text.text(in: $0) } ?? text.bilingual
    }

    /// A fixed phrase in the chosen language, or both.
    public func callAsFunction(ja: String, en: String) -> String {
        self(LocalizedText(ja: ja, en: en))
    }

    /// The language tag of the text (`ja`, `en`), or `mul` for both.
    public var tag: String { language?.rawValue ?? "mul" }

    /// "Cancelled", as feeds, the programme and exports say it of a session taken off the schedule.
    public var cancelled: String { self(ja: "中止", en: "Cancelled") }

    /// The marker a cancelled session's title starts with, e.g. `[中止]` or `[Cancelled]`: it shows
    /// even where STATUS:CANCELLED is ignored.
    public var cancelledMark: String { "[" + cancelled + "]" }
}

extension StakeholderGroup {
    /// What a member of the group is, in words: "Patient organization", "Industry" …
    public var name: LocalizedText {
        switch self {
        case .patient: return LocalizedText(ja: "患者団体", en: "Patient organization")
        case .industry: return LocalizedText(ja: "企業", en: "Industry")
        case .government: return LocalizedText(ja: "行政", en: "Government")
        case .academia: return LocalizedText(ja: "研究機関", en: "Academia")
        case .clinician: return LocalizedText(ja: "医療者", en: "Clinician")
        case .other: return LocalizedText(ja: "その他", en: "Other")
        }
    }

    /// How the programme names a member who is not public.
    public var unnamedMember: LocalizedText {
        switch self {
        case .patient: return LocalizedText(ja: "患者団体の代表者", en: "A patient organization representative")
        default: return LocalizedText(ja: "登壇者（氏名非公開）", en: "A speaker (name not published)")
        }
    }
}
