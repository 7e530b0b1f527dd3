/// Decodes one column chunk's pages (dictionary page, DataPage v1 and v2) into a
/// `ColumnOutput`, checking every offset and length against the chunk's bytes.
struct ColumnChunkReader {
    let leaf: ParquetLeaf
    let codec: ParquetCompression
    /// Values (NULLs included) the chunk holds.
    let valueCount: Int

    /// A sanity bound against corrupt headers that claim billions of values in a few bytes.
    static let maximumPageRows: Int32 = 1 << 26

    /// The page being decoded (1-based), for error messages.
    private(set) var page = 0

    init(leaf: ParquetLeaf, codec: ParquetCompression, valueCount: Int) {
        self.leaf = leaf
        self.codec = codec
        self.valueCount = valueCount
    }

    mutating func read(_ chunk: UnsafeRawBufferPointer, into output: inout ColumnOutput) throws {
        let decoder = PlainDecoder(leaf: leaf)
        var dictionary: DecodedValues?
        var position = 0
        var done = 0
        while done < valueCount {
            guard position < chunk.count else {
                throw ParquetDecodeFailure("the chunk ends after \(done) of its \(valueCount) values")
            }
            page += 1
            var reader = ThriftCompactReader(chunk, at: position)
            let header: ParquetPageHeader
            do {
                header = try ParquetPageHeader.decode(&reader)
            } catch {
                throw ParquetDecodeFailure("corrupt page header: \(error.message)")
            }
            let bodyStart = reader.position
            let compressedSize = Int(header.compressedPageSize)
            guard compressedSize <= chunk.count - bodyStart else {
                throw ParquetDecodeFailure("a page of \(compressedSize) bytes runs past the column chunk")
            }
            let body = UnsafeRawBufferPointer(rebasing: chunk[bodyStart..<(bodyStart + compressedSize)])
            position = bodyStart + compressedSize
            let uncompressedSize = Int(header.uncompressedPageSize)

            switch ParquetPageType(rawValue: header.type) {
            case .dictionaryPage:
                guard let info = header.dictionaryPage else { throw ParquetDecodeFailure("a dictionary page without its header") }
                guard info.encoding == ParquetEncoding.plain.rawValue || info.encoding == ParquetEncoding.plainDictionary.rawValue else {
                    throw ParquetDecodeFailure("a dictionary page in \(ParquetEncoding.name(info.encoding)) encoding")
                }
                guard info.numValues >= 0 else { throw ParquetDecodeFailure("a dictionary of \(info.numValues) entries") }
                let data = try PageCodec.decompress(body, codec, size: uncompressedSize)
                dictionary = try data.withUnsafeBytes { (raw) in try decoder.decode(raw, count: Int(info.numValues)) }
            case .dataPage:
                guard let info = header.dataPage else { throw ParquetDecodeFailure("a data page without its header") }
                let rows = try pageRows(info.numValues, done: done)
                let data = try PageCodec.decompress(body, codec, size: uncompressedSize)
                try data.withUnsafeBytes { (raw) in
                    var valuesStart = 0
                    var present = PageLevels.allPresent(rows)
                    if leaf.optional {
                        guard info.definitionLevelEncoding == ParquetEncoding.rle.rawValue else {
                            throw ParquetDecodeFailure("definition levels in \(ParquetEncoding.name(info.definitionLevelEncoding)) encoding")
                        }
                        guard raw.count >= 4 else { throw ParquetDecodeFailure("the definition levels' length is missing") }
                        let length = Int(raw.loadUnaligned(as: UInt32.self))
                        guard length <= raw.count - 4 else { throw ParquetDecodeFailure("definition levels of \(length) bytes run past the page") }
                        present = try levels(UnsafeRawBufferPointer(rebasing: raw[4..<(4 + length)]), rows: rows)
                        valuesStart = 4 + length
                    }
                    let values = UnsafeRawBufferPointer(rebasing: raw[valuesStart...])
                    try appendValues(values, encoding: info.encoding, present: present, rows: rows, dictionary: dictionary, decoder: decoder, into: &output)
                }
                done += rows
            case .dataPageV2:
                guard let info = header.dataPageV2 else { throw ParquetDecodeFailure("a v2 data page without its header") }
                let rows = try pageRows(info.numValues, done: done)
                let repetitionLength = Int(info.repetitionLevelsByteLength), definitionLength = Int(info.definitionLevelsByteLength)
                guard repetitionLength == 0 else { throw ParquetDecodeFailure("repetition levels in a flat column") }
                guard definitionLength >= 0 && definitionLength <= body.count && definitionLength <= uncompressedSize else {
                    throw ParquetDecodeFailure("definition levels of \(definitionLength) bytes run past the page")
                }
                var present = PageLevels.allPresent(rows)
                if leaf.optional {
                    present = try levels(UnsafeRawBufferPointer(rebasing: body[0..<definitionLength]), rows: rows)
                }
                let valueBytes = UnsafeRawBufferPointer(rebasing: body[definitionLength...])
                let data = try PageCodec.decompress(valueBytes, info.isCompressed ? codec : .none, size: uncompressedSize - definitionLength)
                try data.withUnsafeBytes { (raw) in
                    try appendValues(raw, encoding: info.encoding, present: present, rows: rows, dictionary: dictionary, decoder: decoder, into: &output)
                }
                done += rows
            default:
                continue  // index pages and unknown page types are skipped
            }
        }
    }

