import Foundation
import SparkifySQL
import SparkifyTables
import Testing

/// Writing a lake: Spark's checks of the partition columns, the codec, and the safe replace.
@Suite struct LakeWriteTests {
    let source = "SELECT * FROM VALUES (1, 'x', named_struct('p', 1), array(1, 2), 2018) AS t(a, b, s, arr, year)"

    func errorClass(_ sql: String, in session: SQLSession = SQLSession()) -> String? {
        (LakeTestSupport.error(sql, in: session) as? SQLError)?.errorClass
    }

    @Test func partitionColumnsAreCheckedAsSparkChecksThem() throws {
        let dir = try LakeTestSupport.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func create(_ partitions: String) -> String {
            "CREATE TABLE t USING parquet PARTITIONED BY (\(partitions)) LOCATION '\(dir)/t' AS \(source)"
        }
        #expect(errorClass(create("nope")) == "COLUMN_NOT_DEFINED_IN_TABLE")
        #expect(errorClass(create("s")) == "INVALID_PARTITION_COLUMN_DATA_TYPE")
        #expect(errorClass(create("arr")) == "INVALID_PARTITION_COLUMN_DATA_TYPE")
        #expect(errorClass(create("a, a")) == "COLUMN_ALREADY_EXISTS")
        #expect(errorClass("CREATE TABLE t USING parquet PARTITIONED BY (a, b) LOCATION '\(dir)/t' AS SELECT 1 AS a, 2 AS b") == "ALL_PARTITION_COLUMNS_NOT_ALLOWED")
        #expect(errorClass("CREATE TABLE t USING parquet LOCATION '\(dir)/t' AS SELECT 1 AS a, 2 AS A") == "COLUMN_ALREADY_EXISTS")
        #expect(errorClass("CREATE TABLE t USING parquet OPTIONS (compression 'lz9') LOCATION '\(dir)/t' AS SELECT 1 AS a") == "CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION")
        #expect(errorClass("CREATE TABLE t USING csv LOCATION '\(dir)/t' AS SELECT 1 AS a") == "UNSUPPORTED_FEATURE")
        // Nothing was written by any of them.
        #expect(LakeTestSupport.listing(dir).isEmpty)
        let message = (LakeTestSupport.error(create("s"), in: SQLSession()) as? SQLError)?.message
        #expect(message == "Cannot use \"STRUCT<p: INT>\" for partition column.")
    }

    @Test func thePartitionColumnsMoveToTheEndAndTheTableHoldsTheRows() throws {
        let dir = try LakeTestSupport.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = SQLSession()
        _ = try session.execute("CREATE TABLE t USING parquet PARTITIONED BY (YEAR, a) LOCATION '\(dir)/t' AS SELECT a, b, year FROM (\(source))")
        let table = try LakeTestSupport.rows("SELECT * FROM t", in: session)
        #expect(table.schema.names == ["b", "year", "a"])
        #expect(table.rows == [[.string("x"), .int(2018), .int(1)]])
        #expect(FileManager.default.fileExists(atPath: dir + "/t/year=2018/a=1"))
    }

    @Test func theCodecFollowsOptionsThenTheSetting() throws {
        let dir = try LakeTestSupport.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = SQLSession()
        _ = try session.execute("SET spark.sql.parquet.compression.codec=zstd")
        _ = try session.execute("INSERT OVERWRITE DIRECTORY '\(dir)/z' USING parquet SELECT 1 AS a")
        _ = try session.execute("INSERT OVERWRITE DIRECTORY '\(dir)/g' USING parquet OPTIONS (compression 'gzip') SELECT 1 AS a")
        _ = try session.execute("INSERT OVERWRITE DIRECTORY '\(dir)/n' USING parquet OPTIONS ('parquet.compression' 'none') SELECT 1 AS a")
        #expect(LakeTestSupport.listing(dir + "/z").contains { $0.hasSuffix("-c000.zstd.parquet") })
        #expect(LakeTestSupport.listing(dir + "/g").contains { $0.hasSuffix("-c000.gz.parquet") })
        #expect(LakeTestSupport.listing(dir + "/n").contains { $0.hasSuffix("-c000.parquet") })
        for folder in ["z", "g", "n"] {
            #expect(try LakeTestSupport.rows("SELECT a FROM parquet.`\(dir)/\(folder)`", in: session).rows == [[.int(1)]])
        }
    }

