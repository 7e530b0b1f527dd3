import Foundation
@testable import SparkifyNotebook
import SparkifySQL
import Testing

@Suite("Export to PySpark")
struct ExportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The walkthrough, named as the command line names it (the snapshot holds no machine's path).
    static func walkthrough() throws -> Notebook {
        let text = try String(contentsOf: root.appendingPathComponent("samples/etl.sql"), encoding: .utf8)
        return try Notebook(text: text, file: "samples/etl.sql")
    }

    static func export(_ text: String, data: String = "samples/data", output: String? = nil) throws -> PySparkJob {
        try PySparkJobWriter(notebook: try Notebook(text: text, file: "test.sql"), options: .init(data: data, output: output)).write()
    }

    static func refusal(_ text: String) throws -> ExportRefusal? {
        do {
            _ = try export(text)
            return nil
        } catch let refusal as ExportRefusal {
            return refusal
        }
    }

    /// A notebook with lake cells in the walkthrough's shape, with marker metadata.
    static let lake = """
        SET spark.sql.session.timeZone=UTC;
        SET input_data=${data};

        -- %% staging_events
        CREATE OR REPLACE TEMP VIEW staging_events AS
        SELECT * FROM json.`${input_data}/log_data/*/*/*.json`;

        -- %% [markdown]
        -- The time table, written to the lake by year and month.

        -- %% time tags=["analysis"] chart="bar"
        CREATE OR REPLACE TEMP VIEW time AS
        SELECT DISTINCT timestamp_millis(ts) AS start_time, year(timestamp_millis(ts)) AS year,
               month(timestamp_millis(ts)) AS month
        FROM staging_events;

        -- %% lake_time
        DROP TABLE IF EXISTS lake_time;
        CREATE TABLE lake_time USING parquet PARTITIONED BY (year, month)
        LOCATION '${output}/time' AS SELECT * FROM time;
        """

    @Test("the walkthrough exports to the job in the snapshot")
    func walkthroughSnapshot() throws {
        let job = try PySparkJobWriter(notebook: try Self.walkthrough(), options: .init(data: "s3a://udacity-dend")).write()
        #expect(job.warnings.isEmpty)
        #expect(job.cells.first == "setup")
        #expect(job.cells.contains("songplays"))
        assertExportSnapshot(job.text, named: "walkthrough_etl.py")
    }

    @Test("each cell's statements run through spark.sql in order, and the tables it makes are cached")
    func cellsRunInOrder() throws {
        let text = try Self.export(Self.lake, output: "/tmp/lake").text
        let staging = try #require(text.range(of: "def cell_staging_events(spark):"))
        let time = try #require(text.range(of: "def cell_time(spark):"))
        let lake = try #require(text.range(of: "def cell_lake_time(spark):"))
        #expect(staging.lowerBound < time.lowerBound && time.lowerBound < lake.lowerBound)
        let drop = try #require(text.range(of: "spark.sql(\"DROP TABLE IF EXISTS lake_time\")"))
        let create = try #require(text.range(of: "CREATE TABLE lake_time USING parquet PARTITIONED BY (year, month)\nLOCATION '${output}/time' AS SELECT * FROM time"))
        #expect(lake.upperBound < drop.lowerBound && drop.upperBound < create.lowerBound)
        #expect(text.contains("    return cached(spark, \"lake_time\")"))
        #expect(text.contains("    return cached(spark, \"time\")"))
        #expect(text.contains("    (\"lake_time\", 17, cell_lake_time),"))
        // Prose becomes comments; marker metadata (tags, charts) is not in the job.
        #expect(text.contains("# The time table, written to the lake by year and month.\ndef cell_time(spark):"))
        #expect(!text.contains("chart"))
        #expect(!text.contains("analysis"))
    }

    @Test("cells run in the order sparkify runs them: a cell after the cells whose tables it reads")
    func dependencyOrder() throws {
        let job = try Self.export("""
            -- %% report
            CREATE OR REPLACE TEMP VIEW report AS SELECT count(*) AS n FROM numbers;

            -- %% numbers
            CREATE OR REPLACE TEMP VIEW numbers AS SELECT * FROM VALUES (1), (2) AS t(n);
            """)
        #expect(job.cells == ["numbers", "report"])
        let numbers = try #require(job.text.range(of: "def cell_numbers"))
        let report = try #require(job.text.range(of: "def cell_report"))
        #expect(numbers.lowerBound < report.lowerBound)
    }

    @Test("a cell whose last statement is a query gives its rows back")
    func queryCell() throws {
        let text = try Self.export("""
            -- %% busiest
            SELECT page, count(*) AS n FROM json.`${data}/log_data` GROUP BY page
            """).text
        #expect(text.contains("def cell_busiest(spark):\n    \"\"\"busiest (test.sql, line 1).\"\"\"\n    return spark.sql(\"SELECT page, count(*) AS n FROM json.`${data}/log_data` GROUP BY page\")\n"))
        #expect(!text.contains("cached(spark, \"busiest\")"))
    }

    @Test("variables: ${data} and ${output} default to the export's values; the notebook's SETs run as written")
    func variables() throws {
        let job = try Self.export(Self.lake, data: "s3a://udacity-dend", output: "s3a://my-bucket/lake")
        #expect(job.text.contains("DEFAULT_DATA = \"s3a://udacity-dend\"\n"))
        #expect(job.text.contains("DEFAULT_OUTPUT = \"s3a://my-bucket/lake\"\n"))
        #expect(job.text.contains("    spark.sql(\"SET input_data=${data}\")\n"))
        #expect(job.text.contains("SELECT * FROM json.`${input_data}/log_data/*/*/*.json`"))
        #expect(job.text.contains("USES_OUTPUT = True\n"))
        #expect(job.text.contains("spark.conf.set(\"data\", data)"))

        let walkthrough = try PySparkJobWriter(notebook: try Self.walkthrough(), options: .init(data: "samples/data")).write()
        #expect(walkthrough.text.contains("DEFAULT_DATA = \"samples/data\"\n"))
        #expect(walkthrough.text.contains("DEFAULT_OUTPUT = None\n"))
        let usesOutput = try Self.walkthrough().sqlCells.contains { $0.statements.contains { $0.text.contains("${output}") } }
        #expect(walkthrough.text.contains(usesOutput ? "USES_OUTPUT = True\n" : "USES_OUTPUT = False\n"))
    }

    @Test("s3a:// is configured only when a URI needs it: a path in a cell, or --data/--output at run time")
    func s3aOnlyWhenNeeded() throws {
        // The walkthrough mentions s3a://udacity-dend in a comment only: its cells read ${data}.
        let walkthrough = try PySparkJobWriter(notebook: try Self.walkthrough(), options: .init(data: "samples/data")).write()
        #expect(walkthrough.text.contains("S3A_IN_CELLS = False\n"))
        let bucket = try Self.export("""
            -- %% songs
            CREATE OR REPLACE TEMP VIEW songs AS SELECT * FROM json.`s3a://udacity-dend/song_data/A/A/A/*.json`;
            """)
        #expect(bucket.text.contains("S3A_IN_CELLS = True\n"))
        // The session sets the s3a keys only inside the needs_s3a branch.
        let text = walkthrough.text
        let branch = try #require(text.range(of: "    if needs_s3a(data, output):\n"))
        let key = try #require(text.range(of: "spark.hadoop.fs.s3a.access.key"))
        let session = try #require(text.range(of: "    spark = builder.getOrCreate()"))
        #expect(branch.upperBound < key.lowerBound && key.upperBound < session.lowerBound)
        #expect(text.components(separatedBy: "fs.s3a.access.key").count == 2)
    }

    @Test("a dot command in a cell is refused with the cell's name, line and reason")
    func dotCommandRefused() throws {
        let refusal = try #require(try Self.refusal("""
            -- %% numbers
            CREATE OR REPLACE TEMP VIEW numbers AS SELECT 1 AS n;

            -- %% peek
            .show numbers 5
            """))
        #expect(refusal.problems == [ExportRefusal.Problem(cell: "peek", line: 5, reason: "`.show numbers 5` is a sparkify dot command; Spark runs SQL only, so run it in the sparkify REPL instead of the notebook")])
        #expect(refusal.description.hasPrefix("test.sql: cannot export to Spark: 1 cell uses what Spark lacks\n  test.sql:5: cell peek: `.show numbers 5`"))
    }

    @Test("a function Spark does not have is refused; every problem of every cell is listed")
    func functionRefused() throws {
        let refusal = try #require(try Self.refusal("""
            -- %% a
            CREATE OR REPLACE TEMP VIEW a AS
            SELECT upper('x') AS u,
                   sparkify_magic(1) AS m;

            -- %% b
            CREATE OR REPLACE TEMP VIEW b AS SELECT * FROM a WHERE n IN (SELECT frobnicate(n) FROM a);

            -- %% c
            CREATE OR REPLACE TEMP VIEW c AS SELECT * FROM json.`${data}/song_data/**/*.json`;
            """))
        #expect(refusal.problems.map(\.cell) == ["a", "b", "c"])
        #expect(refusal.problems.map(\.line) == [4, 7, 10])
        #expect(refusal.problems[0].reason == "Spark 4.3 has no function `sparkify_magic`; it is sparkify's own")
        #expect(refusal.problems[1].reason.contains("`frobnicate`"))
        #expect(refusal.problems[2].reason.hasPrefix("the path '${data}/song_data/**/*.json' uses `**` (any depth)"))
        #expect(refusal.description.hasPrefix("test.sql: cannot export to Spark: 3 cells use what Spark lacks"))
    }

    @Test("sparkify has no function of its own today: every one it knows is in Spark 4.3's list")
    func sparkifyFunctionsAreSparks() throws {
        let known = Set(ScalarFunctionRegistry.names + SQLFunctionNames.aggregateAndWindow).filter { name in
            name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
        #expect(known.count > 100)
        // A function added to sparkify that Spark lacks shows here: notebooks using it are
        // refused at export (see the next test), so say so in the README when adding one.
        #expect(known.subtracting(SparkBuiltinFunctions.names).sorted() == [])
        for name in ["upper", "timestamp_millis", "row_number", "regexp_extract", "count_if"] {
            #expect(try Self.refusal("-- %% t\nSELECT \(name)(1) AS x") == nil, "\(name) is Spark's")
        }
    }

    @Test("SQL reaches Spark exactly as written: quotes and backslashes survive the Python literal",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func literalsRoundTrip() throws {
        let samples = [
            "SELECT regexp_extract(s, '(\\\\d+)\\\\.', 1) FROM t",
            "SELECT 'say \"\"\"hi\"\"\"' AS quote, '\\\\' AS backslash\nFROM t",
            "SELECT \"a\\\"b\" AS x,\n  'c' AS y -- a comment with \\\n",
        ]
        for sample in samples {
            let literal = sample.contains("\n") ? PythonText.blockLiteral(sample) : PythonText.literal(sample)
            let expected = sample.contains("\n") ? "\n" + sample + "\n" : sample
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-c", "import sys; sys.stdout.write(" + literal + ")"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(String(decoding: data, as: UTF8.self) == expected, "\(literal)")
        }
    }

    @Test("a statement sparkify cannot parse goes to Spark as written, with a warning")
    func unparsedStatementWarns() throws {
        let job = try Self.export("""
            -- %% merged
            MERGE INTO target USING source ON target.id = source.id WHEN MATCHED THEN UPDATE SET *;
            """)
        #expect(job.warnings == ["test.sql:2: cell merged: sparkify cannot parse this statement; it goes to Spark as written"])
        #expect(job.text.contains("spark.sql(\"MERGE INTO target USING source"))
        // A variable set nowhere does not keep a statement from being checked.
        let refusal = try #require(try Self.refusal("""
            -- %% t
            SELECT sparkify_magic(n) FROM json.`${nowhere}/x.json`;
            """))
        #expect(refusal.problems.map(\.cell) == ["t"])
    }
}
