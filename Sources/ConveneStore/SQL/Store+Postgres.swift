import Foundation

extension Store {
    /// Opens the PostgreSQL database at `address`: Convene's schema is made in an empty database
    /// only when `create` is true (so a mistyped address never gains empty tables), and a database
    /// another program uses, or a newer or older Convene wrote, is refused before anything is written.
    ///
    /// `readOnly` refuses every write through this store, as a read-only SQLite file does.
    public convenience init(postgres address: PostgresAddress, create: Bool = true, readOnly: Bool = false) throws {
        let backend = try PostgresBackend(address, readOnly: readOnly)
        let schema = try PostgresSchema.current()
        let at = "\(address)"
        let judge = { (db: SQLDatabase) throws -> Bool in
            try schema.judge(names: try String.fetchAll(db, sql: PostgresSchema.tablesQuery), at: at) {
                try String.fetchAll(db, sql: "SELECT identifier FROM \(PostgresSchema.stepsTable) ORDER BY identifier")
            }
        }
        if try backend.read(judge) {
            guard create, !readOnly else {
                throw StoreError("\(at) holds no Convene data yet (run `convene import PLAN` first)", holdsNothing: true)
            }
            // Under the write lock, so two first opens at once make the schema once.
            try backend.write { db in
                guard try judge(db) else { return }
                for statement in schema.statements { try db.execute(sql: statement) }
                for step in schema.steps {
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
