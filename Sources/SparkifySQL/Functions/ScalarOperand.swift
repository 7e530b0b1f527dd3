import SparkifyTables

/// One argument of a scalar function: a whole column, or one constant standing for every row.
///
/// Kernels read both forms through the typed views in `OperandViews.swift`, which give a
/// constant a stride of zero, so one loop serves columns and constants alike.
public enum ScalarOperand: Sendable {
    case column(Column)
    case constant(Value, DataType)

    /// The logical type of the argument.
    public var type: DataType {
        switch self {
        case let .column(c): return c.type
        case let .constant(_, t): return t
        }
    }

    /// The constant's value, or nil for a column.
    public var constantValue: Value? {
        if case let .constant(v, _) = self { return v }
        return nil
    }

    public var isConstant: Bool { constantValue != nil }

    /// True for a NULL constant (every row is NULL).
    public var isNullConstant: Bool {
        if case .constant(.null, _) = self { return true }
        return false
    }

    /// The argument as a column of `rowCount` rows, a constant repeated.
    public func materialize(rowCount: Int) -> Column {
        switch self {
        case let .column(c): return c
        case let .constant(v, t): return ScalarOperand.broadcast(v, type: t, count: rowCount)
        }
    }

    /// Value `row`, boxed: for tests and small paths only.
    public func value(at row: Int) -> Value {
        switch self {
        case let .column(c): return c.value(at: row)
        case let .constant(v, _): return v
        }
    }

    /// A column holding `value` `count` times.
    public static func broadcast(_ value: Value, type: DataType, count: Int) -> Column {
        if value.isNull { return Column.nulls(type, count: count) }
        switch (type.physical, value) {
        case let (.boolean, .boolean(b)):
            return Column(type: type, values: .boolean([Bool](repeating: b, count: count)))
        case let (.int32, .int(v)), let (.int32, .date(v)):
            return Column(type: type, values: .int32([Int32](repeating: v, count: count)))
        case let (.int64, .bigint(v)), let (.int64, .timestamp(v)):
            return Column(type: type, values: .int64([Int64](repeating: v, count: count)))
        case let (.double, .double(v)):
            return Column(type: type, values: .double([Double](repeating: v, count: count)))
        case let (.string, .string(s)), let (.string, .decimal(s)), let (.string, .json(s)):
            var arena = StringArena()
            var text = s
            text.withUTF8 { bytes in
                arena.reserveCapacity(values: count, bytes: bytes.count * count)
                for _ in 0..<count { arena.append(bytes) }
            }
            return Column(type: type, values: .string(arena))
        default:
            return Column.nulls(type, count: count)
        }
    }
}
