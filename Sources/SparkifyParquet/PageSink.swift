/// Collects a column chunk's pages: each body compressed and preceded by its Thrift header.
struct PageSink {
    let compression: ParquetCompression
    private(set) var out: [UInt8] = []
    private(set) var uncompressedSize = 0
    /// Offset of the first data page in `out`.
    private(set) var dataPageOffset: Int?
    /// Pages written, by type and encoding.
    private(set) var encodingStats: [ParquetPageEncodingCount] = []

    init(compression: ParquetCompression) {
        self.compression = compression
    }

    /// Appends a DataPage v1 of `rowCount` values (NULLs included).
    mutating func appendDataPage(rowCount: Int, encoding: ParquetEncoding, body: [UInt8]) throws {
        if dataPageOffset == nil { dataPageOffset = out.count }
        let header = ParquetPageHeader.DataPage(numValues: Int32(rowCount), encoding: encoding.rawValue,
                                                definitionLevelEncoding: ParquetEncoding.rle.rawValue,
                                                repetitionLevelEncoding: ParquetEncoding.rle.rawValue)
        try appendPage(type: .dataPage, body: body) { $0.dataPage = header }
        countPage(.dataPage, encoding)
    }

    /// Appends a PLAIN dictionary page of `count` entries.
    mutating func appendDictionaryPage(count: Int, body: [UInt8]) throws {
        let header = ParquetPageHeader.DictionaryPage(numValues: Int32(count), encoding: ParquetEncoding.plain.rawValue)
        try appendPage(type: .dictionaryPage, body: body) { $0.dictionaryPage = header }
        countPage(.dictionaryPage, .plain)
    }

    private mutating func countPage(_ type: ParquetPageType, _ encoding: ParquetEncoding) {
        if let k = encodingStats.firstIndex(where: { $0.pageType == type && $0.encoding == encoding }) {
            encodingStats[k].count += 1
        } else {
            encodingStats.append(ParquetPageEncodingCount(pageType: type, encoding: encoding, count: 1))
        }
    }

    private mutating func appendPage(type: ParquetPageType, body: [UInt8], _ fill: (inout ParquetPageHeader) -> Void) throws {
        guard body.count <= Int(Int32.max) else { throw ParquetDecodeFailure("a page larger than 2 GB") }
        let compressed = try body.withUnsafeBytes { (raw) in try PageCodec.compress(raw, compression) }
        var header = ParquetPageHeader(type: type.rawValue, uncompressedPageSize: Int32(body.count),
                                       compressedPageSize: Int32(compressed.count))
        fill(&header)
        let headerBytes = header.encoded()
        out.append(contentsOf: headerBytes)
        out.append(contentsOf: compressed)
        uncompressedSize += headerBytes.count + body.count
    }
}
