import ConveneCore
import Foundation

/// One value as the store keeps it: SQLite's storage classes, which the PostgreSQL schema maps one to
/// one (BIGINT, DOUBLE PRECISION, TEXT, BYTEA), so both stores hold the same values.
enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

/// A Swift value stored as one column's value.
protocol SQLValueConvertible {
    /// The value as the store keeps it.
    var sqlValue: SQLValue { get }
    /// The Swift value a stored value stands for; nil when it stands for none of this type.
    static func from(_ value: SQLValue) -> Self?
}

extension String: SQLValueConvertible {
    var sqlValue: SQLValue { .text(self) }
    static func from(_ value: SQLValue) -> String? {
        if case .text(let s) = value { return s }
        return nil
    }
}

extension Int64: SQLValueConvertible {
    var sqlValue: SQLValue { .integer(self) }
    static func from(_ value: SQLValue) -> Int64? {
        switch value {
        case .integer(let i): i
        // An aggregate PostgreSQL widens (SUM of BIGINT is NUMERIC) arrives as its text.
        case .text(let s): Int64(s)
        case .real(let d): Int64(exactly: d)
        default: nil
        }
    }
}

extension Int: SQLValueConvertible {
    var sqlValue: SQLValue { .integer(Int64(self)) }
    static func from(_ value: SQLValue) -> Int? { Int64.from(value).flatMap { Int(exactly: $0) } }
}

extension Double: SQLValueConvertible {
    var sqlValue: SQLValue { .real(self) }
    static func from(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let d): d
        case .integer(let i): Double(i)
        case .text(let s): Double(s)
        default: nil
        }
    }
}

/// Kept as 0 or 1, as SQLite keeps truth; PostgreSQL's own booleans (the value of a comparison) read the same.
extension Bool: SQLValueConvertible {
    var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    static func from(_ value: SQLValue) -> Bool? { Int64.from(value).map { $0 != 0 } }
}

extension Data: SQLValueConvertible {
    var sqlValue: SQLValue { .blob(self) }
    static func from(_ value: SQLValue) -> Data? {
        switch value {
        case .blob(let d): d
        case .text(let s): Data(s.utf8)
        default: nil
        }
    }
}

/// An instant is kept as its ISO 8601 text with the offset it was written with (what the columns
/// have always held), read back through the same parser.
extension Instant: SQLValueConvertible {
    var sqlValue: SQLValue { .text(iso8601) }
    static func from(_ value: SQLValue) -> Instant? { String.from(value).flatMap(Instant.init(iso8601:)) }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
    static func from(_ value: SQLValue) -> Wrapped?? {
        if case .null = value { return .some(nil) }
        return Wrapped.from(value).map { .some($0) }
    }
}

/// The values of a statement's `?` placeholders, in order; written as an array literal.
struct SQLArguments: ExpressibleByArrayLiteral, Sendable {
    var values: [SQLValue]

    init(values: [SQLValue]) { self.values = values }

    init(_ elements: [(any SQLValueConvertible)?]) { values = elements.map { $0?.sqlValue ?? .null } }

    init(arrayLiteral elements: (any SQLValueConvertible)?...) { self.init(elements) }

    static func + (lhs: SQLArguments, rhs: SQLArguments) -> SQLArguments { SQLArguments(values: lhs.values + rhs.values) }
}
