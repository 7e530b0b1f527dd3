#if canImport(Glibc)
import Glibc
#endif
import Testing
import SparkifyJSON
import SparkifyTables

@Suite struct ParallelTests {
    /// One big file of mixed records (with late widenings, "" before strings, malformed
    /// lines, CRLF) and many small files.
    func mixedLake() -> TempDirectory {
        let dir = TempDirectory()
        var big = ""
        for i in 0..<4000 {
            var fields = ["\"i\":\(i)", "\"d\":\(Double(i) / 8)", "\"u\":\(i < 100 ? "\"\"" : "\"\(i)\"")"]
            if i == 3900 { fields.append("\"d2\":\"late string\"") } else { fields.append("\"d2\":\(i).50") }
            if i % 7 == 0 { fields.append("\"o\":{\"k\":\(i),\"l\":[\(i)]}") }
            if i % 11 == 0 { fields.append("\"maybe\":null") }
            if i == 2500 { fields.append("\"huge\":123456789012345678901234567") }
            if i == 10 { fields.append("\"huge\":5") }
            let line = "{" + fields.joined(separator: ",") + "}"
            big += i % 500 == 3 ? "{\"broken\":\n" : (i % 3 == 0 ? line + "\r\n" : line + "\n")
        }
        dir.write("lake/big.json", big)
        for f in 0..<300 {
            dir.write("lake/small/\(String(f, radix: 16)).json", "{\"i\":\(100_000 + f),\"d\":\(f),\"u\":\"s\(f)\",\"d2\":1.0}")
        }
        return dir
    }

    @Test func multiThreadedReadGivesTheSameTableAsSingleThreaded() throws {
        let dir = mixedLake()
        let pattern = dir.path + "/lake/{big.json,small/*.json}"
        let single = try readJSON(pattern, threads: 1, chunkBytes: 1 << 30)
        let parallel = try readJSON(pattern, threads: 2, chunkBytes: 997)
        let manyThreads = try readJSON(pattern, threads: 7, chunkBytes: 4096)
        #expect(single.table.schemaText == "_corrupt_record string, d double, d2 string, huge decimal(27,0), i bigint, maybe string, o struct<k:bigint,l:array<bigint>>, u string")
        for other in [parallel, manyThreads] {
            #expect(other.table.schema == single.table.schema)
            #expect(other.table.rowCount == single.table.rowCount)
            #expect(other.table.rows == single.table.rows)
            #expect(other.malformedCount == single.malformedCount)
            #expect(other.malformedSamples.map(\.line) == single.malformedSamples.map(\.line))
            #expect(other.fileRowStarts == single.fileRowStarts)
            #expect(other.bytesRead == single.bytesRead)
        }
        #expect(single.malformedCount == 8)
        #expect(single.malformedSamples.map(\.line) == [4, 504, 1004, 1504, 2004])
        #expect(single.table.values("d2")[1] == .string("1.50"))
        #expect(single.table.values("u")[0] == .string(""))
        #expect(single.table.rowCount == 4300)
    }

    @Test func splitFilesWithCROnlyLinesAndLinesLongerThanAPart() throws {
        let dir = TempDirectory()
        var crOnly = ""
        for i in 0..<500 { crOnly += "{\"i\":\(i)}\r" }
        let cr = dir.write("cr.json", crOnly)
        let long = "{\"s\":\"" + String(repeating: "x", count: 20_000) + "\"}"
        let mixed = dir.write("long.json", "{\"s\":\"a\"}\n" + long + "\n" + long + "\n{\"s\":\"b\"}")
        for path in [cr, mixed] {
            let single = try readJSON(path, threads: 1, chunkBytes: 1 << 30)
            let split = try readJSON(path, threads: 2, chunkBytes: 1000)
            #expect(split.table.rows == single.table.rows)
            #expect(split.malformedCount == 0)
        }
        #expect(try readJSON(cr, threads: 2, chunkBytes: 1000).table.rowCount == 500)
        let longRows = try readJSON(mixed, threads: 2, chunkBytes: 1000)
        #expect(longRows.table.values("s").map { if case let .string(t) = $0 { return t.count } else { return -1 } } == [1, 20_000, 20_000, 1])
    }

    @Test func progressReportsEveryUnitAndCancellationStops() throws {
        let dir = mixedLake()
        var options = JSONReadOptions()
        options.chunkBytes = 4096
        final class Seen: @unchecked Sendable {
            var calls: [(Int, Int)] = []
            let lock = NSLockLike()
        }
        let seen = Seen()
        _ = try JSONReader.read(dir.path + "/lake/big.json", options: options) { done, total in
            seen.lock.withLock { seen.calls.append((done, total)) }
        }
        let total = try #require(seen.calls.first?.1)
        #expect(total > 10)
        #expect(seen.calls.map(\.0).sorted() == Array(1...total))
        let token = CancellationToken()
        token.cancel()
        #expect(throws: CancellationError.self) { try JSONReader.read(dir.path + "/lake/big.json", options: options, cancellation: token) }
    }
}

/// A tiny lock for test bookkeeping.
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
