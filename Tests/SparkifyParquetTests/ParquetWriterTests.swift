#if canImport(Glibc)
import Glibc
#endif
import Testing
import SparkifyTables
@testable import SparkifyParquet

@Suite struct ParquetWriterTests {
    @Test func writesAFileWithMagicAndFooter() throws {
        let path = "/tmp/sparkify-parquet-test-\(UInt32.random(in: 0...UInt32.max)).parquet"
        defer { unlink(path) }
        let table = ParquetTestTables.everyType(rows: 1000)
        let summary = try ParquetFileWriter.write(table, to: path)
        #expect(summary.rows == 1000)
        #expect(summary.rowGroups == 1)
        let handle = try ParquetFileHandle.openForReading(path)
        let size = try handle.size()
        #expect(size == summary.bytes)
        #expect(try handle.read(at: 0, count: 4) == Array("PAR1".utf8))
        #expect(try handle.read(at: size - 4, count: 4) == Array("PAR1".utf8))
    }
}
