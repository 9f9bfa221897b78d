import Foundation

/// A row of one table as a Codable value: its properties are the table's columns, named in
/// camelCase for the columns' snake_case (`eventId` is `event_id`). Values of types the store keeps
/// directly (text, numbers, truth, bytes, instants) are columns; any other Codable value is JSON text.
protocol SQLRecord: Codable {
    static var databaseTableName: String { get }
    /// The primary key's columns.
    static var primaryKey: [String] { get }
    /// The key column the database numbers when an insert leaves it nil; nil when the table numbers nothing.
    static var generatedKey: String? { get }
}

extension SQLRecord {
    static var generatedKey: String? { nil }

    /// The records of the rows a `SELECT *` (or a choice of columns) returns.
    static func fetchAll(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> [Self] {
        try db.rows(sql: sql, arguments: arguments).map(Self.init(row:))
    }

    /// The record of the first row, or nil.
    static func fetchOne(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> Self? {
        try db.rows(sql: sql, arguments: arguments).first.map(Self.init(row:))
    }

    /// The record whose primary key has these values (in `primaryKey`'s order), or nil.
    static func fetchOne(_ db: SQLDatabase, key: SQLArguments) throws -> Self? {
        let condition = primaryKey.map { "\(quoted($0)) = ?" }.joined(separator: " AND ")
        return try fetchOne(db, sql: "SELECT * FROM \(quoted(databaseTableName)) WHERE \(condition)", arguments: key)
    }

    /// Reads a record from a row whose columns are named as the table's.
    init(row: SQLRow) throws {
        try self.init(from: RowDecoder(row: row))
    }

    /// The record's columns and values, in its properties' order.
    func columnValues() throws -> [(column: String, value: SQLValue)] {
        let encoder = RowEncoder()
        try encode(to: encoder)
        return encoder.storage.pairs
    }

    /// Inserts the row. Returns the number the database gave the generated key, when the record left it nil.
    @discardableResult
    func insert(_ db: SQLDatabase) throws -> Int64? {
        var pairs = try columnValues()
        let generated = Self.generatedKey.flatMap { key in pairs.first { $0.column == key && $0.value == .null }.map { _ in key } }
        if let generated { pairs.removeAll { $0.column == generated } }
        var sql = "INSERT INTO \(quoted(Self.databaseTableName)) (\(pairs.map { quoted($0.column) }.joined(separator: ", "))) "
            + "VALUES (\(pairs.map { _ in "?" }.joined(separator: ", ")))"
        guard let generated else {
            try db.execute(sql: sql, arguments: SQLArguments(values: pairs.map(\.value)))
            return nil
        }
        sql += " RETURNING \(quoted(generated))"
        return try Int64.fetchOne(db, sql: sql, arguments: SQLArguments(values: pairs.map(\.value)))
    }

    /// Writes every column of the row with the record's primary key; returns whether there was one.
    @discardableResult
    func update(_ db: SQLDatabase) throws -> Bool {
        let pairs = try columnValues()
        let key = try keyValues(pairs)
        let rest = pairs.filter { !Self.primaryKey.contains($0.column) }
        try db.execute(
            sql: "UPDATE \(quoted(Self.databaseTableName)) SET \(rest.map { "\(quoted($0.column)) = ?" }.joined(separator: ", ")) "
                + "WHERE \(Self.primaryKey.map { "\(quoted($0)) = ?" }.joined(separator: " AND "))",
            arguments: SQLArguments(values: rest.map(\.value) + key))
        return db.changesCount > 0
    }

    /// Inserts the row, or writes every column of the one with its primary key.
    func save(_ db: SQLDatabase) throws {
        let pairs = try columnValues()
        let rest = pairs.filter { !Self.primaryKey.contains($0.column) }
        var sql = "INSERT INTO \(quoted(Self.databaseTableName)) (\(pairs.map { quoted($0.column) }.joined(separator: ", "))) "
            + "VALUES (\(pairs.map { _ in "?" }.joined(separator: ", "))) "
            + "ON CONFLICT (\(Self.primaryKey.map(quoted).joined(separator: ", "))) "
        sql += rest.isEmpty ? "DO NOTHING"
            : "DO UPDATE SET \(rest.map { "\(quoted($0.column)) = excluded.\(quoted($0.column))" }.joined(separator: ", "))"
        try db.execute(sql: sql, arguments: SQLArguments(values: pairs.map(\.value)))
    }

    /// Deletes the row with the record's primary key; returns whether there was one.
    @discardableResult
    func delete(_ db: SQLDatabase) throws -> Bool {
        let key = try keyValues(try columnValues())
        try db.execute(sql: "DELETE FROM \(quoted(Self.databaseTableName)) WHERE "
            + Self.primaryKey.map { "\(quoted($0)) = ?" }.joined(separator: " AND "), arguments: SQLArguments(values: key))
        return db.changesCount > 0
    }

    private func keyValues(_ pairs: [(column: String, value: SQLValue)]) throws -> [SQLValue] {
        try Self.primaryKey.map { k in
            guard let v = pairs.first(where: { $0.column == k })?.value, v != .null else {
                throw StoreError("a \(Self.databaseTableName) row without its key \(k)")
            }
            return v
        }
    }
}

/// `eventId` → `event_id`, as the columns are named.
func snakeCase(_ key: String) -> String {
    var out = ""
    var previousLower = false
    for ch in key {
        if ch.isUppercase {
            if previousLower { out.append("_") }
            out += ch.lowercased()
            previousLower = false
        } else {
            out.append(ch)
            previousLower = ch.isLowercase || ch.isNumber
        }
    }
    return out
}

// MARK: - Encoding a record into columns

private final class ColumnStorage {
    var pairs: [(column: String, value: SQLValue)] = []
    func set(_ key: any CodingKey, _ value: SQLValue) {
        let column = snakeCase(key.stringValue)
        if let i = pairs.firstIndex(where: { $0.column == column }) { pairs[i].value = value } else { pairs.append((column, value)) }
    }
}

private struct RowEncoder: Encoder {
    let storage = ColumnStorage()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ColumnContainer<Key>(storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { preconditionFailure("a record encodes as columns") }
    func singleValueContainer() -> any SingleValueEncodingContainer { preconditionFailure("a record encodes as columns") }
}

private struct ColumnContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: ColumnStorage
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { storage.set(key, .null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let v = value as? any SQLValueConvertible {
            storage.set(key, v.sqlValue)
        } else {
            let e = JSONEncoder()
            e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            storage.set(key, .text(String(decoding: try e.encode(value), as: UTF8.self)))
        }
    }

    // A nil optional is written as NULL, so an update clears the column rather than leaving it.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOptional(value, key) }
    private mutating func encodeOptional<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> { preconditionFailure("a record's columns are flat") }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("a record's columns are flat")
    }
    mutating func superEncoder() -> any Encoder { preconditionFailure("a record's columns are flat") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("a record's columns are flat") }
}

// MARK: - Decoding a record from a row

private struct RowDecoder: Decoder {
    let row: SQLRow
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RowContainer<Key>(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch(SQLRow.self, .init(codingPath: [], debugDescription: "a row decodes as columns"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(SQLRow.self, .init(codingPath: [], debugDescription: "a row decodes as columns"))
    }
}

private struct RowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: SQLRow
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { row.columns.compactMap { Key(stringValue: $0) } }

    private func value(_ key: Key) -> SQLValue? {
        let column = snakeCase(key.stringValue)
        return row.columns.firstIndex(of: column).map { row.values[$0] }
    }

    func contains(_ key: Key) -> Bool { value(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { (value(key) ?? .null) == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let v = value(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no column \(snakeCase(key.stringValue))"))
        }
        if let direct = T.self as? any SQLValueConvertible.Type {
            guard let decoded = direct.from(v) as? T else {
                throw DecodingError.typeMismatch(T.self, .init(codingPath: [key],
                    debugDescription: "column \(snakeCase(key.stringValue)) holds \(v), not \(T.self)"))
            }
            return decoded
        }
        guard case .text(let json) = v else {
            throw DecodingError.typeMismatch(T.self, .init(codingPath: [key],
                debugDescription: "column \(snakeCase(key.stringValue)) holds \(v), not JSON text"))
        }
        return try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.typeMismatch(SQLRow.self, .init(codingPath: [key], debugDescription: "a row's columns are flat"))
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch(SQLRow.self, .init(codingPath: [key], debugDescription: "a row's columns are flat"))
    }
    func superDecoder() throws -> any Decoder { RowDecoder(row: row) }
    func superDecoder(forKey key: Key) throws -> any Decoder { RowDecoder(row: row) }
}
