/// One cell of the CSV Convene writes (agenda, programme): RFC 4180 quoting, and safe to open in a
/// spreadsheet.
public enum CSVField {
    /// `text` as a cell. A cell that starts with `=`, `+`, `-`, `@`, a tab or a CR would be run as a
    /// formula by a spreadsheet (`=HYPERLINK(…)`), so it gets a leading `'` (OWASP's advice on CSV
    /// injection); a cell holding a comma, quote or line break is quoted.
    public static func escaped(_ text: String) -> String {
        var s = text
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
        return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
