import Foundation
import SparkifySQL
import SparkifyTables
import Testing

/// The walkthrough's lake: every star-schema table written from the generated sample data
/// (`samples/data`), read back with ``parquet.`dir` ``, and compared row for row and type for type.
@Suite struct LakeRoundTripTests {
    struct LakeTable {
        let name: String
        let folder: String
        let partitions: [String]
        /// The partition columns' types when read back: inferred from folder names, as Spark does.
        let partitionTypes: [DataType]
    }

    static let tables = [
        LakeTable(name: "lake_songs", folder: "songs", partitions: ["year", "artist_id"], partitionTypes: [.int, .string]),
        LakeTable(name: "lake_artists", folder: "artists", partitions: [], partitionTypes: []),
        LakeTable(name: "lake_users", folder: "users", partitions: [], partitionTypes: []),
        LakeTable(name: "lake_time", folder: "time", partitions: ["year", "month"], partitionTypes: [.int, .int]),
        LakeTable(name: "lake_songplays", folder: "songplays", partitions: ["year", "month"], partitionTypes: [.int, .int]),
    ]

    @Test func theWalkthroughWritesALakeThatReadsBackTheSame() throws {
        let output = try LakeTestSupport.scratch()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let root = LakeTestSupport.repository
        let session = SQLSession(settings: ["data": root.appendingPathComponent("samples/data").path, "output": output])
        let script = try String(contentsOf: root.appendingPathComponent("samples/etl.sql"), encoding: .utf8)
        _ = try session.execute(script)
        #expect(LakeTestSupport.listing(output).filter { !$0.contains("/") } == ["artists", "songplays", "songs", "time", "users"])

        for lake in Self.tables {
            let written = try LakeTestSupport.rows("SELECT * FROM \(lake.name)", in: session)
            #expect(written.rowCount > 0, "\(lake.name) is empty")
            // Partition columns come last in the table, in PARTITIONED BY order.
            #expect(Array(written.schema.names.suffix(lake.partitions.count)) == lake.partitions)
            let path = output + "/" + lake.folder
            #expect(FileManager.default.fileExists(atPath: path + "/_SUCCESS"))
            let read = try LakeTestSupport.rows("SELECT * FROM parquet.`\(path)`", in: session)
            #expect(read.schema.names == written.schema.names, "\(lake.name)")
            let dataCount = written.schema.count - lake.partitions.count
            #expect(Array(read.schema.fields.prefix(dataCount).map(\.type)) == Array(written.schema.fields.prefix(dataCount).map(\.type)))
            #expect(Array(read.schema.fields.suffix(lake.partitions.count).map(\.type)) == lake.partitionTypes, "\(lake.name)")
            // Values: the partition columns cast back to the table's types.
            let columns = written.schema.fields.map { field in
                lake.partitions.contains(field.name) ? "CAST(`\(field.name)` AS \(field.type.simpleString)) AS `\(field.name)`" : "`\(field.name)`"
            }
            let readBack = try LakeTestSupport.rows("SELECT \(columns.joined(separator: ", ")) FROM parquet.`\(path)`", in: session)
            #expect(readBack.rowCount == written.rowCount, "\(lake.name)")
            #expect(LakeTestSupport.multiset(readBack) == LakeTestSupport.multiset(written), "\(lake.name)")
            // No data file holds a partition column.
            for file in LakeTestSupport.listing(path) where file.hasSuffix(".parquet") {
                let single = try LakeTestSupport.rows("SELECT * FROM parquet.`\(path)/\(file)` LIMIT 0", in: session)
                #expect(single.schema.names == Array(written.schema.names.prefix(dataCount)), "\(file)")
                if !lake.partitions.isEmpty {
                    #expect(file.hasPrefix(lake.partitions[0] + "="), "\(file)")
                    #expect(file.wholeMatch(of: #/.*/part-\d{5}-[0-9a-f-]{36}\.c000\.snappy\.parquet/#) != nil, "\(file)")
                } else {
                    #expect(file.wholeMatch(of: #/part-\d{5}-[0-9a-f-]{36}-c000\.snappy\.parquet/#) != nil, "\(file)")
                }
            }
        }
        // Spark's folders for the songplays partitions.
        #expect(FileManager.default.fileExists(atPath: output + "/songplays/year=2018/month=11"))
    }

    @Test func partitionValuesRoundTripWithSparksEscapingAndInference() throws {
        let output = try LakeTestSupport.scratch()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let session = SQLSession()
        _ = try session.execute("""
            CREATE TABLE t USING parquet PARTITIONED BY (s, d, ts) LOCATION '\(output)/t' AS
            SELECT * FROM VALUES
              (1, 'a/b', DATE'2018-11-01', TIMESTAMP'2018-11-01 21:01:46'),
              (2, '100%', DATE'2018-11-02', TIMESTAMP'2018-11-01 21:01:46'),
              (3, '', NULL, TIMESTAMP'2018-11-02 00:00:00.5'),
              (4, NULL, NULL, NULL),
              (5, '../../escaped', DATE'2018-11-02', NULL)
            AS v(id, s, d, ts)
            """)
        let folders = Set(LakeTestSupport.listing(output + "/t").filter { $0.hasPrefix("s=") && !$0.contains("/") })
        #expect(folders == ["s=a%2Fb", "s=100%25", "s=__HIVE_DEFAULT_PARTITION__", "s=..%2F..%2Fescaped"])
        #expect(LakeTestSupport.listing(output) == LakeTestSupport.listing(output).filter { $0.hasPrefix("t") })
        let read = try LakeTestSupport.rows("SELECT * FROM parquet.`\(output)/t` ORDER BY id", in: session)
        #expect(read.schema.fields.map(\.type) == [.int, .string, .date, .timestamp])
        #expect(read.rows.map { $0[1] } == [.string("a/b"), .string("100%"), .null, .null, .string("../../escaped")])
        #expect(read.rows.map { $0[2] } == [.date(17836), .date(17837), .null, .null, .date(17837)])
        let ts = try LakeTestSupport.rows("SELECT CAST(ts AS STRING) FROM parquet.`\(output)/t` ORDER BY id", in: session)
        #expect(ts.rows.map { $0[0] } == [.string("2018-11-01 21:01:46"), .string("2018-11-01 21:01:46"), .string("2018-11-02 00:00:00.5"), .null, .null])
        // Without inference every partition column is a string.
        _ = try session.execute("SET spark.sql.sources.partitionColumnTypeInference.enabled=false")
        let untyped = try LakeTestSupport.rows("SELECT * FROM parquet.`\(output)/t`", in: session)
        #expect(untyped.schema.fields.map(\.type) == [.int, .string, .string, .string])
    }

    @Test func aQueryReadsOnlyTheColumnsItNeeds() throws {
        let output = try LakeTestSupport.scratch()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let session = SQLSession()
        _ = try session.execute("INSERT OVERWRITE DIRECTORY '\(output)/d' USING parquet SELECT id, id * 2 AS twice, 'x' AS label FROM VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9) AS v(id)")
        let plan = try session.execute("EXPLAIN SELECT sum(twice) FROM parquet.`\(output)/d`").last?.table?.rows.first?.first
        guard case let .string(text)? = plan else { Issue.record("no plan"); return }
        let scan = text.split(separator: "\n").first { $0.contains("Scan parquet") } ?? ""
        #expect(scan.contains("twice") && !scan.contains("label") && !scan.contains("id"), "\(scan)")
        #expect(try LakeTestSupport.rows("SELECT sum(twice) FROM parquet.`\(output)/d`", in: session).rows == [[.bigint(90)]])
    }
}
