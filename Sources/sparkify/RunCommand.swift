import ArgumentParser
import Foundation
import SparkifyNotebook
import SparkifySQL
import SparkifyTerminal
#if canImport(Glibc)
import Glibc
#endif

/// `sparkify run [NOTEBOOK]`: runs a notebook's cells without the REPL, printing a line per cell
/// to standard error and the analyses' tables to standard output.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a notebook's cells in order and print the analyses' tables.",
        discussion: """
            Each cell runs after the cells whose tables it reads. A line per cell goes to standard \
            error (`songs: 400 rows (12 ms)`); the tables of the cells tagged as analyses \
            (`-- %% name tags=["analysis"]`), and of the --to cell, go to standard output, each followed \
            by the charts its marker declares (`chart="bar"`). The \
            exit status is non-zero when a cell fails, with the error and its file and line.
            """
    )

    @Argument(help: "The notebook: Spark SQL with `-- %% name` cell markers.")
    var notebook: String = "samples/etl.sql"

    @Option(help: "The raw data folder, available as ${data}.")
    var data: String = "samples/data"

    @Option(help: "The folder the lake cells write, available as ${output}.")
    var output: String = "lake"

    @Option(help: "Run the cells up to and including this one (and the cells it needs), then stop.")
    var to: String?

    @Option(help: "Rows shown per table before '… N more rows'.")
    var maxRows: Int = 50

    @Option(help: "Also write each cell's table to DIR/CELL.json (JSON Lines, as Spark's toJSON) and its schema to DIR/CELL.schema.")
    var dump: String?

    func run() throws {
        let loaded: Notebook
        let runner: NotebookRunner
        let session = SQLSession(settings: ["data": data, "output": output])
        do {
            loaded = try Notebook.load(path: notebook)
            runner = try NotebookRunner(notebook: loaded, session: session)
        } catch {
            FileHandleOutput.standardError("error: \(error)")
            throw ExitCode.failure
        }
        let shown = tablesToShow(loaded)
        let zone = session.timeZone
        let dumper: TableDump?
        do {
            dumper = try dump.map { try TableDump(folder: $0) }
        } catch {
            FileHandleOutput.standardError("error: cannot make the dump folder \(dump ?? ""): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        var dumpFailure: String?
        let renderer = TableRenderer(mode: .box, maxRows: maxRows, width: Self.outputWidth(),
                                     timeZoneOffset: { micros in zone.offset(atMicros: micros) })
        let charset = ChartCharset.fromLocale(environment: ProcessInfo.processInfo.environment)
        var chartFailed = false
        session.onNotice = { notice in FileHandleOutput.standardError("  \(notice)") }
        runner.onNotice = { notice in FileHandleOutput.standardError(notice) }
        runner.onCellFinish = { cell in
            FileHandleOutput.standardError(Self.summary(cell))
            if shown.contains(cell.cell.lowercased()), let table = cell.table {
                print(cell.cell)
                print(renderer.render(table))
                for chart in loaded.cell(named: cell.cell)?.charts ?? [] {
                    do {
                        let data = try ChartData(table: table, labelColumn: chart.labelColumn, valueColumn: chart.valueColumn,
                                                 timeZoneOffset: { micros in zone.offset(atMicros: micros) })
                        print(ChartRenderer(spec: ChartSpec(chart, width: renderer.width, charset: charset)).render(data))
                    } catch {
                        FileHandleOutput.standardError("error: the chart of cell \(cell.cell) (line \(cell.lines.lowerBound)): \(error)")
                        chartFailed = true
                    }
                }
            }
            if let dumper, let table = cell.table, dumpFailure == nil {
                do {
                    let cellZone = session.timeZone
                    try dumper.write(cell: cell.cell, table: table) { micros in cellZone.offset(atMicros: micros) }
                } catch {
                    dumpFailure = "cannot write \(cell.cell)'s table to \(dumper.folder.path): \(error.localizedDescription)"
                }
            }
        }
        do {
            let ran = try to.map { try runner.run(to: $0) } ?? runner.runAll()
            if ran.cells.isEmpty { FileHandleOutput.standardError("Every cell is up to date.") }
            if let dumpFailure {
                FileHandleOutput.standardError("error: \(dumpFailure)")
                throw ExitCode.failure
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FileHandleOutput.standardError("error: \(error)")
            throw ExitCode.failure
        }
        if chartFailed { throw ExitCode.failure }
    }

    /// The lower-cased names of the cells whose tables go to standard output: those tagged
    /// `analysis`, and the --to cell; the last cell when none is tagged.
    private func tablesToShow(_ notebook: Notebook) -> Set<String> {
        var names = Set(notebook.sqlCells.filter { $0.tags.contains("analysis") }.compactMap { $0.name?.lowercased() })
        if let to { names.insert(to.lowercased()) }
        if names.isEmpty, let last = notebook.sqlCells.last?.name { names.insert(last.lowercased()) }
        return names
    }

    /// `songs: 400 rows (12 ms)`, or the statement count for cells that give no rows.
    static func summary(_ run: CellRun) -> String {
        let time = run.milliseconds < 10 ? String(format: "%.1f ms", run.milliseconds) : "\(Int(run.milliseconds.rounded())) ms"
        if let rows = run.rowCount { return "\(run.cell): \(rows) \(rows == 1 ? "row" : "rows") (\(time))" }
        let count = run.statements.count
        return "\(run.cell): \(count) \(count == 1 ? "statement" : "statements") (\(time))"
    }

    /// The terminal's width when standard output is one, else a fixed 100 columns.
    static func outputWidth() -> Int {
        guard isatty(1) == 1 else { return 100 }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 100
    }
}
