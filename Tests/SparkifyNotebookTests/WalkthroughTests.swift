import Foundation
import SparkifyNotebook
import SparkifySQL
import SparkifyTables
import Testing

/// Runs the walkthrough notebook, samples/etl.sql, on the committed sample data.
@Suite("Walkthrough notebook", .serialized)
struct WalkthroughTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let notebookPath = root.appendingPathComponent("samples/etl.sql").path
    static let dataPath = root.appendingPathComponent("samples/data").path

    static let cells = ["setup", "staging_songs", "staging_events", "songs", "artists", "users", "time", "songplays",
                        "plays_by_hour", "top_artists", "user_agents", "plays_by_level"]

    /// Lines of the log files, and those that are plays, counted from the files themselves.
    static func logCounts() throws -> (events: Int, plays: Int) {
        var events = 0, plays = 0
        let folder = URL(fileURLWithPath: dataPath).appendingPathComponent("log_data")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "json" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") where !line.isEmpty {
                events += 1
                if line.contains("\"page\":\"NextSong\"") { plays += 1 }
            }
        }
        return (events, plays)
    }

    static func songFileCount() -> Int {
        let folder = URL(fileURLWithPath: dataPath).appendingPathComponent("song_data")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "json" }.count
    }

    func scalar(_ session: SQLSession, _ sql: String) throws -> Value {
        guard case let .rows(table) = try session.execute(SQLStatementText(text: sql, start: SourcePosition(line: 1, column: 1))) else {
            throw SQLError(.execution, "no rows from \(sql)")
        }
        return table.row(0)[0]
    }

    func int(_ session: SQLSession, _ sql: String) throws -> Int {
        switch try scalar(session, sql) {
        case let .bigint(value): return Int(value)
        case let .int(value): return Int(value)
        default: throw SQLError(.execution, "not an integer: \(sql)")
        }
    }

    @Test("the notebook has the walkthrough's cells, a prose cell before each step, and is valid")
    func structure() throws {
        let notebook = try Notebook.load(path: Self.notebookPath)
        #expect(notebook.sqlCells.compactMap(\.name) == Self.cells)
        for cell in notebook.sqlCells where !cell.isPreamble {
            let before = notebook.cells[cell.index - 1]
            #expect(before.kind == .markdown && !before.prose.isEmpty, "no prose before \(cell.label)")
            // Every cell makes the table of its name, as CREATE OR REPLACE TEMP VIEW name.
            #expect(cell.statements.count == 1)
            #expect(cell.statements.first?.text.hasPrefix("CREATE OR REPLACE TEMP VIEW \(cell.name ?? "") AS") == true)
        }
        let analyses = notebook.sqlCells.filter { $0.tags.contains("analysis") }.compactMap(\.name)
        #expect(analyses == ["plays_by_hour", "top_artists", "user_agents", "plays_by_level"])
        _ = try NotebookGraph(notebook: notebook)
    }

    @Test("running every cell makes each cell's table with sensible rows")
    func runAll() throws {
        let session = SQLSession(settings: ["data": Self.dataPath])
        let runner = try NotebookRunner(notebook: try Notebook.load(path: Self.notebookPath), session: session)
        #expect(runner.position.description == "[1/12]")
        let run = try runner.runAll()
        #expect(run.cells.map(\.cell) == Self.cells)
        #expect(run.notices.isEmpty)
        #expect(runner.position.next == nil)
        for name in Self.cells.dropFirst() {
            #expect(session.catalog.contains(name), "no table \(name)")
            #expect((run.run(of: name)?.rowCount ?? 0) > 0, "\(name) is empty")
        }
        let rows = { (name: String) in run.run(of: name)?.rowCount ?? -1 }
        let (events, plays) = try Self.logCounts()
        #expect(rows("staging_songs") == Self.songFileCount())
        #expect(rows("staging_events") == events)
        #expect(rows("songplays") == plays)
        #expect(rows("songs") == (try int(session, "SELECT count(DISTINCT song_id) FROM songs")))
        #expect(rows("artists") == (try int(session, "SELECT count(DISTINCT artist_id) FROM artists")))
        // One row per user, each with a level, as many as the users in the log.
        #expect(rows("users") == (try int(session, "SELECT count(DISTINCT user_id) FROM users")))
        #expect(rows("users") == (try int(session, "SELECT count(DISTINCT userId) FROM staging_events WHERE userId <> ''")))
        #expect(try int(session, "SELECT count(*) FROM users WHERE level NOT IN ('free', 'paid') OR level IS NULL") == 0)
        // The join finds matches, and keeps the plays it cannot match.
        let matched = try int(session, "SELECT count(song_id) FROM songplays")
        #expect(matched > plays / 2)
        #expect(matched < plays)
        #expect(try int(session, "SELECT count(DISTINCT songplay_id) FROM songplays") == plays)
        #expect(rows("time") == (try int(session, "SELECT count(DISTINCT start_time) FROM songplays")))
        // Analyses add up to the plays they read.
        #expect(rows("plays_by_hour") <= 24)
        #expect(try int(session, "SELECT sum(plays) FROM plays_by_hour") == plays)
        #expect(try int(session, "SELECT sum(plays) FROM user_agents") == plays)
        #expect(try int(session, "SELECT sum(plays) FROM plays_by_level") == plays)
        #expect(try int(session, "SELECT count(*) FROM user_agents WHERE os IN ('other', 'unknown') OR browser IN ('other', 'unknown')") <= 1)
        // The top artists come from the event log, so they count the plays no song file matched.
        #expect(rows("top_artists") == 10)
        #expect(try int(session, "SELECT sum(plays) FROM top_artists") <= plays)
        let unmatchedInTop = try int(session, """
            SELECT count(*) FROM staging_events e JOIN top_artists t ON e.artist = t.artist
            WHERE e.page = 'NextSong' AND NOT EXISTS (SELECT 1 FROM staging_songs s WHERE s.artist_name = e.artist AND s.title = e.song AND s.duration = e.length)
            """)
        #expect(unmatchedInTop > 0)
        #expect(try int(session, "SELECT sum(plays) FROM top_artists") == (try int(session, "SELECT count(*) FROM staging_events e JOIN top_artists t ON e.artist = t.artist WHERE e.page = 'NextSong'")))
    }

    @Test("asking for an analysis first runs everything it needs, and says so")
    func runAnalysisFirst() throws {
        let session = SQLSession(settings: ["data": Self.dataPath])
        let runner = try NotebookRunner(notebook: try Notebook.load(path: Self.notebookPath), session: session)
        let run = try runner.run(named: "plays_by_hour")
        #expect(run.cells.map(\.cell) == ["setup", "staging_songs", "staging_events", "songplays", "plays_by_hour"])
        #expect(run.notices.contains("songplays reads staging_songs: running staging_songs first"))
        #expect(run.notices.contains("plays_by_hour reads songplays: running songplays first"))
        #expect(runner.state(of: "songs")?.label == "not run")
        #expect(runner.position.nextCell == "songs")
    }
}
