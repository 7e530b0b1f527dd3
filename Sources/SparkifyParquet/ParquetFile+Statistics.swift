import SparkifyTables

/// A column chunk's statistics from the footer, as sparkify values.
public struct ParquetColumnStatistics: Sendable, Equatable {
    public var nullCount: Int?
    public var min: Value?
    public var max: Value?
}

/// The encodings a column chunk's footer entry lists, by their spec names (`PLAIN`,
/// `RLE_DICTIONARY`, …).
public struct ParquetColumnChunkInfo: Sendable, Equatable {
    public var encodings: [String]
    public var compression: String
    public var compressedBytes: Int
    public var hasDictionaryPage: Bool
}

extension ParquetFile {
    /// The statistics of `column` in row group `rowGroup`, or nil when the file has none
    /// (or the column or row group does not exist). Min and max come from `min_value` and
    /// `max_value`, or from the older `min`/`max` for types whose order they got right.
    public func statistics(column: String, rowGroup: Int) -> ParquetColumnStatistics? {
        guard let c = schema.index(of: column), metadata.rowGroups.indices.contains(rowGroup),
              let stats = metadata.rowGroups[rowGroup].columns[c].metaData?.statistics
        else { return nil }
        let leaf = leaves[c]
        var result = ParquetColumnStatistics(nullCount: stats.nullCount.map { Int($0) })
        let legacyOrderIsRight = leaf.physical != .byteArray && leaf.physical != .fixedLenByteArray && leaf.conversion != .uint32 && leaf.conversion != .uint64
        let lo = stats.minValue ?? (legacyOrderIsRight ? stats.min : nil)
        let hi = stats.maxValue ?? (legacyOrderIsRight ? stats.max : nil)
        result.min = lo.flatMap { statisticValue($0, leaf) }
        result.max = hi.flatMap { statisticValue($0, leaf) }
        return result
    }

    /// Footer facts about one column chunk.
    public func chunkInfo(column: String, rowGroup: Int) -> ParquetColumnChunkInfo? {
        guard let c = schema.index(of: column), metadata.rowGroups.indices.contains(rowGroup),
              let meta = metadata.rowGroups[rowGroup].columns[c].metaData
        else { return nil }
        return ParquetColumnChunkInfo(encodings: meta.encodings.map(ParquetEncoding.name), compression: ParquetCompression.codecName(meta.codec),
                                      compressedBytes: Int(meta.totalCompressedSize), hasDictionaryPage: meta.dictionaryPageOffset != nil)
    }

    /// One PLAIN-encoded statistic (byte arrays without their length) as a value.
    private func statisticValue(_ bytes: [UInt8], _ leaf: ParquetLeaf) -> Value? {
        var plain = bytes
        if leaf.physical == .byteArray {
            let n = UInt32(bytes.count)
            plain = [UInt8(truncatingIfNeeded: n), UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 24)] + bytes
        }
        var leaf = leaf
        if leaf.physical == .fixedLenByteArray { leaf.typeLength = bytes.count }
        let decoder = PlainDecoder(leaf: leaf)
        guard let decoded = try? plain.withUnsafeBytes({ try decoder.decode($0, count: 1) }) else { return nil }
        var output = ColumnOutput(type: leaf.type, capacity: 1)
        guard (try? output.append(decoded, levels: .allPresent(1))) != nil else { return nil }
        return output.build().value(at: 0)
    }
}
