#if canImport(Glibc)
import Glibc
#endif
import Testing
import SparkifyTables
@testable import SparkifyParquet

/// Damaged files must fail with a `ParquetError` naming the file, never crash.
@Suite struct ParquetCorruptionTests {
    /// A deterministic generator, so a failure reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func validFile(_ codec: ParquetCompression) throws -> [UInt8] {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let options = ParquetWriteOptions(compression: codec, rowGroupRows: 70, pageRows: 25)
        _ = try ParquetFileWriter.write(ParquetTestTables.everyType(rows: 200), to: temp.path, options: options)
        let handle = try ParquetFileHandle.openForReading(temp.path)
        return try handle.read(at: 0, count: handle.size())
    }

    /// Opens and reads `bytes` as a file: true when it read, false on a ParquetError.
    static func readOutcome(_ bytes: [UInt8], at path: String) throws -> Bool {
        let handle = try ParquetFileHandle.create(path)
        try bytes.withUnsafeBytes { try handle.write($0) }
        do {
            let file = try ParquetFile(path: path)
            let table = try file.read()
            #expect(table.rowCount == file.rowCount)
            return true
        } catch let error as ParquetError {
            #expect(error.path == path)
            #expect(!error.message.isEmpty)
            return false
        }
    }

    @Test func onlyTheColumnsAskedForAreRead() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        var bytes = try Self.validFile(.none)
        let handle = try ParquetFileHandle.create(temp.path)
        try bytes.withUnsafeBytes { try handle.write($0) }
        // Wipe the pages of column "s" in every row group.
        let file = try ParquetFile(path: temp.path)
        let s = try #require(file.schema.index(of: "s"))
        for group in file.metadata.rowGroups {
            let meta = try #require(group.columns[s].metaData)
            let start = Int(meta.dictionaryPageOffset ?? meta.dataPageOffset)
            for k in start..<(start + Int(meta.totalCompressedSize)) { bytes[k] = 0xFF }
        }
        let damaged = try ParquetFileHandle.create(temp.path)
        try bytes.withUnsafeBytes { try damaged.write($0) }
        let other = try ParquetFile(path: temp.path).read(columns: ["l", "ts"])
        #expect(other.rows == ParquetTestTables.everyType(rows: 200).rows.map { [$0[2], $0[6]] })
        let error = try #require(throws: ParquetError.self) { try ParquetFile(path: temp.path).read(columns: ["s"]) }
        #expect(error.column == "s" && error.rowGroup == 0 && error.page == 1)
    }

    @Test func notParquetAndTooShort() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        #expect(try !Self.readOutcome(Array("hello, world, this is not parquet".utf8), at: temp.path))
        #expect(try !Self.readOutcome([], at: temp.path))
        let missing = try #require(throws: ParquetError.self) { try ParquetFile(path: "/nonexistent/x.parquet") }
        #expect(missing.description.contains("/nonexistent/x.parquet"))
    }

    @Test(arguments: [ParquetCompression.none, .snappy, .gzip, .zstd])
    func everyTruncationFails(codec: ParquetCompression) throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let bytes = try Self.validFile(codec)
        #expect(try Self.readOutcome(bytes, at: temp.path))
        var length = 0
        while length < bytes.count {
            #expect(try !Self.readOutcome(Array(bytes[..<length]), at: temp.path), "truncated to \(length) bytes")
            length += max(1, bytes.count / 150)
        }
    }

    @Test(arguments: ParquetCompression.allCases)
    func flippedBytesNeverCrash(codec: ParquetCompression) throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let bytes = try Self.validFile(codec)
        var random = SplitMix(state: 42)
        var failures = 0
        for round in 0..<500 {
            var damaged = bytes
            // Half the rounds damage the footer, where offsets and lengths live.
            let footerStart = max(4, bytes.count - 8 - Int(bytes[bytes.count - 8]) - Int(bytes[bytes.count - 7]) << 8)
            for _ in 0..<(1 + round % 3) {
                let at = round % 2 == 0 ? Int.random(in: footerStart..<(bytes.count - 8), using: &random) : Int.random(in: 4..<bytes.count, using: &random)
                damaged[at] ^= UInt8.random(in: 1...255, using: &random)
            }
            if try !Self.readOutcome(damaged, at: temp.path) { failures += 1 }
        }
        // Most damage is detected; some (a flipped value byte) reads as other data, as in any format without checksums.
        #expect(failures > 150)
    }
}

