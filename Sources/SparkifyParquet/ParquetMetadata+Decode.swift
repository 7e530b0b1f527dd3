// Thrift compact decoding of the metadata structures. Unknown fields are skipped; missing
// required fields are errors. A field of an unexpected Thrift type is an error too (via the
// typed readers), never a crash.

typealias ThriftFailure = ThriftCompactReader.Failure

extension ThriftCompactReader {
    /// Reads a struct, calling `field` for each field header; `field` must consume the value
    /// (or call `skip`).
    mutating func readStruct(_ field: (inout ThriftCompactReader, Int16, UInt8) throws(Failure) -> Void) throws(Failure) {
        beginStruct()
        while let (id, type) = try readFieldHeader() {
            try field(&self, id, type)
        }
        endStruct()
    }

    /// Reads a list of `element`-typed values with `read`, checking the element type.
    mutating func readList<T>(of element: TypeID, _ read: (inout ThriftCompactReader) throws(Failure) -> T) throws(Failure) -> [T] {
        let (type, count) = try readListHeader()
        guard count == 0 || type == element.rawValue else {
            throw Failure(message: "a list of Thrift type \(type) where \(element) was expected")
        }
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try read(&self)) }
        return out
    }

    fileprivate mutating func expect(_ type: UInt8, _ wanted: TypeID, _ name: String) throws(Failure) {
        guard type == wanted.rawValue else { throw Failure(message: "field \(name) has Thrift type \(type), not \(wanted)") }
    }
}

func missing(_ name: String, in structure: String) -> ThriftFailure {
    ThriftFailure(message: "\(structure) has no \(name)")
}

extension ParquetFileMetaData {
    static func decode(_ r: inout ThriftCompactReader) throws(ThriftFailure) -> ParquetFileMetaData {
        var version: Int32?, schema: [ParquetSchemaElement]?, numRows: Int64?, rowGroups: [ParquetRowGroup]?
        var keyValues: [(key: String, value: String?)] = []
        var createdBy: String?
        try r.readStruct { (r, id, type) throws(ThriftFailure) in
            switch id {
            case 1: try r.expect(type, .i32, "version"); version = try r.readI32()
            case 2: try r.expect(type, .list, "schema"); schema = try r.readList(of: .structure) { (r) throws(ThriftFailure) in try ParquetSchemaElement.decode(&r) }
            case 3: try r.expect(type, .i64, "num_rows"); numRows = try r.readI64()
            case 4: try r.expect(type, .list, "row_groups"); rowGroups = try r.readList(of: .structure) { (r) throws(ThriftFailure) in try ParquetRowGroup.decode(&r) }
            case 5:
                try r.expect(type, .list, "key_value_metadata")
                keyValues = try r.readList(of: .structure) { (r) throws(ThriftFailure) in
                    var key: String?, value: String?
                    try r.readStruct { (r, id, type) throws(ThriftFailure) in
                        switch id {
                        case 1: try r.expect(type, .binary, "key"); key = try r.readString()
                        case 2: try r.expect(type, .binary, "value"); value = try r.readString()
                        default: try r.skip(type)
                        }
                    }
                    guard let key else { throw missing("key", in: "KeyValue") }
                    return (key, value)
                }
            case 6: try r.expect(type, .binary, "created_by"); createdBy = try r.readString()
            default: try r.skip(type)
            }
        }
        guard let version else { throw missing("version", in: "FileMetaData") }
        guard let schema else { throw missing("schema", in: "FileMetaData") }
        guard let numRows else { throw missing("num_rows", in: "FileMetaData") }
        guard let rowGroups else { throw missing("row_groups", in: "FileMetaData") }
        return ParquetFileMetaData(version: version, schema: schema, numRows: numRows, rowGroups: rowGroups,
                                   keyValueMetadata: keyValues, createdBy: createdBy, typeDefinedColumnOrders: 0)
    }
}

