import SparkifySQL
import SparkifyTables

/// Runs a notebook's SQL cells in a session, in the order their tables need, and keeps each
/// cell's state (not run, ran, stale, failed).
///
///     let runner = try NotebookRunner(notebook: try Notebook.load(path: "samples/etl.sql"),
///                                     session: SQLSession(settings: ["data": "samples/data"]))
///     let run = try runner.run(named: "songs")   // runs setup and staging_songs first
///     print(run.notices)   // ["songs reads staging_songs: running staging_songs first", ...]
///
/// - A cell runs after the cells that make the tables it reads (and after the set-up). Asking
///   for a cell runs first each of those that is not up to date: never run, stale, failed, or
///   whose table is gone from the session; a notice says so.
/// - A cell that runs again successfully, or is edited, makes the cells downstream stale.
/// - A cell runs all or nothing: when a statement fails or is cancelled, the session's tables
///   and settings go back to what they were before the cell, the error (with file and line) is
///   thrown, and cells that ran before it in the same call keep their tables and states.
/// - A cell that reads a table no cell makes and the session does not have fails before
///   anything runs.
public final class NotebookRunner {
    /// The notebook as last loaded or edited.
    public private(set) var notebook: Notebook
    /// Which cell makes which table.
    public private(set) var graph: NotebookGraph
    /// The session the cells run in; the REPL runs its own statements in it too.
    public let session: SQLSession
    /// Told each notice as it is made (the same as in `NotebookRun.notices`).
    public var onNotice: ((String) -> Void)?
    /// Told when a cell starts, before its first statement (for a progress line).
    public var onCellStart: ((NotebookCell, CellRun.Reason) -> Void)?
    /// Told when a cell has run successfully, before the next starts (for live output).
    public var onCellFinish: ((CellRun) -> Void)?

    var states: [String: CellState] = [:]

    /// A runner with every cell not run. Throws when the cells cannot be ordered (a table made by
    /// two cells, a cycle).
    public init(notebook: Notebook, session: SQLSession) throws(NotebookError) {
        self.notebook = notebook
        self.session = session
        self.graph = try NotebookGraph(notebook: notebook, settings: session.settings)
    }

    // MARK: State

    /// The state of the SQL cell called `name`; nil when there is none.
    public func state(of name: String) -> CellState? {
        guard let cell = notebook.cell(named: name), let key = cell.name?.lowercased() else { return nil }
        return states[key] ?? .notRun
    }

    /// Every SQL cell with its state and dependencies, in file order (for `.cells`).
    public var statuses: [CellStatus] {
        notebook.sqlCells.compactMap { cell in
            guard let name = cell.name else { return nil }
            return CellStatus(cell: cell, state: states[name.lowercased()] ?? .notRun,
                              dependencies: graph.dependencies(of: name) ?? CellDependencies())
        }
    }

    /// The first SQL cell, in file order, that is not up to date.
    public var nextCell: NotebookCell? {
        notebook.sqlCells.first { $0.name.map(needsRun) ?? false }
    }

    /// `[3/12]`: the next cell to run among the SQL cells.
    public var position: NotebookPosition {
        let cells = notebook.sqlCells
        let next = cells.firstIndex { $0.name.map(needsRun) ?? false }
        return NotebookPosition(next: next.map { $0 + 1 }, nextCell: next.flatMap { cells[$0].name }, count: cells.count)
    }

    /// True when the cell is not run, stale or failed, or a table it makes is gone.
    func needsRun(_ name: String) -> Bool {
        guard case .ran = states[name.lowercased()] ?? .notRun else { return true }
        let made = graph.dependencies(of: name)?.makes ?? []
        return made.contains { !session.catalog.contains($0) }
    }

    // MARK: Running

    /// Runs the next cell that is not up to date (see `nextCell`), after the cells it needs;
    /// nil when every cell is up to date.
    public func next(cancellation: CancellationToken = .never) throws(NotebookRunError) -> NotebookRun? {
        guard let name = nextCell?.name else { return nil }
        return try execute(targets: [name], forced: [name.lowercased()], cancellation: cancellation)
    }

    /// Runs the cell called `name` (again, if it ran), after the cells it needs that are not up
    /// to date.
    public func run(named name: String, cancellation: CancellationToken = .never) throws(NotebookRunError) -> NotebookRun {
        let cell = try sqlCell(named: name)
        let key = cell.lowercased()
        return try execute(targets: [cell], forced: [key], cancellation: cancellation)
    }

