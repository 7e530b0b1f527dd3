import Foundation
import Testing
import SparkifyTerminal

/// `.chart` and `.charset` in the REPL: charts of tables and queries, and a clear message for
/// each wrong argument.
@Suite struct REPLChartTests {
    static let setup = """
        CREATE OR REPLACE TEMP VIEW plays AS SELECT * FROM VALUES ('free', 3), ('paid', 5), ('free', 1) AS t(level, n);
        """

    @Test func chartsATableOrAQuery() {
        let harness = REPLHarness()
        let status = harness.run("""
            \(Self.setup)
            .charset unicode
            .chart share plays
            .chart hbar SELECT level, sum(n) AS total FROM plays GROUP BY level ORDER BY level; --title "Plays by level"
            .charset ascii
            .chart bar SELECT 'a b' AS label, -2 AS v UNION ALL SELECT 'c', 4 --top 1
            """)
        #expect(status == 0, "\(harness.err)")
        #expect(harness.out.contains("█ paid  55.6%  5\n▓ free  44.4%  4\n9 n in all\n"))
        #expect(harness.out.contains("Plays by level\nlevel total\npaid  │"))
        // --top 1 keeps the first row of a bar chart, and ASCII draws it.
        #expect(harness.out.contains("v by label\nv\n"))
        #expect(harness.out.contains(" 0 +---") && harness.out.contains("1 more bars not shown (2 in all)"))
        #expect(!harness.out.contains("\n    c\n"))
        #expect(harness.err.contains("Charts now draw in unicode.") && harness.err.contains("Charts now draw in ascii."))
    }

    @Test(arguments: [
        (".chart", "Usage: .chart KIND QUERY|TABLE [OPTIONS]"),
        (".chart pie plays", "Unknown chart kind pie: use bar (vertical bars in row order), hbar (ranked horizontal bars) or share (shares of a whole)."),
        (".chart bar", "Name a table or write a query to chart."),
        (".chart bar --top 3", "Name a table or write a query before --top."),
        (".chart hbar plays --top x", "--top takes a positive number of bars, not x."),
        (".chart hbar plays --top 0", "--top takes a positive number of bars, not 0."),
        (".chart hbar plays --title", "--title needs a value."),
        (".chart hbar plays --colour red", "Unknown option --colour: .chart takes --top N, --title T and --svg FILE."),
        (".chart hbar plays --top 3 extra", "Put the options after the query; 'extra' follows them."),
        (".chart hbar plays --title \"open", "In the .chart arguments, the quote \" is not closed."),
        (".chart bar SELECT level FROM plays", "A chart needs two columns, labels first and numbers second; this result has 1 (level)."),
        (".chart bar SELECT n, level FROM plays", "The values column level holds string, not numbers"),
        (".chart bar nosuch", "No table or view named nosuch. There are: plays."),
        (".chart bar DROP VIEW plays", ".chart takes a query (SELECT …, WITH …) or a table's name, not a statement that changes something."),
        (".chart bar SELECT * FROM nosuch", "SELECT * FROM nosuch\n              ^"),
        (".chart bar SELECT (level, n FROM plays", "PARSE_SYNTAX_ERROR"),
        (".charset ebcdic", "Usage: .charset unicode|ascii"),
    ])
    func wrongArgumentsSayWhatIsWrong(line: String, message: String) {
        let harness = REPLHarness()
        #expect(harness.run(Self.setup + "\n" + line) == 1)
        #expect(harness.err.contains("Error: "), "\(line)")
        #expect(harness.err.contains(message), "\(line): \(harness.err)")
        #expect(harness.out.isEmpty)
    }

    @Test func svgGoesToTheFileAndTheChartStillPrints() throws {
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("levels.svg").path
        let harness = REPLHarness()
        #expect(harness.run(Self.setup + "\n.chart share plays --svg '\(path)' --title 'Free & paid'") == 0, "\(harness.err)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("Free &amp; paid"))
        #expect(harness.out.hasPrefix("Free & paid\n"))
        #expect(harness.err.contains("Wrote the chart as SVG to \(path)."))
        #expect(harness.run(Self.setup + "\n.chart share plays --svg /nonexistent/folder/x.svg") == 1)
        #expect(harness.err.contains("Cannot write the SVG to /nonexistent/folder/x.svg"))
    }

    @Test func aNotebookCellDrawsItsChartsWhenRunAndSaysWhenOneCannotBeDrawn() throws {
        let folder = TemporaryFolder()
        let path = folder.write("nb.sql", """
            -- %% levels chart=["share level n --title 'By level'", "bar level nope"]
            CREATE OR REPLACE TEMP VIEW levels AS SELECT * FROM VALUES ('free', 3), ('paid', 5) AS t(level, n);
            """)
        let harness = REPLHarness()
        let repl = harness.makeREPL(environment: ["LANG": "en_US.UTF-8"])
        try repl.open(notebookAt: path, quietly: true)
        #expect(harness.run(".next", on: repl) == 1)
        #expect(harness.out.contains("By level\n" + String(repeating: "█", count: 63) + String(repeating: "▓", count: 37) + "\n█ paid  62.5%  5\n▓ free  37.5%  3\n8 n in all\n"))
        #expect(harness.err.contains("Error: The chart of cell levels (line 1): No column nope to chart; the columns are level, n."))
        // In csv mode the output stays data for programs.
        let csv = REPLHarness()
        let plain = csv.makeREPL(environment: ["LANG": "en_US.UTF-8"])
        try plain.open(notebookAt: path, quietly: true)
        #expect(csv.run(".mode csv\n.next", on: plain) == 0)
        #expect(csv.out == "level,n\nfree,3\npaid,5\n")
    }

    @Test func completionOffersTheChartKindsThenTables() {
        let context = CompletionContext(
            commands: [".chart", ".charset"], cellNames: [], tables: [(name: "plays_by_hour", columns: ["hour", "plays"])],
            keywords: ["SELECT"], functions: [], argumentChoices: [".chart": ChartKind.allCases.map(\.rawValue), ".charset": ["unicode", "ascii"]],
            listDirectory: { _ in [] })
        let completer = Completer(context: context)
        #expect(completer.complete(textBeforeCursor: ".chart h").candidates == ["hbar"])
        #expect(completer.complete(textBeforeCursor: ".charset a").candidates == ["ascii"])
        #expect(completer.complete(textBeforeCursor: ".chart bar plays_").candidates == ["plays_by_hour"])
        #expect(completer.complete(textBeforeCursor: ".chart bar SELECT hour, plays FROM pl").candidates == ["plays_by_hour"])
    }
}
