import Foundation
import Testing
import SparkifyTerminal

/// The REPL driven in process: dot commands, statements over several lines, errors, the
/// notebook walk, and what goes to which stream.
@Suite struct REPLTests {
    static let notebook = """
        -- A two-cell notebook over the sample data.
        -- %% songs
        CREATE OR REPLACE TEMP VIEW songs AS
          SELECT song_id, title, artist_id, year, duration FROM json.`${data}/song_data/*/*/*/*.json`;

        -- %% counts
        SELECT count(*) AS songs, count(DISTINCT artist_id) AS artists FROM songs;
        SELECT year, count(*) AS n FROM songs WHERE year > 0 GROUP BY year ORDER BY n DESC, year LIMIT 3;
        """

    @Test func helpListsEveryCommand() {
        assertSnapshot(REPL.helpText, named: "help")
        let harness = REPLHarness()
        #expect(harness.run(".help\n.help run\n.help .show") == 0)
        #expect(harness.out.hasPrefix(REPL.helpText))
        #expect(harness.out.hasSuffix(".run NAME|all\n    Run a cell (after the cells it needs), or every cell not yet run.\n.show TABLE [N]\n    Show the first N rows of a table or view (default 20).\n"))
    }

    @Test func notebookWalkthroughTranscript() throws {
        let folder = TemporaryFolder()
        let path = folder.write("nb.sql", Self.notebook)
        let harness = REPLHarness()
        let repl = harness.makeREPL()
        try repl.open(notebookAt: path, quietly: true)
        #expect(repl.prompt == "sparkify [1/2]> ")
        let status = harness.run("""
            .cells
            .next
            .schema songs
            .show songs 2
            .describe songs
            .run counts
            .tables
            .mode markdown
            SELECT title,
                   duration
            FROM songs ORDER BY duration DESC LIMIT 2;
            .next
            """, on: repl)
        #expect(status == 0)
        #expect(repl.prompt == "sparkify [2/2 done]> ")
        assertSnapshot(harness.out, named: "transcript-stdout")
        assertSnapshot(harness.err, named: "transcript-stderr")
    }

    @Test func replacingACellsTableAtThePromptMakesTheCellStale() throws {
        let folder = TemporaryFolder()
        let path = folder.write("nb.sql", Self.notebook)
        let harness = REPLHarness()
        let repl = harness.makeREPL()
        try repl.open(notebookAt: path, quietly: true)
        #expect(harness.run(".run counts\nCREATE OR REPLACE TEMP VIEW songs AS SELECT 1 AS song_id;\n.cells", on: repl) == 0)
        #expect(repl.prompt == "sparkify [1/2]> ")
        #expect(harness.out.contains("│ 1 │ songs  │ stale ← next │       │  400 │"))
        #expect(harness.out.contains("│ 2 │ counts │ stale        │ songs │"))
    }

    @Test func aQueryOfATableNoCellHasMadeYetRunsTheCellThatMakesItFirst() throws {
        let folder = TemporaryFolder()
        let path = folder.write("nb.sql", Self.notebook)
        let harness = REPLHarness()
        let repl = harness.makeREPL()
        try repl.open(notebookAt: path, quietly: true)
        #expect(harness.run("SELECT count(*) AS n FROM songs;", on: repl) == 0)
        #expect(harness.err.contains("your query reads songs: running songs first"))
        #expect(harness.out.contains("│ 400 │"))
        // The cell ran as an input: it says what it made, without a glimpse of its rows.
        #expect(!harness.out.contains("song_id"))
        #expect(repl.prompt == "sparkify [2/2]> ")
    }

    @Test func showingATableNoCellHasMadeYetRunsItsCellFirst() throws {
        let folder = TemporaryFolder()
        let path = folder.write("nb.sql", Self.notebook)
        let harness = REPLHarness()
        let repl = harness.makeREPL()
        try repl.open(notebookAt: path, quietly: true)
        #expect(harness.run(".schema songs", on: repl) == 0)
        #expect(harness.err.contains("this command reads songs: running songs first"))
        #expect(harness.out.contains("|-- song_id: string"))
    }

    @Test func aQueryWhoseNotebookInputFailsDoesNotRun() throws {
        let folder = TemporaryFolder()
        let path = folder.write("nb.sql", Self.notebook.replacingOccurrences(of: "SELECT song_id,", with: "SELECT song_idd,"))
        let harness = REPLHarness()
        let repl = harness.makeREPL()
        try repl.open(notebookAt: path, quietly: true)
        #expect(harness.run("SELECT count(*) AS n FROM songs;\nSELECT 'after' AS next;", on: repl) != 0)
        #expect(harness.err.contains("song_idd"))
        #expect(!harness.err.contains("TABLE_OR_VIEW_NOT_FOUND"))
        #expect(harness.out.contains("│ after │"))
    }

