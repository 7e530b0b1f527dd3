import SparkifySQL
import SparkifyTables

extension NotebookRunner {
    /// Runs `targets` and the cells they need, in dependency order: a cell in `forced` always,
    /// any other when it is not up to date (checked as its turn comes, so a cell goes stale and
    /// runs when one it needs ran again).
    /// With `outsideReader` (a statement typed outside the notebook), every cell runs as an
    /// input of it, which reads `outsideTables`.
    func execute(targets: [String], forced: Set<String>, cancellation: CancellationToken,
                 outsideReader: String? = nil, outsideTables: [String] = []) throws(NotebookRunError) -> NotebookRun {
        var run = NotebookRun()
        let order = graph.closure(of: targets)
        try checkExternalInputs(order)
        let targetKeys = outsideReader == nil ? Set(targets.map { $0.lowercased() }) : []
        for name in order {
            let key = name.lowercased()
            guard forced.contains(key) || needsRun(name), let cell = notebook.cell(named: name) else { continue }
            var reason = CellRun.Reason.requested
            var input = reader(of: name, in: order, preferring: targetKeys)
            if input == nil, let outsideReader {
                let made = graph.dependencies(of: name)?.makes ?? []
                input = (outsideReader, outsideTables.first { table in made.contains(table.lowercased()) })
            }
            if !targetKeys.contains(key), let (reader, table) = input {
                reason = .input(of: reader, table: table)
                let notice = (table.map { "\(reader) reads \($0)" } ?? "\(reader) needs the set-up") + why(name) + ": running \(name) first"
                run.notices.append(notice)
                onNotice?(notice)
            }
            do throws(NotebookRunError) {
                if cancellation.isCancelled { throw cancelledError(cell) }
                run.cells.append(try runCell(cell, reason: reason, cancellation: cancellation))
            } catch {
                var failure = error
                failure.completed = run
                throw failure
            }
        }
        return run
    }

    /// Why a cell that is needed runs again: its state in a few words.
    private func why(_ name: String) -> String {
        switch states[name.lowercased()] ?? .notRun {
        case .notRun: return ""
        case .stale: return ", which is stale"
        case .failed: return ", whose last run failed"
        case .ran: return ", which is gone from the session"
        }
    }

    /// The cell of `order` that needs `name` (a target if one does) and the table it reads.
    private func reader(of name: String, in order: [String], preferring targets: Set<String>) -> (String, String?)? {
        var found: (String, String?)?
        for candidate in order {
            guard let input = graph.inputs(of: candidate).first(where: { $0.cell.lowercased() == name.lowercased() }) else { continue }
            if targets.contains(candidate.lowercased()) { return (candidate, input.table) }
            if found == nil { found = (candidate, input.table) }
        }
        return found
    }

    /// Fails before anything runs when a cell of `order` reads a table that no cell makes and
    /// the session does not have.
    private func checkExternalInputs(_ order: [String]) throws(NotebookRunError) {
        for name in order {
            guard let cell = notebook.cell(named: name) else { continue }
            for table in graph.externalReads(of: name) where !session.catalog.contains(table) {
                let known = notebook.sqlCells.compactMap { $0.name.flatMap { graph.dependencies(of: $0)?.makes } }.flatMap { $0 } + session.catalog.names
                throw NotebookRunError(kind: .missingInput, file: notebook.file, cell: name, line: line(of: table, in: cell),
                                       message: "\(name) reads the table \(table), which no cell makes and the session does not have"
                                           + NameSuggestion.hint(table, among: known))
            }
        }
    }

