import SparkifyTables

/// Spark's ordering of values within one column, row against row (NULLs excluded).
enum RowComparison {
    /// Lexicographic unsigned byte order (= code point order for UTF-8): <0, 0, >0.
    @inline(__always)
    static func compareBytes(_ a: UnsafePointer<UInt8>?, _ aCount: Int, _ b: UnsafePointer<UInt8>?, _ bCount: Int) -> Int {
        let common = min(aCount, bCount)
        if common > 0, let a, let b {
            for i in 0..<common where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        }
        return aCount == bCount ? 0 : (aCount < bCount ? -1 : 1)
    }

    /// Spark's double order (`SQLOrderingUtil.compareDoubles`): NaN above everything and
    /// equal to itself, -0.0 equal to 0.0.
    @inline(__always)
    static func compareDoubles(_ a: Double, _ b: Double) -> Int {
        if a < b { return -1 }
        if a > b { return 1 }
        if a == b { return 0 }
        let aNaN = a.isNaN, bNaN = b.isNaN
        return aNaN == bNaN ? 0 : (aNaN ? 1 : -1)
    }

    /// A function comparing rows `i` and `j` (both non-NULL) of `column`: <0, 0, >0.
    /// Decimals compare by value, everything else by its physical storage.
    static func comparator(_ column: Column) -> (Int, Int) -> Int {
        switch column.values {
        case let .boolean(v): return { i, j in v[i] == v[j] ? 0 : (v[j] ? -1 : 1) }
        case let .int32(v): return { i, j in v[i] == v[j] ? 0 : (v[i] < v[j] ? -1 : 1) }
        case let .int64(v): return { i, j in v[i] == v[j] ? 0 : (v[i] < v[j] ? -1 : 1) }
        case let .double(v): return { i, j in compareDoubles(v[i], v[j]) }
        case let .string(arena):
            if case let .decimal(_, scale) = column.type {
                let numbers = (0..<arena.count).map { arena.withBytes(at: $0) { DecimalScaled.parse($0, scale: scale) } ?? 0 }
                return { i, j in numbers[i] == numbers[j] ? 0 : (numbers[i] < numbers[j] ? -1 : 1) }
            }
            let bytes = arena.bytes, offsets = arena.offsets
            return { i, j in
                bytes.withUnsafeBufferPointer { all in
                    let a = offsets[i], b = offsets[j]
                    return compareBytes(all.baseAddress.map { $0 + a }, offsets[i + 1] - a,
                                        all.baseAddress.map { $0 + b }, offsets[j + 1] - b)
                }
            }
        }
    }
}
