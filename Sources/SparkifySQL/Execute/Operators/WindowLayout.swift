import SparkifyTables

/// Rows of a window sorted by partition and order keys, with partition and peer bounds.
/// Positions are indices into the sorted order.
struct WindowLayout {
    let rowCount: Int
    /// Sorted position → row.
    let order: [Int]
    /// Per position: where its partition starts and ends (exclusive).
    let partitionStart: [Int]
    let partitionEnd: [Int]
    /// Per position: where its peers (equal ORDER BY keys in the partition) start and end.
    let peerStart: [Int]
    let peerEnd: [Int]
    /// The single ORDER BY key, for RANGE frames with value offsets.
    let rangeKey: WindowRangeKey?

    /// Peer bounds are computed only when `needsPeers`, the range key only when `needsRangeKey`
    /// (row_number over two million rows needs neither); without them they are empty or nil.
    init(partitionBy: [Column], orderBy: [SortOperator.Key], rowCount: Int, needsPeers: Bool = true, needsRangeKey: Bool = true,
         context: OperatorContext) throws {
        self.rowCount = rowCount
        var words = [OrderWord]()
        if !partitionBy.isEmpty {
            let grouping = try KeyGrouping.make(keys: partitionBy, context: context)
            let maximum = UInt64(max(0, grouping.groupCount - 1))
            words.append(OrderWord(values: grouping.groupIds.map { UInt64($0) }, bits: 64 - maximum.leadingZeroBitCount))
        }
        let partitionWords = words.count
        if !orderBy.isEmpty {
            guard orderBy.allSatisfy({ $0.column.count == rowCount }) else {
                throw SQLError(.execution, "window keys differ in length", errorClass: "INTERNAL_ERROR")
            }
            let orderWords = try SortOperator.orderWords(orderBy, rowCount: rowCount, context: context)
            words.append(contentsOf: orderWords)
        }
        let sorted = try SortOperator.sortedRows(words, rowCount: rowCount, context: context)
        order = sorted
        rangeKey = orderBy.count == 1 && needsRangeKey ? WindowRangeKey(orderBy[0], order: sorted) : nil
        // Where a new partition (or a new peer group) starts, word by word over sorted rows.
        guard needsPeers else {
            (partitionStart, partitionEnd) = WindowLayout.partitionBounds(words.prefix(partitionWords), order: sorted, rowCount: rowCount)
            (peerStart, peerEnd) = ([], [])
            return
        }
        var newPartition = [Bool](repeating: false, count: rowCount)
        var newPeers = [Bool](repeating: false, count: rowCount)
        if rowCount > 0 {
            newPartition[0] = true
            newPeers[0] = true
        }
        for (w, word) in words.enumerated() {
            word.values.withUnsafeBufferPointer { v in
                sorted.withUnsafeBufferPointer { order in
                    for p in 1..<max(1, rowCount) where v[order[p]] != v[order[p - 1]] {
                        if w < partitionWords { newPartition[p] = true }
                        newPeers[p] = true
                    }
                }
            }
        }
        var pStart = [Int](repeating: 0, count: rowCount), pEnd = pStart
        var qStart = pStart, qEnd = pStart
        var partition = 0, peers = 0
        for p in 0..<rowCount {
            if newPartition[p] { partition = p }
            if newPeers[p] || newPartition[p] { peers = p }
            pStart[p] = partition
            qStart[p] = peers
        }
        var nextPartition = rowCount, nextPeers = rowCount
        for p in stride(from: rowCount - 1, through: 0, by: -1) {
            pEnd[p] = nextPartition
            qEnd[p] = nextPeers
            if newPartition[p] { nextPartition = p }
            if newPeers[p] || newPartition[p] { nextPeers = p }
        }
        partitionStart = pStart
        partitionEnd = pEnd
        peerStart = qStart
        peerEnd = qEnd
    }

    /// Per position: where its partition starts and ends, from the partition words alone.
    private static func partitionBounds(_ words: ArraySlice<OrderWord>, order: [Int], rowCount: Int) -> ([Int], [Int]) {
        var starts = [Int](repeating: 0, count: rowCount), ends = [Int](repeating: rowCount, count: rowCount)
        guard let word = words.first, rowCount > 0 else { return (starts, ends) }
        word.values.withUnsafeBufferPointer { v in
            order.withUnsafeBufferPointer { order in
                starts.withUnsafeMutableBufferPointer { starts in
                    ends.withUnsafeMutableBufferPointer { ends in
                        var start = 0
                        for p in 1..<rowCount where v[order[p]] != v[order[p - 1]] {
                            for q in start..<p { starts[q] = start; ends[q] = p }
                            start = p
                        }
                        for q in start..<rowCount { starts[q] = start; ends[q] = rowCount }
                    }
                }
            }
        }
        return (starts, ends)
    }

    /// The frame of position `p` as a position range (empty when the bounds cross). RANGE
    /// offsets are distances in ORDER BY key units (see `WindowRangeKey`).
    func frame(_ frame: WindowOperator.Frame, at p: Int) throws -> Range<Int> {
        let ps = partitionStart[p], pe = partitionEnd[p]
        func position(_ bound: WindowOperator.FrameBound, isStart: Bool) throws -> Int {
            switch bound {
            case .unboundedPreceding: return ps
            case .unboundedFollowing: return pe
            case .currentRow:
                if frame.unit == .range { return isStart ? peerStart[p] : peerEnd[p] }
                return isStart ? p : p + 1
            case let .preceding(k), let .following(k):
                // Negation and the ROWS arithmetic saturate: no offset can trap.
                let signed = { if case .preceding = bound { return k == Int.min ? Int.max : -k } else { return k } }()
                guard frame.unit == .rows else {
                    guard let rangeKey else {
                        throw SQLError(.analysis, "A RANGE frame with value offsets needs exactly one numeric, date or decimal ORDER BY key.",
                                       errorClass: "DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE")
                    }
                    return try rangeKey.boundary(at: p, offset: signed, scale: frame.offsetScale, in: ps..<pe, inclusiveUpper: !isStart)
                }
                let at = p + Swift.max(-rowCount - 1, Swift.min(rowCount + 1, signed)) + (isStart ? 0 : 1)
                return min(pe, max(ps, at))
            }
        }
        let lo = try position(frame.start, isStart: true)
        let hi = try position(frame.end, isStart: false)
        return lo..<max(lo, hi)
    }
}
