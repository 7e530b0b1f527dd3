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

    @Test(arguments: [ParquetCompression.none, .snappy, .zstd])
    func flippedBytesNeverCrash(codec: ParquetCompression) throws {
        let temp = TemporaryPath()
        defer { temp.remove() }
        let bytes = try Self.validFile(codec)
        var random = SplitMix(state: 42)
        var failures = 0
        for round in 0..<300 {
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
        #expect(failures > 100)
    }
}
