import SparkifySQL

/// Finds what a notebook cell uses that Apache Spark lacks: sparkify's dot commands, functions
/// Spark 4.3 does not have, and paths only sparkify reads (`**` globs).
struct SparkCompatibility {
    /// Variables for `${name}` substitution before parsing (values only matter for paths).
    var variables: [String: String]

    /// The problems of `cell`, in line order. Statements sparkify cannot parse are not checked
    /// here: they go to Spark as written (see `PySparkJobWriter.unparsed`).
    func problems(in cell: NotebookCell, unparsed: inout [SQLStatementText]) -> [ExportRefusal.Problem] {
        guard let name = cell.name else { return [] }
        var problems: [ExportRefusal.Problem] = []
        for statement in cell.statements {
            if let command = Self.dotCommand(in: statement) {
                problems.append(.init(cell: name, line: command.line,
                                      reason: "`\(command.text)` is a sparkify dot command; Spark runs SQL only, so run it in the sparkify REPL instead of the notebook"))
                continue
            }
            let parsed: ASTStatement
            do {
                let lookup = variables
                let text = try substituteVariables(in: statement.text) { lookup[$0.lowercased()] ?? $0 }
                parsed = try SQLParser.parseStatement(text, origin: statement.start)
            } catch {
                unparsed.append(statement)
                continue
            }
            let usage = SQLUsageCollector.collect(parsed)
            var named = Set<String>()
            for function in usage.functions where !SparkBuiltinFunctions.names.contains(function.name) {
                guard named.insert(function.name).inserted else { continue }
                problems.append(.init(cell: name, line: function.position.line,
                                      reason: "Spark 4.3 has no function `\(function.name)`; it is sparkify's own"))
            }
            for use in usage.paths where use.path.contains("**") {
                let path = Self.quotedText(containing: "**", in: statement.text) ?? use.path
                problems.append(.init(cell: name, line: use.position?.line ?? statement.start.line,
                                      reason: "the path '\(path)' uses `**` (any depth), which only sparkify reads: Spark's Hadoop globs match one folder per `*`; write a `*` per level"))
            }
        }
        return problems.sorted { $0.line < $1.line }
    }

    /// The backquoted or quoted text around the first `needle` in `text`, as written (variables
    /// not substituted), for messages.
    static func quotedText(containing needle: String, in text: String) -> String? {
        guard let found = text.range(of: needle) else { return nil }
        let quotes: Set<Character> = ["`", "'", "\""]
        guard let open = text[..<found.lowerBound].lastIndex(where: quotes.contains) else { return nil }
        let quote = text[open]
        guard let close = text[found.upperBound...].firstIndex(of: quote) else { return nil }
        return String(text[text.index(after: open)..<close])
    }

    /// A statement that starts (after blank space and `--` comments) with a dot command such as
    /// `.show users 5`: the command's first line and its line in the file.
    static func dotCommand(in statement: SQLStatementText) -> (text: String, line: Int)? {
        var line = statement.start.line
        for text in statement.text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { line += 1 }
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("--") { continue }
            guard trimmed.hasPrefix("."), let next = trimmed.dropFirst().first, next.isLetter else { return nil }
            var command = String(trimmed)
            if command.hasSuffix("\r") { command.removeLast() }
            return (command, line)
        }
        return nil
    }
}
