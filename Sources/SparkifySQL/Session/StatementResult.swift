import SparkifyTables

/// What running one statement gave.
public enum StatementResult: Sendable {
    /// The rows of a query (or of SHOW / DESCRIBE / EXPLAIN).
    case rows(Table)
    /// What a statement that returns no rows did: "Created temporary view songs (71 rows)".
    case message(String)

    /// The rows, when the statement gave rows.
    public var table: Table? {
        if case let .rows(table) = self { return table }
        return nil
    }
}