    @Test func errorsShowTheLineAndCaretAndTheSessionGoesOn() {
        let harness = REPLHarness()
        let status = harness.run("""
            SELECT 1 AS one;
            SELECT 2,
              3 FORM nowhere;
            SELECT 4 AS four;
            """)
        #expect(status == 1)
        #expect(harness.err.contains("Syntax error at or near 'FORM' (line 3, column 5)\n  3 FORM nowhere\n    ^\n"))
        #expect(harness.out.contains("│   1 │") && harness.out.contains("│    4 │"))
    }

    @Test func wrongArgumentsGetAUsageLine() {
        let harness = REPLHarness()
        #expect(harness.run(".show") == 1)
        #expect(harness.err.contains("Usage: .show TABLE [N]"))
        let second = REPLHarness()
        #expect(second.run(".mode fancy\n.timer maybe\n.show t zero\n.show t 5\n.shw x") == 1)
        #expect(second.err.contains("Usage: .mode box|spark|csv|json|markdown"))
        #expect(second.err.contains("Usage: .timer on|off"))
        #expect(second.err.contains("N must be a positive number of rows, not zero. Usage: .show TABLE [N]"))
        #expect(second.err.contains("No table or view named t. None exist yet"))
        #expect(second.err.contains("Unknown command .shw. Did you mean .show?"))
    }

    @Test func commandsSayWhatTheyDid() {
        let harness = REPLHarness()
        #expect(harness.run(".mode csv\n.timer on\nSELECT 'a' AS x, CAST(NULL AS STRING) AS y, '' AS z;\n.keys vi\n.data /tmp") == 0)
        #expect(harness.err.contains("Results now print in csv mode."))
        #expect(harness.err.contains("Timer on."))
        #expect(harness.err.contains("Time: "))
        #expect(harness.err.contains("Key bindings set to vi"))
        #expect(harness.err.contains("${data} is now /tmp"))
        #expect(harness.out == "x,y,z\na,,\n")
    }

    @Test func nullIsShownApartFromTheEmptyString() {
        let harness = REPLHarness()
        #expect(harness.run("SELECT CAST(NULL AS STRING) AS a, '' AS b;") == 0)
        #expect(harness.out.contains("│ NULL │   │"))
    }

    @Test func longResultsAreCutAndLastShowsThemWhole() {
        let harness = REPLHarness()
        let values = (1...30).map { "(\($0))" }.joined(separator: ", ")
        #expect(harness.run("SELECT * FROM VALUES \(values) AS t(n);\n.last") == 0)
        #expect(harness.out.contains("… 10 more rows (30 in all)"))
        let whole = harness.out.components(separatedBy: "(30 in all)\n").last ?? ""
        #expect(whole.contains("│ 30 │"))
        #expect(!whole.contains("more rows"))
    }

    @Test func aFailedStatementLeavesTheCatalogAsItWas() {
        let harness = REPLHarness()
        let status = harness.run("""
            CREATE TEMP VIEW v AS SELECT 1 AS a;
            CREATE OR REPLACE TEMP VIEW v AS SELECT 1 / 0 AS a;
            SELECT * FROM v;
            """)
        #expect(status == 1)
        #expect(harness.err.contains("DIVIDE_BY_ZERO"))
        #expect(harness.out.contains("│ 1 │"))
    }

    @Test func statementsWithoutAFinalSemicolonStillRunAtTheEnd() {
        let harness = REPLHarness()
        #expect(harness.run("SELECT 5 AS five") == 0)
        #expect(harness.out.contains("│    5 │"))
    }

    @Test func quitStopsReading() {
        let harness = REPLHarness()
        #expect(harness.run(".quit\nSELECT nonsense;") == 0)
        #expect(harness.out.isEmpty)
    }

    @Test func notebookCommandsWithoutANotebookSaySo() {
        let harness = REPLHarness()
        #expect(harness.run(".next") == 1)
        #expect(harness.err.contains("No notebook is open. Open one with .open NOTEBOOK."))
        let other = REPLHarness()
        #expect(other.run(".open /nonexistent/nb.sql") == 1)
        #expect(other.err.contains("/nonexistent/nb.sql: cannot read the notebook"))
    }

    @Test func boxTablesFitTheWidth() {
        let harness = REPLHarness()
        let repl = harness.makeREPL(width: 40)
        #expect(harness.run("SELECT 'a very long text value that will not fit in forty columns' AS text, 12345 AS n;", on: repl) == 0)
        for line in harness.out.split(separator: "\n") { #expect(line.count <= 40) }
    }
}