    private func pageRows(_ numValues: Int32, done: Int) throws -> Int {
        guard numValues >= 0 && Int(numValues) <= valueCount - done else {
            throw ParquetDecodeFailure("a page of \(numValues) values where \(valueCount - done) remain")
        }
        guard numValues <= ColumnChunkReader.maximumPageRows else {
            throw ParquetDecodeFailure("a page of \(numValues) values, more than sparkify reads in one page")
        }
        return Int(numValues)
    }

    /// Definition levels (RLE/bit-packed, width 1): 1 for a value, 0 for NULL.
    private func levels(_ input: UnsafeRawBufferPointer, rows: Int) throws -> PageLevels {
        var out = [UInt32](repeating: 0, count: rows)
        try out.withUnsafeMutableBufferPointer { (buffer) in
            try RLEHybrid.decode(input, width: 1, count: rows, into: buffer)
        }
        return PageLevels(levels: out)
    }

    private func appendValues(_ raw: UnsafeRawBufferPointer, encoding: Int32, present: PageLevels, rows: Int,
                              dictionary: DecodedValues?, decoder: PlainDecoder, into output: inout ColumnOutput) throws {
        let count = present.presentCount
        let values: DecodedValues
        switch ParquetEncoding(rawValue: encoding) {
        case .plain where leaf.conversion == .bytes:
            try output.appendPlainStrings(raw, levels: present)
            return
        case .plain:
            values = try decoder.decode(raw, count: count)
        case .plainDictionary, .rleDictionary:
            guard let dictionary else { throw ParquetDecodeFailure("a dictionary-encoded page without a dictionary page") }
            var indices = [UInt32](repeating: 0, count: count)
            if count > 0 {
                guard raw.count >= 1 else { throw ParquetDecodeFailure("dictionary indices are missing") }
                let width = Int(raw[0])
                try indices.withUnsafeMutableBufferPointer { (buffer) in
                    try RLEHybrid.decode(UnsafeRawBufferPointer(rebasing: raw[1...]), width: width, count: count, into: buffer)
                }
            }
            if case let .bytes(entryBytes, entryOffsets) = dictionary {
                try output.appendStrings(dictionaryBytes: entryBytes, dictionaryOffsets: entryOffsets, indices: indices, levels: present)
                return
            }
            values = try indices.withUnsafeBufferPointer { (i) in try dictionary.gather(i) }
        case .rle where leaf.physical == .boolean:
            guard raw.count >= 4 else { throw ParquetDecodeFailure("RLE booleans without their length") }
            let length = Int(raw.loadUnaligned(as: UInt32.self))
            guard length <= raw.count - 4 else { throw ParquetDecodeFailure("RLE booleans run past the page") }
            var bits = [UInt32](repeating: 0, count: count)
            try bits.withUnsafeMutableBufferPointer { (buffer) in
                try RLEHybrid.decode(UnsafeRawBufferPointer(rebasing: raw[4..<(4 + length)]), width: 1, count: count, into: buffer)
            }
            values = .boolean(bits.map { $0 != 0 })
        case .deltaBinaryPacked:
            let plain = try DeltaDecoder.plainIntegers(raw, count: count, physical: leaf.physical)
            values = try plain.withUnsafeBytes { try decoder.decode($0, count: count) }
        case .deltaLengthByteArray, .deltaByteArray:
            let plain = try DeltaDecoder.plainByteArrays(raw, count: count, prefixed: encoding == ParquetEncoding.deltaByteArray.rawValue,
                                                         physical: leaf.physical, typeLength: leaf.typeLength)
            values = try plain.withUnsafeBytes { try decoder.decode($0, count: count) }
        case .byteStreamSplit:
            let width: Int
            switch leaf.physical {
            case .int32, .float: width = 4
            case .int64, .double: width = 8
            case .fixedLenByteArray: width = leaf.typeLength
            default: throw ParquetDecodeFailure("BYTE_STREAM_SPLIT for a \(leaf.physical.name) column")
            }
            let plain = try DeltaDecoder.plainFromByteStreams(raw, count: count, width: width)
            values = try plain.withUnsafeBytes { try decoder.decode($0, count: count) }
        default:
            throw ParquetDecodeFailure("values in \(ParquetEncoding.name(encoding)) encoding, which sparkify does not read")
        }
        try output.append(values, levels: present)
    }
}
