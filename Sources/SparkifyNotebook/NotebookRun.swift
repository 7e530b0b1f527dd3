/// What one call of `NotebookRunner.run...` did, in order.
public struct NotebookRun: Sendable {
    /// The cells that ran, in the order they ran.
    public var cells: [CellRun] = []
    /// What the runner said about its choices, such as
    /// `songs reads staging_songs: running staging_songs first`.
    public var notices: [String] = []

    public init() {}

    /// The run of the cell called `name`, if it ran.
    public func run(of name: String) -> CellRun? {
        cells.first { $0.cell.lowercased() == name.lowercased() }
    }
}
