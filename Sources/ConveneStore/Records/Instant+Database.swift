public import ConveneCore
public import GRDB

/// An instant is stored as its ISO 8601 text with the offset it was written with (what the columns
/// have always held), and read back through the same parser, so text that is not a time is an error
/// of the read, never a crash.
extension Instant: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso8601.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Instant? {
        String.fromDatabaseValue(dbValue).flatMap(Instant.init(iso8601:))
    }
}