extension ParquetSchemaElement {
    static func decode(_ r: inout ThriftCompactReader) throws(ThriftFailure) -> ParquetSchemaElement {
        var e = ParquetSchemaElement(name: "")
        var sawName = false
        try r.readStruct { (r, id, type) throws(ThriftFailure) in
            switch id {
            case 1:
                try r.expect(type, .i32, "type")
                let raw = try r.readI32()
                guard let t = ParquetPhysicalType(rawValue: raw) else { throw ThriftFailure(message: "unknown physical type \(raw)") }
                e.type = t
            case 2: try r.expect(type, .i32, "type_length"); e.typeLength = try r.readI32()
            case 3:
                try r.expect(type, .i32, "repetition_type")
                let raw = try r.readI32()
                guard let rep = ParquetRepetition(rawValue: raw) else { throw ThriftFailure(message: "unknown repetition \(raw)") }
                e.repetition = rep
            case 4: try r.expect(type, .binary, "name"); e.name = try r.readString(); sawName = true
            case 5: try r.expect(type, .i32, "num_children"); e.numChildren = try r.readI32()
            case 6: try r.expect(type, .i32, "converted_type"); e.convertedType = try r.readI32()
            case 7: try r.expect(type, .i32, "scale"); e.scale = try r.readI32()
            case 8: try r.expect(type, .i32, "precision"); e.precision = try r.readI32()
            case 10: try r.expect(type, .structure, "logicalType"); e.logicalType = try ParquetLogicalType.decode(&r)
            default: try r.skip(type)
            }
        }
        guard sawName else { throw missing("name", in: "SchemaElement") }
        return e
    }
}

extension ParquetLogicalType {
    static func decode(_ r: inout ThriftCompactReader) throws(ThriftFailure) -> ParquetLogicalType? {
        var result: ParquetLogicalType?
        try r.readStruct { (r, id, type) throws(ThriftFailure) in
            switch id {
            case 5:
                var scale: Int32?, precision: Int32?
                try r.readStruct { (r, id, type) throws(ThriftFailure) in
                    switch id {
                    case 1: try r.expect(type, .i32, "scale"); scale = try r.readI32()
                    case 2: try r.expect(type, .i32, "precision"); precision = try r.readI32()
                    default: try r.skip(type)
                    }
                }
                guard let scale, let precision else { throw missing("scale or precision", in: "DecimalType") }
                result = .decimal(scale: scale, precision: precision)
            case 7, 8:
                var utc = false, unit: ParquetTimeUnit?
                try r.readStruct { (r, id, type) throws(ThriftFailure) in
                    switch id {
                    case 1: utc = try r.readBoolField()
                    case 2:
                        try r.readStruct { (r, id, type) throws(ThriftFailure) in
                            switch id {
                            case 1: unit = .millis
                            case 2: unit = .micros
                            case 3: unit = .nanos
                            default: break
                            }
                            try r.skip(type)
                        }
                    default: try r.skip(type)
                    }
                }
                guard let unit else { throw missing("unit", in: "TimestampType") }
                result = id == 8 ? .timestamp(adjustedToUTC: utc, unit: unit) : .time(adjustedToUTC: utc, unit: unit)
            case 10:
                var bitWidth: Int64 = 0, signed = true
                try r.readStruct { (r, id, type) throws(ThriftFailure) in
                    switch id {
                    case 1: bitWidth = try r.readSmallInt(type: type)
                    case 2: signed = try r.readBoolField()
                    default: try r.skip(type)
                    }
                }
                result = .integer(bitWidth: Int8(truncatingIfNeeded: bitWidth), signed: signed)
            default:
                try r.skip(type)
                switch id {
                case 1: result = .string
                case 4: result = .enumeration
                case 6: result = .date
                case 11: result = .unknown
                case 12: result = .json
                case 13: result = .bson
                case 14: result = .uuid
                default: result = .other(id)
                }
            }
        }
        return result
    }
}

extension ParquetRowGroup {
    static func decode(_ r: inout ThriftCompactReader) throws(ThriftFailure) -> ParquetRowGroup {
        var columns: [ParquetColumnChunk]?, totalByteSize: Int64 = 0, numRows: Int64?
        var fileOffset: Int64?, totalCompressed: Int64?
        try r.readStruct { (r, id, type) throws(ThriftFailure) in
            switch id {
            case 1: try r.expect(type, .list, "columns"); columns = try r.readList(of: .structure) { (r) throws(ThriftFailure) in try ParquetColumnChunk.decode(&r) }
            case 2: try r.expect(type, .i64, "total_byte_size"); totalByteSize = try r.readI64()
            case 3: try r.expect(type, .i64, "num_rows"); numRows = try r.readI64()
            case 5: try r.expect(type, .i64, "file_offset"); fileOffset = try r.readI64()
            case 6: try r.expect(type, .i64, "total_compressed_size"); totalCompressed = try r.readI64()
            default: try r.skip(type)
            }
        }
        guard let columns else { throw missing("columns", in: "RowGroup") }
        guard let numRows else { throw missing("num_rows", in: "RowGroup") }
        return ParquetRowGroup(columns: columns, totalByteSize: totalByteSize, numRows: numRows,
                               fileOffset: fileOffset, totalCompressedSize: totalCompressed, ordinal: nil)
    }
}

