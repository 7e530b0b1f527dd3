/// A logical SQL type, named as Spark names it.
///
/// Nested JSON values keep the struct/array type Spark would infer, but are stored as
/// their JSON text (see `PhysicalType`), so no value is ever lost.
public indirect enum DataType: Hashable, Sendable {
    /// The type of an untyped `NULL` (Spark's `void`).
    case null
    case boolean
    /// 32-bit integer.
    case int
    /// 64-bit integer.
    case bigint
    case double
    /// An exact decimal, stored as its decimal text.
    case decimal(precision: Int, scale: Int)
    case string
    /// Days since 1970-01-01.
    case date
    /// Microseconds since 1970-01-01T00:00:00Z.
    case timestamp
    /// An array, stored as JSON text.
    case array(DataType)
    /// A struct, stored as JSON text.
    case structure([Field])

    /// How values of this type are laid out in a `Column`.
    public var physical: PhysicalType {
        switch self {
        case .null, .string, .decimal, .array, .structure: return .string
        case .boolean: return .boolean
        case .int, .date: return .int32
        case .bigint, .timestamp: return .int64
        case .double: return .double
        }
    }

    /// Spark's `simpleString`, as SQL and `DESCRIBE` print it: `bigint`, `array<string>`.
    public var simpleString: String {
        switch self {
        case .null: return "void"
        case .boolean: return "boolean"
        case .int: return "int"
        case .bigint: return "bigint"
        case .double: return "double"
        case let .decimal(p, s): return "decimal(\(p),\(s))"
        case .string: return "string"
        case .date: return "date"
        case .timestamp: return "timestamp"
        case let .array(element): return "array<\(element.simpleString)>"
        case let .structure(fields):
            return "struct<" + fields.map { "\($0.name):\($0.type.simpleString)" }.joined(separator: ",") + ">"
        }
    }

    /// Spark's `typeName`, as `printSchema()` prints it: `long`, `integer`, `struct`.
    public var typeName: String {
        switch self {
        case .null: return "void"
        case .int: return "integer"
        case .bigint: return "long"
        case .array: return "array"
        case .structure: return "struct"
        default: return simpleString
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .int, .bigint, .double, .decimal: return true
        default: return false
        }
    }

    public var isNested: Bool {
        switch self {
        case .array, .structure: return true
        default: return false
        }
    }
}

/// The storage layout behind a `DataType`.
public enum PhysicalType: Hashable, Sendable {
    case boolean, int32, int64, double, string
}
