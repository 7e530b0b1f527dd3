import Testing
import SparkifyTables
@testable import SparkifySQL

@Suite struct OperatorsSetTests {
    // Left rows: (1,x) (NULL,y) (1,x) (2,NULL) (NULL,y) (3,z); right rows: (NULL,y) (2,NULL) (1,x) (4,w) (2,NULL)
    static let left = [ints([1, nil, 1, 2, nil, 3]), strings(["x", "y", "x", nil, "y", "z"])]
    static let right = [ints([nil, 2, 1, 4, 2]), strings(["y", nil, "x", "w", nil])]

    static let cases: [(SetOperation.Kind, [Int])] = [
        (.unionAll, Array(0..<11)),
        (.union, [0, 1, 3, 5, 9]),
        (.intersect, [0, 1, 3]),
        (.intersectAll, [0, 1, 3]),
        (.except, [5]),
        (.exceptAll, [2, 4, 5]),
    ]

    @Test(arguments: cases)
    func setOperationsTreatNullsAsEqual(_ c: (SetOperation.Kind, [Int])) throws {
        let rows = try SetOperation.rows(c.0, left: Self.left, right: Self.right, leftCount: 6, rightCount: 5, context: .serial)
        #expect(rows == c.1)
    }

    @Test func allVariantsCountCopies() throws {
        let l = [ints([7, 7, 7, 8])], r = [ints([7, 7, 8, 8])]
        #expect(try SetOperation.rows(.intersectAll, left: l, right: r, leftCount: 4, rightCount: 4) == [0, 1, 3])
        #expect(try SetOperation.rows(.exceptAll, left: l, right: r, leftCount: 4, rightCount: 4) == [2])
    }

    @Test func concatenateThenGatherBuildsTheResult() throws {
        let combined = try SetOperation.concatenate(Self.left, Self.right)
        let union = try SetOperation.rows(.union, left: Self.left, right: Self.right, leftCount: 6, rightCount: 5)
        let values = combined.map { $0.gather(union).allValues }
        #expect(values[0] == [.bigint(1), .null, .bigint(2), .bigint(3), .bigint(4)])
        #expect(values[1] == [.string("x"), .string("y"), .null, .string("z"), .string("w")])
        #expect(throws: SQLError.self) { try SetOperation.concatenate([ints([1])], [strings(["1"])]) }
    }

    @Test func distinctRowsKeepFirstAppearances() throws {
        #expect(try SetOperation.distinctRows(Self.left, rowCount: 6) == [0, 1, 3, 5])
        #expect(try SetOperation.distinctRows([doubles([0.0, -0.0, .nan, .nan])], rowCount: 4) == [0, 2])
        #expect(try SetOperation.distinctRows([ints([])], rowCount: 0) == [])
    }

    @Test(arguments: [
        ([true, nil, false, true] as [Bool?], [0, 3]),
        ([nil, nil], []),
        ([], []),
    ])
    func filterDropsNullAndFalse(_ c: ([Bool?], [Int])) throws {
        #expect(try RowSelection.filter(bools(c.0)) == c.1)
    }

    @Test func maskTreatsNullAsFalse() throws {
        #expect(try RowSelection.mask(bools([true, nil, false])) == [true, false, false])
        #expect(try RowSelection.mask(bools([true, true])) == [true, true])
        #expect(throws: SQLError.self) { try RowSelection.mask(strings(["true"])) }
    }

    @Test func filterNeedsABoolean() {
        #expect(throws: SQLError.self) { try RowSelection.filter(ints([1])) }
    }

    @Test(arguments: [
        (rows: 10, limit: 3 as Int?, offset: 0, expected: 0..<3),
        (rows: 10, limit: 3, offset: 8, expected: 8..<10),
        (rows: 10, limit: nil, offset: 4, expected: 4..<10),
        (rows: 10, limit: 0, offset: 0, expected: 0..<0),
        (rows: 2, limit: 5, offset: 7, expected: 2..<2),
    ])
    func limitAndOffset(_ c: (rows: Int, limit: Int?, offset: Int, expected: Range<Int>)) {
        #expect(RowSelection.limit(rowCount: c.rows, limit: c.limit, offset: c.offset) == c.expected)
        #expect(RowSelection.limit(Array(100..<(100 + c.rows)), limit: c.limit, offset: c.offset) == c.expected.map { $0 + 100 })
    }
}
