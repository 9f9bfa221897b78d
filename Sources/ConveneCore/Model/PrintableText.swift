/// Which characters free text may not carry: they hide or reorder what a reader sees.
///
/// Control characters (all of C0, tab included, DEL, C1 such as U+0085 NEL and U+009B CSI) can
/// break lines or drive a terminal, and invitations cannot carry them (a tab in a name or title
/// would pass `check` and then stop every publish); U+2028 and U+2029 break lines in mail and feeds; the bidi embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069) make text read in another order
/// than it is stored.
public enum PrintableText {
    /// Whether `scalar` is one of the characters above.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The first unsafe character in `text`, if any.
    public static func firstUnsafe(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isUnsafe)
    }

    /// Text from outside made safe to print: the characters above and tabs become spaces, and it
    /// is cut at `limit` characters.
    public static func printable(_ text: String, limit: Int = 200) -> String {
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars.prefix(limit) {
            out.append(u == "\t" || isUnsafe(u) ? " " : u)
        }
        return String(out)
    }
}
