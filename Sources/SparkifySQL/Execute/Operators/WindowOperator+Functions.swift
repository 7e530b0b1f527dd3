import SparkifyTables

/// Ranking, distribution and offset functions.
extension WindowOperator {
    /// `row_number`, `rank`, `dense_rank`, `ntile`, in row order.
    static func rankings(_ function: Function, layout: WindowLayout) -> [Int32] {
        var out = [Int32](repeating: 0, count: layout.rowCount)
        if case .rowNumber = function {
            // Needs no peers: the layout may not have them.
            layout.order.withUnsafeBufferPointer { order in
                layout.partitionStart.withUnsafeBufferPointer { starts in
                    out.withUnsafeMutableBufferPointer { out in
                        for p in 0..<order.count { out[order[p]] = Int32(truncatingIfNeeded: p - starts[p] + 1) }
                    }
                }
            }
            return out
        }
        var dense: Int32 = 0
        for p in 0..<layout.rowCount {
            let ps = layout.partitionStart[p]
            if p == ps { dense = 0 }
            if case .denseRank = function, layout.peerStart[p] == p { dense += 1 }
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

    /// `lag`/`lead`: the value `shift` positions away in the partition (counting only non-NULL
    /// values with `ignoreNulls`), else the default (`arguments[1]` at the current row, or NULL).
    static func shifted(_ arguments: [Column], by shift: Int, ignoreNulls: Bool = false, layout: WindowLayout) -> Column {
        let n = layout.rowCount
        // A NULL-typed default (the literal NULL) is the same as none.
        let hasDefault = arguments.count > 1 && arguments[1].type.physical == arguments[0].type.physical
        let nonNull = ignoreNulls && shift != 0 ? NonNullPositions(arguments[0], layout: layout) : nil
        var source = [Int](repeating: -1, count: n)
        for p in 0..<n {
            let row = layout.order[p]
            if let nonNull {
                if let q = nonNull.position(from: p, by: shift) {
                    source[row] = layout.order[q]
                } else if hasDefault {
                    source[row] = n + row
                }
                continue
            }
            let q = p + shift
            if q >= layout.partitionStart[p], q < layout.partitionEnd[p] {
                source[row] = layout.order[q]
            } else if hasDefault {
                source[row] = n + row
            }
        }
        let values = hasDefault ? arguments[0].appending([arguments[1]]) : arguments[0]
        return values.gather(source)
    }

    /// Per row, the row `nth_value` returns (-1: NULL): the n-th position of the frame, or the
    /// n-th one with a non-NULL value.
    static func nthValueRows(_ argument: Column, n: Int, ignoreNulls: Bool, frame: Frame, layout: WindowLayout) throws -> [Int] {
        let nonNull = ignoreNulls ? NonNullPositions(argument, layout: layout) : nil
        var rows = [Int](repeating: -1, count: layout.rowCount)
        for p in 0..<layout.rowCount {
            let range = try layout.frame(frame, at: p)
            if range.isEmpty { continue }
            if let nonNull {
                if let q = nonNull.nth(n, in: range) { rows[layout.order[p]] = layout.order[q] }
            } else if range.count >= n {
                rows[layout.order[p]] = layout.order[range.lowerBound + n - 1]
            }
        }
        return rows
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

/// The sorted positions whose value is not NULL, for IGNORE NULLS offsets.
struct NonNullPositions {
    /// Positions with a value, ascending.
    let positions: [Int]
    /// Per position: how many positions before it (in the whole order) have a value.
    let before: [Int]
    let layout: WindowLayout

    init(_ argument: Column, layout: WindowLayout) {
        self.layout = layout
        var positions: [Int] = []
        var before = [Int](repeating: 0, count: layout.rowCount)
        for p in 0..<layout.rowCount {
            before[p] = positions.count
            if !argument.isNull(layout.order[p]) { positions.append(p) }
        }
        self.positions = positions
        self.before = before
    }

    /// The position `shift` values away from `p` (before it when negative), within its partition.
    func position(from p: Int, by shift: Int) -> Int? {
        let index = shift < 0 ? before[p] + shift : before[p] + (hasValue(p) ? 1 : 0) + shift - 1
        guard index >= 0, index < positions.count else { return nil }
        let q = positions[index]
        return q >= layout.partitionStart[p] && q < layout.partitionEnd[p] ? q : nil
    }

    /// The n-th position with a value inside `range` (n from 1).
    func nth(_ n: Int, in range: Range<Int>) -> Int? {
        let index = before[range.lowerBound] + n - 1
        guard index < positions.count, positions[index] < range.upperBound else { return nil }
        return positions[index]
    }

    private func hasValue(_ p: Int) -> Bool {
        let index = before[p]
        return index < positions.count && positions[index] == p
    }
}
