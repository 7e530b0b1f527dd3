import Testing
import SparkifyTables
@testable import SparkifySQL

/// The executor's shortcuts give the answers of the plain evaluation: the first row per
/// partition for `rn = 1`, sub-expressions shared by a projection's outputs, and GROUP BY keys
/// computed per distinct value of the one string column they read.
@Suite struct ExecuteSharedWorkTests {
    /// A session with `events(user, ts, level, agent, n)`: `rows` rows with NULLs, ties and
    /// repeated agents.
    static func session(rows: Int) throws -> SQLSession {
        var rng = SeededGenerator(seed: 7)
        var users = [String?](), ts = [Int64?](), levels = [String?](), agents = [String?](), ns = [Int64?]()
        let browsers = ["Mozilla/5.0 (iPhone) Safari", "Mozilla/5.0 (Windows NT) Chrome", "Mozilla/5.0 (X11; Linux) Firefox", "curl"]
        for i in 0..<rows {
            users.append(Int.random(in: 0..<50, using: &rng) == 0 ? nil : "u\(Int.random(in: 0..<300, using: &rng))")
            ts.append(Int.random(in: 0..<40, using: &rng) == 0 ? nil : Int64.random(in: 0..<2_000, using: &rng))
            levels.append(Bool.random(using: &rng) ? "free" : "paid")
            agents.append(Int.random(in: 0..<30, using: &rng) == 0 ? nil : browsers[i % browsers.count] + " \(Int.random(in: 0..<60, using: &rng))")
            ns.append(Int64(i))
        }
        let fields = [Field("user", .string), Field("ts", .bigint), Field("level", .string), Field("agent", .string), Field("n", .bigint)]
        let table = Table(schema: Schema(fields), columns: [strings(users), ints(ts), strings(levels), strings(agents), ints(ns)], rowCount: rows)
        let session = SQLSession()
        session.catalog.put(CatalogEntry(name: "events", kind: .view, table: table))
        return session
    }

    static func rows(_ sql: String, in session: SQLSession) throws -> [[Value]] {
        try #require(try session.execute(sql).last?.table?.rows)
    }

    @Test func latestRowPerUserMatchesTheSortingWindow() throws {
        let s = try Self.session(rows: 5_000)
        let inner = "SELECT user, ts, level, row_number() OVER (PARTITION BY user ORDER BY ts DESC) AS rn FROM events WHERE level <> 'none'"
        let fast = try Self.rows("SELECT * FROM (\(inner)) WHERE rn = 1", in: s)
        let flipped = try Self.rows("SELECT * FROM (\(inner)) WHERE 1 = rn", in: s)
        let sorting = try Self.rows("SELECT * FROM (\(inner)) WHERE rn <= 1", in: s)
        #expect(fast.count == Set(fast.map { $0[0] }).count)
        #expect(fast == sorting)
        #expect(flipped == sorting)
    }

    @Test func sharedCastsGiveTheFieldsOfEachExpressionAlone() throws {
        let s = SQLSession()
        _ = try s.execute("SET spark.sql.session.timeZone=America/Los_Angeles")
        _ = try s.execute("""
            CREATE TEMP VIEW t AS SELECT timestamp_millis(ms) AS t FROM VALUES
              (0), (-1), (-86400001), (-2208988800000), (1541105830796), (253402300799999), (NULL), (1541105830796) AS v(ms)
            """)
        let fields = ["hour(t)", "dayofmonth(t)", "weekofyear(t)", "month(t)", "year(t)", "dayofweek(t)", "dayofyear(t)", "quarter(t)"]
        let together = try Self.rows("SELECT t, \(fields.joined(separator: ", ")) FROM t", in: s)
        for (k, field) in fields.enumerated() {
            let alone = try Self.rows("SELECT \(field) FROM t", in: s)
            #expect(alone.map { $0[0] } == together.map { $0[k + 1] }, "\(field)")
        }
        let distinct = try Self.rows("SELECT DISTINCT t, hour(t), dayofmonth(t), month(t), year(t) FROM t", in: s)
        #expect(distinct.count == 7)
    }

    @Test func castsUnderCaseAreNotSharedOntoRowsTheyDoNotReach() throws {
        let s = SQLSession()
        let sql = """
            SELECT CASE WHEN s = 'x' THEN NULL ELSE CAST(s AS INT) END AS a, CASE WHEN s = 'x' THEN 0 ELSE CAST(s AS INT) + 1 END AS b
            FROM VALUES ('1'), ('x'), ('41') AS t(s)
            """
        #expect(try Self.rows(sql, in: s) == [[.int(1), .int(2)], [.null, .int(0)], [.int(41), .int(42)]])
    }

    @Test func groupingComputedKeysOfOneStringColumnMatchesRowByRow() throws {
        let s = try Self.session(rows: 120_000)
        let keys = "CASE WHEN agent LIKE '%iPhone%' THEN 'iOS' WHEN agent LIKE '%Windows%' THEN 'Windows' ELSE 'other' END"
        // The same keys reading a second column (n * 0) take the row-by-row path.
        let perValue = try Self.rows("SELECT \(keys) AS os, length(agent) AS len, count(*) AS plays, min(n) FROM events GROUP BY 1, 2", in: s)
        let perRow = try Self.rows("SELECT \(keys) AS os, CAST(length(agent) + n * 0 AS INT) AS len, count(*) AS plays, min(n) FROM events GROUP BY 1, 2", in: s)
        #expect(perValue.count > 3)
        #expect(perValue == perRow)
        #expect(perValue.contains { $0[1] == .null })
    }
}

/// `column = 'text'` against a constant (a length check, then the bytes) agrees with comparing
/// two columns, NULLs, empty strings, prefixes and multi-byte text included.
@Suite struct ComparisonWithConstantTests {
    @Test(arguments: ["", "NextSong", "Next", "é", "NextSongs"])
    func equalityWithAConstantMatchesColumnComparison(text: String) throws {
        let values = strings(["NextSong", nil, "", "Next", "NextSongs", "é", "e", "NextSonG", nil, "NextSong"])
        let n = values.count
        let constant = ScalarOperand.constant(.string(text), .string)
        for op in [ComparisonOperator.equal, .notEqual] {
            let expected = try ComparisonKernels.compare(op, .column(values), .column(constant.materialize(rowCount: n)), rowCount: n)
            let leftConstant = try ComparisonKernels.compare(op, constant, .column(values), rowCount: n)
            let rightConstant = try ComparisonKernels.compare(op, .column(values), constant, rowCount: n)
            let expectedValues = (0..<n).map { expected.value(at: $0) }
            #expect((0..<n).map { leftConstant.value(at: $0) } == expectedValues)
            #expect((0..<n).map { rightConstant.value(at: $0) } == expectedValues)
            #expect(expected.value(at: 1) == .null)
        }
    }
}
