import SparkifyTables

/// Identifies one column produced somewhere in a plan, like Spark's `ExprId`: expressions refer
/// to columns by id, so rewrites can move operators without renumbering ordinals.
public struct ColumnID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let raw: Int

    public init(_ raw: Int) { self.raw = raw }

    public static func < (a: ColumnID, b: ColumnID) -> Bool { a.raw < b.raw }

    public var description: String { "#\(raw)" }
}

/// One output column of a plan node: its id, name, type, and the table alias it can be
/// qualified with.
public struct PlanColumn: Hashable, Sendable {
    public var id: ColumnID
    public var name: String
    public var type: DataType
    public var qualifier: String?
    public var nullable: Bool

    public init(id: ColumnID, name: String, type: DataType, qualifier: String? = nil, nullable: Bool = true) {
        self.id = id
        self.name = name
        self.type = type
        self.qualifier = qualifier
        self.nullable = nullable
    }

    public var field: Field { Field(name, type, nullable: nullable) }

    /// A reference to this column.
    public var reference: BoundExpression { .column(id, type, name: name) }
}

/// Hands out fresh column ids for one statement (and the catalog tables it scans).
public final class ColumnIDGenerator {
    private var next = 0

    public init() {}

    public func make() -> ColumnID {
        next += 1
        return ColumnID(next)
    }
}