extension ParquetColumnChunk {
    static func decode(_ r: inout ThriftCompactReader) throws(ThriftFailure) -> ParquetColumnChunk {
        var chunk = ParquetColumnChunk(filePath: nil, fileOffset: 0, metaData: nil)
        try r.readStruct { (r, id, type) throws(ThriftFailure) in
            switch id {
            case 1: try r.expect(type, .binary, "file_path"); chunk.filePath = try r.readString()
            case 2: try r.expect(type, .i64, "file_offset"); chunk.fileOffset = try r.readI64()
            case 3: try r.expect(type, .structure, "meta_data"); chunk.metaData = try ParquetColumnMetaData.decode(&r)
            default: try r.skip(type)
            }
        }
        return chunk
    }
}

extension ParquetColumnMetaData {
    static func decode(_ r: inout ThriftCompactReader) throws(ThriftFailure) -> ParquetColumnMetaData {
        var type: ParquetPhysicalType?, encodings: [Int32] = [], path: [String] = [], codec: Int32?
        var numValues: Int64?, uncompressed: Int64 = 0, compressed: Int64?, dataPageOffset: Int64?
        var dictionaryPageOffset: Int64?, statistics: ParquetStatisticsData?
        try r.readStruct { (r, id, t) throws(ThriftFailure) in
            switch id {
            case 1:
                try r.expect(t, .i32, "type")
                let raw = try r.readI32()
                guard let p = ParquetPhysicalType(rawValue: raw) else { throw ThriftFailure(message: "unknown physical type \(raw)") }
                type = p
            case 2: try r.expect(t, .list, "encodings"); encodings = try r.readList(of: .i32) { (r) throws(ThriftFailure) in try r.readI32() }
            case 3: try r.expect(t, .list, "path_in_schema"); path = try r.readList(of: .binary) { (r) throws(ThriftFailure) in try r.readString() }
            case 4: try r.expect(t, .i32, "codec"); codec = try r.readI32()
            case 5: try r.expect(t, .i64, "num_values"); numValues = try r.readI64()
            case 6: try r.expect(t, .i64, "total_uncompressed_size"); uncompressed = try r.readI64()
            case 7: try r.expect(t, .i64, "total_compressed_size"); compressed = try r.readI64()
            case 9: try r.expect(t, .i64, "data_page_offset"); dataPageOffset = try r.readI64()
            case 11: try r.expect(t, .i64, "dictionary_page_offset"); dictionaryPageOffset = try r.readI64()
            case 12: try r.expect(t, .structure, "statistics"); statistics = try ParquetStatisticsData.decode(&r)
            default: try r.skip(t)
            }
        }
        guard let type else { throw missing("type", in: "ColumnMetaData") }
        guard let codec else { throw missing("codec", in: "ColumnMetaData") }
        guard let numValues else { throw missing("num_values", in: "ColumnMetaData") }
        guard let compressed else { throw missing("total_compressed_size", in: "ColumnMetaData") }
        guard let dataPageOffset else { throw missing("data_page_offset", in: "ColumnMetaData") }
        return ParquetColumnMetaData(type: type, encodings: encodings, path: path, codec: codec, numValues: numValues,
                                     totalUncompressedSize: uncompressed, totalCompressedSize: compressed,
                                     dataPageOffset: dataPageOffset, dictionaryPageOffset: dictionaryPageOffset,
                                     statistics: statistics)
    }
}

