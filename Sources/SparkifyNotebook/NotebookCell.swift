import SparkifySQL

/// One cell of a notebook: SQL that makes a table, or prose that explains a step.
public struct NotebookCell: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Spark SQL statements (`-- %% name`, or the preamble's set-up).
        case sql
        /// Prose (`-- %% [markdown]`): its `--` lines are text to show.
        case markdown
        /// Raw text (`-- %% [raw]`): shown as written, never run.
        case raw
    }

    /// The name of the set-up cell made of SQL found before the first marker.
    public static let setupName = "setup"

    public var kind: Kind
    /// A SQL cell's name (the table it makes, by convention); `setup` for the preamble's SQL;
    /// nil for prose and raw cells.
    public var name: String?
    /// The title of a prose or raw cell's marker (`-- %% [markdown] Songs`), empty when none.
    public var title: String
    /// True for the text before the first marker.
    public var isPreamble: Bool
    /// The marker's `key=value` metadata, values as written.
    public var metadata: [String: String]
    /// The strings of the marker's `tags=[...]` (Jupyter cell tags), such as `analysis`.
    public var tags: [String]
    /// The charts a SQL cell draws of its table, from its marker's `chart=` metadata (see
    /// `CellChart`); empty when none.
    public var charts: [CellChart] = []
    /// The 1-based line of the `-- %%` marker; nil for the preamble.
    public var markerLine: Int?
    /// The 1-based lines of the cell's text after its marker, without trailing blank lines
    /// (empty when the cell has no text).
    public var bodyLines: Range<Int>
    /// The cell's text after its marker, without trailing blank lines, exactly as in the file.
    public var source: String
    /// For prose and raw cells: the text with each line's `--` (and one space after it) removed.
    public var prose: String
    /// For SQL cells: the statements, with positions that are lines and columns of the file.
    public var statements: [SQLStatementText]
    /// The cell's index in `Notebook.cells`.
    public var index: Int

    /// The lines the cell spans in the file: its marker through its last non-blank line.
    public var lines: ClosedRange<Int> {
        let first = markerLine ?? bodyLines.lowerBound
        return first...max(first, bodyLines.upperBound - 1)
    }

    /// The name, or a description such as `prose at line 12` for cells without one.
    public var label: String {
        if let name { return name }
        let what = kind == .raw ? "raw cell" : "prose"
        return "\(what) at line \(lines.lowerBound)"
    }

    /// True when the cell has statements to run.
    public var isRunnable: Bool { kind == .sql }
}
