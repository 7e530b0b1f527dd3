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

    /// As in Udacity's data, where the song files match almost no play: the analyses still
    /// answer from the event log, and the most played artists are drawn.
    @Test func theAnalysesAnswerWhenAlmostNoPlayMatchesASongFile() throws {
        let folder = TemporaryFolder()
        let data = folder.url.appendingPathComponent("lake").path
        _ = try SampleDataGenerator(options: SampleDataOptions(songs: 120, events: 2_000, seed: 11)).write(to: data)
        let songs = FileManager.default.enumerator(atPath: data + "/song_data")?.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted() ?? []
        #expect(songs.count == 120)
        for song in songs.dropFirst() { try FileManager.default.removeItem(atPath: data + "/song_data/" + song) }
        let harness = REPLHarness()
        let repl = harness.makeREPL(width: 80, data: data, environment: ["LANG": "C.UTF-8"])
        try repl.open(notebookAt: Self.walkthrough, quietly: true)
        #expect(harness.run(".run all\n.mode csv\nSELECT count(song_id) AS matched, count(*) AS plays FROM songplays;\nSELECT count(*) FROM top_artists;", on: repl) == 0, "\(harness.err)")
        let out = harness.out
        let counts = out.split(separator: "\n").drop { $0 != "matched,plays" }.dropFirst().first.map { $0.split(separator: ",").compactMap { Int($0) } } ?? []
        #expect(counts.count == 2 && counts[0] * 20 < counts[1], "most plays match no song file: \(counts)")
        #expect(out.hasSuffix("count(1)\n10\n"))
        let artists = out.components(separatedBy: "Most played artists\n").dropFirst().first ?? ""
        #expect(artists.split(separator: "\n").dropFirst().prefix(10).filter { $0.contains("│█") }.count == 10)
    }
}
