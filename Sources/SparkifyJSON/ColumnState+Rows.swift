extension ColumnState {
    /// Whether row `row` is NULL (binary search; for slow paths).
    func isNull(_ row: Int) -> Bool {
        var low = 0, high = nullRows.count
        while low < high {
            let mid = (low + high) / 2
            if Int(nullRows[mid]) < row { low = mid + 1 } else { high = mid }
        }
        return low < nullRows.count && Int(nullRows[low]) == row
    }

    /// Whether `""` was read at `row` while the column was not string.
    func readEmptyString(at row: Int) -> Bool {
        var low = 0, high = emptyRows.count
        while low < high {
            let mid = (low + high) / 2
            if Int(emptyRows[mid]) < row { low = mid + 1 } else { high = mid }
        }
        return low < emptyRows.count && Int(emptyRows[low]) == row
    }

    /// Removes the rows in `drop` (ascending), keeping the others in order.
    mutating func removeRows(_ drop: [Int]) {
        guard !drop.isEmpty else { return }
        var d = 0
        var kept = 0
        var newOffsets = GrowBuffer<UInt32>()
        var newBytes = GrowBuffer<UInt8>()
        let storage = self.storage
        if storage == .text { newOffsets.append(0) }
        for row in 0..<count {
            if d < drop.count, drop[d] == row { d += 1; continue }
            switch storage {
            case .none: break
            case .words: words[kept] = words[row]
            case .text:
                let start = Int(offsets[row]), end = Int(offsets[row + 1])
                if end > start { newBytes.append(bytes.base.unsafelyUnwrapped + start, count: end - start) }
                newOffsets.append(UInt32(truncatingIfNeeded: newBytes.count))
            }
            kept += 1
        }
        if storage == .words { words.count = kept }
        if storage == .text {
            bytes.removeAll(); offsets.removeAll()
            bytes = newBytes; offsets = newOffsets
        }
        nullRows = Self.reindex(nullRows, dropping: drop)
        emptyRows = Self.reindex(emptyRows, dropping: drop)
        setCount(kept)
    }

    private static func reindex(_ rows: GrowBuffer<Int32>, dropping drop: [Int]) -> GrowBuffer<Int32> {
        var rows = rows
        var out = GrowBuffer<Int32>()
        var d = 0
        for i in 0..<rows.count {
            let row = Int(rows[i])
            while d < drop.count, drop[d] < row { d += 1 }
            if d < drop.count, drop[d] == row { continue }
            out.append(Int32(row - d))
        }
        rows.removeAll()
        return out
    }
}
