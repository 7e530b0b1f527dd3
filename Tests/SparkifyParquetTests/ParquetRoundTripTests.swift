#if canImport(Glibc)
import Glibc
#endif
import Testing
import SparkifyTables
@testable import SparkifyParquet

/// A temporary file path, removed by `remove()`.
struct TemporaryPath {
    let path = "/tmp/sparkify-parquet-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).parquet"
    func remove() { unlink(path) }
}

/// What a table looks like after a Parquet round trip: arrays and structs come back as the
/// strings they were written as.
func expectedAfterRoundTrip(_ table: Table) -> [[Value]] {
    table.rows.map { row in row.map { if case let .json(text) = $0 { return .string(text) } else { return $0 } } }
}

@Suite struct ParquetRoundTripTests {
    @Test(arguments: ParquetCompression.allCases, [true, false])
    func everyTypeWithNullsRoundTrips(codec: ParquetCompression, dictionary: Bool) throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let table = ParquetTestTables.everyType(rows: 3000)
        let options = ParquetWriteOptions(compression: codec, rowGroupRows: 1100, pageRows: 400, dictionary: dictionary)
        let summary = try ParquetFileWriter.write(table, to: temp.path, options: options)
        #expect(summary.rowGroups == 3)
        let file = try ParquetFile(path: temp.path)
        #expect(file.rowCount == 3000)
        #expect(file.rowGroupRowCounts == [1100, 1100, 800])
        #expect(file.schema.fields.map(\.type) == table.schema.fields.map { $0.type.isNested ? .string : $0.type })
        let back = try file.read()
        #expect(back.rows == expectedAfterRoundTrip(table))
        #expect(back.columns.allSatisfy { $0.nullCount == 1000 })
        let info = try #require(file.chunkInfo(column: "s", rowGroup: 0))
        #expect(info.hasDictionaryPage == dictionary)
        #expect(info.encodings.contains("RLE_DICTIONARY") == dictionary)
        #expect(info.compression == codec.rawValue)
    }

    @Test func columnsAreReadOnlyWhenAskedInTheOrderAsked() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let table = ParquetTestTables.everyType(rows: 50)
        _ = try ParquetFileWriter.write(table, to: temp.path)
        let back = try ParquetFile(path: temp.path).read(columns: ["TS", "s"])
        #expect(back.schema.names == ["ts", "s"])
        #expect(back.rows == table.rows.map { [$0[6], $0[4]] })
        #expect(throws: ParquetError.self) { try ParquetFile(path: temp.path).read(columns: ["nope"]) }
    }

    @Test func emptyTableKeepsItsSchema() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let schema = ParquetTestTables.everyType(rows: 0).schema
        let summary = try ParquetFileWriter.write(Table.empty(schema), to: temp.path)
        #expect(summary.rows == 0 && summary.rowGroups == 0)
        let file = try ParquetFile(path: temp.path)
        #expect(file.rowCount == 0)
        #expect(file.schema.names == schema.names)
        let back = try file.read()
        #expect(back.rowCount == 0 && back.columns.count == schema.count)
    }

    @Test func oneRowAndRequiredColumns() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let table = Table(schema: Schema([Field("id", .bigint, nullable: false), Field("name", .string, nullable: false)]),
                          columns: [Column(type: .bigint, values: .int64([42])), Column(type: .string, values: .string(StringArena(["só"])))])
        _ = try ParquetFileWriter.write(table, to: temp.path)
        let file = try ParquetFile(path: temp.path)
        #expect(file.schema.fields.map(\.nullable) == [false, false])
        #expect(try file.read().rows == [[.bigint(42), .string("só")]])
    }

    @Test func highCardinalityStringsFallBackToPlain() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        var low = ColumnBuilder(type: .string), high = ColumnBuilder(type: .string)
        for i in 0..<60_000 {
            low.append(["paid", "free"][i % 2])
            high.append("session-\(i)-\(String(repeating: "x", count: 20))")
        }
        let table = Table(schema: Schema([Field("level", .string), Field("id", .string)]), columns: [low.build(), high.build()])
        _ = try ParquetFileWriter.write(table, to: temp.path)
        let file = try ParquetFile(path: temp.path)
        #expect(file.chunkInfo(column: "level", rowGroup: 0)?.hasDictionaryPage == true)
        #expect(file.chunkInfo(column: "id", rowGroup: 0)?.hasDictionaryPage == false)
        let back = try file.read()
        #expect(back.rows == table.rows)
    }

    @Test func statisticsReadBack() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let strings = ["b", "é", "a", "Z", "ab"]  // unsigned bytes: "Z" < "a" < "ab" < "b" < "é"
        let table = Table(
            schema: Schema([Field("n", .int), Field("s", .string), Field("d", .double), Field("t", .timestamp),
                            Field("m", .decimal(precision: 25, scale: 2)), Field("none", .bigint)]),
            columns: [
                Column(type: .int, values: .int32([5, -7, 0, 3, 0]), validity: Validity(words: [0b01111], count: 5)),
                Column(type: .string, values: .string(StringArena(strings))),
                Column(type: .double, values: .double([0.5, -0.0, .nan, 2.5, 1])),
                Column(type: .timestamp, values: .int64([10, 20, 30, 40, -50])),
                Column(type: .decimal(precision: 25, scale: 2), values: .string(StringArena(["1.50", "-300.25", "2", "0.01", "99999999999999999999.99"]))),
                Column.nulls(.bigint, count: 5),
            ])
        for dictionary in [true, false] {
            _ = try ParquetFileWriter.write(table, to: temp.path, options: ParquetWriteOptions(dictionary: dictionary))
            let file = try ParquetFile(path: temp.path)
            #expect(file.statistics(column: "n", rowGroup: 0) == ParquetColumnStatistics(nullCount: 1, min: .int(-7), max: .int(5)))
            #expect(file.statistics(column: "s", rowGroup: 0) == ParquetColumnStatistics(nullCount: 0, min: .string("Z"), max: .string("é")))
            #expect(file.statistics(column: "d", rowGroup: 0) == ParquetColumnStatistics(nullCount: 0, min: .double(-0.0), max: .double(2.5)))
            #expect(file.statistics(column: "t", rowGroup: 0) == ParquetColumnStatistics(nullCount: 0, min: .timestamp(-50), max: .timestamp(40)))
            #expect(file.statistics(column: "m", rowGroup: 0) == ParquetColumnStatistics(nullCount: 0, min: .decimal("-300.25"), max: .decimal("99999999999999999999.99")))
            #expect(file.statistics(column: "none", rowGroup: 0) == ParquetColumnStatistics(nullCount: 5, min: nil, max: nil))
            #expect(try file.read(columns: ["m"]).rows.map { $0[0] } == ["1.50", "-300.25", "2.00", "0.01", "99999999999999999999.99"].map(Value.decimal))
        }
    }

    @Test func decimalTextThatDoesNotFitIsAClearError() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let table = Table(schema: Schema([Field("m", .decimal(precision: 5, scale: 2))]),
                          columns: [Column(type: .decimal(precision: 5, scale: 2), values: .string(StringArena(["1.00", "1.234"])))])
        let error = try #require(throws: ParquetError.self) { try ParquetFileWriter.write(table, to: temp.path) }
        #expect(error.description.contains("column m"))
        #expect(error.description.contains("1.234"))
    }

    @Test func rowGroupsAreCutBySizeAndPagesByBytes() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let table = ParquetTestTables.everyType(rows: 4000, nullEvery: 7)
        let bytesPerRow = table.storageBytes / table.rowCount
        let options = ParquetWriteOptions(compression: .zstd, rowGroupBytes: bytesPerRow * 900, pageBytes: 512, dictionary: false)
        let summary = try ParquetFileWriter.write(table, to: temp.path, options: options)
        #expect(summary.rowGroups == 5)
        let file = try ParquetFile(path: temp.path)
        #expect(file.rowGroupRowCounts == [900, 900, 900, 900, 400])
        #expect(try file.read().rows == expectedAfterRoundTrip(table))
    }

    @Test func allNullAndAllEmptyStringColumns() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let table = Table(schema: Schema([Field("nothing", .string), Field("empty", .string), Field("flags", .boolean)]),
                          columns: [Column.nulls(.string, count: 1000),
                                    Column(type: .string, values: .string(StringArena([String](repeating: "", count: 1000)))),
                                    Column(type: .boolean, values: .boolean((0..<1000).map { $0 % 3 == 0 }))])
        for dictionary in [true, false] {
            _ = try ParquetFileWriter.write(table, to: temp.path, options: ParquetWriteOptions(pageRows: 300, dictionary: dictionary))
            let file = try ParquetFile(path: temp.path)
            #expect(try file.read().rows == table.rows)
            #expect(file.statistics(column: "nothing", rowGroup: 0) == ParquetColumnStatistics(nullCount: 1000, min: nil, max: nil))
            #expect(file.statistics(column: "empty", rowGroup: 0) == ParquetColumnStatistics(nullCount: 0, min: .string(""), max: .string("")))
            #expect(file.statistics(column: "flags", rowGroup: 0) == ParquetColumnStatistics(nullCount: 0, min: .boolean(false), max: .boolean(true)))
        }
    }

    @Test func footerCarriesSparkSchemaAndCreatedBy() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let table = Table(schema: Schema([Field("id", .bigint, nullable: false), Field("when", .timestamp), Field("amount", .decimal(precision: 10, scale: 2)), Field("tags", .array(.string))]),
                          columns: [Column(type: .bigint, values: .int64([1])), Column(type: .timestamp, values: .int64([0])),
                                    Column(type: .decimal(precision: 10, scale: 2), values: .string(StringArena(["1.00"]))),
                                    Column(type: .array(.string), values: .string(StringArena(["[]"])))])
        _ = try ParquetFileWriter.write(table, to: temp.path)
        let file = try ParquetFile(path: temp.path)
        #expect(file.createdBy == "sparkify version 0.1.0")
        #expect(file.keyValueMetadata["org.apache.spark.sql.parquet.row.metadata"] == #"{"type":"struct","fields":[{"name":"id","type":"long","nullable":false,"metadata":{}},{"name":"when","type":"timestamp","nullable":true,"metadata":{}},{"name":"amount","type":"decimal(10,2)","nullable":true,"metadata":{}},{"name":"tags","type":"string","nullable":true,"metadata":{}}]}"#)
    }

    @Test func repetitiveNumbersAreDictionaryEncoded() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let n = 30_000
        var month = ColumnBuilder(type: .int), ts = ColumnBuilder(type: .timestamp), price = ColumnBuilder(type: .double)
        var amount = ColumnBuilder(type: .decimal(precision: 12, scale: 2)), id = ColumnBuilder(type: .bigint)
        for i in 0..<n {
            if i % 11 == 0 { month.appendNull() } else { month.append(Int32(i % 12 + 1)) }
            ts.append(Int64(i % 5) * 3_600_000_000)
            price.append([0.99, -0.0, 1.5, 0.0][i % 4])
            amount.append(Value.decimal(["-1.25", "3.00", "1000000.99"][i % 3]))
            id.append(Int64(i) * 7)
        }
        let table = Table(schema: Schema([Field("month", .int), Field("ts", .timestamp), Field("price", .double),
                                          Field("amount", .decimal(precision: 12, scale: 2)), Field("id", .bigint)]),
                          columns: [month.build(), ts.build(), price.build(), amount.build(), id.build()])
        for dictionary in [true, false] {
            _ = try ParquetFileWriter.write(table, to: temp.path, options: ParquetWriteOptions(pageRows: 7000, dictionary: dictionary))
            let file = try ParquetFile(path: temp.path)
            for name in ["month", "ts", "price", "amount"] {
                #expect(file.chunkInfo(column: name, rowGroup: 0)?.hasDictionaryPage == dictionary, "\(name)")
            }
            #expect(file.chunkInfo(column: "id", rowGroup: 0)?.hasDictionaryPage == false)
            let back = try file.read()
            #expect(back.rows == table.rows)
            // -0.0 and 0.0 are different dictionary entries and come back as written.
            if case let .double(values) = back.columns[2].values { #expect(values[1].sign == .minus && values[3].sign == .plus) }
            #expect(file.statistics(column: "month", rowGroup: 0) == ParquetColumnStatistics(nullCount: Int((n + 10) / 11), min: .int(1), max: .int(12)))
        }
    }
}
