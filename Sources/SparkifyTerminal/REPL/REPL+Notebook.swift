import Foundation
import SparkifyNotebook
import SparkifySQL
import SparkifyTables

extension REPL {
    /// What `.next` and `.run` ask of the notebook.
    enum NotebookRequest {
        case next
        case cell(String)
        case all
        /// The cells that make these tables, for `reader` typed at the prompt ("your query").
        case inputs([String], reader: String)
    }

    func requireRunner() throws -> NotebookRunner {
        guard let runner else { throw REPLError("No notebook is open. Open one with .open NOTEBOOK.") }
        return runner
    }

    /// Runs cells through the notebook runner (each after the cells it needs), showing each
    /// cell's results as it finishes; Ctrl-C cancels the running cell, which changes nothing.
    func runNotebook(_ request: NotebookRequest) throws {
        let runner = try requireRunner()
        let sqlCells = runner.notebook.sqlCells
        InterruptHandler.reset()
        runner.onNotice = { [output] notice in output.err(output.errStyle.dim(notice) + "\n") }
        let allCells = runner.notebook.cells
        runner.onCellStart = { [unowned self] cell, reason in
            let index = (sqlCells.firstIndex { $0.name == cell.name } ?? 0) + 1
            // Walking through with .next, the prose before a cell explains it.
            if case .next = request, reason == .requested, cell.index > 0, allCells[cell.index - 1].kind == .markdown {
                let prose = allCells[cell.index - 1].prose.trimmingCharacters(in: .whitespacesAndNewlines)
                if !prose.isEmpty { say(output.errStyle.dim(prose)) }
            }
            say(output.errStyle.cyan("── \(cell.name ?? cell.label) ") + output.errStyle.dim("(cell \(index) of \(sqlCells.count), line \(cell.lines.lowerBound))"))
            startProgress(label: cell.name ?? cell.label)
        }
        runner.onCellFinish = { [unowned self] run in
            finishProgress()
            show(run)
        }
        defer {
            finishProgress()
            runner.onCellStart = nil
            runner.onCellFinish = nil
            runner.onNotice = nil
        }
        let result: Result<NotebookRun?, NotebookRunError>
        do {
            result = .success(try perform(request, on: runner))
        } catch {
            result = .failure(error)
        }
        switch result {
        case let .success(run):
            if case .inputs = request { return }
            if run == nil || run?.cells.isEmpty == true {
                say("Every cell is up to date. Use .run NAME to run one again, or .cells to see them.")
            }
        case let .failure(error):
            finishProgress()
            if error.kind == .cancelled {
                InterruptHandler.reset()
                failureCount += 1
                say(output.errStyle.yellow("Cancelled.") + " Cell \(error.cell ?? "") changed nothing.")
                return
            }
            throw REPLError(error.description + (error.cell.map { "\n(fix it with .edit \($0))" } ?? ""))
        }
    }

    private func perform(_ request: NotebookRequest, on runner: NotebookRunner) throws(NotebookRunError) -> NotebookRun? {
        switch request {
        case .next: return try runner.next(cancellation: InterruptHandler.token)
        case let .cell(name): return try runner.run(named: name, cancellation: InterruptHandler.token)
        case .all: return try runner.runAll(cancellation: InterruptHandler.token)
        case let .inputs(tables, reader): return try runner.make(tables: tables, for: reader, cancellation: InterruptHandler.token)
        }
    }

    /// One finished cell: each statement's rows or message, and its time with `.timer on`.
    private func show(_ run: CellRun) {
        let gaveRows = run.statements.contains { if case .rows = $0.result { return true } else { return false } }
        if !gaveRows, let table = run.table {
            // A requested cell that made a table: a glimpse of it, as a notebook shows its output
            // (the cells it needed only say what they made).
            for statement in run.statements { if case let .message(message) = statement.result { say(message) } }
            if run.reason == .requested {
                show(table, maxRows: 5)
                drawCellCharts(run, table: table)
            }
            if timer { say(output.errStyle.dim(timeText(seconds: run.milliseconds / 1000))) }
            return
        }
        for statement in run.statements {
            switch statement.result {
            case let .rows(table): show(table)
            case let .plan(text): output.out(text.hasSuffix("\n") ? text : text + "\n")
            case let .message(message): say(message)
            }
        }
        if timer { say(output.errStyle.dim(timeText(seconds: run.milliseconds / 1000))) }
    }

    func startProgress(label: String) {
        progress?.finish()
        let bar = ProgressBar(label: label, enabled: output.errIsTerminal, write: output.err)
        progress = bar
        session.onProgress = { done, total in bar.update(done: done, total: total) }
    }

    func finishProgress() {
        progress?.finish()
        progress = nil
        session.onProgress = nil
    }

    /// `.cells`: each SQL cell with its state, what it reads, its rows and how long it took.
    func listCells() throws {
        let runner = try requireRunner()
        let next = runner.position.nextCell?.lowercased()
        var builders = [ColumnBuilder(type: .int), ColumnBuilder(type: .string), ColumnBuilder(type: .string),
                        ColumnBuilder(type: .string), ColumnBuilder(type: .bigint), ColumnBuilder(type: .string)]
        for (i, status) in runner.statuses.enumerated() {
            let name = status.cell.name ?? status.cell.label
            builders[0].append(Value.int(Int32(i + 1)))
            builders[1].append(Value.string(name))
            builders[2].append(Value.string(status.state.label + (name.lowercased() == next ? " ← next" : "")))
            builders[3].append(Value.string(status.dependencies.reads.joined(separator: ", ")))
            switch status.state {
            case let .ran(outcome), let .stale(outcome):
                builders[4].append(outcome.rowCount.map { Value.bigint(Int64($0)) } ?? .null)
                builders[5].append(Value.string(transcriptMode ? "…" : REPL.formatDuration(outcome.duration)))
            default:
                builders[4].append(Value.null)
                builders[5].append(Value.null)
            }
        }
        let schema = Schema([Field("#", .int), Field("cell", .string), Field("state", .string),
                             Field("reads", .string), Field("rows", .bigint), Field("time", .string)])
        show(Table(schema: schema, columns: builders.map { $0.build() }), maxRows: Int.max)
    }

    /// A cell's time as `.cells` shows it: `12 ms`, `1.4 s`.
    static func formatDuration(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        if milliseconds < 1000 { return "\(Int(milliseconds.rounded())) ms" }
        return "\((milliseconds / 100).rounded() / 10) s"
    }

    /// The SQL cell names, for completion.
    var cellNames: [String] { runner?.notebook.sqlCells.compactMap(\.name) ?? [] }
}
