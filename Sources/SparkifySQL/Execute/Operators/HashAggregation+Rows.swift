import SparkifyTables

/// Aggregates that pick one row per group (min, max, first, last, max_by, min_by); the
/// result is the argument gathered at that row (-1 for none: NULL).
extension HashAggregation {
    /// Per group, the row with the greatest (or least) non-NULL `ordering`; on ties the
    /// later row, as Spark's `max_by` keeps the new value unless the old one is strictly better.
    static func extremeRows(_ groups: GroupRows, ordering: Column, greatest: Bool) -> [Int] {
        var best = [Int](repeating: -1, count: groups.groupCount)
        let sign = greatest ? 1 : -1
        func scan(_ compare: (Int, Int) -> Int) {
            best.withUnsafeMutableBufferPointer { b in
                groups.groupIds.withUnsafeBufferPointer { ids in
                    for i in 0..<ids.count where !ordering.isNull(i) {
                        let g = Int(ids[i])
                        let current = b[g]
                        if current < 0 || compare(i, current) * sign >= 0 { b[g] = i }
                    }
                }
            }
        }
        switch ordering.values {
        case let .int64(v):
            v.withUnsafeBufferPointer { p in scan { i, j in p[i] == p[j] ? 0 : (p[i] < p[j] ? -1 : 1) } }
        case let .int32(v):
            v.withUnsafeBufferPointer { p in scan { i, j in p[i] == p[j] ? 0 : (p[i] < p[j] ? -1 : 1) } }
        case let .double(v):
            v.withUnsafeBufferPointer { p in scan { i, j in RowComparison.compareDoubles(p[i], p[j]) } }
        default:
            scan(RowComparison.comparator(ordering))
        }
        return best
    }

    /// Per group, its first (or last) row, or first (last) row with a non-NULL value.
    static func firstOrLastRows(_ groups: GroupRows, _ argument: Column, last: Bool, ignoreNulls: Bool) -> [Int] {
        var rows = [Int](repeating: -1, count: groups.groupCount)
        for i in 0..<groups.rowCount {
            if ignoreNulls, argument.isNull(i) { continue }
            let g = Int(groups.groupIds[i])
            if last || rows[g] < 0 { rows[g] = i }
        }
        return rows
    }
}
