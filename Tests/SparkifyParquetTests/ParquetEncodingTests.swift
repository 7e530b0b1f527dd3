import Testing
import SparkifyTables
@testable import SparkifyParquet

@Suite struct ParquetEncodingTests {
    static func roundTrip(_ values: [UInt32], width: Int) throws -> [UInt32] {
        var bytes: [UInt8] = []
        values.withUnsafeBufferPointer { RLEHybrid.encode($0, width: width, into: &bytes) }
        var out = [UInt32](repeating: .max, count: values.count)
        try bytes.withUnsafeBytes { raw in
            try out.withUnsafeMutableBufferPointer { try RLEHybrid.decode(raw, width: width, count: values.count, into: $0) }
        }
        return out
    }

    @Test func rleHybridRoundTripsRunsAndMixedValues() throws {
        var random = ParquetCorruptionTests.SplitMix(state: 7)
        for width in [1, 2, 3, 7, 8, 13, 20, 32] {
            let limit = width == 32 ? UInt32.max : (1 << UInt32(width)) - 1
            var values: [UInt32] = []
            // Short runs, long runs, and runs that start mid bit-packed group.
            for k in 0..<400 {
                let v = UInt32.random(in: 0...limit, using: &random)
                values.append(contentsOf: repeatElement(v, count: k % 7 == 0 ? Int.random(in: 8...40, using: &random) : 1 + k % 3))
            }
            #expect(try Self.roundTrip(values, width: width) == values, "width \(width)")
        }
        #expect(try Self.roundTrip([], width: 1) == [])
        #expect(try Self.roundTrip([1, 1, 1, 1, 1, 1, 1, 1, 1, 0], width: 1) == [1, 1, 1, 1, 1, 1, 1, 1, 1, 0])
    }

    @Test func rleHybridRejectsShortInput() {
        var bytes: [UInt8] = []
        [UInt32](repeating: 3, count: 5).withUnsafeBufferPointer { RLEHybrid.encode($0, width: 2, into: &bytes) }
        var out = [UInt32](repeating: 0, count: 50)
        #expect(throws: ParquetDecodeFailure.self) {
            try bytes.withUnsafeBytes { raw in try out.withUnsafeMutableBufferPointer { try RLEHybrid.decode(raw, width: 2, count: 50, into: $0) } }
        }
    }

    @Test func thriftCompactRoundTripsMetadata() throws {
        let element = ParquetSchemaElement(type: .fixedLenByteArray, typeLength: 16, repetition: .optional, name: "amount ü",
                                           convertedType: ParquetConvertedType.decimal, scale: 10, precision: 38,
                                           logicalType: .decimal(scale: 10, precision: 38))
        let ts = ParquetSchemaElement(type: .int64, repetition: .required, name: "t", logicalType: .timestamp(adjustedToUTC: true, unit: .nanos))
        let root = ParquetSchemaElement(name: "schema", numChildren: 2)
        let meta = ParquetFileMetaData(version: 1, schema: [root, element, ts], numRows: 1 << 40, rowGroups: [], keyValueMetadata: [("k", "v"), ("n", nil)],
                                       createdBy: "me", typeDefinedColumnOrders: 2)
        let bytes = meta.encoded()
        let back = try bytes.withUnsafeBytes { raw in
            var reader = ThriftCompactReader(raw)
            return try ParquetFileMetaData.decode(&reader)
        }
        #expect(back.numRows == 1 << 40)
        #expect(back.createdBy == "me")
        #expect(back.schema.map(\.name) == ["schema", "amount ü", "t"])
        #expect(back.schema[1].logicalType == .decimal(scale: 10, precision: 38))
        #expect(back.schema[1].typeLength == 16 && back.schema[1].precision == 38)
        #expect(back.schema[2].logicalType == .timestamp(adjustedToUTC: true, unit: .nanos))
        #expect(back.keyValueMetadata.map(\.key) == ["k", "n"])
        #expect(back.keyValueMetadata[1].value == nil)
    }

    @Test func decimalTextParsesAndFormats() {
        func unscaled(_ s: String, _ scale: Int) -> Int128? {
            var text = s
            return text.withUTF8 { DecimalText.unscaled($0, scale: scale) }
        }
        #expect(unscaled("12.5", 2) == 1250)
        #expect(unscaled("-0.07", 2) == -7)
        #expect(unscaled("1E-7", 7) == 1)
        #expect(unscaled("1.5E+2", 0) == 150)
        #expect(unscaled("3", 4) == 30000)
        #expect(unscaled("1.005", 2) == nil)
        #expect(unscaled("abc", 2) == nil)
        #expect(unscaled("", 0) == nil)
        #expect(unscaled("99999999999999999999999999999999999999", 0) == Int128("99999999999999999999999999999999999999"))
        func text(_ v: Int128, _ scale: Int) -> String {
            var out: [UInt8] = []
            DecimalText.append(v, scale: scale, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(text(1250, 2) == "12.50")
        #expect(text(-7, 2) == "-0.07")
        #expect(text(0, 3) == "0.000")
        #expect(text(42, 0) == "42")
        #expect(DecimalText.minimumBytes(precision: 9) == 4)
        #expect(DecimalText.minimumBytes(precision: 18) == 8)
        #expect(DecimalText.minimumBytes(precision: 19) == 9)
        #expect(DecimalText.minimumBytes(precision: 38) == 16)
    }

    @Test func cancelledWriteLeavesNoFile() throws {
        let temp = TemporaryPath()
        let token = CancellationToken()
        token.cancel()
        #expect(throws: CancellationError.self) {
            try ParquetFileWriter.write(ParquetTestTables.everyType(rows: 100), to: temp.path, cancellation: token)
        }
        #expect(throws: ParquetError.self) { try ParquetFile(path: temp.path) }
    }

    @Test func unwritablePathIsAParquetError() {
        let error = #expect(throws: ParquetError.self) {
            try ParquetFileWriter.write(ParquetTestTables.everyType(rows: 3), to: "/nonexistent-dir/x.parquet")
        }
        #expect(error?.description.contains("/nonexistent-dir/x.parquet") == true)
    }

    @Test func compressionNamesAndSuffixes() {
        #expect(ParquetCompression.allCases.map(\.fileNameSuffix) == ["", ".snappy", ".gz", ".zstd"])
        #expect(ParquetCompression(sparkName: "UNCOMPRESSED") == ParquetCompression.none)
        #expect(ParquetCompression(sparkName: "lz4") == nil)
    }
}
