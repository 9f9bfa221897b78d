/// The largest plan Convene reads, and the longest text one field may hold.
public enum PlanLimits {
    /// Largest plan file, in bytes.
    public static let maximumBytes = 8 << 20
    /// Longest one-line text (names, titles, roles, organizations, reasons), in characters.
    public static let textCharacters = 500
    /// Longest session description, in characters.
    public static let descriptionCharacters = 5_000
}
