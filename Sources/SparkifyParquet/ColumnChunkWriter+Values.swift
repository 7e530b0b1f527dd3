import SparkifyTables

extension ColumnChunkWriter {
    /// Writes a fixed-width column (INT32, INT64, DOUBLE) with PLAIN pages and its statistics.
    /// Writes a fixed-width column (INT32, INT64, DOUBLE): dictionary-encoded while the
    /// dictionary stays small and saves space (as parquet-mr does), PLAIN otherwise. Returns
    /// whether a dictionary page was written.
    func writeFixed<T: PlainFixedWidth>(_ values: [T], into sink: inout PageSink, statistics: inout ParquetStatisticsData) throws -> Bool {
        let rowsPerPage = min(options.pageRows, max(1, options.pageBytes / MemoryLayout<T>.size))
        return try values.withUnsafeBufferPointer { (v) in
            setStatistics(&statistics, T.statisticsRange(self, v), encode: { $0.plainBytes })
            if options.dictionary, let (entries, indices) = buildFixedDictionary(v) {
                var page: [UInt8] = []
                page.reserveCapacity(entries.count * MemoryLayout<T>.size)
                for key in entries { page.append(contentsOf: T(dictionaryKey: key).plainBytes) }
                try sink.appendDictionaryPage(count: entries.count, body: page)
                try writeIndexPages(indices, dictionaryCount: entries.count, into: &sink)
                return true
            }
            try writePlainPages(rowsPerPage: rowsPerPage, into: &sink) { range, body in
                appendPlainFixed(v, range, into: &body)
            }
            return false
        }
    }

    /// The chunk's distinct values (as dictionary keys) and each non-NULL value's entry
    /// number, or nil when the dictionary passes `dictionaryPageBytes` or saves nothing.
    private func buildFixedDictionary<T: PlainFixedWidth>(_ values: UnsafeBufferPointer<T>) -> ([UInt64], [UInt32])? {
        let size = MemoryLayout<T>.size
        let limit = options.dictionaryPageBytes / size
        var dictionary = FixedWidthDictionary()
        var indices: [UInt32] = []
        indices.reserveCapacity(rows.count)
        var tooLarge = false
        forEachPresent(rows) { i in
            if tooLarge { return }
            indices.append(UInt32(dictionary.insert(values[i].dictionaryKey)))
            if dictionary.count > limit { tooLarge = true }
        }
        if tooLarge || indices.isEmpty { return nil }
        let width = max(1, RLEHybrid.bitWidth(dictionary.count - 1))
        // Dictionary indices rarely pay for themselves when most values are distinct.
        guard dictionary.count * size + (indices.count * width + 7) / 8 < indices.count * size / 2 else { return nil }
        return (dictionary.keys, indices)
    }

    /// Appends the non-NULL values of `range`, little-endian.
    func appendPlainFixed<T: PlainFixedWidth>(_ values: UnsafeBufferPointer<T>, _ range: Range<Int>, into body: inout [UInt8]) {
        let size = MemoryLayout<T>.size
        let present = range.count - nullCount(in: range)
        guard present > 0 else { return }
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
    /// The value's bits, as a dictionary key (distinct values have distinct keys).
    var dictionaryKey: UInt64 { get }
    init(dictionaryKey: UInt64)
    /// The chunk's min and max for statistics, in Parquet's order for the type.
    static func statisticsRange(_ writer: ColumnChunkWriter, _ values: UnsafeBufferPointer<Self>) -> (Self, Self)?
}

extension PlainFixedWidth {
    var plainBytes: [UInt8] { withUnsafeBytes(of: self) { [UInt8]($0) } }
}

extension Int32: PlainFixedWidth {
    var dictionaryKey: UInt64 { UInt64(UInt32(bitPattern: self)) }
    init(dictionaryKey: UInt64) { self.init(bitPattern: UInt32(truncatingIfNeeded: dictionaryKey)) }

    static func statisticsRange(_ writer: ColumnChunkWriter, _ values: UnsafeBufferPointer<Int32>) -> (Int32, Int32)? {
        writer.minMax(values, less: <)
    }
}

extension Int64: PlainFixedWidth {
    var dictionaryKey: UInt64 { UInt64(bitPattern: self) }
    init(dictionaryKey: UInt64) { self.init(bitPattern: dictionaryKey) }

    static func statisticsRange(_ writer: ColumnChunkWriter, _ values: UnsafeBufferPointer<Int64>) -> (Int64, Int64)? {
        writer.minMax(values, less: <)
    }
}

extension Double: PlainFixedWidth {
    var dictionaryKey: UInt64 { bitPattern }
    init(dictionaryKey: UInt64) { self.init(bitPattern: dictionaryKey) }

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