    /// Makes the notebook's `tables` for `reader`, a statement typed outside the notebook: runs
    /// the cells that make them, and those they need, when not up to date. Tables no cell makes
    /// are left to the statement to report.
    public func make(tables: [String], for reader: String, cancellation: CancellationToken = .never) throws(NotebookRunError) -> NotebookRun {
        let makers = tables.compactMap { graph.maker(of: $0) }
        guard !makers.isEmpty else { return NotebookRun() }
        return try execute(targets: makers, forced: [], cancellation: cancellation, outsideReader: reader, outsideTables: tables)
    }

    /// Runs every SQL cell that is not up to date, each after those it needs; with `force`,
    /// every cell.
    public func runAll(force: Bool = false, cancellation: CancellationToken = .never) throws(NotebookRunError) -> NotebookRun {
        let names = notebook.sqlCells.compactMap(\.name)
        return try execute(targets: names, forced: force ? Set(names.map { $0.lowercased() }) : [], cancellation: cancellation)
    }

    /// Runs the SQL cells from the first through `name`, in file order, that are not up to date
    /// (every one with `force`), and any later cell one of them needs (`sparkify run --to`).
    public func run(to name: String, force: Bool = false, cancellation: CancellationToken = .never) throws(NotebookRunError) -> NotebookRun {
        let last = try sqlCell(named: name)
        let cells = notebook.sqlCells.compactMap(\.name)
        guard let end = cells.firstIndex(of: last) else { return NotebookRun() }
        let names = Array(cells[...end])
        return try execute(targets: names, forced: force ? Set(names.map { $0.lowercased() }) : [], cancellation: cancellation)
    }

    /// The name of the SQL cell called `name` as written in the notebook.
    private func sqlCell(named name: String) throws(NotebookRunError) -> String {
        guard let cell = notebook.cell(named: name)?.name else {
            let known = notebook.sqlCells.compactMap(\.name)
            throw NotebookRunError(kind: .unknownCell, file: notebook.file, cell: nil, line: nil,
                                   message: "there is no cell named \(name)" + NameSuggestion.hint(name, among: known)
                                       + " (cells: \(known.joined(separator: ", ")))")
        }
        return cell
    }

    // MARK: Editing

    /// Replaces the text of the cell called `name` (see `Notebook.replacingCell`), marks it and
    /// the cells downstream stale, and returns the new notebook for the caller to save. Throws,
    /// changing nothing, when the result is not a valid notebook.
    @discardableResult
    public func replaceCell(named name: String, with source: String) throws(NotebookError) -> Notebook {
        let edited = try notebook.replacingCell(named: name, with: source)
        try reload(edited)
        return edited
    }

    /// Takes a new version of the notebook (edited in place or re-read from its file). Cells
    /// whose statements changed become stale (or stay not run), as do the cells downstream of
    /// them; cells that are gone are forgotten. Throws, changing nothing, when the cells cannot
    /// be ordered.
    public func reload(_ edited: Notebook) throws(NotebookError) {
        let newGraph = try NotebookGraph(notebook: edited, settings: session.settings)
        var changed: [String] = []
        for cell in edited.sqlCells {
            guard let name = cell.name else { continue }
            let before = notebook.cell(named: name)
            if before?.statements.map(\.text) != cell.statements.map(\.text) { changed.append(name) }
        }
        let oldDownstream = changed.flatMap { notebook.cell(named: $0) == nil ? [] : graph.downstream(of: $0) }
        let kept = Set(edited.sqlCells.compactMap { $0.name?.lowercased() })
        states = states.filter { kept.contains($0.key) }
        notebook = edited
        graph = newGraph
        for name in changed {
            markStale(name)
            for other in graph.downstream(of: name) { markStale(other) }
        }
        for other in oldDownstream { markStale(other) }
    }

    /// Tells the runner that a statement run outside the notebook (at the REPL) created, replaced
    /// or dropped `table`: the cell that makes it, if any, and the cells downstream become stale.
    /// Pass `StatementDependencies.creates` and `.drops` of each statement the REPL runs.
    public func tableChanged(_ table: String) {
        guard let maker = graph.maker(of: table) else { return }
        markStale(maker)
        for other in graph.downstream(of: maker) { markStale(other) }
    }

    /// Marks a cell that ran as stale.
    func markStale(_ name: String) {
        let key = name.lowercased()
        if case let .ran(outcome) = states[key] { states[key] = .stale(outcome) }
    }
}
