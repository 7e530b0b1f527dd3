import SparkifyTables

/// A data type as written in SQL (`CAST(x AS ...)`, column definitions).
///
/// It keeps Spark's names (`smallint`, `varchar(10)`) so messages and column names read like
/// Spark's; `tableType()` maps it onto sparkify's storage types.
public indirect enum ASTDataType: Hashable, Sendable {
    case boolean, tinyint, smallint, int, bigint, float, double, string, binary, date
    /// `timestamp` and `timestamp_ltz`.
    case timestamp
    case timestampNTZ
    case varchar(Int)
    case char(Int)
    /// `decimal`, `dec`, `numeric`; `decimal` alone is decimal(10,0), `decimal(p)` is decimal(p,0).
    case decimal(precision: Int, scale: Int)
    case array(ASTDataType)
    case map(key: ASTDataType, value: ASTDataType)
    case structure([ASTStructField])
    /// `INTERVAL`, `INTERVAL DAY TO SECOND`, ... kept as text.
    case interval(String)

    /// Spark's SQL form of the type, as in `CAST(a AS BIGINT)`: `DECIMAL(10,2)`, `ARRAY<STRING>`,
    /// `STRUCT<a: INT, b: STRING>`.
    public var sql: String {
        switch self {
        case .boolean: return "BOOLEAN"
        case .tinyint: return "TINYINT"
        case .smallint: return "SMALLINT"
        case .int: return "INT"
        case .bigint: return "BIGINT"
        case .float: return "FLOAT"
        case .double: return "DOUBLE"
        case .string: return "STRING"
        case .binary: return "BINARY"
        case .date: return "DATE"
        case .timestamp: return "TIMESTAMP"
        case .timestampNTZ: return "TIMESTAMP_NTZ"
        case let .varchar(n): return "VARCHAR(\(n))"
        case let .char(n): return "CHAR(\(n))"
        case let .decimal(p, s): return "DECIMAL(\(p),\(s))"
        case let .array(element): return "ARRAY<\(element.sql)>"
        case let .map(k, v): return "MAP<\(k.sql), \(v.sql)>"
        case let .structure(fields):
            return "STRUCT<" + fields.map { "\(SQLText.identifier($0.name)): \($0.type.sql)" }.joined(separator: ", ") + ">"
        case let .interval(text): return text
        }
    }

    /// The sparkify storage type: tinyint and smallint become int, float becomes double,
    /// char/varchar become string. Binary, map and interval types are not supported (yet).
    public func tableType() throws(SQLError) -> DataType {
        switch self {
        case .boolean: return .boolean
        case .tinyint, .smallint, .int: return .int
        case .bigint: return .bigint
        case .float, .double: return .double
        case .string, .varchar, .char: return .string
        case .date: return .date
        case .timestamp, .timestampNTZ: return .timestamp
        case let .decimal(p, s): return .decimal(precision: p, scale: s)
        case let .array(element): return .array(try element.tableType())
        case let .structure(fields):
            var result: [Field] = []
            for field in fields { result.append(Field(field.name, try field.type.tableType())) }
            return .structure(result)
        case .binary, .map, .interval:
            throw SQLError(.unsupported, "The type \(sql) is not supported", errorClass: "UNSUPPORTED_DATATYPE")
        }
    }
}

/// A field of a `STRUCT<...>` type.
public struct ASTStructField: Hashable, Sendable {
    public var name: String
    public var type: ASTDataType

    public init(name: String, type: ASTDataType) {
        self.name = name
        self.type = type
    }
}
