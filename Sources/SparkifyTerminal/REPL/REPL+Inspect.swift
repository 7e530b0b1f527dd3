import SparkifySQL
import SparkifyTables

extension REPL {
    /// `.tables`: each table and view with its kind, rows and columns.
    func listTables() {
        let entries = session.catalog.all
        if entries.isEmpty {
            say("No tables yet. Run a cell (.next) or a CREATE statement.")
            return
        }
        var names = ColumnBuilder(type: .string), kinds = ColumnBuilder(type: .string)
        var rows = ColumnBuilder(type: .bigint), columns = ColumnBuilder(type: .int)
        for entry in entries {
            names.append(Value.string(entry.name))
            kinds.append(Value.string(entry.kind == .view ? "view" : "table"))
            rows.append(Value.bigint(Int64(entry.table.rowCount)))
            columns.append(Value.int(Int32(entry.table.columns.count)))
        }
        let schema = Schema([Field("name", .string), Field("kind", .string), Field("rows", .bigint), Field("columns", .int)])
        show(Table(schema: schema, columns: [names.build(), kinds.build(), rows.build(), columns.build()]), maxRows: Int.max)
    }

    /// `.describe TABLE`: per column its type, count, nulls, distinct values, min, max and
    /// (for numbers) mean, computed by one SQL query through the session.
    func describe(_ name: String) throws {
        let table = try catalogTable(name)
        guard let entryName = session.catalog.entry(name)?.name else { return }
        let fields = table.schema.fields
        if fields.isEmpty {
            say("\(entryName) has no columns.")
            return
        }
        let query = REPL.describeQuery(table: entryName, fields: fields)
        InterruptHandler.reset()
        let result = try session.execute(SQLStatementText(text: query, start: SourcePosition(line: 1, column: 1)),
                                         cancellation: InterruptHandler.token)
        guard let stats = result.table, stats.rowCount == 1 else {
            throw REPLError("Describing \(entryName) gave no statistics.")
        }
        var builders = [ColumnBuilder(type: .string), ColumnBuilder(type: .string), ColumnBuilder(type: .bigint),
                        ColumnBuilder(type: .bigint), ColumnBuilder(type: .bigint), ColumnBuilder(type: .string),
                        ColumnBuilder(type: .string), ColumnBuilder(type: .double)]
        for (i, field) in fields.enumerated() {
            let base = i * 6
            builders[0].append(Value.string(field.name))
            builders[1].append(Value.string(field.type.simpleString))
            for k in 0..<6 { builders[k + 2].append(stats.columns[base + k].value(at: 0)) }
        }
        let schema = Schema([Field("column", .string), Field("type", .string), Field("count", .bigint), Field("nulls", .bigint),
                             Field("distinct", .bigint), Field("min", .string), Field("max", .string), Field("mean", .double)])
        say("\(entryName): \(table.rowCount) rows")
        show(Table(schema: schema, columns: builders.map { $0.build() }), maxRows: Int.max)
    }

    /// One row: for each column count, nulls, distinct, min, max (as strings) and mean.
    static func describeQuery(table: String, fields: [Field]) -> String {
        var items: [String] = []
        for (i, field) in fields.enumerated() {
            let c = SQLText.backquoted(field.name)
            let ordered: Bool
            switch field.type {
            case .array, .structure, .null: ordered = false
            default: ordered = true
            }
            items.append("count(\(c)) AS c\(i)_count")
            items.append("count(*) - count(\(c)) AS c\(i)_nulls")
            items.append("count(DISTINCT \(c)) AS c\(i)_distinct")
            items.append(ordered ? "CAST(min(\(c)) AS STRING) AS c\(i)_min" : "CAST(NULL AS STRING) AS c\(i)_min")
            items.append(ordered ? "CAST(max(\(c)) AS STRING) AS c\(i)_max" : "CAST(NULL AS STRING) AS c\(i)_max")
            items.append(field.type.isNumeric ? "CAST(avg(\(c)) AS DOUBLE) AS c\(i)_mean" : "CAST(NULL AS DOUBLE) AS c\(i)_mean")
        }
        return "SELECT " + items.joined(separator: ", ") + " FROM " + SQLText.backquoted(table)
    }
}
