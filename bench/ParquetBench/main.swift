// Times ParquetFileWriter on a songplays-like table (bench/parquet.sh runs it beside pyarrow).
// The data is a deterministic function of the row number that bench/parquet.py computes the
// same way, so both writers write the same values.
#if canImport(Glibc)
import Glibc
#endif
import SparkifyParquet
import SparkifyTables

let arguments = CommandLine.arguments
let rows = arguments.count > 1 ? Int(arguments[1]) ?? 2_000_000 : 2_000_000
let path = arguments.count > 2 ? arguments[2] : "/tmp/sparkify-bench.parquet"
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
let codec = arguments.count > 4 ? ParquetCompression(rawValue: arguments[4]) ?? .snappy : .snappy

func songplays(_ n: Int) -> Table {
    var id = [Int64](), start = [Int64](), session = [Int32](), year = [Int32](), month = [Int32]()
    var user = ColumnBuilder(type: .string), level = ColumnBuilder(type: .string), song = ColumnBuilder(type: .string)
    var artist = ColumnBuilder(type: .string), location = ColumnBuilder(type: .string), agent = ColumnBuilder(type: .string)
    var event = ColumnBuilder(type: .string)
    for i in 0..<n {
        let h = (UInt64(i) &* 2_654_435_761) % (1 << 32)
        id.append(Int64(i))
        start.append(1_541_030_400_000_000 + Int64(i) * 1_300_000 + Int64(h % 1000))
        user.append(String(h % 97))
        level.append(h % 3 == 0 ? "paid" : "free")
        if h % 10 == 0 {
            song.append("SO" + pad(h % 50_000))
            artist.append("AR" + pad(h % 20_000))
        } else {
            song.appendNull()
            artist.appendNull()
        }
        session.append(Int32(i / 37))
        location.append("City \(h % 113), ST")
        agent.append("Mozilla/5.0 (Windows NT 6.\(h % 4); WOW64) AppleWebKit/537.\(h % 50) (KHTML, like Gecko) Chrome/36.0.1985.\(h % 30) Safari/537.36")
        event.append(String(i, radix: 16) + "-" + String(h, radix: 16))
        year.append(2018)
        month.append(11)
    }
    let fields = [
        Field("songplay_id", .bigint), Field("start_time", .timestamp), Field("user_id", .string), Field("level", .string),
        Field("song_id", .string), Field("artist_id", .string), Field("session_id", .int), Field("location", .string),
        Field("user_agent", .string), Field("event_id", .string), Field("year", .int), Field("month", .int),
    ]
    let columns = [
        Column(type: .bigint, values: .int64(id)), Column(type: .timestamp, values: .int64(start)), user.build(), level.build(),
        song.build(), artist.build(), Column(type: .int, values: .int32(session)), location.build(), agent.build(), event.build(),
        Column(type: .int, values: .int32(year)), Column(type: .int, values: .int32(month)),
    ]
    return Table(schema: Schema(fields), columns: columns, rowCount: n)
}

func pad(_ v: UInt64) -> String {
    let s = String(v)
    return String(repeating: "0", count: 16 - s.count) + s
}

if arguments.count > 5 && arguments[5] == "small-files" {
    // Many small files, as a partitioned lake writes (songs by year and artist_id).
    let source = songplays(rows)
    let clock = ContinuousClock()
    let start = clock.now
    for i in 0..<rows {
        _ = try ParquetFileWriter.write(source.gather([i]), to: path)
    }
    let elapsed = clock.now - start
    print("{\"files\": \(rows), \"seconds\": \(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)}")
    exit(0)
}

let table = songplays(rows)
var best = Double.infinity
var summary: ParquetWriteSummary?
for _ in 0..<runs {
    let clock = ContinuousClock()
    let start = clock.now
    summary = try ParquetFileWriter.write(table, to: path, options: ParquetWriteOptions(compression: codec))
    let elapsed = clock.now - start
    best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}
var readBest = Double.infinity
for _ in 0..<runs {
    let clock = ContinuousClock()
    let start = clock.now
    let back = try ParquetFile(path: path).read()
    precondition(back.rowCount == rows)
    let elapsed = clock.now - start
    readBest = min(readBest, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}
print("{\"rows\": \(rows), \"write_seconds\": \(best), \"read_seconds\": \(readBest), \"bytes\": \(summary?.bytes ?? 0)}")
