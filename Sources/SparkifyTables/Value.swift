/// One value, boxed: for row-at-a-time access, literals and tests, never for bulk data.
public enum Value: Hashable, Sendable {
    case null
    case boolean(Bool)
    case int(Int32)
    case bigint(Int64)
    case double(Double)
    /// Exact decimal text, e.g. `"123456789012345678901"`.
    case decimal(String)
    case string(String)
    /// Days since 1970-01-01.
    case date(Int32)
    /// Microseconds since the epoch, UTC.
    case timestamp(Int64)
    /// A nested value (struct or array) as JSON text.
    case json(String)

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
