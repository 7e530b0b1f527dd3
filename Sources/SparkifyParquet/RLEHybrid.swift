/// The RLE / bit-packing hybrid encoding of definition levels and dictionary indices
/// (parquet-format's Encodings.md): runs of one repeated value (`count << 1` varint, then the
/// value in `ceil(width / 8)` bytes) and bit-packed groups of 8 values (`groups << 1 | 1`
/// varint, then `groups * width` bytes, least significant bit first).
enum RLEHybrid {
    /// A run of at least this many equal values is written as an RLE run.
    static let minimumRun = 8

    /// Appends `values` (each below `1 << width`) to `out`, without a length prefix.
    static func encode(_ values: UnsafeBufferPointer<UInt32>, width: Int, into out: inout [UInt8]) {
        let n = values.count
        var pendingStart = 0  // first value not yet written
        var i = 0
        while i < n {
            let v = values[i]
            var run = 1
            while i + run < n && values[i + run] == v { run += 1 }
            if run >= minimumRun {
                // Bit-packed runs hold multiples of 8 values: fill the pending one from this run.
                let pending = i - pendingStart
                let pad = (8 - pending % 8) % 8
                if pending > 0 {
                    bitPack(values, from: pendingStart, to: i + pad, width: width, into: &out)
                    i += pad
                    run -= pad
                    pendingStart = i
                }
                if run >= minimumRun {
                    writeRun(value: v, count: run, width: width, into: &out)
                    i += run
                    pendingStart = i
                } else {
                    i += run
                }
            } else {
                i += run
            }
        }
        if pendingStart < n { bitPack(values, from: pendingStart, to: n, width: width, into: &out) }
    }

    /// Appends one RLE run.
    static func writeRun(value: UInt32, count: Int, width: Int, into out: inout [UInt8]) {
        ULEB128.append(UInt64(count) << 1, to: &out)
        var v = value
        for _ in 0..<((width + 7) / 8) {
            out.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }

    /// Appends values `from..<to` as one bit-packed run, padding the last group with zeros.
    private static func bitPack(_ values: UnsafeBufferPointer<UInt32>, from: Int, to: Int, width: Int, into out: inout [UInt8]) {
        let groups = (to - from + 7) / 8
        ULEB128.append(UInt64(groups) << 1 | 1, to: &out)
        var accumulator: UInt64 = 0
        var bits = 0
        for k in 0..<(groups * 8) {
            let index = from + k
            let v = index < to ? UInt64(values[index]) : 0
            accumulator |= v << UInt64(bits)
            bits += width
            while bits >= 8 {
                out.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits -= 8
            }
        }
        if bits > 0 { out.append(UInt8(truncatingIfNeeded: accumulator)) }
    }

    /// The number of bits needed for values up to `maxValue`.
    static func bitWidth(_ maxValue: Int) -> Int {
        maxValue <= 0 ? 0 : Int.bitWidth - maxValue.leadingZeroBitCount
    }

    /// Decodes `count` values of `width` bits from `input` into `out` (which must hold `count`),
    /// checking every run against the input's end.
    static func decode(_ input: UnsafeRawBufferPointer, width: Int, count: Int, into out: UnsafeMutableBufferPointer<UInt32>) throws {
        guard width >= 0 && width <= 32 else { throw ParquetDecodeFailure("bit width \(width) is out of range") }
        var position = 0
        var produced = 0
        let byteWidth = (width + 7) / 8
        while produced < count {
            let header = try ULEB128.read(input, at: &position, in: "RLE data")
            if header & 1 == 0 {
                let runLength = header >> 1
                guard runLength > 0 else { throw ParquetDecodeFailure("an empty RLE run") }
                guard byteWidth <= input.count - position else { throw ParquetDecodeFailure("an RLE run ends early") }
                var value: UInt32 = 0
                for b in 0..<byteWidth { value |= UInt32(input[position + b]) << UInt32(8 * b) }
                position += byteWidth
                if width < 32 && value >> UInt32(width) != 0 { throw ParquetDecodeFailure("an RLE value wider than \(width) bits") }
                let n = Int(min(runLength, UInt64(count - produced)))
                (out.baseAddress! + produced).update(repeating: value, count: n)
                produced += n
            } else {
                let groups = header >> 1
                guard groups <= UInt64(input.count - position) else { throw ParquetDecodeFailure("a bit-packed run ends early") }
                let byteCount = Int(groups) * width
                guard byteCount <= input.count - position else { throw ParquetDecodeFailure("a bit-packed run ends early") }
                let n = min(Int(groups) * 8, count - produced)
                unpack(UnsafeRawBufferPointer(rebasing: input[position..<(position + byteCount)]), width: width, count: n,
                       into: out.baseAddress! + produced)
                position += byteCount
                produced += n
            }
        }
    }

    /// Unpacks `count` values of `width` bits (LSB first) from `input`, which holds enough bytes.
    private static func unpack(_ input: UnsafeRawBufferPointer, width: Int, count: Int, into out: UnsafeMutablePointer<UInt32>) {
        if width == 0 {
            out.update(repeating: 0, count: count)
            return
        }
        let mask: UInt64 = (1 << UInt64(width)) - 1
        var accumulator: UInt64 = 0
        var bits = 0
        var position = 0
        for k in 0..<count {
            while bits < width {
                accumulator |= UInt64(input[position]) << UInt64(bits)
                position += 1
                bits += 8
            }
            out[k] = UInt32(truncatingIfNeeded: accumulator & mask)
            accumulator >>= UInt64(width)
            bits -= width
        }
    }
}
