import SparkifyTables

extension ColumnChunkWriter {
    /// Writes a fixed-width column (INT32, INT64, DOUBLE) with PLAIN pages and its statistics.
    func writeFixed<T: PlainFixedWidth>(_ values: [T], into sink: inout PageSink, statistics: inout ParquetStatisticsData) throws {
        let rowsPerPage = min(options.pageRows, max(1, options.pageBytes / MemoryLayout<T>.size))
        try values.withUnsafeBufferPointer { (v) in
            try writePlainPages(rowsPerPage: rowsPerPage, into: &sink) { range, body in
                appendPlainFixed(v, range, into: &body)
            }
            setStatistics(&statistics, T.statisticsRange(self, v), encode: { $0.plainBytes })
        }
    }

    /// Appends the non-NULL values of `range`, little-endian.
    func appendPlainFixed<T: PlainFixedWidth>(_ values: UnsafeBufferPointer<T>, _ range: Range<Int>, into body: inout [UInt8]) {
        let size = MemoryLayout<T>.size
        let present = range.count - nullCount(in: range)
        let start = body.count
        body.append(contentsOf: repeatElement(0, count: present * size))
        body.withUnsafeMutableBytes { raw in
            let target = raw.baseAddress! + start
            if present == range.count {
                target.copyMemory(from: values.baseAddress! + range.lowerBound, byteCount: present * size)
            } else {
                var k = 0
                forEachPresent(range) { i in
                    target.storeBytes(of: values[i], toByteOffset: k * size, as: T.self)
                    k += 1
                }
            }
        }
    }

    /// Appends the non-NULL booleans of `range`, one bit each, least significant first.
    func appendPlainBooleans(_ values: UnsafeBufferPointer<Bool>, _ range: Range<Int>, into body: inout [UInt8]) {
        var byte: UInt8 = 0
        var bits = 0
        forEachPresent(range) { i in
            if values[i] { byte |= 1 << UInt8(bits) }
            bits += 1
            if bits == 8 {
                body.append(byte)
                byte = 0
                bits = 0
            }
        }
        if bits > 0 { body.append(byte) }
    }

    /// The unscaled values of a decimal column's text (0 for NULL), each within `limit`.
    func decimals(_ arena: StringArena, scale: Int, limit: Int128) throws -> [Int128] {
        var result = [Int128](repeating: 0, count: column.count)
        var bad: Int?
        arena.bytes.withUnsafeBufferPointer { bytes in
            arena.offsets.withUnsafeBufferPointer { offsets in
                forEachPresent(rows) { i in
                    guard bad == nil else { return }
                    let text = UnsafeBufferPointer(rebasing: bytes[offsets[i]..<offsets[i + 1]])
                    if let v = DecimalText.unscaled(text, scale: scale), v <= limit, v >= -limit {
                        result[i] = v
                    } else {
                        bad = i
                    }
                }
            }
        }
        if let bad {
            throw ParquetDecodeFailure("row \(bad): '\(arena[bad])' is not a \(column.type.simpleString) value")
        }
        return result
    }

    /// Writes a FIXED_LEN_BYTE_ARRAY decimal column: big-endian two's complement, `width` bytes.
    func writeFixedDecimals(_ values: [Int128], width: Int, into sink: inout PageSink, statistics: inout ParquetStatisticsData) throws {
        let rowsPerPage = min(options.pageRows, max(1, options.pageBytes / width))
        func bigEndian(_ v: Int128) -> [UInt8] {
            (0..<width).map { k in UInt8(truncatingIfNeeded: v >> Int128(8 * (width - 1 - k))) }
        }
        try values.withUnsafeBufferPointer { (v) in
            try writePlainPages(rowsPerPage: rowsPerPage, into: &sink) { range, body in
                forEachPresent(range) { i in body.append(contentsOf: bigEndian(v[i])) }
            }
            setStatistics(&statistics, minMax(v, less: <), encode: bigEndian)
        }
    }
}

/// A fixed-width value written PLAIN as its little-endian bytes.
protocol PlainFixedWidth: BitwiseCopyable {
    var plainBytes: [UInt8] { get }
    /// The chunk's min and max for statistics, in Parquet's order for the type.
    static func statisticsRange(_ writer: ColumnChunkWriter, _ values: UnsafeBufferPointer<Self>) -> (Self, Self)?
}

extension PlainFixedWidth {
    var plainBytes: [UInt8] { withUnsafeBytes(of: self) { [UInt8]($0) } }
}

extension Int32: PlainFixedWidth {
    static func statisticsRange(_ writer: ColumnChunkWriter, _ values: UnsafeBufferPointer<Int32>) -> (Int32, Int32)? {
        writer.minMax(values, less: <)
    }
}

extension Int64: PlainFixedWidth {
    static func statisticsRange(_ writer: ColumnChunkWriter, _ values: UnsafeBufferPointer<Int64>) -> (Int64, Int64)? {
        writer.minMax(values, less: <)
    }
}

extension Double: PlainFixedWidth {
    /// NaN is left out; a zero minimum is written as -0.0 and a zero maximum as +0.0, as the
    /// spec asks, since readers cannot tell which zero the data holds.
    static func statisticsRange(_ writer: ColumnChunkWriter, _ values: UnsafeBufferPointer<Double>) -> (Double, Double)? {
        var result: (Double, Double)?
        writer.forEachPresent(writer.rows) { i in
            let v = values[i]
            if v.isNaN { return }
            if let (lo, hi) = result {
                result = (v < lo ? v : lo, v > hi ? v : hi)
            } else {
                result = (v, v)
            }
        }
        guard var (lo, hi) = result else { return nil }
        if lo == 0 { lo = -0.0 }
        if hi == 0 { hi = 0.0 }
        return (lo, hi)
    }
}
