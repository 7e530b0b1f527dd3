import SparkifyTables

/// How one sparkify column is stored in Parquet: the physical type and the conversion from
/// sparkify's storage. Writing and reading both go through it.
enum ParquetColumnLayout: Equatable {
    case boolean
    case int32
    case int64
    case double
    /// BYTE_ARRAY, UTF-8 (strings, and arrays/structs as their JSON text).
    case string
    /// Decimal text ↔ INT32 / INT64 / FIXED_LEN_BYTE_ARRAY unscaled integers.
    case decimal32(scale: Int)
    case decimal64(scale: Int)
    case decimalFixed(scale: Int, byteWidth: Int)

    /// The layout sparkify writes `type` in (Spark's choices for decimals).
    init(writing type: DataType) {
        switch type {
        case .boolean: self = .boolean
        case .int, .date: self = .int32
        case .bigint, .timestamp: self = .int64
        case .double: self = .double
        case let .decimal(p, s):
            if p <= 9 {
                self = .decimal32(scale: s)
            } else if p <= 18 {
                self = .decimal64(scale: s)
            } else {
                self = .decimalFixed(scale: s, byteWidth: DecimalText.minimumBytes(precision: p))
            }
        case .null, .string, .array, .structure: self = .string
        }
    }

    var physicalType: ParquetPhysicalType {
        switch self {
        case .boolean: return .boolean
        case .int32, .decimal32: return .int32
        case .int64, .decimal64: return .int64
        case .double: return .double
        case .string: return .byteArray
        case .decimalFixed: return .fixedLenByteArray
        }
    }
}

enum ParquetSchemaMapping {
    /// The schema element sparkify writes for `field`.
    static func element(for field: Field, optional: Bool) -> ParquetSchemaElement {
        let layout = ParquetColumnLayout(writing: field.type)
        var e = ParquetSchemaElement(type: layout.physicalType, repetition: optional ? .optional : .required, name: field.name)
        switch field.type {
        case .date:
            e.convertedType = ParquetConvertedType.date
            e.logicalType = .date
        case .timestamp:
            e.convertedType = ParquetConvertedType.timestampMicros
            e.logicalType = .timestamp(adjustedToUTC: true, unit: .micros)
        case let .decimal(p, s):
            e.convertedType = ParquetConvertedType.decimal
            e.logicalType = .decimal(scale: Int32(s), precision: Int32(p))
            e.scale = Int32(s)
            e.precision = Int32(p)
            if case let .decimalFixed(_, width) = layout { e.typeLength = Int32(width) }
        case .null, .string, .array, .structure:
            e.convertedType = ParquetConvertedType.utf8
            e.logicalType = .string
        case .boolean, .int, .bigint, .double:
            break
        }
        return e
    }

    /// The type Spark's schema JSON gives a written column: what was written, with arrays
    /// and structs (written as JSON text) as `string`.
    static func writtenType(_ type: DataType) -> DataType {
        switch type {
        case .array, .structure, .null: return .string
        default: return type
        }
    }

    /// Spark's `StructType.json` for the written fields, the value of
    /// `org.apache.spark.sql.parquet.row.metadata`.
    static func sparkSchemaJSON(_ fields: [(name: String, type: DataType, nullable: Bool)]) -> String {
        var out = "{\"type\":\"struct\",\"fields\":["
        for (k, f) in fields.enumerated() {
            if k > 0 { out += "," }
            out += "{\"name\":" + JSONText.quoted(f.name) + ",\"type\":\"" + sparkTypeName(f.type) + "\",\"nullable\":"
                + (f.nullable ? "true" : "false") + ",\"metadata\":{}}"
        }
        return out + "]}"
    }

    /// Spark's JSON name of a flat type (`DataType.typeName`): `long`, `integer`, `decimal(10,2)`.
    private static func sparkTypeName(_ type: DataType) -> String {
        switch type {
        case .int: return "integer"
        case .bigint: return "long"
        case let .decimal(p, s): return "decimal(\(p),\(s))"
        case .boolean: return "boolean"
        case .double: return "double"
        case .date: return "date"
        case .timestamp: return "timestamp"
        default: return "string"
        }
    }
}
