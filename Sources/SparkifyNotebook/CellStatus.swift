/// One SQL cell and its state, for the REPL's `.cells`.
public struct CellStatus: Sendable {
    public var cell: NotebookCell
    public var state: CellState
    /// What it reads and makes.
    public var dependencies: CellDependencies
}
