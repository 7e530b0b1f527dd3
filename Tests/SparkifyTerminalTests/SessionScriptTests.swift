import Testing
import SparkifyTerminal

/// Session scripts cut into statements, commands, comments and blank lines, each with the
/// script lines it spans, as the REPL gathers typed lines.
@Suite struct SessionScriptTests {
    typealias Item = SessionScript.Item

    @Test func itemsKeepTheirLineNumbers() {
        let script = SessionScript(parsing: """
            -- a comment
            .run songs

            SELECT title,
                   duration
            FROM songs;
              .show songs 5
            """)
        #expect(script.items == [
            Item(kind: .comment, text: "-- a comment", lines: 1...1),
            Item(kind: .command, text: ".run songs", lines: 2...2),
            Item(kind: .blank, text: "", lines: 3...3),
            Item(kind: .statement, text: "SELECT title,\n       duration\nFROM songs;", lines: 4...6),
            Item(kind: .command, text: ".show songs 5", lines: 7...7),
        ])
    }

    @Test func semicolonsInStringsCommentsAndNamesDoNotEndAStatement() {
        let script = SessionScript(parsing: """
            SELECT 'a;b' AS s, -- not the end;
                   `x;y` /* nor; this */
            FROM t;
            SELECT 1; SELECT 2;
            """)
        #expect(script.items.map(\.kind) == [.statement, .statement])
        #expect(script.items[0].lines == 1...3)
        // Two statements on one line are one input, as when typed.
        #expect(script.items[1].text == "SELECT 1; SELECT 2;" && script.items[1].lines == 4...4)
    }

    @Test func commentsInsideAStatementBelongToIt() {
        let script = SessionScript(parsing: "SELECT 1\n-- inside\n.5 AS x;\n")
        #expect(script.items == [Item(kind: .statement, text: "SELECT 1\n-- inside\n.5 AS x;", lines: 1...3)])
    }

    @Test func expectErrorMarksTheNextStatementOrCommandOnly() {
        let script = SessionScript(parsing: """
            -- expect error
            SELECT nosuch;
            SELECT 1;
            -- Expect Error: a typo in the command

            -- (a note between)
            .tabels
            -- expected errors are described in the README
            SELECT 2;
            """)
        let runs = script.items.filter(\.runs)
        #expect(runs.map(\.expectsError) == [true, false, true, false])
        #expect(runs.map(\.lines.lowerBound) == [2, 3, 7, 9])
    }

    @Test func theMarkerIsRecognizedOnlyAsWritten() {
        #expect(SessionScript.isExpectErrorMarker("-- expect error"))
        #expect(SessionScript.isExpectErrorMarker("  --expect error"))
        #expect(SessionScript.isExpectErrorMarker("-- EXPECT ERROR: unknown column"))
        #expect(SessionScript.isExpectErrorMarker("-- expect error (syntax)"))
        #expect(!SessionScript.isExpectErrorMarker("-- expect errors to be rare"))
        #expect(!SessionScript.isExpectErrorMarker("-- we expect error messages here"))
        #expect(!SessionScript.isExpectErrorMarker("SELECT 1 -- expect error"))
    }

    @Test func anUnfinishedStatementAtTheEndStillRuns() {
        let script = SessionScript(parsing: "SELECT 1;\r\nSELECT 2\r\n  AS two")
        #expect(script.items.map(\.text) == ["SELECT 1;", "SELECT 2\n  AS two"])
        #expect(script.items.last?.lines == 2...3)
    }

    @Test func emptyScripts() {
        #expect(SessionScript(parsing: "").items.isEmpty)
        #expect(SessionScript(parsing: "\n").items == [Item(kind: .blank, text: "", lines: 1...1)])
    }
}