@Suite struct ParquetUnsupportedTests {
    /// A file holding only a footer with `schema` (no data): enough to test schema mapping.
    static func footerOnlyFile(_ schema: [ParquetSchemaElement], at path: String) throws {
        let footer = ParquetFileMetaData(version: 1, schema: schema, numRows: 0, rowGroups: [], keyValueMetadata: [],
                                         createdBy: "test", typeDefinedColumnOrders: 0).encoded()
        var bytes = Array("PAR1".utf8) + footer
        let n = UInt32(footer.count)
        bytes += [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24)] + Array("PAR1".utf8)
        let handle = try ParquetFileHandle.create(path)
        try bytes.withUnsafeBytes { try handle.write($0) }
    }

    @Test func nestedColumnsAreAClearError() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let schema = [
            ParquetSchemaElement(name: "schema", numChildren: 2),
            ParquetSchemaElement(type: .int64, repetition: .optional, name: "id"),
            ParquetSchemaElement(repetition: .optional, name: "tags", numChildren: 1, convertedType: 3),
            ParquetSchemaElement(repetition: .repeated, name: "list", numChildren: 1),
            ParquetSchemaElement(type: .byteArray, repetition: .optional, name: "element"),
        ]
        try Self.footerOnlyFile(schema, at: temp.path)
        let error = try #require(throws: ParquetError.self) { try ParquetFile(path: temp.path) }
        #expect(error.description.contains("tags"))
        #expect(error.description.contains("nested"))
    }

    @Test func typesSparkifyLacksAreAClearError() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        for (element, words) in [
            (ParquetSchemaElement(type: .fixedLenByteArray, typeLength: 16, repetition: .optional, name: "u", logicalType: .uuid), "FIXED_LEN_BYTE_ARRAY"),
            (ParquetSchemaElement(type: .int64, repetition: .optional, name: "t", logicalType: .time(adjustedToUTC: true, unit: .micros)), "TIME"),
        ] {
            try Self.footerOnlyFile([ParquetSchemaElement(name: "schema", numChildren: 1), element], at: temp.path)
            let error = try #require(throws: ParquetError.self) { try ParquetFile(path: temp.path) }
            #expect(error.description.contains(words))
            #expect(error.column == element.name)
        }
    }

    @Test func otherWritersTypesMapToSparkifyTypes() throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let schema = [
            ParquetSchemaElement(name: "schema", numChildren: 7),
            ParquetSchemaElement(type: .int32, repetition: .optional, name: "i8", logicalType: .integer(bitWidth: 8, signed: true)),
            ParquetSchemaElement(type: .int32, repetition: .optional, name: "u32", logicalType: .integer(bitWidth: 32, signed: false)),
            ParquetSchemaElement(type: .int64, repetition: .optional, name: "u64", convertedType: ParquetConvertedType.uint64),
            ParquetSchemaElement(type: .int96, repetition: .optional, name: "legacy_ts"),
            ParquetSchemaElement(type: .int64, repetition: .optional, name: "ms", convertedType: ParquetConvertedType.timestampMillis),
            ParquetSchemaElement(type: .float, repetition: .required, name: "f"),
            ParquetSchemaElement(type: .byteArray, repetition: .optional, name: "raw"),
        ]
        try Self.footerOnlyFile(schema, at: temp.path)
        let file = try ParquetFile(path: temp.path)
        #expect(file.schema.fields.map(\.type) == [.int, .bigint, .decimal(precision: 20, scale: 0), .timestamp, .timestamp, .double, .string])
        #expect(file.schema.fields.map(\.nullable) == [true, true, true, true, true, false, true])
    }
}
