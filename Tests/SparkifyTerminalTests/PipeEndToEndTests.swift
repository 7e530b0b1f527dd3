import Foundation
import Testing

/// The real binary with a script on standard input: no prompts, results on stdout, messages
/// and errors on stderr, a non-zero exit when anything failed.
@Suite struct PipeEndToEndTests {
    @Test func scriptOfStatementsAndDotCommands() throws {
        let script = """
            .run staging_songs
            SELECT count(*) AS songs,
                   count(DISTINCT artist_id) AS artists
            FROM staging_songs;
            .mode csv
            SELECT year FROM staging_songs WHERE year > 0 ORDER BY year LIMIT 2;
            """
        guard let result = try SparkifyBinary.run([], input: script, environment: ["NO_COLOR": "1"]) else { return }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("│   400 │     270 │"))
        let csv = result.stdout.components(separatedBy: "└───────┴─────────┘\n").last ?? ""
        let years = csv.split(separator: "\n").dropFirst().compactMap { Int($0) }
        #expect(csv.hasPrefix("year\n") && years.count == 2 && years[0] > 0 && years[0] <= years[1])
        #expect(!result.stdout.contains("sparkify ["), "no prompt when piped")
        #expect(!result.stdout.contains("\u{1B}["), "no colors when piped")
        #expect(result.stderr.contains("Created temporary view staging_songs (400 rows)."))
        #expect(result.stderr.contains("Results now print in csv mode."))
    }

    @Test func aFailingStatementMakesTheExitStatusNonZeroButTheRestRuns() throws {
        let script = "SELECT 1 AS a;\nSELECT nosuch FROM (SELECT 1 AS a);\nSELECT 2 AS b;\n"
        guard let result = try SparkifyBinary.run([], input: script) else { return }
        #expect(result.status == 1)
        #expect(result.stderr.contains("UNRESOLVED_COLUMN"))
        #expect(result.stderr.contains("(line 2, column 8)\nSELECT nosuch FROM (SELECT 1 AS a)\n       ^"))
        #expect(result.stdout.contains("│ a │") && result.stdout.contains("│ b │"))
    }

    @Test func aNamedNotebookAndDataFolder() throws {
        let folder = TemporaryFolder()
        let notebook = folder.write("nb.sql", "-- %% only\nCREATE TEMP VIEW ev AS SELECT * FROM json.`${data}/log_data/2018/11/2018-11-01-events.json`;\n")
        guard let result = try SparkifyBinary.run([notebook, "--data", REPLHarness.sampleData], input: ".run all\n.tables\n") else { return }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("│ ev   │ view │"))
    }

    @Test func aMissingNotebookIsAClearError() throws {
        guard let result = try SparkifyBinary.run(["/nonexistent/notebook.sql"], input: "") else { return }
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/notebook.sql: cannot read the notebook"))
    }

    @Test func unknownCommandsFail() throws {
        guard let result = try SparkifyBinary.run([], input: ".tabels\n") else { return }
        #expect(result.status == 1)
        #expect(result.stderr.contains("Unknown command .tabels. Did you mean .tables?"))
    }

    @Test func subcommandsStillWork() throws {
        guard let result = try SparkifyBinary.run(["sql", "-e", "SELECT 6 * 7 AS answer;"], input: "") else { return }
        #expect(result.status == 0)
        #expect(result.stdout.contains("│     42 │"))
    }

    @Test func sqlInCSVOrJSONModeWritesEveryRowForOtherPrograms() throws {
        let query = "SELECT ts FROM json.`${data}/log_data/*/*/*.json`;"
        guard let csv = try SparkifyBinary.run(["sql", "--mode", "csv", "-e", query], input: ""),
              let json = try SparkifyBinary.run(["sql", "--mode", "json", "-e", query], input: ""),
              let box = try SparkifyBinary.run(["sql", "-e", query], input: "") else { return }
        #expect(csv.stdout.split(separator: "\n").count == 8056 + 1)
        #expect(json.stdout.split(separator: "\n").filter { $0.contains("\"ts\"") }.count == 8056)
        #expect(box.stdout.contains("… 8036 more rows (8056 in all)"))
    }
}
