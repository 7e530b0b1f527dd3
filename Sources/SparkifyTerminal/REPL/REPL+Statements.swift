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
        let before = session.snapshot()
        do {
            result = try session.execute(statement, cancellation: InterruptHandler.token)
            progress.finish()
            if InterruptHandler.token.isCancelled {
                // Ctrl-C came after the engine's last check: undo what the statement did.
                session.restore(before)
                return cancelled()
            }
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
        noteTableChanges(statement)
        switch result {
        case let .rows(table):
            show(table)
        case let .plan(text):
            output.out(text.hasSuffix("\n") ? text : text + "\n")
        case let .message(message):
            say(message)
        }
        if timer { say(output.errStyle.dim(timeText(seconds: seconds))) }
        return .succeeded
    }

    /// The tables `statement` reads that the session lacks and a notebook cell makes.
    private func missingNotebookTables(of statement: SQLStatementText) -> [String] {
        guard let runner, let parsed = try? SQLParser.parseStatement(try session.substitutedText(statement.text)) else { return [] }
        return parsed.dependencies.reads.filter { !session.catalog.contains($0) && runner.graph.maker(of: $0) != nil }
    }

    /// A typed statement that reads notebook tables not made yet runs the cells that make them
    /// first, with a notice, as a cell's missing inputs do. False when those cells failed or
    /// were cancelled (the statement does not run then).
    private func makeNotebookInputs(of statement: SQLStatementText) -> Bool {
        let missing = missingNotebookTables(of: statement)
        guard !missing.isEmpty else { return true }
        let failuresBefore = failureCount
        do {
            try runNotebook(.inputs(missing, reader: "your query"))
        } catch {
            fail("\(error)")
            return false
        }
        return failureCount == failuresBefore
    }

    /// Tells the notebook about tables a typed statement made, replaced or dropped, so the
    /// cells that make them (and those downstream) show as stale.
    private func noteTableChanges(_ statement: SQLStatementText) {
        guard let runner, let text = try? session.substitutedText(statement.text),
              let parsed = try? SQLParser.parseStatement(text) else { return }
        let dependencies = parsed.dependencies
        for table in [dependencies.creates, dependencies.drops].compactMap({ $0 }) { runner.tableChanged(table) }
    }

    private func cancelled() -> StatementOutcome {
        InterruptHandler.reset()
        lastStatementCancelled = true
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
            guard makeNotebookInputs(of: statement) else { return }
            if runStatement(statement, source: piece.text, origin: origin) == .cancelled { return }
        }
    }

    /// The first words of a statement, for a progress bar's label.
    static func summary(of text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace).prefix(4).joined(separator: " ")
        return DisplayWidth.truncate(words, to: 32)
    }
}
