import SparkifySQL

/// Cuts a notebook's lines into cells at `-- %%` markers (see `Notebook`).
struct NotebookParser {
    let lines: [Substring]
    let file: String

    /// The cells, and for each the end (exclusive, 1-based) of its lines with trailing blanks.
    func parse() throws(NotebookError) -> (cells: [NotebookCell], ends: [Int]) {
        var markers: [(line: Int, marker: CellMarker)] = []
        for (offset, line) in lines.enumerated() {
            do {
                if let marker = try CellMarker.parse(line) { markers.append((offset + 1, marker)) }
            } catch {
                throw NotebookError(file: file, line: offset + 1, "malformed cell marker: \(error.message)")
            }
        }
        let lineCount = lines.count
        var cells: [NotebookCell] = []
        var ends: [Int] = []
        let preambleEnd = markers.first?.line ?? lineCount + 1
        if let preamble = try preambleCell(end: preambleEnd) {
            cells.append(preamble)
            ends.append(preambleEnd)
        }
        for (position, entry) in markers.enumerated() {
            let end = position + 1 < markers.count ? markers[position + 1].line : lineCount + 1
            cells.append(try cell(entry.marker, at: entry.line, end: end, index: cells.count))
            ends.append(end)
        }
        try checkNames(cells)
        return (cells, ends)
    }

    /// The text before the first marker: prose when it is only comments, the set-up cell when it
    /// holds SQL, nothing when blank.
    private func preambleCell(end: Int) throws(NotebookError) -> NotebookCell? {
        let body = trimmedBody(from: 1, to: end)
        guard !body.isEmpty else { return nil }
        let source = text(of: body)
        let statements = statementsOf(source, firstLine: body.lowerBound)
        if statements.isEmpty {
            return NotebookCell(kind: .markdown, name: nil, title: "", isPreamble: true, metadata: [:], tags: [],
                                markerLine: nil, bodyLines: body, source: source, prose: try proseText(body, strict: false),
                                statements: [], index: 0)
        }
        return NotebookCell(kind: .sql, name: NotebookCell.setupName, title: "", isPreamble: true, metadata: [:], tags: [],
                            markerLine: nil, bodyLines: body, source: source, prose: "", statements: statements, index: 0)
    }

    private func cell(_ marker: CellMarker, at line: Int, end: Int, index: Int) throws(NotebookError) -> NotebookCell {
        let body = trimmedBody(from: line + 1, to: end)
        let source = text(of: body)
        let tags = marker.metadata["tags"].map(CellMarker.tags) ?? []
        switch marker.type {
        case .code:
            let name = marker.title
            guard !name.isEmpty else {
                throw NotebookError(file: file, line: line, "this SQL cell has no name: write `-- %% name` (by convention the table the cell makes), or `-- %% [markdown]` for prose")
            }
            guard isCellName(name) else {
                throw NotebookError(file: file, line: line, "the cell name '\(name)' is not one word of letters, digits and underscores (a name the REPL's `.run NAME` can take)")
            }
            var charts: [CellChart] = []
            if let value = marker.metadata["chart"] {
                do { charts = try CellChart.parseMetadata(value) } catch {
                    throw NotebookError(file: file, line: line, "the chart of cell \(name): \(error.message)")
                }
            }
            return NotebookCell(kind: .sql, name: name, title: "", isPreamble: false, metadata: marker.metadata, tags: tags,
                                charts: charts, markerLine: line, bodyLines: body, source: source, prose: "",
                                statements: statementsOf(source, firstLine: body.lowerBound), index: index)
        case .markdown, .raw:
            return NotebookCell(kind: marker.type == .raw ? .raw : .markdown, name: nil, title: marker.title, isPreamble: false,
                                metadata: marker.metadata, tags: tags, markerLine: line, bodyLines: body, source: source,
                                prose: try proseText(body, strict: true), statements: [], index: index)
        }
    }

    /// Lines `from..<to` without the blank lines at the end.
    private func trimmedBody(from start: Int, to end: Int) -> Range<Int> {
        var last = end
        while last > start && isBlank(lines[last - 2]) { last -= 1 }
        return start..<max(start, last)
    }

    private func text(of body: Range<Int>) -> String {
        guard !body.isEmpty else { return "" }
        return lines[(body.lowerBound - 1)..<(body.upperBound - 1)].joined(separator: "\n")
    }

    /// The statements of a cell's text, with positions moved to the file's lines.
    private func statementsOf(_ source: String, firstLine: Int) -> [SQLStatementText] {
        SQLStatementSplitter.split(source).map { statement in
            SQLStatementText(text: statement.text,
                             start: SourcePosition(line: statement.start.line + firstLine - 1, column: statement.start.column))
        }
    }

    /// A prose cell's text: each `--` line without its `--` and one space, blank lines kept.
    /// With `strict`, a line that is not a comment is an error naming it.
    private func proseText(_ body: Range<Int>, strict: Bool) throws(NotebookError) -> String {
        var text: [Substring] = []
        for number in body {
            var line = lines[number - 1]
            if line.last == "\r" { line = line.dropLast() }
            let content = line.drop { $0 == " " || $0 == "\t" }
            if content.isEmpty {
                text.append("")
            } else if content.hasPrefix("--") {
                var rest = content.dropFirst(2)
                if rest.first == " " { rest = rest.dropFirst() }
                text.append(rest)
            } else if strict {
                throw NotebookError(file: file, line: number, "a prose cell holds a line that is not a `--` comment; put SQL in a cell of its own (`-- %% name`) or start the line with `--`")
            }
        }
        return text.joined(separator: "\n")
    }

    private func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }

    private func isCellName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// Two SQL cells may not share a name (case-insensitively, as table names compare).
    private func checkNames(_ cells: [NotebookCell]) throws(NotebookError) {
        var seen: [String: NotebookCell] = [:]
        for cell in cells {
            guard let name = cell.name else { continue }
            if let first = seen[name.lowercased()] {
                let place = first.isPreamble ? "the set-up cell (the SQL before the first marker, lines \(first.lines.lowerBound)–\(first.lines.upperBound))" : "the cell at line \(first.lines.lowerBound)"
                throw NotebookError(file: file, line: cell.lines.lowerBound, "a second cell named \(name): \(place) has that name already; cell names must differ")
            }
            seen[name.lowercased()] = cell
        }
    }
}
