import SparkifySQL
import SparkifyTables

/// What running one SQL cell gave: each statement's result and time, and the notices the
/// session gave meanwhile (malformed records skipped, ...).
public struct CellRun: Sendable {
    /// Why the cell ran.
    public enum Reason: Sendable, Equatable {
        /// It was asked for (by name, as the next cell, or as part of `runAll`/`run(to:)`).
        case requested
        /// `reader` needs it: it reads `table` (nil: `reader` needs the set-up).
        case input(of: String, table: String?)
    }

    /// One statement of the cell and what it gave.
    public struct StatementRun: Sendable {
        /// The statement as written, positioned in the notebook's file.
        public var statement: SQLStatementText
        public var result: StatementResult
        public var duration: Duration
    }

    /// The cell's name.
    public var cell: String
    /// The lines of the cell in the file.
    public var lines: ClosedRange<Int>
    public var reason: Reason
    public var statements: [StatementRun]
    /// The whole cell's time.
    public var duration: Duration
    /// What the session reported while the cell ran.
    public var notices: [String]
    /// The tables the cell made, lower case.
    public var tables: [String]
    /// The cell's table: the one of its name if it made it, else the last it made, else the
    /// rows of its last query; nil when it gave no rows (a set-up of `SET`s).
    public var table: Table?

    /// Rows of `table`.
    public var rowCount: Int? { table?.rowCount }

    /// The cell's time in milliseconds.
    public var milliseconds: Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    var outcome: CellOutcome { CellOutcome(rowCount: rowCount, duration: duration) }
}