    private func lakeWithOneRow(_ session: SQLSession, _ dir: String) throws -> [String] {
        _ = try session.execute("CREATE TABLE t USING parquet PARTITIONED BY (k) LOCATION '\(dir)/t' AS SELECT 1 AS v, 'old' AS k")
        _ = try session.execute("DROP TABLE t")
        return LakeTestSupport.listing(dir)
    }

    @Test func aFailingQueryLeavesThePreviousLake() throws {
        let dir = try LakeTestSupport.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = SQLSession()
        let before = try lakeWithOneRow(session, dir)
        let failure = LakeTestSupport.error("CREATE TABLE t USING parquet PARTITIONED BY (k) LOCATION '\(dir)/t' AS SELECT 10 div (v - 1) AS v, 'new' AS k FROM VALUES (1) AS x(v)", in: session)
        #expect((failure as? SQLError)?.errorClass == "DIVIDE_BY_ZERO")
        #expect(LakeTestSupport.listing(dir) == before)
        #expect(LakeTestSupport.error("SELECT * FROM t", in: session) != nil)
    }

    @Test func aCancelledWriteLeavesThePreviousLakeAndNoStaging() throws {
        let dir = try LakeTestSupport.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = SQLSession()
        let before = try lakeWithOneRow(session, dir)
        let token = CancellationToken()
        token.cancel()
        let failure = LakeTestSupport.error("CREATE TABLE t USING parquet PARTITIONED BY (k) LOCATION '\(dir)/t' AS SELECT 2 AS v, 'new' AS k", in: session, cancellation: token)
        #expect(failure is CancellationError)
        #expect(LakeTestSupport.listing(dir) == before)
    }

    @Test func reRunningReplacesTheFolder() throws {
        let dir = try LakeTestSupport.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = SQLSession()
        _ = try lakeWithOneRow(session, dir)
        _ = try session.execute("CREATE TABLE t USING parquet PARTITIONED BY (k) LOCATION '\(dir)/t' AS SELECT 2 AS v, 'new' AS k")
        #expect(try LakeTestSupport.rows("SELECT v, k FROM parquet.`\(dir)/t`", in: session).rows == [[.int(2), .string("new")]])
        #expect(LakeTestSupport.listing(dir).filter { !$0.contains("/") } == ["t"])
        #expect(LakeTestSupport.listing(dir + "/t").filter { !$0.contains("/") } == ["_SUCCESS", "k=new"])
    }

    @Test func aBigPartitionIsWrittenAsSeveralFilesThatReadBackWhole() throws {
        let dir = try LakeTestSupport.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = SQLSession()
        // 300,000 rows with ids 0..<300,000, all in partition k=a.
        _ = try session.execute("""
            CREATE TABLE big USING parquet PARTITIONED BY (k) LOCATION '\(dir)/big' AS
            WITH t AS (SELECT * FROM VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9) AS v(d))
            SELECT a.d * 100000 + b.d * 10000 + c.d * 1000 + d.d * 100 + e.d * 10 + f.d AS id, 'a' AS k
            FROM t a, t b, t c, t d, t e, t f WHERE a.d < 3
            """)
        let files = LakeTestSupport.listing(dir + "/big/k=a").filter { $0.hasSuffix(".parquet") }
        // Split so that every core writes (how many files depends on the cores; always several).
        #expect(files.count >= 2)
        #expect(files.map { String($0.prefix(10)) } == (0..<files.count).map { "part-0000\($0)" })
        let read = try LakeTestSupport.rows("SELECT count(*), count(DISTINCT id), sum(id), min(id), max(id) FROM parquet.`\(dir)/big`", in: session)
        #expect(read.rows == [[.bigint(300_000), .bigint(300_000), .bigint(44_999_850_000), .int(0), .int(299_999)]])
    }

    @Test func aLakeCannotReplaceTheWorkingFolder() {
        let failure = LakeTestSupport.error("INSERT OVERWRITE DIRECTORY '.' USING parquet SELECT 1 AS a", in: SQLSession()) as? SQLError
        #expect(failure?.errorClass == "INVALID_LOCATION")
    }

    @Test func dependenciesNameTheFolderWritten() throws {
        let statement = try SQLParser.parseStatement("CREATE TABLE lake_songs USING parquet PARTITIONED BY (year) LOCATION 'out/songs' AS SELECT * FROM songs")
        #expect(statement.dependencies.creates == "lake_songs")
        #expect(statement.dependencies.reads == ["songs"])
        #expect(statement.dependencies.writes == ["out/songs"])
        let insert = try SQLParser.parseStatement("INSERT OVERWRITE DIRECTORY 'out/x' USING parquet SELECT * FROM t")
        #expect(insert.dependencies.writes == ["out/x"])
    }
}
