import SparkifySQL
import SparkifyTables
import Testing

/// What a user relies on from a session: failures change nothing, and errors say what and where.
@Suite struct SessionTests {
    func session() throws -> SQLSession {
        let session = SQLSession()
        _ = try session.execute("CREATE TEMP VIEW t AS SELECT * FROM VALUES (1, 'a'), (0, 'b') AS t(n, s)")
        return session
    }

    func error(_ sql: String, in session: SQLSession) -> SQLError? {
        do {
            _ = try session.execute(sql)
            return nil
        } catch let error as SQLError {
            return error
        } catch {
            Issue.record("not an SQLError: \(error)")
            return nil
        }
    }

    @Test func aFailingStatementLeavesTheCatalogAsItWas() throws {
        let s = try session()
        _ = try s.execute("CREATE TEMP VIEW u AS SELECT n, s FROM t")
        let failure = error("CREATE OR REPLACE TEMP VIEW u AS SELECT 10 div n AS x FROM t", in: s)
        #expect(failure?.errorClass == "DIVIDE_BY_ZERO")
        let rows = try s.execute("SELECT n, s FROM u ORDER BY n").last?.table?.rows
        #expect(rows == [[.int(0), .string("b")], [.int(1), .string("a")]])
        // A CTAS that fails while it runs creates nothing.
        #expect(error("CREATE TABLE t2 AS SELECT 10 div n AS x FROM t", in: s)?.errorClass == "DIVIDE_BY_ZERO")
        #expect(error("SELECT * FROM t2", in: s)?.errorClass == "TABLE_OR_VIEW_NOT_FOUND")
    }

    @Test func anUnknownColumnSuggestsTheNearestNamesAndSaysWhere() throws {
        let s = try session()
        let failure = error("SELECT n,\n  ss FROM t", in: s)
        #expect(failure?.errorClass == "UNRESOLVED_COLUMN.WITH_SUGGESTION")
        #expect(failure?.message.contains("`s`") == true)
        #expect(failure?.position == SourcePosition(line: 2, column: 3))
    }

    @Test func anUnknownTableSuggestsTheNearestName() throws {
        let s = try session()
        _ = try s.execute("CREATE TEMP VIEW songplays AS SELECT 1 AS id")
        let failure = error("SELECT * FROM songplay", in: s)
        #expect(failure?.errorClass == "TABLE_OR_VIEW_NOT_FOUND")
        #expect(failure?.message.contains("`songplays`") == true)
    }

    @Test func aSyntaxErrorShowsTheLineWithACaret() throws {
        let s = try session()
        let sql = "SELECT n\nFORM t"
        let failure = try #require(error(sql, in: s))
        #expect(failure.kind == .syntax)
        #expect(failure.rendered(source: sql).contains("FORM t\n^"))
    }

    @Test func variablesSetEarlierInAScriptAreSubstitutedLater() throws {
        let s = try session()
        let results = try s.execute("SET cutoff=0; SELECT count(*) AS c FROM t WHERE n > ${cutoff}")
        #expect(results.last?.table?.rows == [[.bigint(1)]])
    }

    @Test func aViewShowsWhatItReadsAfterThatChanges() throws {
        let s = try session()
        _ = try s.execute("CREATE TEMP VIEW doubled AS SELECT n * 2 AS m FROM t")
        _ = try s.execute("CREATE OR REPLACE TEMP VIEW t AS SELECT 21 AS n, 'x' AS s")
        #expect(try s.execute("SELECT m FROM doubled").last?.table?.rows == [[.int(42)]])
    }

    @Test func aViewCannotReadItself() throws {
        let s = try session()
        #expect(error("CREATE OR REPLACE TEMP VIEW t AS SELECT * FROM t", in: s)?.errorClass == "RECURSIVE_VIEW")
    }

    @Test func droppingAMissingTableIsAnErrorUnlessIfExists() throws {
        let s = try session()
        #expect(error("DROP VIEW nope", in: s)?.errorClass == "TABLE_OR_VIEW_NOT_FOUND")
        #expect(error("DROP VIEW IF EXISTS nope", in: s) == nil)
    }

    @Test func explainPrintsTheOptimizedPlan() throws {
        let s = try session()
        guard case let .plan(text)? = try s.execute("EXPLAIN SELECT s FROM t WHERE n > 0").last else {
            Issue.record("EXPLAIN gave no plan")
            return
        }
        #expect(text.contains("Filter (n#"))
        #expect(text.contains("Scan t ["))
    }
}
