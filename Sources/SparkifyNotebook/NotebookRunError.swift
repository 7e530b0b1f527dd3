import SparkifySQL

/// Why a run stopped: a statement failed, the user cancelled, a cell reads a table nothing
/// makes, or there is no such cell. Carries what ran before the failure.
public struct NotebookRunError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A statement failed (`sqlError` says how, when it is a SQL error).
        case statementFailed
        /// The cancellation token fired; the cell that was running changed nothing.
        case cancelled
        /// A cell reads a table that no cell makes and the session does not have.
        case missingInput
        /// No SQL cell has the name asked for.
        case unknownCell
    }

    public var kind: Kind
    /// The file of the notebook.
    public var file: String
    /// The cell that failed, or that reads the missing table.
    public var cell: String?
    /// The 1-based line in the file: of the error's position, else of the statement, else of
    /// the cell.
    public var line: Int?
    /// What went wrong, in one line (a SQL error's `description`).
    public var message: String
    /// The SQL error, for `statementFailed` with a SQL error.
    public var sqlError: SQLError?
    /// The line of the statement the error points at and a caret under the column, when known.
    public var excerpt: String?
    /// The cells that ran (successfully) before the failure, and the runner's notices.
    public var completed: NotebookRun

    public init(kind: Kind, file: String, cell: String?, line: Int?, message: String,
                sqlError: SQLError? = nil, excerpt: String? = nil, completed: NotebookRun = NotebookRun()) {
        self.kind = kind
        self.file = file
        self.cell = cell
        self.line = line
        self.message = message
        self.sqlError = sqlError
        self.excerpt = excerpt
        self.completed = completed
    }

    /// `file:line: in cell songs: message`, then the excerpt when there is one.
    public var description: String {
        var text = file + (line.map { ":\($0)" } ?? "") + ": "
        if let cell { text += "in cell \(cell): " }
        text += message
        if let excerpt { text += "\n" + excerpt }
        return text
    }
}
