#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SparkifyTables

extension ComparisonKernels {
    /// `column = 'text'` and `column <> 'text'` (either side constant) straight over the
    /// arena's offsets: a length check, then the bytes only where the lengths agree (the
    /// ETL's `page = 'NextSong'` over every event). Nil for any other shape.
    static func stringEqualityWithConstant(_ op: ComparisonOperator, _ left: ScalarOperand, _ right: ScalarOperand, rowCount: Int) -> Column? {
        guard op == .equal || op == .notEqual, left.type == .string, right.type == .string else { return nil }
        let column: Column, text: String
        switch (left, right) {
        case let (.column(c), .constant(.string(s), _)), let (.constant(.string(s), _), .column(c)):
            (column, text) = (c, s)
        default:
            return nil
        }
        guard case let .string(arena) = column.values, arena.count == rowCount else { return nil }
        let wanted = Array(text.utf8)
        let isEqual = op == .equal
        let validity = column.validity
        return ColumnMaker.boolean(count: rowCount, validity: validity) { out in
            arena.offsets.withUnsafeBufferPointer { offsets in
                arena.bytes.withUnsafeBufferPointer { bytes in
                    wanted.withUnsafeBufferPointer { w in
                        let length = w.count
                        for i in 0..<rowCount {
                            let start = offsets[i]
                            var same = offsets[i &+ 1] &- start == length
                            if same, length > 0, let b = bytes.baseAddress, let t = w.baseAddress {
                                same = memcmp(b + start, t, length) == 0
                            }
                            out[i] = same == isEqual
                        }
                    }
                }
            }
            if let validity {
                for i in 0..<rowCount where !validity.isValid(i) { out[i] = false }
            }
        }
    }
}
