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
        // A temp view defined over itself is Spark's RECURSIVE_VIEW (found before anything runs).
        let recursive = error("CREATE OR REPLACE TEMP VIEW t AS SELECT 10 / n AS x FROM t WHERE 10 div n > 0 OR n = 0", in: s)
        #expect(recursive?.errorClass == "RECURSIVE_VIEW")
        // A CTAS that fails while it runs creates nothing.
        let failure = error("CREATE TABLE t2 AS SELECT 10 / n AS x FROM t WHERE 10 div n > 0 OR n = 0", in: s)
        #expect(failure?.errorClass == "DIVIDE_BY_ZERO")
        #expect(error("SELECT * FROM t2", in: s)?.errorClass == "TABLE_OR_VIEW_NOT_FOUND")
        let rows = try s.execute("SELECT n, s FROM t ORDER BY n").last?.table?.rows
        #expect(rows == [[.int(0), .string("b")], [.int(1), .string("a")]])
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
