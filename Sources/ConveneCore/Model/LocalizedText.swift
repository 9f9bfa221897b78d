/// A text in Japanese, English or both.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var ja: String?
    public var en: String?

    public init(ja: String? = nil, en: String? = nil) {
        self.ja = ja
        self.en = en
    }

    /// The text in the given language, falling back to the other one.
    public func text(in language: Language) -> String {
        switch language {
        case .ja: return ja ?? en ?? ""
        case .en: return en ?? ja ?? ""
        }
    }

    /// Both texts, Japanese first, joined by " / " when both exist and differ.
    public var bilingual: String {
        switch (ja, en) {
        case let (j?, e?) where j != e: return "\(j) / \(e)"
        case let (j?, _): return j
        case let (nil, e?): return e
        default: return ""
        }
    }
}

/// A language Convene writes to people in.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case ja, en
}
