/// An in-memory table: a schema and one column per field, all of the same length.
public struct Table: Sendable {
    public var schema: Schema
    public var columns: [Column]
    public let rowCount: Int

    /// `columns` must match `schema` in number and all have `rowCount` rows.
    public init(schema: Schema, columns: [Column], rowCount: Int? = nil) {
        precondition(schema.count == columns.count, "Table: \(schema.count) fields but \(columns.count) columns")
        let rows = rowCount ?? columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rows }, "Table: columns differ in length")
        self.schema = schema
        self.columns = columns
        self.rowCount = rows
    }

    public static func empty(_ schema: Schema) -> Table {
        Table(schema: schema, columns: schema.fields.map { Column.nulls($0.type, count: 0) }, rowCount: 0)
    }

    public func column(named name: String) -> Column? {
        schema.index(of: name).map { columns[$0] }
    }

    /// Row `index`, boxed.
    public func row(_ index: Int) -> [Value] {
        columns.map { $0.value(at: index) }
    }

    /// Every row, boxed: for tests and small results.
    public var rows: [[Value]] { (0..<rowCount).map(row) }

    /// The rows at `indices`, in that order.
    public func gather(_ indices: [Int]) -> Table {
        Table(schema: schema, columns: columns.map { $0.gather(indices) }, rowCount: indices.count)
    }

    /// Bytes held by the columns' storage (values, string bytes, offsets, validity).
    public var storageBytes: Int {
        columns.reduce(0) { total, column in
            var bytes = (column.validity?.words.count ?? 0) * 8
            switch column.values {
            case let .boolean(v): bytes += v.count
            case let .int32(v): bytes += v.count * 4
            case let .int64(v): bytes += v.count * 8
            case let .double(v): bytes += v.count * 8
            case let .string(v): bytes += v.bytes.count + v.offsets.count * 8
            }
            return total + bytes
        }
    }
}
