import GRDB

/// The tables of an SQLite database as its catalogue describes them: what a PostgreSQL schema is
/// translated from, so both stores hold the same tables after the same migration steps.
struct SQLiteSchema: Sendable {
    /// One column: its declared type decides the PostgreSQL type and how values are copied.
    struct Column: Equatable, Sendable {
        var name: String
        var type: ColumnType
        var notNull: Bool
        /// The default as SQL text, when it is a literal (a number, a quoted string, NULL).
        var defaultValue: String?
    }

    /// The four kinds of value Convene keeps (SQLite's affinities, less NUMERIC, which it never declares).
    enum ColumnType: String, Equatable, Sendable {
        case integer, text, blob, real

        /// SQLite's rules for a declared type's affinity (section 3.1 of its datatype page).
        init(declared: String, table: String, column: String) throws {
            let t = declared.uppercased()
            if t.contains("INT") { self = .integer }
            else if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") { self = .text }
            else if t.isEmpty || t.contains("BLOB") { self = .blob }
            else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") { self = .real }
            else { throw StoreError("\(table).\(column) is declared '\(declared)', which has no PostgreSQL translation yet") }
        }

        /// The PostgreSQL type holding the same values.
        var postgres: String {
            switch self {
            case .integer: "BIGINT"
            case .text: "TEXT"
            case .blob: "BYTEA"
            case .real: "DOUBLE PRECISION"
            }
        }
    }

    struct ForeignKey: Equatable, Sendable {
        var columns: [String]
        var table: String
        var referenced: [String]
        var onDelete: String
        var onUpdate: String
    }

    struct Index: Equatable, Sendable {
        var name: String
        var columns: [(name: String, descending: Bool)]
        var unique: Bool
        /// The partial index's condition, as written.
        var condition: String?

        static func == (a: Self, b: Self) -> Bool {
            a.name == b.name && a.unique == b.unique && a.condition == b.condition
                && a.columns.map(\.name) == b.columns.map(\.name) && a.columns.map(\.descending) == b.columns.map(\.descending)
        }
    }

    struct Table: Equatable, Sendable {
        var name: String
        var columns: [Column]
        var primaryKey: [String]
        /// True for `INTEGER PRIMARY KEY` (SQLite picks the next id when none is given).
        var generatesKey: Bool
        var unique: [[String]]
        var foreignKeys: [ForeignKey]
        var checks: [String]
        var indexes: [Index]
    }

    var tables: [Table]

    /// Tables that are SQLite's or the migrator's own, not Convene's data.
    static func isBookkeeping(_ name: String) -> Bool { name.hasPrefix("sqlite_") || name == "grdb_migrations" }

    /// Reads every Convene table of `db`.
    init(_ db: Database) throws {
        let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .filter { !Self.isBookkeeping($0) }
        tables = try names.map { try Self.table($0, db) }
    }

