import SparkifyTables

/// Fixed-width values a column can store.
protocol ColumnStorable {
    static var zeroValue: Self { get }
    static func columnValues(_ values: [Self]) -> ColumnValues
}

extension Int32: ColumnStorable {
    static var zeroValue: Int32 { 0 }
    static func columnValues(_ values: [Int32]) -> ColumnValues { .int32(values) }
}

extension Int64: ColumnStorable {
    static var zeroValue: Int64 { 0 }
    static func columnValues(_ values: [Int64]) -> ColumnValues { .int64(values) }
}

extension Double: ColumnStorable {
    static var zeroValue: Double { 0 }
    static func columnValues(_ values: [Double]) -> ColumnValues { .double(values) }
}

extension Bool: ColumnStorable {
    static var zeroValue: Bool { false }
    static func columnValues(_ values: [Bool]) -> ColumnValues { .boolean(values) }
}

/// Row-at-a-time loops that build a result column without boxing: `body` runs only for rows
/// valid in `validity` and returns the value, or nil for a NULL result.
enum RowMapper {
    @inline(__always)
    static func map<T: ColumnStorable>(
        _ type: DataType, count: Int, validity: Validity?, as _: T.Type = T.self,
        _ body: (Int) throws -> T?
    ) rethrows -> Column {
        var marks = NullMarks(count: count)
        let values = try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: T.zeroValue)
            if let validity {
                try validity.words.withUnsafeBufferPointer { words in
                    for i in 0..<count where words[i &>> 6] & (1 &<< UInt64(i & 63)) != 0 {
                        if let v = try body(i) { buffer[i] = v } else { marks.setNull(i) }
                    }
                }
            } else {
                for i in 0..<count {
                    if let v = try body(i) { buffer[i] = v } else { marks.setNull(i) }
                }
            }
            initialized = count
        }
        return Column(type: type, values: T.columnValues(values), validity: marks.validity(combinedWith: validity))
    }

    /// Strings: `body` appends the row's bytes to the scratch buffer and returns false for NULL.
    @inline(__always)
    static func mapString(
        _ type: DataType, count: Int, validity: Validity?, byteHint: Int = 0,
        _ body: (Int, inout [UInt8]) throws -> Bool
    ) rethrows -> Column {
        var marks = NullMarks(count: count)
        var arena = StringArena()
        arena.reserveCapacity(values: count, bytes: byteHint)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        let words = validity?.words ?? []
        for i in 0..<count {
            if !words.isEmpty, words[i &>> 6] & (1 &<< UInt64(i & 63)) == 0 {
                arena.appendEmpty()
                continue
            }
            scratch.removeAll(keepingCapacity: true)
            if try body(i, &scratch) {
                scratch.withUnsafeBufferPointer { arena.append($0) }
            } else {
                arena.appendEmpty()
                marks.setNull(i)
            }
        }
        return Column(type: type, values: .string(arena), validity: marks.validity(combinedWith: validity))
    }
}

extension Array where Element == UInt8 {
    /// Appends the decimal digits of `value`.
    @inline(__always)
    mutating func appendDecimal(_ value: Int64) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            if value == .min {
                append(contentsOf: Array("9223372036854775808".utf8))
                return
            }
        }
        var v = value < 0 ? -value : value
        if v < 10 {
            append(UInt8(48 + v))
            return
        }
        let first = count
        repeat {
            append(UInt8(48 + v % 10))
            v /= 10
        } while v > 0
        var lo = first, hi = count - 1
        while lo < hi {
            swapAt(lo, hi)
            lo += 1
            hi -= 1
        }
    }

    /// Appends `value` zero-padded to `width` digits (a '-' first when negative).
    @inline(__always)
    mutating func appendPadded(_ value: Int, width: Int) {
        if width == 2, value >= 0, value < 100 {
            append(UInt8(48 + value / 10))
            append(UInt8(48 + value % 10))
            return
        }
        if width == 4, value >= 0, value < 10_000 {
            append(UInt8(48 + value / 1000))
            append(UInt8(48 + value / 100 % 10))
            append(UInt8(48 + value / 10 % 10))
            append(UInt8(48 + value % 10))
            return
        }
        if value < 0 {
            append(UInt8(ascii: "-"))
            appendPadded(-value, width: width)
            return
        }
        var digitCount = 1
        var probe = value
        while probe >= 10 { probe /= 10; digitCount += 1 }
        if digitCount < width { for _ in 0..<(width - digitCount) { append(48) } }
        appendDecimal(Int64(value))
    }

    mutating func appendString(_ s: String) {
        append(contentsOf: s.utf8)
    }
}
