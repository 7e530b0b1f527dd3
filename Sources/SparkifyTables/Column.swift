/// The typed storage behind a column.
public enum ColumnValues: Sendable {
    case boolean([Bool])
    case int32([Int32])
    case int64([Int64])
    case double([Double])
    case string(StringArena)

    public var count: Int {
        switch self {
        case let .boolean(v): return v.count
        case let .int32(v): return v.count
        case let .int64(v): return v.count
        case let .double(v): return v.count
        case let .string(v): return v.count
        }
    }
}

/// A column of one type: contiguous values plus a validity bitmap.
///
/// A NULL slot still holds a placeholder value (0, false, or an empty string), so kernels
/// can run over the values without branching and consult `validity` afterwards.
public struct Column: Sendable {
    public let type: DataType
    public var values: ColumnValues
    /// `nil` when no value is NULL.
    public var validity: Validity?

    public init(type: DataType, values: ColumnValues, validity: Validity? = nil) {
        self.type = type
        self.values = values
        self.validity = validity
    }

    public var count: Int { values.count }

    @inline(__always)
    public func isNull(_ index: Int) -> Bool {
        guard let validity else { return false }
        return !validity.isValid(index)
    }

    public var nullCount: Int { validity?.nullCount ?? 0 }

    /// A column of `count` NULLs.
    public static func nulls(_ type: DataType, count: Int) -> Column {
        let values: ColumnValues
        switch type.physical {
        case .boolean: values = .boolean([Bool](repeating: false, count: count))
        case .int32: values = .int32([Int32](repeating: 0, count: count))
        case .int64: values = .int64([Int64](repeating: 0, count: count))
        case .double: values = .double([Double](repeating: 0, count: count))
        case .string:
            var arena = StringArena()
            arena.reserveCapacity(values: count, bytes: 0)
            for _ in 0..<count { arena.appendEmpty() }
            values = .string(arena)
        }
        return Column(type: type, values: values, validity: Validity(count: count, allValid: false))
    }

    /// Value `index`, boxed.
    public func value(at index: Int) -> Value {
        if isNull(index) { return .null }
        switch (type, values) {
        case let (.boolean, .boolean(v)): return .boolean(v[index])
        case let (.int, .int32(v)): return .int(v[index])
        case let (.date, .int32(v)): return .date(v[index])
        case let (.bigint, .int64(v)): return .bigint(v[index])
        case let (.timestamp, .int64(v)): return .timestamp(v[index])
        case let (.double, .double(v)): return .double(v[index])
        case let (.decimal, .string(v)): return .decimal(v[index])
        case let (.array, .string(v)), let (.structure, .string(v)): return .json(v[index])
        case let (_, .string(v)): return .string(v[index])
        default: return .null
        }
    }

    /// The values in row order, boxed.
    public var allValues: [Value] { (0..<count).map(value(at:)) }
}
