import SparkifyTables

/// Whole-row set operations and DISTINCT. Rows compare with NULLs equal (and -0.0 = 0.0,
/// NaN = NaN), as Spark's set operations do.
public enum SetOperation {
    /// UNION [ALL], INTERSECT [ALL], EXCEPT [ALL].
    public enum Kind: Sendable, Hashable, CaseIterable {
        case unionAll, union, intersect, intersectAll, except, exceptAll
    }

    /// The first row of each distinct row of `columns`, in first-appearance order.
    public static func distinctRows(_ columns: [Column], rowCount: Int, context: OperatorContext = OperatorContext()) throws -> [Int] {
        if columns.isEmpty { return rowCount > 0 ? [0] : [] }
        return try KeyGrouping.make(keys: columns, context: context).firstRows
    }

    /// `left kind right` over tables with the same column layout, as the rows to output:
    /// indices into the concatenation of the left rows followed by the right rows
    /// (`leftCount + r` for right row `r`). Use `concatenate` to build that input.
    ///
    /// UNION keeps first appearances; INTERSECT and EXCEPT output left rows in left order;
    /// of a row seen `l` times on the left and `r` times on the right, INTERSECT ALL keeps
    /// its first `min(l, r)` left copies and EXCEPT ALL its left copies after the first `r`.
    public static func rows(
        _ kind: Kind, left: [Column], right: [Column], leftCount: Int, rightCount: Int,
        context: OperatorContext = OperatorContext()
    ) throws -> [Int] {
        guard left.count == right.count else {
            throw SQLError(.analysis, "set operation inputs have \(left.count) and \(right.count) columns",
                           errorClass: "NUM_COLUMNS_MISMATCH")
        }
        let total = leftCount + rightCount
        if kind == .unionAll { return Array(0..<total) }
        let combined = try concatenate(left, right)
        let grouping: KeyGrouping = combined.isEmpty
            ? KeyGrouping(groupIds: [Int32](repeating: 0, count: total), firstRows: total > 0 ? [0] : [])
            : try KeyGrouping.make(keys: combined, context: context)
        if kind == .union { return grouping.firstRows }
        var rightCounts = [Int](repeating: 0, count: grouping.groupCount)
        for r in leftCount..<total { rightCounts[Int(grouping.groupIds[r])] += 1 }
        var emitted = [Int](repeating: 0, count: grouping.groupCount)
        var out = [Int]()
        for l in 0..<leftCount {
            let g = Int(grouping.groupIds[l])
            let seen = emitted[g]
            emitted[g] += 1
            let keep: Bool
            switch kind {
            case .intersect: keep = seen == 0 && rightCounts[g] > 0
            case .except: keep = seen == 0 && rightCounts[g] == 0
            case .intersectAll: keep = seen < rightCounts[g]
            case .exceptAll: keep = seen >= rightCounts[g]
            case .union, .unionAll: keep = false
            }
            if keep { out.append(l) }
        }
        return out
    }

    /// Each left column followed by the matching right column (UNION ALL). Columns whose
    /// storage differs need a cast first.
    public static func concatenate(_ left: [Column], _ right: [Column]) throws -> [Column] {
        try zip(left, right).map { l, r in
            guard l.type.physical == r.type.physical else {
                throw SQLError(.analysis, "cannot combine \(l.type.simpleString) with \(r.type.simpleString) without a cast",
                               errorClass: "INCOMPATIBLE_COLUMN_TYPE")
            }
            return l.appending([r])
        }
    }
}
