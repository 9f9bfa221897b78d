import Foundation

extension Store {
    /// Opens the PostgreSQL database at `address`: Convene's schema is made in an empty database
    /// only when `create` is true (so a mistyped address never gains empty tables), an older Convene's
    /// schema is brought up to date, and a database another program uses, or a newer Convene wrote,
    /// is refused before anything is written.
    ///
    /// `readOnly` refuses every write through this store, as a read-only SQLite file does.
    public convenience init(postgres address: PostgresAddress, create: Bool = true, readOnly: Bool = false) throws {
        let backend = try PostgresBackend(address, readOnly: readOnly)
        let schema = try PostgresSchema.current()
        let at = "\(address)"
        let standing = { (db: SQLDatabase) throws -> PostgresSchema.Standing in
            try schema.judge(names: try String.fetchAll(db, sql: PostgresSchema.tablesQuery), at: at) {
                try String.fetchAll(db, sql: "SELECT identifier FROM \(PostgresSchema.stepsTable) ORDER BY identifier")
            }
        }
        switch try backend.read(standing) {
        case .current: break
        case .empty where !create || readOnly:
            throw StoreError("\(at) holds no Convene data yet (run `convene import PLAN` first)", holdsNothing: true)
        case .older(let held) where readOnly:
            throw StoreError("\(at) holds an older Convene schema (without the step '\(schema.steps[held])'); open it once "
                + "for writing to bring it up to date")
        case .empty, .older:
            // Under the write lock, so two first opens at once make or upgrade the schema once.
            try backend.write { db in
                let statements: [String]
                switch try standing(db) {
                case .current: return
                case .empty: statements = schema.statements
                case .older(let held): statements = try schema.upgrade(from: PostgresSchema.after(held))
                }
                for statement in statements { try db.execute(sql: statement) }
                let recorded = Set(try String.fetchAll(db, sql: "SELECT identifier FROM \(PostgresSchema.stepsTable)"))
                for step in schema.steps where !recorded.contains(step) {
                    try db.execute(sql: "INSERT INTO \(PostgresSchema.stepsTable) (identifier) VALUES (?)", arguments: [step])
                }
            }
        }
        self.init(backend: backend, path: at, actor: Store.processUser, eventID: nil)
    }

    /// Opens the store at `location`: a PostgreSQL address (`postgres://USER@HOST[:PORT]/DB`, the
    /// password from `password`) or an SQLite file's path.
    public static func open(_ location: String, password: String?, create: Bool = true, readOnly: Bool = false) throws -> Store {
        if PostgresAddress.isAddress(location) {
            return try Store(postgres: PostgresAddress(location, password: password), create: create, readOnly: readOnly)
        }
        return try Store(path: location, create: create, readOnly: readOnly)
    }

    /// Which database holds this store, for code that must say something only one of them can.
    var dialect: SQLDialect { backend is PostgresBackend ? .postgres : .sqlite }
}
