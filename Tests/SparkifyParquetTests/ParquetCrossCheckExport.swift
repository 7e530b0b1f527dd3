import Foundation
import Testing
import SparkifyTables
@testable import SparkifyParquet

/// The Swift half of `scripts/checks/parquet.sh`: with `SPARKIFY_PARQUET_CHECK_DIR` set, writes
/// sparkify's files (and what they hold) for pyarrow and DuckDB to read, and reads the files
/// pyarrow wrote, dumping what sparkify sees for the script to compare. Without it, does nothing.
@Suite struct ParquetCrossCheckExport {
    static let directory = ProcessInfo.processInfo.environment["SPARKIFY_PARQUET_CHECK_DIR"]

    @Test(.enabled(if: directory != nil)) func writeFilesForPyarrow() throws {
        let out = Self.directory! + "/from-sparkify"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let table = ParquetTestTables.everyType(rows: 5000)
        for codec in ParquetCompression.allCases {
            for dictionary in [true, false] {
                let name = "every-\(codec.rawValue)-\(dictionary ? "dict" : "plain")"
                let options = ParquetWriteOptions(compression: codec, rowGroupRows: 2000, pageRows: 700, dictionary: dictionary)
                _ = try ParquetFileWriter.write(table, to: "\(out)/\(name).parquet", options: options)
                try CrossCheckDump.write(table, to: "\(out)/\(name).json")
            }
        }
        let repetitive = ParquetTestTables.repetitive(rows: 20_000)
        for dictionary in [true, false] {
            let name = "repetitive-\(dictionary ? "dict" : "plain")"
            _ = try ParquetFileWriter.write(repetitive, to: "\(out)/\(name).parquet", options: ParquetWriteOptions(rowGroupRows: 8000, dictionary: dictionary))
            try CrossCheckDump.write(repetitive, to: "\(out)/\(name).json")
        }
        let noNulls = ParquetTestTables.everyType(rows: 100, nullEvery: 0)
        _ = try ParquetFileWriter.write(noNulls, to: "\(out)/no-nulls.parquet")
        try CrossCheckDump.write(noNulls, to: "\(out)/no-nulls.json")
        let empty = Table.empty(ParquetTestTables.everyType(rows: 0).schema)
        _ = try ParquetFileWriter.write(empty, to: "\(out)/empty.parquet")
        try CrossCheckDump.write(empty, to: "\(out)/empty.json")
    }

    @Test(.enabled(if: directory != nil)) func readFilesFromPyarrow() throws {
        let folder = Self.directory! + "/from-pyarrow"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".parquet") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let path = "\(folder)/\(name)"
            let dump = path.replacingOccurrences(of: ".parquet", with: ".sparkify.json")
            do {
                let table = try ParquetFile(path: path).read()
                try CrossCheckDump.write(table, to: dump)
            } catch {
                // The script reports the error as a difference.
                let data = try JSONSerialization.data(withJSONObject: ["error": "\(error)"])
                try data.write(to: URL(fileURLWithPath: dump))
            }
        }
    }

    /// Damages every file pyarrow and Spark wrote (v2 pages, delta encodings, INT96…) and reads
    /// it: a ParquetError or a table, never a crash.
    @Test(.enabled(if: directory != nil)) func damagedFilesFromOtherWritersNeverCrash() throws {
        let folder = Self.directory! + "/from-pyarrow"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".parquet") }.sorted()
        let scratch = Self.directory! + "/damaged.parquet"
        var random = ParquetCorruptionTests.SplitMix(state: 2026)
        for name in names {
            let handle = try ParquetFileHandle.openForReading("\(folder)/\(name)")
            let bytes = try handle.read(at: 0, count: handle.size())
            for _ in 0..<12 {
                var damaged = bytes
                for _ in 0..<3 { damaged[Int.random(in: 4..<(bytes.count - 8), using: &random)] ^= UInt8.random(in: 1...255, using: &random) }
                _ = try ParquetCorruptionTests.readOutcome(damaged, at: scratch)
            }
        }
    }
}

/// Writes a table as JSON the check script compares: the schema's Spark types and every value
/// in a canonical text (doubles as their bit patterns, so no formatting differs).
enum CrossCheckDump {
    static func write(_ table: Table, to path: String) throws {
        var columns: [[String: Any]] = []
        for (field, column) in zip(table.schema.fields, table.columns) {
            var values: [Any] = []
            for r in 0..<table.rowCount {
                switch column.value(at: r) {
                case .null: values.append(NSNull())
                case let .boolean(v): values.append(v)
                case let .int(v): values.append(Int(v))
                case let .bigint(v): values.append(Int(v))
                case let .double(v): values.append(String(v.bitPattern))
                case let .decimal(v), let .string(v), let .json(v): values.append(v)
                case let .date(v): values.append(Int(v))
                case let .timestamp(v): values.append(Int(v))
                }
            }
            columns.append(["name": field.name, "type": field.type.simpleString, "nullable": field.nullable, "values": values])
        }
        let data = try JSONSerialization.data(withJSONObject: ["rows": table.rowCount, "columns": columns])
        try data.write(to: URL(fileURLWithPath: path))
    }
}
