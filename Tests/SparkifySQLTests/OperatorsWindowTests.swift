import Testing
import SparkifyTables
@testable import SparkifySQL

@Suite struct OperatorsWindowTests {
    // Partition p: rows 0..<7 interleaved between "a" and "b"; order key o with ties.
    //   a: rows 0 (o=1), 2 (o=2), 3 (o=2), 6 (o=3)      b: rows 1 (o=5), 4 (o=NULL), 5 (o=5)
    static let p = strings(["a", "b", "a", "a", "b", "b", "a"])
    static let o = ints([1, 5, 2, 2, nil, 5, 3])
    static let v = ints([10, 1, 20, nil, 2, 3, 40])

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var call: WindowOperator.Call
        var orderBy: [SortOperator.Key] = [.init(o)]
        var expected: [Value]
        var description: String { name }
    }

    static func bigints(_ values: [Int64?]) -> [Value] { values.map { $0.map(Value.bigint) ?? .null } }
    static func intValues(_ values: [Int32]) -> [Value] { values.map(Value.int) }

    static let cases: [Case] = [
        Case(name: "row_number", call: .init(.rowNumber), expected: intValues([1, 2, 2, 3, 1, 3, 4])),
        Case(name: "rank with ties", call: .init(.rank), expected: intValues([1, 2, 2, 2, 1, 2, 4])),
        Case(name: "dense_rank with ties", call: .init(.denseRank), expected: intValues([1, 2, 2, 2, 1, 2, 3])),
        Case(name: "percent_rank", call: .init(.percentRank),
             expected: [0, 0.5, 1.0 / 3, 1.0 / 3, 0, 0.5, 1].map(Value.double)),
        Case(name: "cume_dist", call: .init(.cumeDist), expected: [0.25, 1, 0.75, 0.75, 1.0 / 3, 1, 1].map(Value.double)),
        Case(name: "ntile(3)", call: .init(.ntile(3)), expected: intValues([1, 2, 1, 2, 1, 3, 3])),
        Case(name: "lag(v, 1)", call: .init(.lag(offset: 1), [v]), expected: bigints([nil, 2, 10, 20, nil, 1, nil])),
        Case(name: "lead(v, 2, default)", call: .init(.lead(offset: 2), [v, ints([-1, -2, -3, -4, -5, -6, -7])]),
             expected: bigints([nil, -2, 40, -4, 3, -6, -7])),
        Case(name: "running sum includes peers (RANGE default)", call: .init(.aggregate(.sum), [v]),
             expected: bigints([10, 6, 30, 30, 2, 6, 70])),
        Case(name: "ROWS running sum", call: .init(.aggregate(.sum), [v], frame: .init(.rows, .unboundedPreceding, .currentRow)),
             expected: bigints([10, 3, 30, 30, 2, 6, 70])),
        Case(name: "sliding ROWS 1 PRECEDING AND 1 FOLLOWING at partition edges",
             call: .init(.aggregate(.sum), [v], frame: .init(.rows, .preceding(1), .following(1))),
             expected: bigints([30, 6, 30, 60, 3, 4, 40])),
        Case(name: "count over sliding frame skips NULL",
             call: .init(.aggregate(.count), [v], frame: .init(.rows, .preceding(1), .following(1))),
             expected: bigints([2, 3, 2, 2, 2, 2, 1])),
        Case(name: "count(*) whole partition", call: .init(.aggregate(.countStar), frame: .wholePartition),
             expected: bigints([4, 3, 4, 4, 3, 3, 4])),
        Case(name: "avg to unbounded following", call: .init(.aggregate(.avg), [v], frame: .init(.rows, .currentRow, .unboundedFollowing)),
             expected: [70.0 / 3, 2, 30, 40, 2, 3, 40].map(Value.double)),
        Case(name: "max over RANGE CURRENT ROW (peers only)", call: .init(.aggregate(.max), [v], frame: .init(.range, .currentRow, .currentRow)),
             expected: bigints([10, 3, 20, 20, 2, 3, 40])),
        Case(name: "min without ORDER BY is the whole partition", call: .init(.aggregate(.min), [v]), orderBy: [],
             expected: bigints([10, 1, 10, 10, 1, 1, 10])),
        Case(name: "min(string) over a sliding frame skips NULL",
             call: .init(.aggregate(.min), [strings(["m", "b", "c", nil, "a", "z", "d"])], frame: .init(.rows, .currentRow, .following(1))),
             expected: ["c", "b", "c", "d", "a", "z", "d"].map(Value.string)),
        Case(name: "first_value", call: .init(.firstValue(ignoreNulls: false), [v]), expected: bigints([10, 2, 10, 10, 2, 2, 10])),
        Case(name: "last_value with the default frame sees peers", call: .init(.lastValue(ignoreNulls: false), [v]),
             expected: bigints([10, 3, nil, nil, 2, 3, 40])),
        Case(name: "last_value ignoring NULLs", call: .init(.lastValue(ignoreNulls: true), [v]),
             expected: bigints([10, 3, 20, 20, 2, 3, 40])),
        Case(name: "first_value ignoring NULLs over a sliding frame",
             call: .init(.firstValue(ignoreNulls: true), [v], frame: .init(.rows, .currentRow, .following(1))),
             expected: bigints([10, 1, 20, 40, 2, 3, 40])),
        Case(name: "RANGE 1 PRECEDING: keys within 1 below; a NULL key frames the NULL keys",
             call: .init(.aggregate(.sum), [v], frame: .init(.range, .preceding(1), .currentRow)),
             expected: bigints([10, 4, 30, 30, 2, 4, 60])),
        Case(name: "RANGE offsets follow a DESC order",
             call: .init(.aggregate(.sum), [v], frame: .init(.range, .preceding(1), .following(1))), orderBy: [.init(o, ascending: false)],
             expected: bigints([30, 4, 70, 70, 2, 4, 60])),
        Case(name: "lag IGNORE NULLS skips NULL values", call: .init(.lag(offset: 1, ignoreNulls: true), [v]),
             expected: bigints([nil, 2, 10, 20, nil, 1, 20])),
        Case(name: "lead IGNORE NULLS skips NULL values", call: .init(.lead(offset: 1, ignoreNulls: true), [v]),
             expected: bigints([20, 3, 40, 40, 1, nil, nil])),
        Case(name: "nth_value(v, 2) over the running frame with peers", call: .init(.nthValue(2, ignoreNulls: false), [v]),
             expected: bigints([nil, 1, 20, 20, nil, 1, 20])),
        Case(name: "max_by over the whole partition (grouped frames)", call: .init(.aggregate(.maxBy), [o, v], frame: .wholePartition),
             expected: bigints([3, 5, 3, 3, 5, 5, 3])),
        Case(name: "stddev_pop over a sliding frame (grouped frames)",
             call: .init(.aggregate(.stddevPop), [v], frame: .init(.rows, .preceding(1), .currentRow)),
             expected: [0, 0.5, 5, 0, 0, 1, 0].map(Value.double)),
        Case(name: "empty frame gives NULL", call: .init(.aggregate(.sum), [v], frame: .init(.rows, .following(5), .following(6))),
             expected: bigints([nil, nil, nil, nil, nil, nil, nil])),
    ]

    @Test(arguments: cases)
    func windowFunctionsInRowOrder(_ c: Case) throws {
        let result = try WindowOperator.evaluate([c.call], partitionBy: [Self.p], orderBy: c.orderBy, rowCount: 7, context: .serial)[0]
        for row in 0..<7 {
            let got = result.value(at: row), want = c.expected[row]
            if case let .double(w) = want, case let .double(x) = got {
                #expect(abs(w - x) < 1e-12, "row \(row)")
            } else {
                #expect(got == want, "row \(row)")
            }
        }
    }

    @Test func windowSumOverflowIsAnError() {
        #expect(throws: SQLError.self) {
            try WindowOperator.evaluate([.init(.aggregate(.sum), [ints([Int64.max, 1])])], partitionBy: [],
                                        orderBy: [.init(ints([1, 2]))], rowCount: 2, context: .serial)
        }
    }

    @Test(arguments: [0, -3])
    func ntileNeedsPositiveBuckets(_ buckets: Int) {
        let error = #expect(throws: SQLError.self) {
            try WindowOperator.evaluate([.init(.ntile(buckets))], partitionBy: [], orderBy: [.init(ints([1]))], rowCount: 1, context: .serial)
        }
        #expect(error?.errorClass == "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE")
    }

    @Test func lagDefaultMustMatchTheValueType() {
        #expect(throws: SQLError.self) {
            try WindowOperator.evaluate([.init(.lag(offset: 1), [ints([1]), strings(["x"])])], partitionBy: [],
                                        orderBy: [.init(ints([1]))], rowCount: 1, context: .serial)
        }
    }

    @Test func rangeBoundOverflowIsAnError() {
        let error = #expect(throws: SQLError.self) {
            try WindowOperator.evaluate([.init(.aggregate(.countStar), frame: .init(.range, .currentRow, .following(1)))], partitionBy: [],
                                        orderBy: [.init(ints([Int64.max]))], rowCount: 1, context: .serial)
        }
        #expect(error?.errorClass == "ARITHMETIC_OVERFLOW")
    }

    @Test func rangeOffsetsNeedOneOrderKey() {
        #expect(throws: SQLError.self) {
            try WindowOperator.evaluate([.init(.aggregate(.countStar), frame: .init(.range, .preceding(1), .currentRow))], partitionBy: [],
                                        orderBy: [.init(ints([1])), .init(ints([2]))], rowCount: 1, context: .serial)
        }
    }

    @Test func emptyInputGivesEmptyColumns() throws {
        let result = try WindowOperator.evaluate([.init(.rowNumber), .init(.aggregate(.sum), [ints([])])],
                                                 partitionBy: [strings([])], orderBy: [.init(ints([]))], rowCount: 0, context: .serial)
        #expect(result.map(\.count) == [0, 0])
    }

    @Test func parallelAndSerialWindowsAreIdentical() throws {
        let keys = randomKeyColumns(rows: 150_000, cardinality: 300, seed: 21)
        let calls: [WindowOperator.Call] = [.init(.rank), .init(.aggregate(.sum), [keys[0]])]
        let serial = try WindowOperator.evaluate(calls, partitionBy: [keys[1]], orderBy: [.init(keys[2])], rowCount: 150_000, context: .serial)
        let parallel = try WindowOperator.evaluate(calls, partitionBy: [keys[1]], orderBy: [.init(keys[2])], rowCount: 150_000,
                                                   context: OperatorContext(threads: 2))
        for (a, b) in zip(serial, parallel) { #expect(a.allValues == b.allValues) }
    }
}
