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

    /// The rows ordered by `words` (most significant first), stable.
    static func sortedRows(_ words: [OrderWord], rowCount: Int, context: OperatorContext) throws -> [Int] {
        var permutation = [UInt32](unsafeUninitializedCapacity: rowCount) { buffer, count in
            for i in 0..<rowCount { buffer[i] = UInt32(truncatingIfNeeded: i) }
            count = rowCount
        }
        for word in words.reversed() where word.bits > 0 {
            try context.check()
            RadixSort.sort(&permutation, by: word.values, bits: word.bits)
        }
        return permutation.map { Int($0) }
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