extension ParquetStatisticsData {
    static func decode(_ r: inout ThriftCompactReader) throws(ThriftFailure) -> ParquetStatisticsData {
        var s = ParquetStatisticsData()
        try r.readStruct { (r, id, type) throws(ThriftFailure) in
            switch id {
            case 1: try r.expect(type, .binary, "max"); s.max = try r.readBinary()
            case 2: try r.expect(type, .binary, "min"); s.min = try r.readBinary()
            case 3: try r.expect(type, .i64, "null_count"); s.nullCount = try r.readI64()
            case 4: try r.expect(type, .i64, "distinct_count"); s.distinctCount = try r.readI64()
            case 5: try r.expect(type, .binary, "max_value"); s.maxValue = try r.readBinary()
            case 6: try r.expect(type, .binary, "min_value"); s.minValue = try r.readBinary()
            default: try r.skip(type)
            }
        }
        return s
    }
}

extension ParquetPageHeader {
    static func decode(_ r: inout ThriftCompactReader) throws(ThriftFailure) -> ParquetPageHeader {
        var type: Int32?, uncompressed: Int32?, compressed: Int32?
        var dataPage: DataPage?, dictionaryPage: DictionaryPage?, v2: DataPageV2?
        try r.readStruct { (r, id, t) throws(ThriftFailure) in
            switch id {
            case 1: try r.expect(t, .i32, "type"); type = try r.readI32()
            case 2: try r.expect(t, .i32, "uncompressed_page_size"); uncompressed = try r.readI32()
            case 3: try r.expect(t, .i32, "compressed_page_size"); compressed = try r.readI32()
            case 5:
                try r.expect(t, .structure, "data_page_header")
                var page = DataPage(numValues: -1, encoding: -1, definitionLevelEncoding: 3, repetitionLevelEncoding: 3)
                try r.readStruct { (r, id, t) throws(ThriftFailure) in
                    switch id {
                    case 1: try r.expect(t, .i32, "num_values"); page.numValues = try r.readI32()
                    case 2: try r.expect(t, .i32, "encoding"); page.encoding = try r.readI32()
                    case 3: try r.expect(t, .i32, "definition_level_encoding"); page.definitionLevelEncoding = try r.readI32()
                    case 4: try r.expect(t, .i32, "repetition_level_encoding"); page.repetitionLevelEncoding = try r.readI32()
                    default: try r.skip(t)
                    }
                }
                dataPage = page
            case 7:
                try r.expect(t, .structure, "dictionary_page_header")
                var page = DictionaryPage(numValues: -1, encoding: 0)
                try r.readStruct { (r, id, t) throws(ThriftFailure) in
                    switch id {
                    case 1: try r.expect(t, .i32, "num_values"); page.numValues = try r.readI32()
                    case 2: try r.expect(t, .i32, "encoding"); page.encoding = try r.readI32()
                    default: try r.skip(t)
                    }
                }
                dictionaryPage = page
            case 8:
                try r.expect(t, .structure, "data_page_header_v2")
                var page = DataPageV2(numValues: -1, numNulls: 0, numRows: 0, encoding: -1, definitionLevelsByteLength: 0,
                                      repetitionLevelsByteLength: 0, isCompressed: true)
                try r.readStruct { (r, id, t) throws(ThriftFailure) in
                    switch id {
                    case 1: try r.expect(t, .i32, "num_values"); page.numValues = try r.readI32()
                    case 2: try r.expect(t, .i32, "num_nulls"); page.numNulls = try r.readI32()
                    case 3: try r.expect(t, .i32, "num_rows"); page.numRows = try r.readI32()
                    case 4: try r.expect(t, .i32, "encoding"); page.encoding = try r.readI32()
                    case 5: try r.expect(t, .i32, "definition_levels_byte_length"); page.definitionLevelsByteLength = try r.readI32()
                    case 6: try r.expect(t, .i32, "repetition_levels_byte_length"); page.repetitionLevelsByteLength = try r.readI32()
                    case 7: page.isCompressed = try r.readBoolField()
                    default: try r.skip(t)
                    }
                }
                v2 = page
            default: try r.skip(t)
            }
        }
        guard let type else { throw missing("type", in: "PageHeader") }
        guard let uncompressed, uncompressed >= 0 else { throw missing("a valid uncompressed_page_size", in: "PageHeader") }
        guard let compressed, compressed >= 0 else { throw missing("a valid compressed_page_size", in: "PageHeader") }
        return ParquetPageHeader(type: type, uncompressedPageSize: uncompressed, compressedPageSize: compressed,
                                 dataPage: dataPage, dictionaryPage: dictionaryPage, dataPageV2: v2)
    }
}