    private static func table(_ name: String, _ db: Database) throws -> Table {
        let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [name]) ?? ""
        let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\(name.quotedDatabaseIdentifier))")
        let columns = try info.map { row -> Column in
            let column: String = row["name"]
            return Column(name: column, type: try ColumnType(declared: row["type"] ?? "", table: name, column: column),
                          // PostgreSQL holds every primary key column NOT NULL; SQLite only says so of its own.
                          notNull: row["notnull"] as Int == 1 || row["pk"] as Int > 0,
                          defaultValue: try literal(row["dflt_value"], table: name, column: column))
        }
        let primaryKey = info.filter { ($0["pk"] as Int? ?? 0) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { $0["name"] as String }
        let generatesKey = primaryKey.count == 1 && columns.first { $0.name == primaryKey[0] }?.type == .integer
            && (info.first { $0["name"] as String == primaryKey[0] }?["type"] as String?)?.uppercased() == "INTEGER"

        var foreignKeys: [Int: ForeignKey] = [:]
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(name.quotedDatabaseIdentifier))") {
            let id: Int = row["id"]
            var key = foreignKeys[id] ?? ForeignKey(columns: [], table: row["table"], referenced: [],
                                                    onDelete: row["on_delete"], onUpdate: row["on_update"])
            key.columns.append(row["from"])
            if let to: String = row["to"] { key.referenced.append(to) }
            foreignKeys[id] = key
        }
        for (id, key) in foreignKeys where key.referenced.isEmpty {
            // `REFERENCES parent` without columns names the parent's primary key.
            let parent = try Row.fetchAll(db, sql: "PRAGMA table_info(\(key.table.quotedDatabaseIdentifier))")
            foreignKeys[id]?.referenced = parent.filter { ($0["pk"] as Int? ?? 0) > 0 }
                .sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { $0["name"] as String }
        }

        var unique: [[String]] = []
        var indexes: [Index] = []
        for row in try Row.fetchAll(db, sql: "PRAGMA index_list(\(name.quotedDatabaseIdentifier))") {
            let index: String = row["name"]
            let origin: String = row["origin"]
            if origin == "pk" { continue }
            let parts = try Row.fetchAll(db, sql: "PRAGMA index_xinfo(\(index.quotedDatabaseIdentifier))").filter { $0["key"] as Int == 1 }
            let keyColumns = try parts.map { part -> (name: String, descending: Bool) in
                guard let column: String = part["name"] else {
                    throw StoreError("the index \(index) of \(name) is on an expression, which has no PostgreSQL translation yet")
                }
                if let collation: String = part["coll"], collation.uppercased() != "BINARY" {
                    throw StoreError("the index \(index) of \(name) uses the collation \(collation), which has no PostgreSQL translation yet")
                }
                return (column, part["desc"] as Int == 1)
            }
            if origin == "u" {
                unique.append(keyColumns.map(\.name))
                continue
            }
            let text = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [index]) ?? ""
            let condition = row["partial"] as Int == 1 ? Self.condition(ofIndex: text) : nil
            indexes.append(Index(name: index, columns: keyColumns, unique: row["unique"] as Int == 1,
                                 condition: condition.map { quoting(columns.map(\.name), in: $0) }))
        }
        return Table(name: name, columns: columns, primaryKey: primaryKey, generatesKey: generatesKey,
                     unique: unique.sorted { $0.joined(separator: ",") < $1.joined(separator: ",") },
                     foreignKeys: foreignKeys.keys.sorted().compactMap { foreignKeys[$0] },
                     checks: checks(in: sql).map { quoting(columns.map(\.name), in: $0) },
                     indexes: indexes.sorted { $0.name < $1.name })
    }

    /// A column default as SQL both databases read alike, or nil for none.
    private static func literal(_ text: String?, table: String, column: String) throws -> String? {
        guard let text else { return nil }
        if text.uppercased() == "NULL" || Int64(text) != nil || Double(text) != nil { return text }
        if text.hasPrefix("'") && text.hasSuffix("'") && text.count >= 2 { return text }
        throw StoreError("\(table).\(column) defaults to \(text), which has no PostgreSQL translation yet")
    }

    /// The condition after `WHERE` in a `CREATE INDEX` statement.
    static func condition(ofIndex sql: String) -> String? {
        let words = tokens(sql)
        guard let at = words.lastIndex(where: { $0.uppercased() == "WHERE" }) else { return nil }
        return words[(at + 1)...].joined().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The expressions of the `CHECK (…)` clauses in a `CREATE TABLE` statement, in order.
    static func checks(in sql: String) -> [String] {
        let words = tokens(sql)
        var found: [String] = []
        var i = 0
        while i < words.count {
            defer { i += 1 }
            guard words[i].uppercased() == "CHECK" else { continue }
            var j = i + 1
            while j < words.count, words[j].allSatisfy(\.isWhitespace) { j += 1 }
            guard j < words.count, words[j] == "(" else { continue }
            var depth = 0
            var expression = ""
            for k in j..<words.count {
                if words[k] == "(" { depth += 1 }
                if words[k] == ")" { depth -= 1 }
                if depth == 0 { i = k; break }
                if k > j { expression += words[k] }
            }
            found.append(expression.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return found
    }

    /// `expression` with each bare word that names a column double-quoted: PostgreSQL reserves words
    /// (`end`, `position` …) that SQLite lets stand as names.
    static func quoting(_ columns: [String], in expression: String) -> String {
        let names = Set(columns.map { $0.lowercased() })
        return tokens(expression).map { word in
            names.contains(word.lowercased()) && word.first.map { $0.isLetter || $0 == "_" } == true ? "\"\(word)\"" : word
        }.joined()
    }

    /// SQL text cut into words, quoted strings and names, runs of spaces and single other characters,
    /// which joined give the text back.
    static func tokens(_ sql: String) -> [String] {
        var out: [String] = []
        var chars = Array(sql)[...]
        while let c = chars.first {
            if c == "'" || c == "\"" || c == "`" || c == "[" {
                let close: Character = c == "[" ? "]" : c
                var token = String(chars.removeFirst())
                while let d = chars.first {
                    token.append(chars.removeFirst())
                    if d == close {
                        // A doubled quote stands for one quote inside the string.
                        if chars.first == close && close != "]" { token.append(chars.removeFirst()); continue }
                        break
                    }
                }
                out.append(token)
            } else if c.isLetter || c == "_" {
                let word = chars.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
                out.append(String(word))
                chars = chars.dropFirst(word.count)
            } else if c.isWhitespace {
                let run = chars.prefix(while: \.isWhitespace)
                out.append(String(run))
                chars = chars.dropFirst(run.count)
            } else {
                out.append(String(chars.removeFirst()))
            }
        }
        return out
    }
}
