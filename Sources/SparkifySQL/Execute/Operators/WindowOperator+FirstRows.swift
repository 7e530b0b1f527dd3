import SparkifyTables

extension WindowOperator {
    /// The rows whose `row_number()` over `PARTITION BY partitionBy ORDER BY orderBy` is 1, in
    /// row order: the first row of each partition in the window's order, without sorting.
    ///
    /// Ties in the ORDER BY keys go to the earlier row, as the stable sort behind `evaluate`
    /// numbers them, so the rows are exactly those `evaluate` gives row number 1.
    public static func firstRowPerPartition(
        partitionBy: [Column], orderBy: [SortOperator.Key], rowCount: Int,
        context: OperatorContext = OperatorContext()
    ) throws -> [Int] {
        guard rowCount > 0 else { return [] }
        guard partitionBy.allSatisfy({ $0.count == rowCount }), orderBy.allSatisfy({ $0.column.count == rowCount }) else {
            throw SQLError(.execution, "window keys differ in length", errorClass: "INTERNAL_ERROR")
        }
        let grouping = partitionBy.isEmpty
            ? KeyGrouping.global(rowCount: rowCount)
            : try KeyGrouping.make(keys: partitionBy, context: context)
        let words = orderBy.isEmpty ? [] : try SortOperator.orderWords(orderBy, rowCount: rowCount, context: context)
        try context.check()
        // Each partition's best row so far; a row replaces it only when strictly smaller.
        var best = grouping.firstRows
        grouping.groupIds.withUnsafeBufferPointer { groups in
            best.withUnsafeMutableBufferPointer { best in
                switch words.count {
                case 0:
                    break
                case 1:
                    words[0].values.withUnsafeBufferPointer { w in
                        for row in 0..<rowCount {
                            let g = Int(groups[row])
                            if w[row] < w[best[g]] { best[g] = row }
                        }
                    }
                default:
                    for row in 0..<rowCount {
                        let g = Int(groups[row])
                        let current = best[g]
                        for word in words {
                            let x = word.values[row], y = word.values[current]
                            if x != y {
                                if x < y { best[g] = row }
                                break
                            }
                        }
                    }
                }
            }
        }
        best.sort()
        return best
    }
}
