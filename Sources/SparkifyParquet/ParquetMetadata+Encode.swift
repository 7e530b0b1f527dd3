// Thrift compact encodings of the metadata structures, field ids as in parquet.thrift.

extension ParquetFileMetaData {
    /// The footer's bytes.
    func encoded() -> [UInt8] {
        var w = ThriftCompactWriter()
        w.beginStruct()
        w.fieldI32(1, version)
        w.beginListField(2, element: .structure, count: schema.count)
        for element in schema { element.encode(into: &w) }
        w.fieldI64(3, numRows)
        w.beginListField(4, element: .structure, count: rowGroups.count)
        for group in rowGroups { group.encode(into: &w) }
        if !keyValueMetadata.isEmpty {
            w.beginListField(5, element: .structure, count: keyValueMetadata.count)
            for (key, value) in keyValueMetadata {
                w.beginStruct()
                w.fieldString(1, key)
                if let value { w.fieldString(2, value) }
                w.endStruct()
            }
        }
        if let createdBy { w.fieldString(6, createdBy) }
        if typeDefinedColumnOrders > 0 {
            w.beginListField(7, element: .structure, count: typeDefinedColumnOrders)
            for _ in 0..<typeDefinedColumnOrders {
                w.beginStruct()  // ColumnOrder union
                w.beginStructField(1)  // TYPE_ORDER: TypeDefinedOrder {}
                w.endStruct()
                w.endStruct()
            }
        }
        w.endStruct()
        return w.bytes
    }
}

extension ParquetSchemaElement {
    func encode(into w: inout ThriftCompactWriter) {
        w.beginStruct()
        if let type { w.fieldI32(1, type.rawValue) }
        if let typeLength { w.fieldI32(2, typeLength) }
        if let repetition { w.fieldI32(3, repetition.rawValue) }
        w.fieldString(4, name)
        if let numChildren { w.fieldI32(5, numChildren) }
        if let convertedType { w.fieldI32(6, convertedType) }
        if let scale { w.fieldI32(7, scale) }
        if let precision { w.fieldI32(8, precision) }
        if let logicalType {
            w.beginStructField(10)
            logicalType.encode(into: &w)
            w.endStruct()
        }
        w.endStruct()
    }
}

extension ParquetLogicalType {
    /// The union's one member field (the caller opened the union struct).
    func encode(into w: inout ThriftCompactWriter) {
        func empty(_ id: Int16) {
            w.beginStructField(id)
            w.endStruct()
        }
        func unit(_ u: ParquetTimeUnit) {
            w.beginStructField(2)
            switch u {
            case .millis: empty(1)
            case .micros: empty(2)
            case .nanos: empty(3)
            }
            w.endStruct()
        }
        switch self {
        case .string: empty(1)
        case .enumeration: empty(4)
        case let .decimal(scale, precision):
            w.beginStructField(5)
            w.fieldI32(1, scale)
            w.fieldI32(2, precision)
            w.endStruct()
        case .date: empty(6)
        case let .time(utc, u):
            w.beginStructField(7)
            w.fieldBool(1, utc)
            unit(u)
            w.endStruct()
        case let .timestamp(utc, u):
            w.beginStructField(8)
            w.fieldBool(1, utc)
            unit(u)
            w.endStruct()
        case let .integer(bitWidth, signed):
            w.beginStructField(10)
            w.fieldByte(1, bitWidth)
            w.fieldBool(2, signed)
            w.endStruct()
        case .unknown: empty(11)
        case .json: empty(12)
        case .bson: empty(13)
        case .uuid: empty(14)
        case let .other(id): empty(id)
        }
    }
}

extension ParquetRowGroup {
    func encode(into w: inout ThriftCompactWriter) {
        w.beginStruct()
        w.beginListField(1, element: .structure, count: columns.count)
        for column in columns { column.encode(into: &w) }
        w.fieldI64(2, totalByteSize)
        w.fieldI64(3, numRows)
        if let fileOffset { w.fieldI64(5, fileOffset) }
        if let totalCompressedSize { w.fieldI64(6, totalCompressedSize) }
        if let ordinal { w.fieldI32(7, Int32(ordinal)) }
        w.endStruct()
    }
}

extension ParquetColumnChunk {
    func encode(into w: inout ThriftCompactWriter) {
        w.beginStruct()
        if let filePath { w.fieldString(1, filePath) }
        w.fieldI64(2, fileOffset)
        if let metaData {
            w.beginStructField(3)
            metaData.encodeFields(into: &w)
            w.endStruct()
        }
        w.endStruct()
    }
}

extension ParquetColumnMetaData {
    func encodeFields(into w: inout ThriftCompactWriter) {
        w.fieldI32(1, type.rawValue)
        w.beginListField(2, element: .i32, count: encodings.count)
        for e in encodings { w.writeI32(e) }
        w.beginListField(3, element: .binary, count: path.count)
        for p in path { w.writeString(p) }
        w.fieldI32(4, codec)
        w.fieldI64(5, numValues)
        w.fieldI64(6, totalUncompressedSize)
        w.fieldI64(7, totalCompressedSize)
        w.fieldI64(9, dataPageOffset)
        if let dictionaryPageOffset { w.fieldI64(11, dictionaryPageOffset) }
        if let statistics {
            w.beginStructField(12)
            statistics.encodeFields(into: &w)
            w.endStruct()
        }
        if !encodingStats.isEmpty {
            w.beginListField(13, element: .structure, count: encodingStats.count)
            for entry in encodingStats {
                w.beginStruct()
                w.fieldI32(1, entry.pageType.rawValue)
                w.fieldI32(2, entry.encoding.rawValue)
                w.fieldI32(3, entry.count)
                w.endStruct()
            }
        }
    }
}

extension ParquetStatisticsData {
    func encodeFields(into w: inout ThriftCompactWriter) {
        if let max { w.fieldBinary(1, max) }
        if let min { w.fieldBinary(2, min) }
        if let nullCount { w.fieldI64(3, nullCount) }
        if let distinctCount { w.fieldI64(4, distinctCount) }
        if let maxValue { w.fieldBinary(5, maxValue) }
        if let minValue { w.fieldBinary(6, minValue) }
    }
}

extension ParquetPageHeader {
    /// The header's bytes, written just before the page's data.
    func encoded() -> [UInt8] {
        var w = ThriftCompactWriter()
        w.beginStruct()
        w.fieldI32(1, type)
        w.fieldI32(2, uncompressedPageSize)
        w.fieldI32(3, compressedPageSize)
        if let dataPage {
            w.beginStructField(5)
            w.fieldI32(1, dataPage.numValues)
            w.fieldI32(2, dataPage.encoding)
            w.fieldI32(3, dataPage.definitionLevelEncoding)
            w.fieldI32(4, dataPage.repetitionLevelEncoding)
            w.endStruct()
        }
        if let dictionaryPage {
            w.beginStructField(7)
            w.fieldI32(1, dictionaryPage.numValues)
            w.fieldI32(2, dictionaryPage.encoding)
            w.endStruct()
        }
        if let v2 = dataPageV2 {
            w.beginStructField(8)
            w.fieldI32(1, v2.numValues)
            w.fieldI32(2, v2.numNulls)
            w.fieldI32(3, v2.numRows)
            w.fieldI32(4, v2.encoding)
            w.fieldI32(5, v2.definitionLevelsByteLength)
            w.fieldI32(6, v2.repetitionLevelsByteLength)
            w.fieldBool(7, v2.isCompressed)
            w.endStruct()
        }
        w.endStruct()
        return w.bytes
    }
}
