import Foundation

/// Which SQL a store speaks. The store's statements are written once, in the SQL both accept
/// (`?` placeholders, `COALESCE`, `IS NOT DISTINCT FROM`, `ON CONFLICT`, `RETURNING`); the few
/// that cannot be ask the dialect.
enum SQLDialect: Sendable {
    case sqlite
    case postgres
}

/// What one store's connection does: runs one statement with its arguments.
protocol SQLDriver: AnyObject {
    var dialect: SQLDialect { get }
    /// Runs one statement (`?` placeholders) and returns its rows, and how many rows it inserted,
    /// updated or deleted (0 for a query). Database errors are thrown as `StoreError`s.
    func run(_ sql: String, _ arguments: [SQLValue]) throws -> (rows: [SQLRow], changes: Int)
}

/// The database inside one transaction, whichever store holds it: what every store query is written against.
final class SQLDatabase {
    let driver: any SQLDriver
    /// How many rows the last `execute` inserted, updated or deleted.
    private(set) var changesCount = 0

    init(_ driver: any SQLDriver) { self.driver = driver }

    var dialect: SQLDialect { driver.dialect }

    /// Runs one statement that returns no rows.
    func execute(sql: String, arguments: SQLArguments = []) throws {
        changesCount = try driver.run(sql, arguments.values).changes
    }

    /// Runs one statement and returns its rows.
    func rows(sql: String, arguments: SQLArguments = []) throws -> [SQLRow] {
        let result = try driver.run(sql, arguments.values)
        changesCount = result.changes
        return result.rows
    }
}

/// One row a statement returned.
struct SQLRow: Sendable {
    /// The columns' names, as the statement gives them.
    let columns: [String]
    let values: [SQLValue]

    /// The value of the column at `index`; a value of another type is a mistake in the statement, and traps.
    subscript<T: SQLValueConvertible>(_ index: Int) -> T {
        guard let v = T.from(values[index]) else {
            preconditionFailure("column \(index) (\(columns[index])) holds \(values[index]), not \(T.self)")
        }
        return v
    }

    /// The value of the column named `name`, read as `T`; throws when there is no such column or
    /// its value is not a `T`.
    func value<T: SQLValueConvertible>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let i = columns.firstIndex(of: name) else { throw StoreError("no column '\(name)' in the result") }
        guard let v = T.from(values[i]) else { throw StoreError("column '\(name)' holds \(values[i]), not \(T.self)") }
        return v
    }

    static func fetchAll(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> [SQLRow] {
        try db.rows(sql: sql, arguments: arguments)
    }

    static func fetchOne(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> SQLRow? {
        try db.rows(sql: sql, arguments: arguments).first
    }
}

extension SQLValueConvertible {
    /// The first column of every row; a value of another type (NULL included, unless `Self` is optional) throws.
    static func fetchAll(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> [Self] {
        try db.rows(sql: sql, arguments: arguments).map { try $0.first(as: Self.self) }
    }

    /// The first column of the first row; nil when there is no row or its value is NULL.
    static func fetchOne(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> Self? {
        guard let row = try db.rows(sql: sql, arguments: arguments).first, let value = row.values.first else { return nil }
        if case .null = value { return nil }
        return try row.first(as: Self.self)
    }
}

extension SQLRow {
    fileprivate func first<T: SQLValueConvertible>(as type: T.Type) throws -> T {
        guard let value = values.first else { throw StoreError("a statement returned no column") }
        guard let v = T.from(value) else { throw StoreError("column \(columns[0]) holds \(value), not \(T.self)") }
        return v
    }
}
