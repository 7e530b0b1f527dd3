import SparkifyTables

/// Rows grouped by equal keys: the grouping primitive of GROUP BY, DISTINCT, set operations
/// and window partitions.
///
/// Keys compare as Spark groups them: NULLs form one group, -0.0 equals 0.0, NaN equals NaN,
/// strings by their bytes.
public struct KeyGrouping: Sendable {
    /// Each row's group, `0..<groupCount`, numbered in order of first appearance.
    public var groupIds: [Int32]
    /// The first row of each group; -1 for the single group of a global aggregation over no rows.
    public var firstRows: [Int]

    public init(groupIds: [Int32], firstRows: [Int]) {
        self.groupIds = groupIds
        self.firstRows = firstRows
    }

    /// Groups; also the row count of the aggregated result.
    public var groupCount: Int { firstRows.count }
    /// Input rows.
    public var rowCount: Int { groupIds.count }

    /// One group holding every row, even when there are none: aggregation without GROUP BY.
    public static func global(rowCount: Int) -> KeyGrouping {
        KeyGrouping(groupIds: [Int32](repeating: 0, count: rowCount), firstRows: [rowCount > 0 ? 0 : -1])
    }

    /// Groups the rows of `keys` (columns of equal length) by their values.
    /// With no key columns every row is in one group (and no rows give no groups).
    public static func make(keys: [Column], context: OperatorContext = OperatorContext()) throws -> KeyGrouping {
        let n = try checkedRowCount(keys)
        guard !keys.isEmpty else {
            return KeyGrouping(groupIds: [Int32](repeating: 0, count: n), firstRows: n > 0 ? [0] : [])
        }
        try context.check()
        let encoded = try encodeColumns(keys, context: context)
        var codes = encoded[0].codes
        var cardinality = encoded[0].cardinality
        for column in encoded.dropFirst() {
            try context.check()
            let combined = combine(codes, cardinality, column.codes, column.cardinality)
            codes = combined.codes
            cardinality = combined.count
        }
        return KeyGrouping(groupIds: codes, firstRows: firstRows(of: codes, groupCount: cardinality))
    }

    /// Codes of every key column (NULLs get a code), encoded on all cores when worth it.
    static func encodeColumns(_ keys: [Column], context: OperatorContext) throws -> [(codes: [Int32], cardinality: Int)] {
        let n = keys[0].count
        let parallelColumns = keys.count > 1 && n >= ParallelWork.minimumRowsPerTask && context.threads > 1
        // One column alone is split by rows instead.
        let rowTasks = keys.count == 1 ? ParallelWork.taskCount(rows: n, context: context) : 1
        let encodeOne: @Sendable (Int) -> (codes: [Int32], cardinality: Int) = { i in
            let (dictionary, codes) = KeyColumnDictionary.build(keys[i], domain: KeyDomain(keys[i].type), nullsGetCode: true, tasks: rowTasks)
            return (codes, dictionary.count)
        }
        if !parallelColumns { return keys.indices.map(encodeOne) }
        return try ParallelWork.map(keys.count) { i in encodeOne(i) }
    }

    /// The first row of each code in `codes` (numbered in first-appearance order).
    static func firstRows(of codes: [Int32], groupCount: Int) -> [Int] {
        var rows = [Int]()
        rows.reserveCapacity(groupCount)
        codes.withUnsafeBufferPointer { c in
            for i in 0..<c.count where Int(c[i]) == rows.count { rows.append(i) }
        }
        return rows
    }

    /// Codes of the pairs `(a, b)`, dense in first-appearance order, and the dictionary of
    /// pairs (for probing with `lookupPairs`). A -1 on either side gives -1.
    static func combine(
        _ a: [Int32], _ cardinalityA: Int, _ b: [Int32], _ cardinalityB: Int
    ) -> (codes: [Int32], count: Int, dictionary: IntegerKeyDictionary) {
        let n = a.count
        let width = Int64(max(1, cardinalityB))
        let maximum = Int64(max(1, cardinalityA)) * width - 1
        let dictionary = IntegerKeyDictionary(minimum: 0, maximum: maximum, expectedCount: n)
        var out = [Int32](repeating: -1, count: n)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    guard let base = po.baseAddress else { return }
                    dictionary.insertEach(0..<n, into: base) { i in
                        let x = pa[i], y = pb[i]
                        return x < 0 || y < 0 ? nil : Int64(x) * width + Int64(y)
                    }
                }
            }
        }
        return (out, dictionary.count, dictionary)
    }

    /// The common row count of `columns`, or an error when they differ.
    static func checkedRowCount(_ columns: [Column]) throws -> Int {
        let n = columns.first?.count ?? 0
        guard columns.allSatisfy({ $0.count == n }) else {
            throw SQLError(.execution, "key columns differ in length", errorClass: "INTERNAL_ERROR")
        }
        return n
    }
}
