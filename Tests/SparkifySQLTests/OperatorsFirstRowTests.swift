import Testing
import SparkifyTables
@testable import SparkifySQL

/// `WindowOperator.firstRowPerPartition` (behind `WHERE rn = 1` over `row_number()`) picks
/// exactly the rows `evaluate` numbers 1, ties and NULLs included.
@Suite struct OperatorsFirstRowTests {
    /// The rows `row_number()` over the sorting window gives 1, in row order.
    static func reference(partitionBy: [Column], orderBy: [SortOperator.Key], rowCount: Int) throws -> [Int] {
        let numbers = try WindowOperator.evaluate([.init(.rowNumber)], partitionBy: partitionBy, orderBy: orderBy, rowCount: rowCount)[0]
        return (0..<rowCount).filter { numbers.value(at: $0) == .int(1) }
    }

    @Test func tiesGoToTheEarlierRowAndNullsFollowTheirPlace() throws {
        // p: a b a a b b a; o: 1 5 2 2 NULL 5 3. DESC NULLS LAST: a's best is row 6 (o=3);
        // b's tie at 5 goes to row 1. ASC NULLS FIRST: a -> row 0, b -> row 4 (the NULL).
        let p = strings(["a", "b", "a", "a", "b", "b", "a"])
        let o = ints([1, 5, 2, 2, nil, 5, 3])
        #expect(try WindowOperator.firstRowPerPartition(partitionBy: [p], orderBy: [.init(o, ascending: false)], rowCount: 7) == [1, 6])
        #expect(try WindowOperator.firstRowPerPartition(partitionBy: [p], orderBy: [.init(o)], rowCount: 7) == [0, 4])
        #expect(try WindowOperator.firstRowPerPartition(partitionBy: [p], orderBy: [.init(o, ascending: true, nullsFirst: false)], rowCount: 7) == [0, 1])
        // No ORDER BY: the first row of each partition; no PARTITION BY: one row.
        #expect(try WindowOperator.firstRowPerPartition(partitionBy: [p], orderBy: [], rowCount: 7) == [0, 1])
        #expect(try WindowOperator.firstRowPerPartition(partitionBy: [], orderBy: [.init(o, ascending: false)], rowCount: 7) == [1])
        #expect(try WindowOperator.firstRowPerPartition(partitionBy: [p], orderBy: [.init(o)], rowCount: 0) == [])
    }

    @Test func nullPartitionKeysFormOnePartition() throws {
        let p = strings([nil, "x", nil, nil])
        let o = ints([3, 1, 1, 2])
        #expect(try WindowOperator.firstRowPerPartition(partitionBy: [p], orderBy: [.init(o)], rowCount: 4) == [1, 2])
    }

    @Test func doublesOrderNaNLastAndNegativeZeroEqualToZero() throws {
        // -0.0 and 0.0 tie (the earlier row wins); NaN sorts above every number.
        let p = strings(["a", "a", "a", "b", "b"])
        let o = doubles([.nan, 0.0, -0.0, .nan, .infinity])
        #expect(try WindowOperator.firstRowPerPartition(partitionBy: [p], orderBy: [.init(o)], rowCount: 5) == [1, 4])
        #expect(try WindowOperator.firstRowPerPartition(partitionBy: [p], orderBy: [.init(o, ascending: false)], rowCount: 5) == [0, 3])
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func matchesRowNumberOnRandomKeys(seed: UInt64) throws {
        let rows = 3_000
        let keys = randomKeyColumns(rows: rows, cardinality: 40, seed: seed)
        let more = randomKeyColumns(rows: rows, cardinality: 7, seed: seed &+ 100)
        let shapes: [([Column], [SortOperator.Key])] = [
            ([keys[1]], [.init(keys[0], ascending: false)]),
            ([keys[1], more[0]], [.init(keys[2]), .init(more[1], ascending: false, nullsFirst: true)]),
            ([keys[0]], [.init(more[2], ascending: false), .init(more[0])]),
            ([keys[2]], [.init(more[1])]),
            ([], [.init(more[0]), .init(more[2])]),
        ]
        for (partition, order) in shapes {
            let expected = try Self.reference(partitionBy: partition, orderBy: order, rowCount: rows)
            #expect(try WindowOperator.firstRowPerPartition(partitionBy: partition, orderBy: order, rowCount: rows) == expected)
        }
    }

    @Test func rowNumberAloneMatchesRowNumberBesideRank() throws {
        // row_number alone skips the peer bounds; next to rank it is computed with them.
        let keys = randomKeyColumns(rows: 2_000, cardinality: 30, seed: 9)
        let order: [SortOperator.Key] = [.init(keys[0]), .init(keys[2], ascending: false)]
        let alone = try WindowOperator.evaluate([.init(.rowNumber)], partitionBy: [keys[1]], orderBy: order, rowCount: 2_000)
        let beside = try WindowOperator.evaluate([.init(.rank), .init(.rowNumber), .init(.ntile(4))], partitionBy: [keys[1]], orderBy: order, rowCount: 2_000)
        let ntile = try WindowOperator.evaluate([.init(.ntile(4))], partitionBy: [keys[1]], orderBy: order, rowCount: 2_000)
        #expect(alone[0].rows == beside[1].rows)
        #expect(ntile[0].rows == beside[2].rows)
    }
}

extension Column {
    /// Every value, boxed (tests only).
    fileprivate var rows: [Value] { (0..<count).map { value(at: $0) } }
}
