import SparkifySQL

/// What one SQL cell reads and makes, from its statements' `StatementDependencies`.
/// Table names are lower case, in first-seen order.
public struct CellDependencies: Sendable {
    /// Tables and views the cell reads that it has not made itself in an earlier statement.
    public var reads: [String] = []
    /// Tables and views the cell creates or replaces.
    public var makes: [String] = []
    /// Tables and views the cell drops.
    public var drops: [String] = []
    /// Files read directly (``json.`path` ``), after `${variable}` substitution.
    public var files: [String] = []
    /// The first statement that did not parse when the notebook was analysed. Running the cell
    /// reports it; meanwhile the cell is taken to make the table of its name.
    public var parseError: SQLError?

    public init() {}
}
