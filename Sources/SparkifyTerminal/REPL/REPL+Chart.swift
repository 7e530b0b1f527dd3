import Foundation
import SparkifyNotebook
import SparkifySQL
import SparkifyTables

extension REPL {
    /// The character set charts draw with: `.charset`'s choice, else the locale's.
    var chartCharsetInUse: ChartCharset { chartCharset ?? ChartCharset.fromLocale(environment: environment) }

    /// `.chart KIND QUERY|TABLE [--top N] [--title T] [--svg FILE]`: draws the first column
    /// (labels) against the second (numbers), and writes it as SVG with `--svg`.
    func chart(_ text: String) throws {
        let request = try ChartRequest.parse(text)
        let table = try chartSource(request.source)
        let zone = session.timeZone
        let data: ChartData
        do { data = try ChartData(table: table, timeZoneOffset: { zone.offset(atMicros: $0) }) } catch { throw REPLError(error.description) }
        lastResult = table
        let spec = ChartSpec(kind: request.kind, title: request.title, top: request.top, width: output.width(), charset: chartCharsetInUse)
        output.out(ChartRenderer(spec: spec).render(data))
        if let path = request.svgPath { try writeSVG(SVGChartWriter(spec: spec).svg(data), to: path) }
    }

    /// The rows to chart: a table or view by name, else the result of a query.
    private func chartSource(_ source: String) throws -> Table {
        if !source.contains(where: { $0.isWhitespace || $0 == "(" }) {
            return try catalogTable(source.trimmingCharacters(in: CharacterSet(charactersIn: "`")))
        }
        let statement = SQLStatementText(text: source, start: SourcePosition(line: 1, column: 1))
        let result: StatementResult
        do {
            let parsed = try SQLParser.parseStatement(try session.substitutedText(source))
            guard case .query = parsed else {
                throw REPLError(".chart takes a query (SELECT …, WITH …) or a table's name, not a statement that changes something.")
            }
            InterruptHandler.reset()
            result = try session.execute(statement, cancellation: InterruptHandler.token)
        } catch let error as SQLError {
            // With the query's line and a caret under the place, as typed statements show errors.
            throw REPLError(error.rendered(source: source))
        } catch is CancellationError {
            InterruptHandler.reset()
            throw REPLError("Cancelled; no chart.")
        }
        guard case let .rows(table) = result else { throw REPLError("The query gave no rows to chart.") }
        return table
    }

    private func writeSVG(_ svg: String, to given: String) throws {
        var path = given
        if path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty { path = home + path.dropFirst() }
        do { try svg.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw REPLError("Cannot write the SVG to \(path): \(error.localizedDescription)")
        }
        say("Wrote the chart as SVG to \(path).")
    }

    /// The charts a notebook cell declares (`chart=` in its marker), drawn from its table; not
    /// in the csv and json modes, whose output programs read.
    func drawCellCharts(_ run: CellRun, table: Table) {
        guard mode != .csv, mode != .json else { return }
        guard let cell = runner?.notebook.cell(named: run.cell), !cell.charts.isEmpty else { return }
        let zone = session.timeZone
        for chart in cell.charts {
            do {
                let data = try ChartData(table: table, labelColumn: chart.labelColumn, valueColumn: chart.valueColumn,
                                         timeZoneOffset: { zone.offset(atMicros: $0) })
                let spec = ChartSpec(chart, width: output.width(), charset: chartCharsetInUse)
                output.out(ChartRenderer(spec: spec).render(data))
            } catch {
                fail("The chart of cell \(run.cell) (line \(run.lines.lowerBound)): \(error.description)")
            }
        }
    }
}
