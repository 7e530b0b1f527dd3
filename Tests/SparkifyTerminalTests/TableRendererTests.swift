import Testing
import SparkifyTables
import SparkifyTerminal

@Suite struct TableRendererTests {
    /// Songplays-like rows: numbers, strings, an empty string apart from NULL, a timestamp,
    /// a long user agent and a wide-character name.
    static let sample: Table = {
        let schema = Schema([
            Field("songplay_id", .bigint), Field("start_time", .timestamp), Field("level", .string),
            Field("artist", .string), Field("length", .double), Field("user_agent", .string),
        ])
        var builders = schema.fields.map { ColumnBuilder(type: $0.type) }
        let rows: [[Value]] = [
            [.bigint(0), .timestamp(1_541_105_830_796_000), .string("free"), .string("Harmonia"), .double(655.77751),
             .string("\"Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36\"")],
            [.bigint(8_589_934_592), .timestamp(1_541_106_106_796_000), .string("paid"), .null, .null, .string("")],
            [.bigint(2), .timestamp(1_541_106_496_000_000), .string(""), .string("坂本龍一"), .double(1e-4), .null],
        ]
        for row in rows { for (i, v) in row.enumerated() { builders[i].append(v) } }
        return Table(schema: schema, columns: builders.map { $0.build() })
    }()

    @Test(arguments: TableRenderer.Mode.allCases)
    func rendersEachMode(mode: TableRenderer.Mode) {
        assertSnapshot(TableRenderer(mode: mode, width: 120).render(Self.sample), named: "table-\(mode.rawValue)")
    }

    @Test(arguments: [40, 60, 80])
    func boxFitsTheWidth(width: Int) {
        let text = TableRenderer(mode: .box, width: width).render(Self.sample)
        assertSnapshot(text, named: "table-box-width\(width)")
        for line in text.split(separator: "\n") where line.hasPrefix("│") || line.hasPrefix("┌") {
            #expect(line.count <= width)
        }
    }

    @Test func longResultsSayHowManyRowsAreLeft() {
        let text = TableRenderer(mode: .box, maxRows: 1, width: 200).render(Self.sample)
        #expect(text.hasSuffix("… 2 more rows (3 in all)\n"))
        let spark = TableRenderer(mode: .spark, maxRows: 2).render(Self.sample)
        #expect(spark.hasSuffix("only showing top 2 rows\n"))
    }

    @Test func emptyTableStillShowsItsHeader() {
        let text = TableRenderer(mode: .spark).render(.empty(Schema([Field("a", .string)])))
        #expect(text == "+---+\n|  a|\n+---+\n+---+\n")
    }
}
