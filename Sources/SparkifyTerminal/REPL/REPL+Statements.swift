import Foundation
import SparkifySQL
import SparkifyTables

extension REPL {
    /// How running a statement ended.
    enum StatementOutcome {
        case succeeded, failed, cancelled
    }

    /// Runs one statement: shows a progress bar after a second, prints its result (tables to
    /// standard output, messages to standard error), its time with `.timer on`, or its error
    /// with the line and a caret. `source` is the text the statement's positions refer to.
    @discardableResult
    func runStatement(_ statement: SQLStatementText, source: String, origin: SourcePosition, label: String? = nil) -> StatementOutcome {
        InterruptHandler.reset()
        let err = output.err
        let progress = ProgressBar(label: label ?? Self.summary(of: statement.text), enabled: output.errIsTerminal, write: err)
        session.onProgress = { done, total in progress.update(done: done, total: total) }
        defer { session.onProgress = nil }
        let result: StatementResult
        do {
            result = try session.execute(statement, cancellation: InterruptHandler.token)
            progress.finish()
        } catch let error as SQLError {
            progress.finish()
            if InterruptHandler.token.isCancelled { return cancelled() }
            fail(error.rendered(source: source, origin: origin))
            return .failed
        } catch is CancellationError {
            progress.finish()
            return cancelled()
        } catch {
            progress.finish()
            fail("\(error)")
            return .failed
        }
        let seconds = progress.elapsed
        switch result {
        case let .rows(table):
            show(table)
        case let .plan(text):
            output.out(text.hasSuffix("\n") ? text : text + "\n")
        case let .message(message):
            say(message)
        }
        if timer { say(output.errStyle.dim(String(format: "Time: %.3f s", seconds))) }
        return .succeeded
    }

    private func cancelled() -> StatementOutcome {
        InterruptHandler.reset()
        failureCount += 1
        say(output.errStyle.yellow("Cancelled.") + " Nothing changed.")
        return .cancelled
    }

    /// Runs the statements of `text` (typed or piped), whose first line is line `firstLine` of
    /// the input. Stops at a cancelled statement.
    func runStatements(_ text: String, firstLine: Int) {
        for piece in SQLStatementSplitter.split(text) {
            let origin = SourcePosition(line: piece.start.line + firstLine - 1, column: piece.start.column)
            let statement = SQLStatementText(text: piece.text, start: origin)
            if runStatement(statement, source: piece.text, origin: origin) == .cancelled { return }
        }
    }

    /// The first words of a statement, for a progress bar's label.
    static func summary(of text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace).prefix(4).joined(separator: " ")
        return DisplayWidth.truncate(words, to: 32)
    }

    // MARK: Notebook

    func requireNotebook() throws -> NotebookDriver {
        guard let notebook else { throw NotebookError("No notebook is open. Open one with .open NOTEBOOK.") }
        return notebook
    }

    /// Runs the cells `request` names, showing each cell's results; stops at a failure.
    func runNotebook(_ request: NotebookRunRequest) throws {
        let notebook = try requireNotebook()
        let names = try notebook.plan(request)
        if names.isEmpty {
            say("Every cell has run. Use .run NAME to run one again, or .cells to see them.")
            return
        }
        for name in names {
            say(output.errStyle.cyan("── \(name) ") + output.errStyle.dim("(cell \((notebook.cells.firstIndex { $0.name == name } ?? 0) + 1) of \(notebook.cells.count))"))
            var outcome = StatementOutcome.succeeded
            for statement in notebook.statements(ofCell: name) {
                outcome = runStatement(statement, source: statement.text, origin: statement.start,
                                       label: "\(name): \(Self.summary(of: statement.text))")
                if outcome != .succeeded { break }
            }
            notebook.markRun(cell: name, succeeded: outcome == .succeeded)
            if outcome != .succeeded {
                say("Cell \(name) did not finish; fix it with .edit \(name), or run SQL to look around.")
                return
            }
        }
    }

    /// `.cells`: each cell with its status.
    func listCells() throws {
        let notebook = try requireNotebook()
        var builders = [ColumnBuilder(type: .int), ColumnBuilder(type: .string), ColumnBuilder(type: .string), ColumnBuilder(type: .string)]
        for (i, cell) in notebook.cells.enumerated() {
            builders[0].append(Value.int(Int32(i + 1)))
            builders[1].append(Value.string(cell.name))
            builders[2].append(Value.string(i == notebook.position ? cell.status.rawValue + " ← next" : cell.status.rawValue))
            builders[3].append(Value.string(cell.dependsOn.joined(separator: ", ")))
        }
        let schema = Schema([Field("#", .int), Field("cell", .string), Field("status", .string), Field("needs", .string)])
        show(Table(schema: schema, columns: builders.map { $0.build() }), maxRows: Int.max)
    }
}
