import Testing
@testable import SparkifySQL

@Suite struct ParseSplitterTests {
    @Test func splitsAtSemicolonsAndKeepsStartPositions() {
        let script = """
            SET a=1;
            SELECT 1;

              SELECT x
              FROM t; SELECT 2
            """
        let statements = SQLStatementSplitter.split(script)
        #expect(statements.map(\.text) == ["SET a=1", "SELECT 1", "SELECT x\n  FROM t", "SELECT 2"])
        #expect(statements.map(\.start) == [
            SourcePosition(line: 1, column: 1), SourcePosition(line: 2, column: 1),
            SourcePosition(line: 4, column: 3), SourcePosition(line: 5, column: 11),
        ])
    }

    @Test func semicolonsInsideStringsBackquotesAndCommentsDoNotSplit() {
        let script = """
            SELECT 'a;b', "c;d", `e;f`, 'it\\'s;' FROM t -- note; here
            /* block; /* nested; */ still; */ WHERE x = ';';
            SELECT 2
            """
        let statements = SQLStatementSplitter.split(script)
        #expect(statements.count == 2)
        #expect(statements[0].text.hasPrefix("SELECT 'a;b'"))
        #expect(statements[0].text.hasSuffix("WHERE x = ';'"))
        #expect(statements[1].text == "SELECT 2")
    }

    @Test func windowsLineEndingsAndByteOrderMark() throws {
        let script = "\u{FEFF}SELECT 1;\r\nSELECT a\r\nFROM t;\r\n"
        let statements = SQLStatementSplitter.split(script)
        #expect(statements.map(\.text) == ["SELECT 1", "SELECT a\r\nFROM t"])
        #expect(statements[1].start == SourcePosition(line: 2, column: 1))
        #expect(try SQLParser.parseStatement(statements[1].text).description == "SELECT a FROM t")
        #expect(try SQLParser.parseStatement("\u{FEFF}SELECT 1").description == "SELECT 1")
        do {
            _ = try SQLParser.parseStatement("SELECT a\r\nFORM t\r\n")
            Issue.record("parsed")
        } catch {
            #expect(error.rendered(source: "SELECT a\r\nFORM t\r\n") == """
                [PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM' (line 2, column 1)
                FORM t
                ^
                """)
        }
    }

    @Test func commentOnlyAndEmptyStatementsAreDropped() {
        let statements = SQLStatementSplitter.split(";; -- just a comment\n; /* and */ ;\n")
        #expect(statements.isEmpty)
        let withLeadingComment = SQLStatementSplitter.split("-- heading\nSELECT 1 -- trailing\n;")
        #expect(withLeadingComment.map(\.text) == ["SELECT 1"])
        #expect(withLeadingComment.first?.start == SourcePosition(line: 2, column: 1))
    }

    @Test func completenessForTheREPL() {
        #expect(SQLStatementSplitter.isComplete("SELECT 1;"))
        #expect(SQLStatementSplitter.isComplete("SELECT 1;  -- done\n"))
        #expect(SQLStatementSplitter.isComplete("SELECT 1; SELECT 2;"))
        #expect(!SQLStatementSplitter.isComplete("SELECT 1"))
        #expect(!SQLStatementSplitter.isComplete("SELECT 1; SELECT 2"))
        #expect(!SQLStatementSplitter.isComplete("SELECT 'a;"))
        #expect(!SQLStatementSplitter.isComplete("SELECT `a;"))
        #expect(!SQLStatementSplitter.isComplete("SELECT 1 /* ; */"))
        #expect(!SQLStatementSplitter.isComplete("SELECT 1; /* unclosed"))
        #expect(!SQLStatementSplitter.isComplete("SELECT 1 -- ;"))
        #expect(!SQLStatementSplitter.isComplete(""))
        #expect(!SQLStatementSplitter.isComplete("   ;"))
        #expect(SQLStatementSplitter.isComplete("SELECT 'a;'\n  FROM t\n;"))
    }

    @Test func parsedStatementsReportScriptLines() {
        let script = "SELECT 1;\n\nSELECT a\nFORM t;\n"
        let statements = SQLStatementSplitter.split(script)
        #expect(throws: Never.self) { try SQLParser.parseStatement(statements[0].text, origin: statements[0].start) }
        do {
            _ = try SQLParser.parseStatement(statements[1].text, origin: statements[1].start)
            Issue.record("parsed")
        } catch {
            #expect(error.position == SourcePosition(line: 4, column: 1))
            #expect(error.rendered(source: script) == """
                [PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM' (line 4, column 1)
                FORM t;
                ^
                """)
        }
    }

    @Test func errorsRenderAgainstTheStatementWithItsOrigin() {
        let script = "SET x=1;\n  SELECT a FORM t;"
        let piece = SQLStatementSplitter.split(script)[1]
        do {
            _ = try SQLParser.parseStatement(piece.text, origin: piece.start)
            Issue.record("parsed")
        } catch {
            #expect(error.rendered(source: piece.text, origin: piece.start) == """
                [PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM' (line 2, column 12)
                SELECT a FORM t
                         ^
                """)
            #expect(error.rendered(source: script).hasSuffix("  SELECT a FORM t;\n           ^"))
        }
    }

    @Test func originShiftsColumnsOnTheFirstLineOnly() throws {
        let script = "SELECT 1; SELECT (a +\n b FROM t"
        let statements = SQLStatementSplitter.split(script)
        #expect(statements[1].start == SourcePosition(line: 1, column: 11))
        do {
            _ = try SQLParser.parseStatement(statements[1].text, origin: statements[1].start)
            Issue.record("parsed")
        } catch {
            #expect(error.position == SourcePosition(line: 2, column: 4))
        }
        let statement = try SQLParser.parseStatement(statements[0].text, origin: SourcePosition(line: 7, column: 5))
        guard case let .query(query) = statement else {
            Issue.record("not a query")
            return
        }
        #expect(query.position == SourcePosition(line: 7, column: 5))
    }
}
