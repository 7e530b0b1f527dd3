import SparkifyTables

/// Ranking, distribution and offset functions.
extension WindowOperator {
    /// `row_number`, `rank`, `dense_rank`, `ntile`, in row order.
    static func rankings(_ function: Function, layout: WindowLayout) -> [Int32] {
        var out = [Int32](repeating: 0, count: layout.rowCount)
        var dense: Int32 = 0
        for p in 0..<layout.rowCount {
            let ps = layout.partitionStart[p]
            if p == ps { dense = 0 }
            if layout.peerStart[p] == p { dense += 1 }
            let value: Int
            switch function {
            case .rowNumber: value = p - ps + 1
            case .rank: value = layout.peerStart[p] - ps + 1
            case .denseRank: value = Int(dense)
            case let .ntile(buckets):
                let n = layout.partitionEnd[p] - ps, r = p - ps
                let size = n / buckets, remainder = n % buckets
                value = r < (size + 1) * remainder ? r / (size + 1) + 1 : (r - remainder) / max(1, size) + 1
            default: value = 0
            }
            out[layout.order[p]] = Int32(truncatingIfNeeded: value)
        }
        return out
    }

    /// `percent_rank` ((rank - 1) / (rows - 1), 0 for one row) and `cume_dist`
    /// (rows up to the last peer / rows), in row order.
    static func distributions(_ function: Function, layout: WindowLayout) -> [Double] {
        var out = [Double](repeating: 0, count: layout.rowCount)
        for p in 0..<layout.rowCount {
            let ps = layout.partitionStart[p]
            let n = Double(layout.partitionEnd[p] - ps)
            let value: Double
            if case .cumeDist = function {
                value = Double(layout.peerEnd[p] - ps) / n
            } else {
                value = n <= 1 ? 0 : Double(layout.peerStart[p] - ps) / (n - 1)
            }
            out[layout.order[p]] = value
        }
        return out
    }

    /// `lag`/`lead`: the value `shift` positions away in the partition, else the default
    /// (`arguments[1]` at the current row, or NULL).
    static func shifted(_ arguments: [Column], by shift: Int, layout: WindowLayout) -> Column {
        let n = layout.rowCount
        // A NULL-typed default (the literal NULL) is the same as none.
        let hasDefault = arguments.count > 1 && arguments[1].type.physical == arguments[0].type.physical
        var source = [Int](repeating: -1, count: n)
        for p in 0..<n {
            let q = p + shift
            let row = layout.order[p]
            if q >= layout.partitionStart[p], q < layout.partitionEnd[p] {
                source[row] = layout.order[q]
            } else if hasDefault {
                source[row] = n + row
            }
        }
        let values = hasDefault ? arguments[0].appending([arguments[1]]) : arguments[0]
        return values.gather(source)
    }

    /// Per row, the row whose value `first_value`/`last_value` returns (-1: NULL).
    static func frameValueRows(_ argument: Column, last: Bool, ignoreNulls: Bool, frame: Frame, layout: WindowLayout) throws -> [Int] {
        let n = layout.rowCount
        // Nearest non-NULL position at or after (before) each position, within its partition.
        var nearest = [Int](repeating: -1, count: n)
        if ignoreNulls {
            if last {
                for p in 0..<n {
                    let valid = !argument.isNull(layout.order[p])
                    nearest[p] = valid ? p : (p > layout.partitionStart[p] ? nearest[p - 1] : -1)
                }
            } else {
                for p in stride(from: n - 1, through: 0, by: -1) {
                    let valid = !argument.isNull(layout.order[p])
                    nearest[p] = valid ? p : (p + 1 < layout.partitionEnd[p] ? nearest[p + 1] : -1)
                }
            }
        }
        var rows = [Int](repeating: -1, count: n)
        for p in 0..<n {
            let range = try layout.frame(frame, at: p)
            if range.isEmpty { continue }
            var at = last ? range.upperBound - 1 : range.lowerBound
            if ignoreNulls {
                at = nearest[at]
                if at < 0 || !range.contains(at) { continue }
            }
            rows[layout.order[p]] = layout.order[at]
        }
        return rows
    }
}
