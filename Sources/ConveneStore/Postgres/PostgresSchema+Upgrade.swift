extension PostgresSchema {
    /// The statements that bring a database holding `old` (the schema of fewer steps) to this schema.
    ///
    /// Most steps only add: a table, a column at a table's end, an index. Those are made here from the two
    /// translated schemas, so a new SQLite step reaches PostgreSQL databases with nothing written twice.
    /// A step that rebuilds a table (other keys, a column dropped or changed) cannot be replayed this way:
    /// it is refused, naming the table, and nothing is changed.
    func upgrade(from old: PostgresSchema) throws -> [String] {
        let step = steps.dropFirst(old.steps.count).first ?? ""
        let before = Dictionary(old.tables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        if let gone = old.tables.first(where: { t in !tables.contains { $0.name == t.name } }) {
            throw refusal(gone.name, step, "drops it")
        }
        var now: [String] = []
        // Foreign keys and indexes once every table and column they name exists.
        var then: [String] = []
        for t in tables {
            guard let o = before[t.name] else {
                now.append(Self.create(t))
                then += Self.foreignKeys(t) + t.indexes.map { Self.create($0, on: t) }
                continue
            }
            guard t.columns.starts(with: o.columns) else { throw refusal(t.name, step, "changes or drops its columns") }
            guard t.primaryKey == o.primaryKey, t.generatesKey == o.generatesKey, t.unique == o.unique,
                  t.foreignKeys == o.foreignKeys, t.checks == o.checks else {
                throw refusal(t.name, step, "changes its keys or checks")
            }
            now += t.columns.dropFirst(o.columns.count).map { "ALTER TABLE \(quoted(t.name)) ADD COLUMN \(Self.definition($0, of: t))" }
            now += o.indexes.filter { !t.indexes.contains($0) }.map { "DROP INDEX \(quoted($0.name))" }
            then += t.indexes.filter { !o.indexes.contains($0) }.map { Self.create($0, on: t) }
        }
        return now + then
    }

    private func refusal(_ table: String, _ step: String, _ what: String) -> StoreError {
        StoreError("the schema step '\(step)' \(what) (table \(table)), which is not replayed on a PostgreSQL database "
            + "in place; nothing was changed")
    }
}
