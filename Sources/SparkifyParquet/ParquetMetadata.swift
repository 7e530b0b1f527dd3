// The parts of parquet-format's `parquet.thrift` that sparkify writes and reads, as plain
// Swift values. Field ids and enum numbers are the spec's; see `ParquetMetadata+Encode` and
// `ParquetMetadata+Decode` for the Thrift side.

/// Parquet's physical types (`Type` in parquet.thrift).
enum ParquetPhysicalType: Int32 {
    case boolean = 0, int32 = 1, int64 = 2, int96 = 3, float = 4, double = 5, byteArray = 6, fixedLenByteArray = 7

    var name: String {
        switch self {
        case .boolean: return "BOOLEAN"
        case .int32: return "INT32"
        case .int64: return "INT64"
        case .int96: return "INT96"
        case .float: return "FLOAT"
        case .double: return "DOUBLE"
        case .byteArray: return "BYTE_ARRAY"
        case .fixedLenByteArray: return "FIXED_LEN_BYTE_ARRAY"
        }
    }
}

/// Value and level encodings (`Encoding`).
enum ParquetEncoding: Int32 {
    case plain = 0, plainDictionary = 2, rle = 3, bitPacked = 4, deltaBinaryPacked = 5
    case deltaLengthByteArray = 6, deltaByteArray = 7, rleDictionary = 8, byteStreamSplit = 9

    static func name(_ raw: Int32) -> String {
        switch ParquetEncoding(rawValue: raw) {
        case .plain: return "PLAIN"
        case .plainDictionary: return "PLAIN_DICTIONARY"
        case .rle: return "RLE"
        case .bitPacked: return "BIT_PACKED"
        case .deltaBinaryPacked: return "DELTA_BINARY_PACKED"
        case .deltaLengthByteArray: return "DELTA_LENGTH_BYTE_ARRAY"
        case .deltaByteArray: return "DELTA_BYTE_ARRAY"
        case .rleDictionary: return "RLE_DICTIONARY"
        case .byteStreamSplit: return "BYTE_STREAM_SPLIT"
        case nil: return "encoding \(raw)"
        }
    }
}

/// Page kinds (`PageType`).
enum ParquetPageType: Int32 {
    case dataPage = 0, indexPage = 1, dictionaryPage = 2, dataPageV2 = 3
}

/// `ConvertedType` numbers sparkify writes or interprets.
enum ParquetConvertedType {
    static let utf8: Int32 = 0, enumeration: Int32 = 4, decimal: Int32 = 5, date: Int32 = 6
    static let timeMillis: Int32 = 7, timeMicros: Int32 = 8
    static let timestampMillis: Int32 = 9, timestampMicros: Int32 = 10
    static let uint8: Int32 = 11, uint16: Int32 = 12, uint32: Int32 = 13, uint64: Int32 = 14
    static let int8: Int32 = 15, int16: Int32 = 16, int32: Int32 = 17, int64: Int32 = 18
    static let json: Int32 = 19, bson: Int32 = 20, interval: Int32 = 21
}

/// Units of TIME and TIMESTAMP logical types.
enum ParquetTimeUnit: Equatable {
    case millis, micros, nanos
}

/// The `LogicalType` union.
enum ParquetLogicalType: Equatable {
    case string
    case date
    case decimal(scale: Int32, precision: Int32)
    case timestamp(adjustedToUTC: Bool, unit: ParquetTimeUnit)
    case time(adjustedToUTC: Bool, unit: ParquetTimeUnit)
    case integer(bitWidth: Int8, signed: Bool)
    case json, enumeration, uuid, unknown, bson
    /// A union member sparkify does not know (map, list, float16, variant, …), by field id.
    case other(Int16)
}

/// `FieldRepetitionType`.
enum ParquetRepetition: Int32 {
    case required = 0, optional = 1, repeated = 2
}

/// One node of the flattened schema (`SchemaElement`).
struct ParquetSchemaElement {
    var type: ParquetPhysicalType?
    var typeLength: Int32?
    var repetition: ParquetRepetition?
    var name: String
    var numChildren: Int32?
    var convertedType: Int32?
    var scale: Int32?
    var precision: Int32?
    var logicalType: ParquetLogicalType?
}

/// Column or page statistics (`Statistics`): values PLAIN-encoded, byte arrays without length.
struct ParquetStatisticsData {
    var max: [UInt8]?
    var min: [UInt8]?
    var nullCount: Int64?
    var distinctCount: Int64?
    var maxValue: [UInt8]?
    var minValue: [UInt8]?
}

/// `ColumnMetaData`.
struct ParquetColumnMetaData {
    var type: ParquetPhysicalType
    var encodings: [Int32]
    var path: [String]
    var codec: Int32
    var numValues: Int64
    var totalUncompressedSize: Int64
    var totalCompressedSize: Int64
    var dataPageOffset: Int64
    var dictionaryPageOffset: Int64?
    var statistics: ParquetStatisticsData?
    /// How many pages of each type use each encoding (`PageEncodingStats`); parquet-mr reads
    /// it to know that every data page is dictionary-encoded.
    var encodingStats: [ParquetPageEncodingCount] = []
}

/// One `PageEncodingStats` entry.
struct ParquetPageEncodingCount: Equatable {
    var pageType: ParquetPageType
    var encoding: ParquetEncoding
    var count: Int32
}

/// `ColumnChunk`.
struct ParquetColumnChunk {
    var filePath: String?
    var fileOffset: Int64
    var metaData: ParquetColumnMetaData?
}

/// `RowGroup`.
struct ParquetRowGroup {
    var columns: [ParquetColumnChunk]
    var totalByteSize: Int64
    var numRows: Int64
    var fileOffset: Int64?
    var totalCompressedSize: Int64?
    var ordinal: Int16?
}

/// `FileMetaData`, the footer.
struct ParquetFileMetaData {
    var version: Int32
    var schema: [ParquetSchemaElement]
    var numRows: Int64
    var rowGroups: [ParquetRowGroup]
    var keyValueMetadata: [(key: String, value: String?)]
    var createdBy: String?
    /// Whether to write a TYPE_ORDER column order per leaf (sparkify always does).
    var typeDefinedColumnOrders: Int
}

/// `PageHeader` with the one sub-header its type uses.
struct ParquetPageHeader {
    struct DataPage {
        var numValues: Int32
        var encoding: Int32
        var definitionLevelEncoding: Int32
        var repetitionLevelEncoding: Int32
    }

    struct DictionaryPage {
        var numValues: Int32
        var encoding: Int32
    }

    struct DataPageV2 {
        var numValues: Int32
        var numNulls: Int32
        var numRows: Int32
        var encoding: Int32
        var definitionLevelsByteLength: Int32
        var repetitionLevelsByteLength: Int32
        var isCompressed: Bool
    }

    var type: Int32
    var uncompressedPageSize: Int32
    var compressedPageSize: Int32
    var dataPage: DataPage?
    var dictionaryPage: DictionaryPage?
    var dataPageV2: DataPageV2?
}
