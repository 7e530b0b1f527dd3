import SparkifyTables

/// Renders a table as text in one of the output modes.
public struct TableRenderer: Sendable {
    public enum Mode: String, CaseIterable, Sendable {
        /// Like Spark's `DataFrame.show()`.
        case spark
        /// Unicode box drawing, fitted to the width.
        case box
        case csv
        case json
        case markdown
    }

    public var mode: Mode
    /// Rows shown before `… N more rows` (`nil`: all).
    public var maxRows: Int?
    /// Terminal width the box mode fits into.
    public var width: Int
    /// Offset of the session time zone, for timestamps.
    public var timeZoneOffset: @Sendable (Int64) -> Int
    /// Colors for the box mode (bold header, dim NULL); off unless writing to a terminal.
    public var style = TextStyle(enabled: false)

    public init(mode: Mode = .box, maxRows: Int? = 20, width: Int = 100, timeZoneOffset: @escaping @Sendable (Int64) -> Int = { _ in 0 }) {
        self.mode = mode
        self.maxRows = maxRows
        self.width = width
        self.timeZoneOffset = timeZoneOffset
    }

    public func render(_ table: Table) -> String {
        switch mode {
        case .spark: return renderSpark(table)
        case .box: return renderBox(table)
        case .csv: return renderCSV(table)
        case .json: return renderJSON(table)
        case .markdown: return renderMarkdown(table)
        }
    }

    /// The text of a cell; `nil` for NULL.
    func cell(_ table: Table, row: Int, column: Int) -> String? {
        let value = table.columns[column].value(at: row)
        if case let .timestamp(micros) = value {
            return ValueFormatter.timestamp(micros, offsetSeconds: timeZoneOffset(micros))
        }
        return ValueFormatter.sparkString(value)
    }

    func rowLimit(_ table: Table) -> Int { min(table.rowCount, maxRows ?? table.rowCount) }
}
