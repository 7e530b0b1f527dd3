import SparkifySQL

/// One cell as the REPL lists it.
public struct NotebookCellInfo: Sendable, Equatable {
    public enum Status: String, Sendable {
        case pending, done, failed, stale
    }

    public var name: String
    public var status: Status
    /// The cells whose tables this one reads.
    public var dependsOn: [String]
    /// The tables and views the cell defines.
    public var defines: [String]

    public init(name: String, status: Status, dependsOn: [String] = [], defines: [String] = []) {
        self.name = name
        self.status = status
        self.dependsOn = dependsOn
        self.defines = defines
    }
}

/// What the user asked a notebook to run.
public enum NotebookRunRequest: Sendable, Equatable {
    /// The next cell in order (`.next`).
    case next
    /// A cell, after whatever it needs that has not run (`.run NAME`).
    case cell(String)
    /// Every cell not yet run, in order (`.run all`).
    case all
}

/// The small interface the REPL needs from a notebook: its cells, where the walkthrough is,
/// which cells a request runs, and each cell's statements. The REPL runs the statements itself
/// (to show results, progress and timings, and to cancel them) and reports back.
public protocol NotebookDriver: AnyObject {
    /// The notebook file.
    var path: String { get }
    var cells: [NotebookCellInfo] { get }
    /// How many cells of the walkthrough are done: `.next` runs the cell at this index.
    var position: Int { get }
    /// The cells `request` runs, in order (empty when there is nothing left to run).
    func plan(_ request: NotebookRunRequest) throws -> [String]
    /// The cell's statements, positioned in the notebook file (for error carets).
    func statements(ofCell name: String) -> [SQLStatementText]
    /// Records how running a cell went.
    func markRun(cell name: String, succeeded: Bool)
    /// The cell's text (without its `-- %%` header line).
    func source(ofCell name: String) -> String?
    /// Replaces the cell's text (and writes the notebook file).
    func setSource(_ text: String, ofCell name: String) throws
}

/// A problem with a notebook the user asked for: a clear message.
public struct NotebookError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
