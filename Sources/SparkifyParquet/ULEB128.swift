/// Unsigned LEB128 varints, as Parquet's RLE headers, DELTA encodings and Thrift's compact
/// protocol write integers: seven bits a byte, low bits first, the high bit set on all but the last.
enum ULEB128 {
    /// Appends `value` to `out`.
    static func append(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// Reads one varint at `position` and moves past it; `what` names the data in errors.
    static func read(_ input: UnsafeRawBufferPointer, at position: inout Int, in what: String) throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < input.count else { throw ParquetDecodeFailure("\(what) ends early") }
            guard shift < 64 else { throw ParquetDecodeFailure("a varint in \(what) longer than 10 bytes") }
            let b = input[position]
            position += 1
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }
}
