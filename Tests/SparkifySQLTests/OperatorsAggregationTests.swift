import Testing
import SparkifyTables
@testable import SparkifySQL

@Suite struct OperatorsAggregationTests {
    // Groups: a = rows 0, 2, 4; b = rows 1, 3; c = row 5 (all arguments NULL there).
    static let groupKeys = strings(["a", "b", "a", "b", "a", "c"])

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var call: HashAggregation.Call
        var type: DataType
        var expected: [Value]
        var description: String { name }
    }

    static let bigints = ints([5, nil, 7, 7, 5, nil])
    static let names = strings(["x", "y", "é", "Y", nil, nil])
    static let reals = doubles([1.5, .nan, -0.5, 2, nil, nil])
    static let money = decimals(["1.10", "2.00", "3.05", nil, "-0.01", nil], precision: 10, scale: 2)

    static let cases: [Case] = [
        Case(name: "count(*)", call: .init(.countStar), type: .bigint, expected: [.bigint(3), .bigint(2), .bigint(1)]),
        Case(name: "count(x) skips NULL", call: .init(.count, [bigints]), type: .bigint, expected: [.bigint(3), .bigint(1), .bigint(0)]),
        Case(name: "count(DISTINCT x)", call: .init(.count, [bigints], distinct: true), type: .bigint,
             expected: [.bigint(2), .bigint(1), .bigint(0)]),
        Case(name: "count(DISTINCT x, y) skips rows with any NULL", call: .init(.count, [bigints, names], distinct: true),
             type: .bigint, expected: [.bigint(2), .bigint(1), .bigint(0)]),
        Case(name: "sum(bigint)", call: .init(.sum, [bigints]), type: .bigint, expected: [.bigint(17), .bigint(7), .null]),
        Case(name: "sum(DISTINCT bigint)", call: .init(.sum, [bigints], distinct: true), type: .bigint,
             expected: [.bigint(12), .bigint(7), .null]),
        Case(name: "sum(int) is bigint", call: .init(.sum, [int32s([1, 2, 3, 4, 5, nil])]), type: .bigint,
             expected: [.bigint(9), .bigint(6), .null]),
        Case(name: "sum(double) with NaN", call: .init(.sum, [reals]), type: .double, expected: [.double(1), .double(.nan), .null]),
        Case(name: "sum(decimal(10,2)) is decimal(20,2)", call: .init(.sum, [money]), type: .decimal(precision: 20, scale: 2),
             expected: [.decimal("4.14"), .decimal("2.00"), .null]),
        Case(name: "avg(bigint) is double", call: .init(.avg, [bigints]), type: .double,
             expected: [.double(17.0 / 3), .double(7), .null]),
        Case(name: "avg(decimal(10,2)) is decimal(14,6)", call: .init(.avg, [money]), type: .decimal(precision: 14, scale: 6),
             expected: [.decimal("1.380000"), .decimal("2.000000"), .null]),
        Case(name: "min(string) by bytes", call: .init(.min, [names]), type: .string, expected: [.string("x"), .string("Y"), .null]),
        Case(name: "max(string) by bytes", call: .init(.max, [names]), type: .string, expected: [.string("é"), .string("y"), .null]),
        Case(name: "max(double): NaN is greatest", call: .init(.max, [reals]), type: .double,
             expected: [.double(1.5), .double(.nan), .null]),
        Case(name: "min(double)", call: .init(.min, [reals]), type: .double, expected: [.double(-0.5), .double(2), .null]),
        Case(name: "max(decimal) by value", call: .init(.max, [decimals(["9.50", "10.00", "10.25", nil, "-1.00", nil], precision: 4, scale: 2)]),
             type: .decimal(precision: 4, scale: 2), expected: [.decimal("10.25"), .decimal("10.00"), .null]),
        Case(name: "first", call: .init(.first(ignoreNulls: false), [names]), type: .string, expected: [.string("x"), .string("y"), .null]),
        Case(name: "last keeps NULL", call: .init(.last(ignoreNulls: false), [names]), type: .string, expected: [.null, .string("Y"), .null]),
        Case(name: "last ignoring NULLs", call: .init(.last(ignoreNulls: true), [names]), type: .string,
             expected: [.string("é"), .string("Y"), .null]),
        Case(name: "max_by: ties take the later row", call: .init(.maxBy, [names, bigints]), type: .string,
             expected: [.string("é"), .string("Y"), .null]),
        Case(name: "min_by: a tie takes the later row even with a NULL value", call: .init(.minBy, [names, bigints]),
             type: .string, expected: [.null, .string("Y"), .null]),
        Case(name: "min_by skips NULL orderings", call: .init(.minBy, [names, ints([9, 3, 1, nil, 4, nil])]),
             type: .string, expected: [.string("é"), .string("y"), .null]),
        Case(name: "collect_list", call: .init(.collectList, [names]), type: .array(.string),
             expected: [.json(#"["x","é"]"#), .json(#"["y","Y"]"#), .json("[]")]),
        Case(name: "collect_set", call: .init(.collectSet, [bigints]), type: .array(.bigint),
             expected: [.json("[5,7]"), .json("[7]"), .json("[]")]),
        Case(name: "approx_count_distinct", call: .init(.approxCountDistinct, [bigints]), type: .bigint,
             expected: [.bigint(2), .bigint(1), .bigint(0)]),
        Case(name: "var_samp", call: .init(.varianceSamp, [bigints]), type: .double, expected: [.double(4.0 / 3), .null, .null]),
        Case(name: "stddev_pop", call: .init(.stddevPop, [ints([1, 3, 3, 5, nil, nil])]), type: .double,
             expected: [.double(1), .double(1), .null]),
    ]

    @Test(arguments: cases)
    func aggregatesPerGroup(_ c: Case) throws {
        let grouping = try KeyGrouping.make(keys: [Self.groupKeys], context: .serial)
        let result = try HashAggregation.aggregate([c.call], grouping: grouping, context: .serial)[0]
        #expect(result.type == c.type)
        #expect(try HashAggregation.resultType(c.call.function, argumentTypes: c.call.arguments.map(\.type)) == c.type)
        #expect(result.count == 3)
        for g in 0..<3 {
            let got = result.value(at: g), want = c.expected[g]
            if case let .double(w) = want, w.isNaN, case let .double(x) = got {
                #expect(x.isNaN, "group \(g)")
            } else if case let .double(w) = want, case let .double(x) = got {
                #expect(abs(w - x) <= 1e-12 * max(1, abs(w)), "group \(g)")
            } else {
                #expect(got == want, "group \(g)")
            }
        }
    }

    @Test func globalAggregateOverNoRowsGivesOneRow() throws {
        let empty = ints([])
        let columns = try HashAggregation.aggregate(
            [.init(.countStar), .init(.count, [empty]), .init(.sum, [empty]), .init(.max, [empty]), .init(.collectList, [empty])],
            grouping: .global(rowCount: 0), context: .serial)
        #expect(columns.map { $0.value(at: 0) } == [.bigint(0), .bigint(0), .null, .null, .json("[]")])
    }

    @Test(arguments: [[Int64.max, 1], [Int64.min, -1], [Int64.max, Int64.max, Int64.min]])
    func sumOverflowIsAnError(_ values: [Int64]) throws {
        let error = #expect(throws: SQLError.self) {
            try HashAggregation.aggregate([.init(.sum, [ints(values)])], grouping: .global(rowCount: values.count), context: .serial)
        }
        #expect(error?.errorClass == "ARITHMETIC_OVERFLOW")
    }

    @Test func decimalSumOverflowIsAnError() throws {
        let big = decimals(["99999999999999999999999999999999999999", "1"], precision: 38, scale: 0)
        let error = #expect(throws: SQLError.self) {
            try HashAggregation.aggregate([.init(.sum, [big])], grouping: .global(rowCount: 2), context: .serial)
        }
        #expect(error?.errorClass == "ARITHMETIC_OVERFLOW")
    }

    @Test func sumOfStringsIsAnAnalysisError() {
        #expect(throws: SQLError.self) { try HashAggregation.resultType(.sum, argumentTypes: [.string]) }
    }

    @Test func collectListRendersJSON() throws {
        let values = column(.string, [.string("say \"hi\"\n"), .string("back\\slash")])
        let texts = try HashAggregation.aggregate([.init(.collectList, [values]), .init(.collectList, [doubles([1, 1e21])])],
                                                  grouping: .global(rowCount: 2), context: .serial)
        #expect(texts[0].value(at: 0) == .json(#"["say \"hi\"\n","back\\slash"]"#))
        #expect(texts[1].value(at: 0) == .json("[1.0,1.0E21]"))
    }

    @Test func parallelAndSerialAggregationsAreIdentical() throws {
        let keys = randomKeyColumns(rows: 200_000, cardinality: 500, seed: 5)
        let grouping = try KeyGrouping.make(keys: [keys[1]], context: .serial)
        let calls: [HashAggregation.Call] = [.init(.countStar), .init(.sum, [keys[0]]), .init(.avg, [keys[2]]),
                                             .init(.count, [keys[2]], distinct: true), .init(.max, [keys[0]])]
        let serial = try HashAggregation.aggregate(calls, grouping: grouping, context: .serial)
        let parallel = try HashAggregation.aggregate(calls, grouping: grouping, context: OperatorContext(threads: 2))
        for (a, b) in zip(serial, parallel) {
            #expect(a.allValues.map(groupingKey) == b.allValues.map(groupingKey))
        }
    }
}
