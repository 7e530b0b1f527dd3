import SparkifyTables

/// The single ORDER BY key of a window, by sorted position, for `RANGE` frames with value
/// offsets (`RANGE BETWEEN 1 PRECEDING AND 2 FOLLOWING`).
///
/// An offset is in the key's own units: a number for int and bigint, days for date, the
/// unscaled value for decimal(p,s) (`0.5` over decimal(5,1) is 5), microseconds for
/// timestamp (a day-time interval), and a fixed-point number for double (see
/// `Frame.offsetScale`). As in Spark's `RangeBoundOrdering`, a row's bound is its key plus the signed
/// offset (the sign flipped for DESC), compared with the window's own ordering: a NULL key's
/// frame is the block of NULL keys, and NULL keys are in no other row's frame. An int or
/// bigint bound that overflows is Spark's ARITHMETIC_OVERFLOW.
struct WindowRangeKey {
    private enum Values {
        case integers([Int128], limit: ClosedRange<Int128>?)
        case doubles([Double])
    }

    private let values: Values
    private let isNull: [Bool]
    let ascending: Bool
    let nullsFirst: Bool

    /// The key `key` read in sorted order; nil for a key type RANGE offsets do not apply to.
    init?(_ key: SortOperator.Key, order: [Int]) {
        let column = key.column
        ascending = key.ascending
        nullsFirst = key.nullsFirst
        isNull = order.map { column.isNull($0) }
        switch (column.type, column.values) {
        case let (.int, .int32(v)):
            values = .integers(order.map { Int128(v[$0]) }, limit: Int128(Int32.min)...Int128(Int32.max))
        case let (.date, .int32(v)):
            values = .integers(order.map { Int128(v[$0]) }, limit: nil)
        case let (.bigint, .int64(v)), let (.timestamp, .int64(v)):
            values = .integers(order.map { Int128(v[$0]) }, limit: Int128(Int64.min)...Int128(Int64.max))
        case let (.decimal(_, scale), .string(arena)):
            values = .integers(order.map { row in arena.withBytes(at: row) { DecimalScaled.parse($0, scale: scale) } ?? 0 }, limit: nil)
        case let (.double, .double(v)):
            values = .doubles(order.map { v[$0] })
        default:
            return nil
        }
    }

    /// The positions in `partition` whose key lies within the bound `offset` away from the key
    /// at `p`: the first position not before the bound (`inclusiveUpper` false) or the first
    /// position after it (`inclusiveUpper` true).
    /// A double key's offset counts 10^-scale (`scale` is 0 for every other key type).
    func boundary(at p: Int, offset: Int, scale: Int = 0, in partition: Range<Int>, inclusiveUpper: Bool) throws -> Int {
        let signed = ascending ? offset : -offset
        let compare: (Int) -> Int  // sort-order comparison of the key at a position with the bound
        if isNull[p] {
            compare = { q in isNull[q] ? 0 : (nullsFirst ? 1 : -1) }
        } else {
            switch values {
            case let .integers(keys, limit):
                let bound = keys[p] + Int128(signed)
                if let limit, !limit.contains(bound) {
                    throw SQLError(.execution, "[ARITHMETIC_OVERFLOW] overflow. Use 'try_add' to tolerate overflow and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.",
                                   errorClass: "ARITHMETIC_OVERFLOW")
                }
                compare = { q in
                    if isNull[q] { return nullsFirst ? -1 : 1 }
                    let c = keys[q] < bound ? -1 : (keys[q] > bound ? 1 : 0)
                    return ascending ? c : -c
                }
            case let .doubles(keys):
                // One division by an exact power of ten: the nearest double to the written offset.
                var power = 1.0
                for _ in 0..<max(0, scale) { power *= 10 }
                let bound = keys[p] + Double(signed) / power
                compare = { q in
                    if isNull[q] { return nullsFirst ? -1 : 1 }
                    let c = Self.compareDoubles(keys[q], bound)
                    return ascending ? c : -c
                }
            }
        }
        // Keys are sorted within the partition: binary search for the first position past the bound.
        var lo = partition.lowerBound, hi = partition.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            let c = compare(mid)
            if c < 0 || (inclusiveUpper && c == 0) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Spark's double ordering: NaN above every number, -0.0 equal to 0.0.
    private static func compareDoubles(_ a: Double, _ b: Double) -> Int {
        if a.isNaN { return b.isNaN ? 0 : 1 }
        if b.isNaN { return -1 }
        return a < b ? -1 : (a > b ? 1 : 0)
    }
}
