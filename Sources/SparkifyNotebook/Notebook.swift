import Foundation
import SparkifySQL

/// A notebook: a plain-text file of Spark SQL cells in the percent format of Jupytext and
/// VS Code, which any editor, diff and Spark itself can read.
///
///     SET spark.sql.session.timeZone=UTC;        -- the preamble: the set-up cell
///
///     -- %% [markdown]
///     -- Songs come from one JSON file per song.  -- prose, shown as text
///
///     -- %% songs                                -- a SQL cell named songs
///     CREATE OR REPLACE TEMP VIEW songs AS
///       SELECT DISTINCT song_id, title FROM staging_songs;
///
/// - `-- %% name` starts a SQL cell called `name` (letters, digits, underscores). By convention
///   it makes the table of its name. Jupytext `key=value` metadata may follow the name
///   (`-- %% top_artists tags=["analysis"]`); `chart="hbar"` (or a list) declares the charts
///   the cell draws of its table (see `CellChart`).
/// - `-- %% [markdown]` (or `[md]`) starts a prose cell, `-- %% [raw]` a raw cell; their lines
///   are `--` comments (or blank), and an optional title may follow the type.
/// - Text before the first marker is the preamble. Comments alone are shown as prose. SQL in it
///   is the set-up cell, named `setup`: it runs before any other cell (every cell depends on it),
///   which is where `SET` statements belong.
///
/// A notebook keeps its text exactly: `text` is the file as read, and `replacingCell` changes
/// only the lines of one cell.
public struct Notebook: Sendable {
    /// The file name used in messages (`samples/etl.sql`).
    public let file: String
    /// The whole text, exactly as read or as changed by `replacingCell`.
    public let text: String
    /// Every cell, in file order.
    public let cells: [NotebookCell]
    /// The file's lines (without their `\n`); the last is empty when the text ends in `\n`.
    let lines: [Substring]
    /// For each cell, the end (exclusive, 1-based) of its lines including trailing blank lines.
    let cellEnds: [Int]

    /// Parses `text`; `file` names the notebook in messages.
    /// Throws a `NotebookError` naming the line of a malformed marker or a repeated name.
    public init(text: String, file: String = "<notebook>") throws(NotebookError) {
        let lines = Self.lines(of: text)
        let parsed = try NotebookParser(lines: lines, file: file).parse()
        self.file = file
        self.text = text
        self.lines = lines
        self.cells = parsed.cells
        self.cellEnds = parsed.ends
    }

    /// Reads and parses the notebook at `path`.
    public static func load(path: String) throws(NotebookError) -> Notebook {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotebookError(file: path, line: nil, "cannot read the notebook (no such file, or not readable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NotebookError(file: path, line: nil, "the notebook is not UTF-8 text")
        }
        return try Notebook(text: text, file: path)
    }

    /// Writes `text` to `path` (by default the file it was loaded from).
    public func save(to path: String? = nil) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path ?? file), options: .atomic)
    }

    /// The SQL cells (the set-up first when there is one), in file order.
    public var sqlCells: [NotebookCell] { cells.filter(\.isRunnable) }

    /// The SQL cell called `name` (case-insensitive).
    public func cell(named name: String) -> NotebookCell? {
        let key = name.lowercased()
        return cells.first { $0.name?.lowercased() == key }
    }

    /// The notebook with the text of the cell called `name` replaced by `source` (the text after
    /// its marker; the marker line and the blank lines after the cell stay). Throws when there is
    /// no such cell, when `source` holds a cell marker, or when the result does not parse.
    public func replacingCell(named name: String, with source: String) throws(NotebookError) -> Notebook {
        guard let cell = cell(named: name) else {
            throw NotebookError(file: file, line: nil, "there is no cell named \(name)" + NameSuggestion.hint(name, among: sqlCells.compactMap(\.name)))
        }
        var replacement = Self.lines(of: source)
        while let last = replacement.last, last.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { replacement.removeLast() }
        for (offset, line) in replacement.enumerated() {
            if isMarkerLike(line) {
                throw NotebookError(file: file, line: nil, "the new text of \(cell.label) holds a cell marker on its line \(offset + 1); add cells in the file itself")
            }
        }
        let start = cell.bodyLines.lowerBound - 1
        let end = cell.bodyLines.upperBound - 1
        var newLines = Array(lines[..<start])
        newLines.append(contentsOf: replacement)
        // A cell with no text before keeps the blank line that separated it from the next cell.
        let rest = lines[end...]
        if cell.bodyLines.isEmpty, rest.first.map({ !isBlank($0) }) == true, !replacement.isEmpty { newLines.append("") }
        newLines.append(contentsOf: rest)
        return try Notebook(text: newLines.joined(separator: "\n"), file: file)
    }

    /// The lines of `text` split at each `\n` byte. (Splitting the `String` would not split
    /// `\r\n`, a single `Character`.) A line of a CRLF file keeps its `\r`.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if byte == 0x0A {
                lines.append(Substring(String(decoding: current, as: UTF8.self)))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        lines.append(Substring(String(decoding: current, as: UTF8.self)))
        return lines
    }

    private func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }

    /// True for a line that is a marker even if a malformed one.
    private func isMarkerLike(_ line: Substring) -> Bool {
        do { return try CellMarker.parse(line) != nil } catch { return true }
    }
}
