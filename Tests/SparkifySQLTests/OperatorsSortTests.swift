import Testing
import SparkifyTables
@testable import SparkifySQL

@Suite struct OperatorsSortTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var keys: [SortOperator.Key]
        var expected: [Int]
        var description: String { name }
    }

    static let s = strings(["b", nil, "a", "Z", "é", "a", nil])
    static let n = ints([2, 1, 2, nil, 1, 1, 3])

    static let cases: [Case] = [
        Case(name: "ASC: NULLS FIRST by default, bytes order, stable ties", keys: [.init(s)], expected: [1, 6, 3, 2, 5, 0, 4]),
        Case(name: "DESC: NULLS LAST by default", keys: [.init(s, ascending: false)], expected: [4, 0, 2, 5, 3, 1, 6]),
        Case(name: "ASC NULLS LAST", keys: [.init(s, nullsFirst: false)], expected: [3, 2, 5, 0, 4, 1, 6]),
        Case(name: "DESC NULLS FIRST", keys: [.init(s, ascending: false, nullsFirst: true)], expected: [1, 6, 4, 0, 2, 5, 3]),
        Case(name: "two keys", keys: [.init(n, ascending: false), .init(s)], expected: [6, 2, 0, 1, 5, 4, 3]),
        Case(name: "doubles: NaN greatest, -0.0 ties 0.0",
             keys: [.init(doubles([.nan, 1, -0.0, .infinity, nil, 0.0, -.infinity]))], expected: [4, 6, 2, 5, 1, 3, 0]),
        Case(name: "decimals by value", keys: [.init(decimals(["10.5", "9.75", "-1", "10.25"], precision: 5, scale: 2))],
             expected: [2, 1, 3, 0]),
        Case(name: "booleans DESC", keys: [.init(bools([false, true, nil, true]), ascending: false)], expected: [1, 3, 0, 2]),
        Case(name: "int extremes", keys: [.init(ints([Int64.max, Int64.min, 0, nil, -1]))], expected: [3, 1, 4, 2, 0]),
        Case(name: "empty", keys: [.init(ints([]))], expected: []),
    ]

    @Test(arguments: cases)
    func sortsStablyWithSparkOrder(_ c: Case) throws {
        let rows = c.keys[0].column.count
        #expect(try SortOperator.permutation(c.keys, rowCount: rows, context: .serial) == c.expected)
        for limit in [1, 2, 5] {
            #expect(try SortOperator.permutation(c.keys, rowCount: rows, limit: limit, context: .serial)
                == Array(c.expected.prefix(limit)))
        }
    }

    /// Boxed comparison following Spark's rules, for checking random data.
    static func referenceLess(_ keys: [SortOperator.Key], _ a: Int, _ b: Int) -> Bool {
        for key in keys {
            let x = key.column.value(at: a), y = key.column.value(at: b)
            if x.isNull || y.isNull {
                if x.isNull && y.isNull { continue }
                return x.isNull == key.nullsFirst
            }
            let c: Int
            switch (x, y) {
            case let (.bigint(p), .bigint(q)): c = p == q ? 0 : (p < q ? -1 : 1)
            case let (.double(p), .double(q)): c = RowComparison.compareDoubles(p, q)
            case let (.string(p), .string(q)): c = Array(p.utf8).lexicographicallyPrecedes(Array(q.utf8)) ? -1 : (p == q ? 0 : 1)
            default: c = 0
            }
            if c != 0 { return key.ascending ? c < 0 : c > 0 }
        }
        return a < b
    }

    @Test func randomMultiKeySortsMatchTheReferenceAndTopN() throws {
        let columns = randomKeyColumns(rows: 3_000, cardinality: 50, seed: 9)
        let keys: [SortOperator.Key] = [.init(columns[1], ascending: false), .init(columns[2]), .init(columns[0], nullsFirst: false)]
        let expected = (0..<3_000).sorted { Self.referenceLess(keys, $0, $1) }
        #expect(try SortOperator.permutation(keys, rowCount: 3_000, context: .serial) == expected)
        #expect(try SortOperator.permutation(keys, rowCount: 3_000, limit: 17, context: .serial) == Array(expected.prefix(17)))
    }

    @Test func cancelledSortAndJoinThrow() {
        let token = CancellationToken()
        token.cancel()
        let context = OperatorContext(cancellation: token, threads: 1)
        #expect(throws: CancellationError.self) {
            try SortOperator.permutation([.init(ints([3, 1, 2]))], rowCount: 3, context: context)
        }
        #expect(throws: CancellationError.self) {
            try HashJoin.join(.inner, left: [ints([1])], right: [ints([1])], leftCount: 1, rightCount: 1, context: context)
        }
        #expect(throws: CancellationError.self) {
            try WindowOperator.evaluate([.init(.rowNumber)], partitionBy: [], orderBy: [.init(ints([1]))], rowCount: 1, context: context)
        }
        #expect(throws: CancellationError.self) {
            try HashAggregation.aggregate([.init(.countStar)], grouping: .global(rowCount: 1), context: context)
        }
    }

    @Test func parallelAndSerialSortsAreIdentical() throws {
        let columns = randomKeyColumns(rows: 250_000, cardinality: 100_000, seed: 10)
        let keys = columns.map { SortOperator.Key($0) }
        let serial = try SortOperator.permutation(keys, rowCount: 250_000, context: .serial)
        let parallel = try SortOperator.permutation(keys, rowCount: 250_000, context: OperatorContext(threads: 2))
        #expect(serial == parallel)
        #expect(Set(serial).count == 250_000)
    }
}
