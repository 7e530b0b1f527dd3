import SparkifyTables

/// One column chunk encoded: its pages, back to back, and what the footer says about them.
struct EncodedColumnChunk: Sendable {
    var bytes: [UInt8]
    var hasDictionaryPage: Bool
    /// Offset of the first data page within `bytes`.
    var dataPageOffset: Int
    var encodings: [Int32]
    var numValues: Int
    var uncompressedSize: Int
    var statistics: ParquetStatisticsData
    var encodingStats: [ParquetPageEncodingCount]
}

/// Encodes rows `rows` of one column into Parquet pages (DataPage v1): definition levels
/// (RLE) for optional columns, then PLAIN values or RLE_DICTIONARY indices after a PLAIN
/// dictionary page, each page compressed on its own.
struct ColumnChunkWriter {
    let column: Column
    let rows: Range<Int>
    let layout: ParquetColumnLayout
    let optional: Bool
    let options: ParquetWriteOptions

    init(column: Column, rows: Range<Int>, layout: ParquetColumnLayout, optional: Bool, options: ParquetWriteOptions) {
        self.column = column
        self.rows = rows
        self.layout = layout
        self.optional = optional
        self.options = options
    }

    /// Encodes the chunk; fails only on a decimal whose text does not fit its type.
    func encode() throws -> EncodedColumnChunk {
        var sink = PageSink(compression: options.compression)
        var statistics = ParquetStatisticsData()
        statistics.nullCount = Int64(nullCount(in: rows))
        var encodings: [Int32] = [ParquetEncoding.plain.rawValue, ParquetEncoding.rle.rawValue]
        var hasDictionary = false
        switch (layout, column.values) {
        case let (.boolean, .boolean(values)):
            try values.withUnsafeBufferPointer { (v) in
                try writePlainPages(rowsPerPage: options.pageRows, into: &sink) { range, body in
                    appendPlainBooleans(v, range, into: &body)
                }
                setStatistics(&statistics, minMax(v, less: { !$0 && $1 }), encode: { [$0 ? 1 : 0] })
            }
        case let (.int32, .int32(values)):
            hasDictionary = try writeFixed(values, into: &sink, statistics: &statistics)
        case let (.int64, .int64(values)):
            hasDictionary = try writeFixed(values, into: &sink, statistics: &statistics)
        case let (.double, .double(values)):
            hasDictionary = try writeFixed(values, into: &sink, statistics: &statistics)
        case let (.decimal32(scale), .string(arena)):
            let unscaled = try decimals(arena, scale: scale, limit: decimalLimit)
            hasDictionary = try writeFixed(unscaled.map { Int32(truncatingIfNeeded: $0) }, into: &sink, statistics: &statistics)
        case let (.decimal64(scale), .string(arena)):
            let unscaled = try decimals(arena, scale: scale, limit: decimalLimit)
            hasDictionary = try writeFixed(unscaled.map { Int64(truncatingIfNeeded: $0) }, into: &sink, statistics: &statistics)
        case let (.decimalFixed(scale, width), .string(arena)):
            let unscaled = try decimals(arena, scale: scale, limit: decimalLimit)
            try writeFixedDecimals(unscaled, width: width, into: &sink, statistics: &statistics)
        case let (.string, .string(arena)):
            hasDictionary = try writeStrings(arena, into: &sink, statistics: &statistics)
        default:
            throw ParquetDecodeFailure("column storage does not match its type \(column.type.simpleString)")
        }
        if hasDictionary { encodings.append(ParquetEncoding.rleDictionary.rawValue) }
        return EncodedColumnChunk(bytes: sink.out, hasDictionaryPage: hasDictionary, dataPageOffset: sink.dataPageOffset ?? 0,
                                  encodings: encodings, numValues: rows.count, uncompressedSize: sink.uncompressedSize,
                                  statistics: statistics, encodingStats: sink.encodingStats)
    }

    // MARK: Pages

    /// Cuts the chunk into pages of `rowsPerPage` rows and writes each with `values` filling
    /// the page's values after its definition levels.
    func writePlainPages(rowsPerPage: Int, encoding: ParquetEncoding = .plain, into sink: inout PageSink,
                         _ values: (Range<Int>, inout [UInt8]) throws -> Void) throws {
        var start = rows.lowerBound
        repeat {
            let end = min(rows.upperBound, start + rowsPerPage)
            var body: [UInt8] = []
            appendDefinitionLevels(start..<end, into: &body)
            try values(start..<end, &body)
            try sink.appendDataPage(rowCount: end - start, encoding: encoding, body: body)
            start = end
        } while start < rows.upperBound
    }

    /// The largest unscaled value the column's decimal precision allows (10^p - 1).
    private var decimalLimit: Int128 {
        guard case let .decimal(precision, _) = column.type else { return 0 }
        var limit: Int128 = 1
        for _ in 0..<min(precision, 38) { limit *= 10 }
        return limit - 1
    }

    // MARK: Levels

    func nullCount(in range: Range<Int>) -> Int {
        guard let validity = column.validity else { return 0 }
        var present = 0
        validity.words.withUnsafeBufferPointer { w in
            for i in range where w[i >> 6] & (1 << UInt64(i & 63)) != 0 { present += 1 }
        }
        return range.count - present
    }

    /// Appends the page's definition levels (4-byte length, then RLE/bit-packed, width 1);
    /// nothing for a required column.
    func appendDefinitionLevels(_ range: Range<Int>, into body: inout [UInt8]) {
        guard optional else { return }
        let lengthAt = body.count
        body.append(contentsOf: [0, 0, 0, 0])
        if let validity = column.validity, nullCount(in: range) > 0 {
            let levels = validity.words.withUnsafeBufferPointer { w in
                [UInt32](unsafeUninitializedCapacity: range.count) { buffer, initialized in
                    for (k, i) in range.enumerated() { buffer[k] = UInt32(truncatingIfNeeded: w[i >> 6] >> UInt64(i & 63)) & 1 }
                    initialized = range.count
                }
            }
            levels.withUnsafeBufferPointer { RLEHybrid.encode($0, width: 1, into: &body) }
        } else {
            RLEHybrid.writeRun(value: 1, count: range.count, width: 1, into: &body)
        }
        let length = UInt32(body.count - lengthAt - 4)
        for b in 0..<4 { body[lengthAt + b] = UInt8(truncatingIfNeeded: length >> UInt32(8 * b)) }
    }

    /// Calls `body` with each non-NULL row of `range`.
    @inline(__always)
    func forEachPresent(_ range: Range<Int>, _ body: (Int) -> Void) {
        if let validity = column.validity {
            validity.words.withUnsafeBufferPointer { w in
                for i in range where w[i >> 6] & (1 << UInt64(i & 63)) != 0 { body(i) }
            }
        } else {
            for i in range { body(i) }
        }
    }

    // MARK: Statistics

    /// The smallest and largest non-NULL values of the chunk by `less`.
    func minMax<T>(_ values: UnsafeBufferPointer<T>, less: (T, T) -> Bool) -> (T, T)? {
        var result: (T, T)?
        forEachPresent(rows) { i in
            let v = values[i]
            if let (lo, hi) = result {
                if less(v, lo) { result = (v, hi) } else if less(hi, v) { result = (lo, v) }
            } else {
                result = (v, v)
            }
        }
        return result
    }

    func setStatistics<T>(_ statistics: inout ParquetStatisticsData, _ minMax: (T, T)?, encode: (T) -> [UInt8]) {
        guard let (lo, hi) = minMax else { return }
        statistics.minValue = encode(lo)
        statistics.maxValue = encode(hi)
    }
}