    /// The first line of `cell` that names `table` as a whole word, else the cell's first line.
    private func line(of table: String, in cell: NotebookCell) -> Int {
        let lines = cell.source.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, text) in lines.enumerated() where Self.containsWord(table, in: Array(text.lowercased().utf8)) {
            return cell.bodyLines.lowerBound + offset
        }
        return cell.lines.lowerBound
    }

    private static func containsWord(_ word: String, in line: [UInt8]) -> Bool {
        let target = Array(word.utf8)
        guard !target.isEmpty, line.count >= target.count else { return false }
        func isNamePart(_ byte: UInt8) -> Bool {
            byte == 0x5F || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
        }
        for start in 0...(line.count - target.count) where line[start..<(start + target.count)].elementsEqual(target) {
            let before = start > 0 ? line[start - 1] : 0x20
            let after = start + target.count < line.count ? line[start + target.count] : 0x20
            if !isNamePart(before) && !isNamePart(after) { return true }
        }
        return false
    }

    /// Runs every statement of `cell`; on failure puts the session back as it was before the cell.
    private func runCell(_ cell: NotebookCell, reason: CellRun.Reason, cancellation: CancellationToken) throws(NotebookRunError) -> CellRun {
        guard let name = cell.name else { return CellRun(cell: cell.label, lines: cell.lines, reason: reason, statements: [], duration: .zero, notices: [], tables: [], table: nil) }
        onCellStart?(cell, reason)
        let snapshot = session.snapshot()
        let collector = NoticeCollector()
        let previous = session.onNotice
        session.onNotice = { notice in
            collector.append(notice)
            previous?(notice)
        }
        defer { session.onNotice = previous }
        let clock = ContinuousClock()
        let started = clock.now
        var statements: [CellRun.StatementRun] = []
        for statement in cell.statements {
            let began = clock.now
            do {
                let result = try session.execute(statement, cancellation: cancellation)
                statements.append(CellRun.StatementRun(statement: statement, result: result, duration: clock.now - began))
            } catch is CancellationError {
                session.restore(snapshot)
                throw cancelledError(cell)
            } catch {
                session.restore(snapshot)
                let failure = statementError(error, in: cell, statement: statement)
                states[name.lowercased()] = .failed(failure)
                throw failure
            }
        }
        if cancellation.isCancelled {
            // Ctrl-C came after the engine's last check: the cell still changes nothing.
            session.restore(snapshot)
            throw cancelledError(cell)
        }
        let made = (graph.dependencies(of: name)?.makes ?? []).filter { session.catalog.contains($0) }
        let table = session.catalog.entry(name)?.table
            ?? made.last.flatMap { session.catalog.entry($0)?.table }
            ?? statements.last { $0.result.table != nil }?.result.table
        let run = CellRun(cell: name, lines: cell.lines, reason: reason, statements: statements, duration: clock.now - started,
                          notices: collector.all, tables: made, table: table)
        states[name.lowercased()] = .ran(run.outcome)
        for other in graph.downstream(of: name) { markStale(other) }
        onCellFinish?(run)
        return run
    }

    private func cancelledError(_ cell: NotebookCell) -> NotebookRunError {
        NotebookRunError(kind: .cancelled, file: notebook.file, cell: cell.name, line: cell.lines.lowerBound,
                         message: "cancelled; the cell changed nothing")
    }

    /// The error of a failed statement, positioned in the file, with the offending line.
    private func statementError(_ error: any Error, in cell: NotebookCell, statement: SQLStatementText) -> NotebookRunError {
        guard let sqlError = error as? SQLError else {
            return NotebookRunError(kind: .statementFailed, file: notebook.file, cell: cell.name, line: statement.start.line, message: "\(error)")
        }
        let source = (try? session.substitutedText(statement.text)) ?? statement.text
        let rendered = sqlError.rendered(source: source, origin: statement.start)
        var excerpt: String?
        if rendered.count > sqlError.description.count, rendered.hasPrefix(sqlError.description) {
            excerpt = String(rendered.dropFirst(sqlError.description.count + 1))
        }
        let line = sqlError.position.map(\.line) ?? statement.start.line
        return NotebookRunError(kind: .statementFailed, file: notebook.file, cell: cell.name, line: line,
                                message: sqlError.description, sqlError: sqlError, excerpt: excerpt)
    }
}
