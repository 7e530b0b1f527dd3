import Testing
import SparkifyTables
@testable import SparkifySQL

@Suite struct OperatorsGroupingTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var keys: [Column]
        var expectedIds: [Int32]
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "bigint with NULLs", keys: [ints([3, nil, 3, 7, nil, 7])], expectedIds: [0, 1, 0, 2, 1, 2]),
        Case(name: "int", keys: [int32s([5, 5, -1, 5])], expectedIds: [0, 0, 1, 0]),
        Case(name: "NULL is not the empty string", keys: [strings(["a", nil, "", "a", "", nil])], expectedIds: [0, 1, 2, 0, 2, 1]),
        Case(name: "strings by bytes, case-sensitive", keys: [strings(["é", "e", "E", "é", "e"])], expectedIds: [0, 1, 2, 0, 1]),
        Case(name: "long strings sharing a prefix", keys: [strings(["abcdefghijklmnopq1", "abcdefghijklmnopq2", "abcdefghijklmnopq1"])],
             expectedIds: [0, 1, 0]),
        Case(name: "-0.0 groups with 0.0, NaN with NaN", keys: [doubles([0.0, -0.0, .nan, -.nan, nil, 1])], expectedIds: [0, 0, 1, 1, 2, 3]),
        Case(name: "booleans", keys: [bools([true, false, nil, true])], expectedIds: [0, 1, 2, 0]),
        Case(name: "two keys", keys: [ints([1, 1, 2, 1, nil]), strings(["x", "y", "x", "x", nil])], expectedIds: [0, 1, 2, 0, 3]),
        Case(name: "three keys with NULLs in different places",
             keys: [int32s([1, 1, 1, nil, 1]), strings([nil, "a", nil, nil, "a"]), doubles([2, 2, 2, 2, -0.0])],
             expectedIds: [0, 1, 0, 2, 3]),
        Case(name: "empty", keys: [ints([]), strings([])], expectedIds: []),
        Case(name: "wide int range (hash path)", keys: [ints([Int64.min, Int64.max, 0, Int64.min])], expectedIds: [0, 1, 2, 0]),
    ]

    @Test(arguments: cases)
    func groupIdsAreDenseInFirstAppearanceOrder(_ c: Case) throws {
        let grouping = try KeyGrouping.make(keys: c.keys, context: .serial)
        #expect(grouping.groupIds == c.expectedIds)
        #expect(grouping.groupIds == referenceGroupIds(c.keys, rowCount: c.keys[0].count))
        let expectedFirst = (0..<grouping.groupCount).map { g in c.expectedIds.firstIndex(of: Int32(g))! }
        #expect(grouping.firstRows == expectedFirst)
    }

    @Test func noKeysIsOneGroupAndGlobalKeepsAGroupForNoRows() throws {
        #expect(try KeyGrouping.make(keys: [], context: .serial).groupCount == 0)
        let global = KeyGrouping.global(rowCount: 0)
        #expect(global.groupCount == 1)
        #expect(global.firstRows == [-1])
    }

    @Test(arguments: [(rows: 1_000, cardinality: 5), (rows: 5_000, cardinality: 300), (rows: 3_000, cardinality: 3_000)])
    func randomKeysMatchTheReference(_ shape: (rows: Int, cardinality: Int)) throws {
        let keys = randomKeyColumns(rows: shape.rows, cardinality: shape.cardinality, seed: UInt64(shape.rows))
        for subset in [[0], [1], [2], [0, 1], [1, 2, 0]] {
            let chosen = subset.map { keys[$0] }
            let grouping = try KeyGrouping.make(keys: chosen, context: .serial)
            #expect(grouping.groupIds == referenceGroupIds(chosen, rowCount: shape.rows), "keys \(subset)")
        }
    }

    @Test func parallelAndSerialGroupingsAreIdentical() throws {
        let keys = randomKeyColumns(rows: 300_000, cardinality: 2_000, seed: 7)
        let serial = try KeyGrouping.make(keys: keys, context: .serial)
        let parallel = try KeyGrouping.make(keys: keys, context: OperatorContext(threads: 4))
        #expect(serial.groupIds == parallel.groupIds)
        #expect(serial.firstRows == parallel.firstRows)
    }

    @Test(arguments: [40, 150_000])
    func parallelSingleStringKeyMatchesSerial(_ cardinality: Int) throws {
        let keys = randomKeyColumns(rows: 320_000, cardinality: cardinality, seed: UInt64(cardinality))
        let serial = try KeyGrouping.make(keys: [keys[1]], context: .serial)
        let parallel = try KeyGrouping.make(keys: [keys[1]], context: OperatorContext(threads: 3))
        #expect(serial.groupIds == parallel.groupIds)
        #expect(serial.firstRows == parallel.firstRows)
        #expect(serial.groupIds == referenceGroupIds([keys[1]], rowCount: 320_000))
    }

    @Test func parallelStringKeyPlacesALateNullInFirstAppearanceOrder() throws {
        // NULL first appears in the last slice, between values new to that slice.
        let values: [String?] = (0..<300_000).map { "k\($0 % 50)" } + ["late-1", nil, "late-2"] + (0..<20_000).map { "k\($0 % 7)" }
        let column = strings(values)
        let serial = try KeyGrouping.make(keys: [column], context: .serial)
        let parallel = try KeyGrouping.make(keys: [column], context: OperatorContext(threads: 2))
        #expect(parallel.groupIds == serial.groupIds)
        #expect(Array(parallel.groupIds[300_000..<300_003]) == [50, 51, 52])
    }

    @Test func cancelledGroupingThrows() {
        let token = CancellationToken()
        token.cancel()
        #expect(throws: CancellationError.self) {
            try KeyGrouping.make(keys: [ints([1, 2])], context: OperatorContext(cancellation: token))
        }
    }
}
