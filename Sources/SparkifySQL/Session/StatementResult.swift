import SparkifyTables

/// What running one statement gave.
public enum StatementResult: Sendable {
    /// The rows of a query (or of SHOW / DESCRIBE / EXPLAIN).
    case rows(Table)
    /// What a statement that returns no rows did: "Created temporary view songs (71 rows)".
    case message(String)
    /// EXPLAIN's plan text.
    case plan(String)

    /// The rows, when the statement gave rows (EXPLAIN: one row, column `plan`, as in Spark).
    public var table: Table? {
        switch self {
        case let .rows(table): return table
        case let .plan(text):
            var builder = ColumnBuilder(type: .string)
            builder.append(text)
            return Table(schema: Schema([Field("plan", .string)]), columns: [builder.build()])
        case .message: return nil
        }
    }
}
