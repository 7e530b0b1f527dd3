import Foundation
import SparkifySQL

/// A notebook read from a file of cells marked `-- %% name`, run in file order: running a
/// cell first runs the cells before it that have not run. (The REPL's stand-in until the
/// notebook module's dependency-aware runner is wired in.)
public final class ScriptNotebook: NotebookDriver {
    private struct Cell {
        var name: String
        /// The cell's text, from the line after its header.
        var text: String
        /// The 1-based file line the text starts on.
        var firstLine: Int
        var status: NotebookCellInfo.Status = .pending
    }

    public let path: String
    private var cellList: [Cell]

    /// Reads the notebook at `path`.
    public init(path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw NotebookError("Cannot read the notebook \(path).")
        }
        self.path = path
        cellList = Self.parse(text)
        if cellList.isEmpty { throw NotebookError("\(path) has no cells (a cell starts with a line `-- %% name`).") }
    }

    static let marker = "-- %%"

    private static func parse(_ text: String) -> [Cell] {
        var cells: [Cell] = []
        var current: Cell?
        var body: [Substring] = []
        var preamble: [Substring] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if line.hasPrefix(marker) {
                if var cell = current {
                    cell.text = body.joined(separator: "\n")
                    cells.append(cell)
                } else if !SQLStatementSplitter.split(preamble.joined(separator: "\n")).isEmpty {
                    cells.append(Cell(name: "preamble", text: preamble.joined(separator: "\n"), firstLine: 1))
                }
                var name = line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
                if name.isEmpty { name = "cell\(cells.count + 1)" }
                current = Cell(name: name, text: "", firstLine: index + 2)
                body = []
            } else if current != nil {
                body.append(line)
            } else {
                preamble.append(line)
            }
        }
        if var cell = current {
            cell.text = body.joined(separator: "\n")
            cells.append(cell)
        }
        return cells
    }

    public var cells: [NotebookCellInfo] {
        cellList.map { NotebookCellInfo(name: $0.name, status: $0.status) }
    }

    public var position: Int { cellList.firstIndex { $0.status != .done } ?? cellList.count }

    private func index(of name: String) -> Int? {
        cellList.firstIndex { $0.name == name } ?? cellList.firstIndex { $0.name.lowercased() == name.lowercased() }
    }

    public func plan(_ request: NotebookRunRequest) throws -> [String] {
        switch request {
        case .next:
            return position < cellList.count ? [cellList[position].name] : []
        case .all:
            return cellList.filter { $0.status != .done }.map(\.name)
        case let .cell(name):
            guard let target = index(of: name) else {
                throw NotebookError("No cell named \(name). Cells: \(cellList.map(\.name).joined(separator: ", ")).")
            }
            return cellList[..<target].filter { $0.status != .done }.map(\.name) + [cellList[target].name]
        }
    }

    public func statements(ofCell name: String) -> [SQLStatementText] {
        guard let i = index(of: name) else { return [] }
        let offset = cellList[i].firstLine - 1
        return SQLStatementSplitter.split(cellList[i].text).map { piece in
            SQLStatementText(text: piece.text, start: SourcePosition(line: piece.start.line + offset, column: piece.start.column))
        }
    }

    public func markRun(cell name: String, succeeded: Bool) {
        guard let i = index(of: name) else { return }
        cellList[i].status = succeeded ? .done : .failed
        if succeeded {
            // Later cells that ran already may have read an older version of this cell's tables.
            for j in cellList.indices where j > i && cellList[j].status == .done { cellList[j].status = .stale }
        }
    }

    public func source(ofCell name: String) -> String? {
        index(of: name).map { cellList[$0].text }
    }

    public func setSource(_ text: String, ofCell name: String) throws {
        guard let i = index(of: name) else { throw NotebookError("No cell named \(name).") }
        cellList[i].text = text.hasSuffix("\n") ? String(text.dropLast()) : text
        var file = ""
        var line = 1
        for j in cellList.indices {
            if cellList[j].name != "preamble" || j != 0 {
                file += "\(Self.marker) \(cellList[j].name)\n"
                line += 1
            }
            cellList[j].firstLine = line
            file += cellList[j].text + "\n"
            line += cellList[j].text.split(separator: "\n", omittingEmptySubsequences: false).count
        }
        do {
            try file.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw NotebookError("Cannot write the notebook \(path): \(error.localizedDescription)")
        }
    }
}
