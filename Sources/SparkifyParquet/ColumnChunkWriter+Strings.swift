import SparkifyTables

extension ColumnChunkWriter {
    /// Writes a BYTE_ARRAY column straight from the arena's bytes: dictionary-encoded while the
    /// dictionary stays under `dictionaryPageBytes` and actually saves space (as parquet-mr
    /// decides), PLAIN otherwise. Returns whether a dictionary page was written.
    func writeStrings(_ arena: StringArena, into sink: inout PageSink, statistics: inout ParquetStatisticsData) throws -> Bool {
        try arena.bytes.withUnsafeBytes { (bytes) in
            try arena.offsets.withUnsafeBufferPointer { (offsets) in
                let value = { (i: Int) in UnsafeRawBufferPointer(rebasing: bytes[offsets[i]..<offsets[i + 1]]) }
                if options.dictionary, let (dictionary, indices) = buildDictionary(offsets: offsets, value: value) {
                    try writeDictionaryPages(dictionary, indices, into: &sink)
                    dictionary.bytes.withUnsafeBytes { all in
                        dictionary.offsets.withUnsafeBufferPointer { o in
                            setStringStatistics(&statistics, count: dictionary.count) { UnsafeRawBufferPointer(rebasing: all[o[$0]..<o[$0 + 1]]) }
                        }
                    }
                    return true
                }
                try writePlainStringPages(offsets: offsets, value: value, into: &sink)
                setStringStatistics(&statistics, rows: rows, value: value)
                return false
            }
        }
    }

    /// The chunk's dictionary and the entry number of each non-NULL value, or nil when the
    /// dictionary grows past the limit or would not be smaller than PLAIN.
    private func buildDictionary(offsets: UnsafeBufferPointer<Int>, value: (Int) -> UnsafeRawBufferPointer) -> (StringDictionary, [UInt32])? {
        var dictionary = StringDictionary(expected: min(rows.count, 4096))
        var indices: [UInt32] = []
        indices.reserveCapacity(rows.count)
        var plainBytes = 0
        var tooLarge = false
        forEachPresent(rows) { i in
            if tooLarge { return }
            let v = value(i)
            plainBytes += 4 + v.count
            indices.append(UInt32(dictionary.insert(v)))
            if dictionary.plainSize > options.dictionaryPageBytes { tooLarge = true }
        }
        if tooLarge { return nil }
        let width = max(1, RLEHybrid.bitWidth(dictionary.count - 1))
        let encodedEstimate = dictionary.plainSize + (indices.count * width + 7) / 8
        if indices.count > 0 && encodedEstimate >= plainBytes { return nil }
        return (dictionary, indices)
    }

    private func writeDictionaryPages(_ dictionary: StringDictionary, _ indices: [UInt32], into sink: inout PageSink) throws {
        var page: [UInt8] = []
        page.reserveCapacity(dictionary.plainSize)
        dictionary.bytes.withUnsafeBytes { all in
            for e in 0..<dictionary.count {
                let start = dictionary.offsets[e], end = dictionary.offsets[e + 1]
                appendLength(end - start, to: &page)
                page.append(contentsOf: all[start..<end])
            }
        }
        try sink.appendDictionaryPage(count: dictionary.count, body: page)
        try writeIndexPages(indices, dictionaryCount: dictionary.count, into: &sink)
    }

    /// Writes RLE_DICTIONARY data pages: definition levels, the bit width, then the entry
    /// numbers of the page's non-NULL values.
    func writeIndexPages(_ indices: [UInt32], dictionaryCount: Int, into sink: inout PageSink) throws {
        let width = max(1, RLEHybrid.bitWidth(dictionaryCount - 1))
        var cursor = 0
        try indices.withUnsafeBufferPointer { (all) in
            try writePlainPages(rowsPerPage: options.pageRows, encoding: .rleDictionary, into: &sink) { range, body in
                let present = range.count - nullCount(in: range)
                body.append(UInt8(width))
                RLEHybrid.encode(UnsafeBufferPointer(rebasing: all[cursor..<(cursor + present)]), width: width, into: &body)
                cursor += present
            }
        }
    }

    private func writePlainStringPages(offsets: UnsafeBufferPointer<Int>, value: (Int) -> UnsafeRawBufferPointer, into sink: inout PageSink) throws {
        var start = rows.lowerBound
        repeat {
            // Cut the page where its values pass `pageBytes` (or `pageRows`).
            var end = start
            var size = 0
            while end < rows.upperBound && end - start < options.pageRows && size < options.pageBytes {
                size += 4 + offsets[end + 1] - offsets[end]
                end += 1
            }
            var body: [UInt8] = []
            body.reserveCapacity(size + (end - start) / 4 + 8)
            appendDefinitionLevels(start..<end, into: &body)
            forEachPresent(start..<end) { i in
                let v = value(i)
                appendLength(v.count, to: &body)
                body.append(contentsOf: v)
            }
            try sink.appendDataPage(rowCount: end - start, encoding: .plain, body: body)
            start = end
        } while start < rows.upperBound
    }

    @inline(__always)
    private func appendLength(_ n: Int, to body: inout [UInt8]) {
        let v = UInt32(truncatingIfNeeded: n)
        body.append(UInt8(truncatingIfNeeded: v))
        body.append(UInt8(truncatingIfNeeded: v >> 8))
        body.append(UInt8(truncatingIfNeeded: v >> 16))
        body.append(UInt8(truncatingIfNeeded: v >> 24))
    }

    /// Min and max by unsigned bytes over dictionary entries `0..<count`.
    private func setStringStatistics(_ statistics: inout ParquetStatisticsData, count: Int, value: (Int) -> UnsafeRawBufferPointer) {
        guard count > 0 else { return }
        var lo = 0, hi = 0
        for e in 1..<count {
            if compareBytes(value(e), value(lo)) < 0 { lo = e }
            if compareBytes(value(e), value(hi)) > 0 { hi = e }
        }
        storeStringStatistics(&statistics, value(lo), value(hi))
    }

    /// Min and max by unsigned bytes over the non-NULL values of `rows`.
    private func setStringStatistics(_ statistics: inout ParquetStatisticsData, rows: Range<Int>, value: (Int) -> UnsafeRawBufferPointer) {
        var lo = -1, hi = -1
        forEachPresent(rows) { i in
            if lo < 0 {
                lo = i
                hi = i
                return
            }
            let v = value(i)
            if compareBytes(v, value(lo)) < 0 { lo = i } else if compareBytes(v, value(hi)) > 0 { hi = i }
        }
        guard lo >= 0 else { return }
        storeStringStatistics(&statistics, value(lo), value(hi))
    }

    /// Like parquet-mr, leaves out min and max when together they pass 4 KB.
    private func storeStringStatistics(_ statistics: inout ParquetStatisticsData, _ lo: UnsafeRawBufferPointer, _ hi: UnsafeRawBufferPointer) {
        guard lo.count + hi.count <= 4096 else { return }
        statistics.minValue = [UInt8](lo)
        statistics.maxValue = [UInt8](hi)
    }
}
