/// What a cell's last successful run gave, for listings.
public struct CellOutcome: Sendable {
    /// Rows of the cell's table (see `CellRun.rowCount`); nil when it gave no rows.
    public var rowCount: Int?
    /// How long the cell took.
    public var duration: Duration

    public init(rowCount: Int?, duration: Duration) {
        self.rowCount = rowCount
        self.duration = duration
    }
}
