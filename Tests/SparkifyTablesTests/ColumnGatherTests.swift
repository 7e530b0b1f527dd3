import Testing
import SparkifyTables

/// `Column.gather` as joins and filters use it: any order, repeats, -1 for a missing row.
@Suite struct ColumnGatherTests {
    @Test func stringGatherKeepsBytesAndMarksMissingAndNullRowsAsNullWithEmptySlots() {
        var b = ColumnBuilder(type: .string)
        for i in 0..<130 { if i % 7 == 3 { b.appendNull() } else { b.append("v\(i)é") } }
        let column = b.build()
        let indices = [129, -1, 3, 0, 0, 64, -1, 10] + Array(0..<100)
        let gathered = column.gather(indices)
        #expect(gathered.count == indices.count)
        for (k, i) in indices.enumerated() {
            #expect(gathered.value(at: k) == (i < 0 ? .null : column.value(at: i)))
        }
        guard case let .string(arena) = gathered.values else {
            Issue.record("a string column gathered into \(gathered.values)")
            return
        }
        // NULL slots hold "" (the storage invariant readers of the raw arena rely on).
        for (k, i) in indices.enumerated() where i < 0 || column.isNull(i) { #expect(arena.byteCount(at: k) == 0) }
    }

    @Test func numericAndBooleanGatherWithMissingRows() {
        let doubles = Column(type: .double, values: .double([1.5, -0.0, 3]))
        #expect(doubles.gather([2, -1, 1]).allValues == [.double(3), .null, .double(-0.0)])
        #expect(doubles.gather([0, 1]).validity == nil)
        let flags = Column(type: .boolean, values: .boolean([true, false]))
        #expect(flags.gather([-1, 1, 0]).allValues == [.null, .boolean(false), .boolean(true)])
        let ints = Column(type: .int, values: .int32([7, 8]))
        #expect(ints.gather([]).count == 0)
        #expect(ints.gather([1, 1, -1]).nullCount == 1)
    }
}
