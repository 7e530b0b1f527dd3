import SparkifySQL

extension PySparkJobWriter {
    /// The Python function of one SQL cell: the prose before it as comments, its statements
    /// through `spark.sql`, and the table it gives back (cached), if any.
    func function(for cell: NotebookCell, makes: [String]) -> String {
        let name = cell.name ?? NotebookCell.setupName
        var lines: [String] = []
        let prose = proseBefore(cell)
        if !prose.isEmpty { lines.append(PythonText.comment(prose)) }
        lines.append("def \(PythonText.functionName(forCell: name))(spark):")
        let place = "\(notebook.file), line \(cell.lines.lowerBound)"
        lines.append("    " + PythonText.docstring(cell.isPreamble ? "The set-up (\(place)): runs before every other cell." : "\(name) (\(place))."))
        let statements = cell.statements
        let returnsQuery = makes.isEmpty && statements.last.map(isQuery) == true
        let bodyLines = cell.source.split(separator: "\n", omittingEmptySubsequences: false)
        var nextLine = cell.bodyLines.lowerBound
        for (index, statement) in statements.enumerated() {
            // The `--` lines between the previous statement and this one stay, as comments.
            let before = (nextLine..<max(nextLine, statement.start.line)).compactMap { line -> Substring? in
                let offset = line - cell.bodyLines.lowerBound
                return offset >= 0 && offset < bodyLines.count ? bodyLines[offset] : nil
            }
            let comments = Self.commentText(before)
            if !comments.isEmpty { lines.append(PythonText.comment(comments, indent: "    ")) }
            nextLine = statement.start.line + statement.text.utf8.count { $0 == 0x0A } + 1
            let sql = statement.text.contains("\n") ? PythonText.blockLiteral(statement.text) : PythonText.literal(statement.text)
            let call = "spark.sql(" + sql + ")"
            lines.append("    " + (returnsQuery && index == statements.count - 1 ? "return " : "") + call)
        }
        if !returnsQuery {
            let main = makes.first { $0 == name.lowercased() } ?? makes.last
            for table in makes where table != main { lines.append("    cached(spark, \(PythonText.literal(table)))") }
            if let main { lines.append("    return cached(spark, \(PythonText.literal(main)))") }
        }
        return lines.joined(separator: "\n")
    }

    /// True when the statement is a query whose rows are the cell's result.
    private func isQuery(_ statement: SQLStatementText) -> Bool {
        if case .query? = try? SQLParser.parseStatement(statement.text) { return true }
        return false
    }

    /// The prose cells (and their titles) between the previous SQL cell and `cell`.
    private func proseBefore(_ cell: NotebookCell) -> String {
        var parts: [String] = []
        var index = cell.index - 1
        while index >= 0, notebook.cells[index].kind != .sql {
            let prose = notebook.cells[index]
            var text = prose.kind == .markdown ? prose.prose : ""
            if !prose.title.isEmpty { text = prose.title + (text.isEmpty ? "" : "\n\n" + text) }
            if !text.isEmpty { parts.insert(text, at: 0) }
            index -= 1
        }
        return parts.joined(separator: "\n\n")
    }

    /// The text of the `--` comment lines among `lines` (each without `--` and one space), blank
    /// lines between them kept; other lines (code after a statement on its last line) left out.
    static func commentText(_ lines: [Substring]) -> String {
        var comments: [Substring] = []
        for line in lines {
            var trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasSuffix("\r") { trimmed = trimmed.dropLast() }
            if trimmed.hasPrefix("--") {
                var rest = trimmed.dropFirst(2)
                if rest.first == " " { rest = rest.dropFirst() }
                comments.append(rest)
            } else if trimmed.isEmpty, !comments.isEmpty {
                comments.append("")
            }
        }
        while comments.last?.isEmpty == true { comments.removeLast() }
        return comments.joined(separator: "\n")
    }
}
