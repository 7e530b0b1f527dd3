import SparkifyTables

/// ORDER BY over already evaluated key columns: a stable permutation of the rows.
///
/// Each key becomes an order-preserving unsigned integer per row (numbers directly, strings
/// and decimals by the rank of their distinct values); keys are packed into as few 64-bit
/// words as their value ranges allow and sorted with a stable LSD radix sort, so ties keep
/// input order whatever the thread count.
public enum SortOperator {
    /// One ORDER BY key.
    public struct Key: Sendable {
        /// The evaluated key, one value per row.
        public var column: Column
        public var ascending: Bool
        public var nullsFirst: Bool

        /// Spark's default: NULLS FIRST for ASC, NULLS LAST for DESC.
        public init(_ column: Column, ascending: Bool = true, nullsFirst: Bool? = nil) {
            self.column = column
            self.ascending = ascending
            self.nullsFirst = nullsFirst ?? ascending
        }
    }

    /// Row indices in sorted order; with `limit`, only the first `limit` of them (top-N).
    public static func permutation(
        _ keys: [Key], rowCount: Int, limit: Int? = nil, context: OperatorContext = OperatorContext()
    ) throws -> [Int] {
        guard keys.allSatisfy({ $0.column.count == rowCount }) else {
            throw SQLError(.execution, "sort keys differ in length", errorClass: "INTERNAL_ERROR")
        }
        if let limit, limit <= 0 { return [] }
        let words = try orderWords(keys, rowCount: rowCount, context: context)
        if let limit, limit < rowCount, limit <= rowCount / 8 {
            return topRows(words, rowCount: rowCount, limit: limit)
        }
        var order = try sortedRows(words, rowCount: rowCount, context: context)
        if let limit, limit < order.count { order.removeSubrange(limit...) }
        return order
    }

    /// The rows ordered by `words` (most significant first), stable. Large inputs are sorted
    /// in one contiguous slice per thread and merged, which gives the same stable order.
    static func sortedRows(_ words: [OrderWord], rowCount: Int, context: OperatorContext) throws -> [Int] {
        let tasks = ParallelWork.taskCount(rows: rowCount, context: context)
        let slices: [[UInt32]] = try ParallelWork.map(tasks) { task in
            let range = ParallelWork.range(task: task, of: tasks, rows: rowCount)
            var permutation = range.map { UInt32(truncatingIfNeeded: $0) }
            for word in words.reversed() where word.bits > 0 {
                try context.check()
                RadixSort.sort(&permutation, by: word.values, bits: word.bits)
            }
            return permutation
        }
        try context.check()
        var merged = slices[0]
        for slice in slices.dropFirst() { merged = merge(merged, slice, words: words) }
        return merged.map { Int($0) }
    }

    /// Two sorted runs merged; on ties the row from `first` (earlier rows) comes first.
    static func merge(_ first: [UInt32], _ second: [UInt32], words: [OrderWord]) -> [UInt32] {
        @inline(__always) func less(_ a: UInt32, _ b: UInt32) -> Bool {
            for word in words {
                let x = word.values[Int(a)], y = word.values[Int(b)]
                if x != y { return x < y }
            }
            return false
        }
        var out = [UInt32]()
        out.reserveCapacity(first.count + second.count)
        var i = 0, j = 0
        while i < first.count, j < second.count {
            if less(second[j], first[i]) {
                out.append(second[j])
                j += 1
            } else {
                out.append(first[i])
                i += 1
            }
        }
        out.append(contentsOf: first[i...])
        out.append(contentsOf: second[j...])
        return out
    }

    /// The first `limit` rows in order, by a bounded max-heap (ties: lower row first).
    static func topRows(_ words: [OrderWord], rowCount: Int, limit: Int) -> [Int] {
        @inline(__always) func less(_ a: Int, _ b: Int) -> Bool {
            for word in words {
                let x = word.values[a], y = word.values[b]
                if x != y { return x < y }
            }
            return a < b
        }
        var heap = [Int]()
        heap.reserveCapacity(limit)
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var largest = i
                if l < heap.count, less(heap[largest], heap[l]) { largest = l }
                if r < heap.count, less(heap[largest], heap[r]) { largest = r }
                if largest == i { return }
                heap.swapAt(i, largest)
                i = largest
            }
        }
        for row in 0..<rowCount {
            if heap.count < limit {
                heap.append(row)
                var i = heap.count - 1
                while i > 0 {
                    let parent = (i - 1) / 2
                    if !less(heap[parent], heap[i]) { break }
                    heap.swapAt(parent, i)
                    i = parent
                }
            } else if less(row, heap[0]) {
                heap[0] = row
                siftDown(0)
            }
        }
        return heap.sorted(by: less)
    }
}

/// One packed sort word per row; smaller words sort first.
struct OrderWord: Sendable {
    var values: [UInt64]
    /// Significant low bits (0: all rows equal).
    var bits: Int
}
