import Foundation
import Testing
import SparkifyNotebook
import SparkifySampleData
import SparkifyTerminal

/// The walkthrough's analysis cells draw their charts when run, on generated data.
@Suite(.serialized) struct AnalysisChartsTests {
    static let walkthrough = REPLHarness.packageRoot.appendingPathComponent("samples/etl.sql").path

    @Test func theAnalysisCellsDeclareTheirCharts() throws {
        let notebook = try Notebook.load(path: Self.walkthrough)
        let charts = Dictionary(uniqueKeysWithValues: notebook.sqlCells.compactMap { cell in cell.name.map { ($0, cell.charts) } })
        #expect(charts["plays_by_hour"]?.map(\.kind) == [.bar])
        #expect(charts["top_artists"]?.map(\.kind) == [.hbar])
        #expect(charts["user_agents"]?.map(\.labelColumn) == ["os", "browser"])
        #expect(charts["user_agents"]?.map(\.kind) == [.share, .share])
        #expect(charts["plays_by_level"]?.first?.labelColumn == "level")
        for cell in notebook.sqlCells where !cell.tags.contains("analysis") { #expect(cell.charts.isEmpty) }
    }

    @Test(arguments: [(UInt64(7), 120), (UInt64(2026), 60)])
    func runningTheAnalysesDrawsEveryChart(seed: UInt64, width: Int) throws {
        let folder = TemporaryFolder()
        let data = folder.url.appendingPathComponent("lake").path
        let summary = try SampleDataGenerator(options: SampleDataOptions(songs: 150, events: 2_500, seed: seed)).write(to: data)
        let harness = REPLHarness()
        let repl = harness.makeREPL(width: width, data: data, environment: ["LANG": "en_US.UTF-8"])
        try repl.open(notebookAt: Self.walkthrough, quietly: true)
        #expect(harness.run(".run all", on: repl) == 0, "\(harness.err)")
        let out = harness.out
        for title in ["Songplays by hour of day (UTC)", "Most played artists", "Plays by operating system", "Plays by browser", "Free and paid songplays"] {
            #expect(out.contains("\n" + title + "\n"), "no chart \(title)")
        }
        // The hour axis, the ranked artists' bars, and shares that add up to every play.
        #expect(out.contains("┼────"))
        #expect(out.contains("\(summary.nextSongEvents) plays in all"))
        for line in out.split(separator: "\n") where line.contains("█") || line.contains("┼") {
            #expect(ChartRendererTests.cells(String(line)) <= width, "\(line)")
        }
    }
}
