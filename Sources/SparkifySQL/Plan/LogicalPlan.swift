import SparkifyTables

/// A relational plan: what the binder builds from a query, what the optimizer rewrites and
/// what the executor runs. Every node knows its output columns.
public indirect enum LogicalPlan: Sendable {
    /// A table of the catalog (or one read from files at bind time), the columns kept by
    /// projection pruning in `output` (each maps to `ordinals` in `table`; the ordinal
    /// `inputFileOrdinal` stands for each row's file, behind `input_file_name()`).
    case scan(ScanSource, table: Table, output: [PlanColumn], ordinals: [Int])
    /// `VALUES (...), (...)`: rows of constant expressions.
    case values(rows: [[BoundExpression]], output: [PlanColumn])
    /// Computes `expressions`, each giving the output column beside it.
    case project(LogicalPlan, [NamedExpression])
    case filter(LogicalPlan, BoundExpression)
    case join(LogicalPlan, LogicalPlan, JoinKind, condition: BoundExpression?)
    /// Groups by `keys` (none: one global group) and computes `aggregates` per group; output
    /// is the keys then the aggregates.
    case aggregate(LogicalPlan, keys: [NamedExpression], aggregates: [NamedAggregate])
    /// Appends one column per window function to the input's columns.
    case window(LogicalPlan, [NamedWindowFunction])
    case sort(LogicalPlan, [SortKey])
    case limit(LogicalPlan, count: Int?, offset: Int)
    case distinct(LogicalPlan)
    /// UNION / INTERSECT / EXCEPT of two inputs with the same number of columns; output takes
    /// the left input's names and the widened types.
    case setOperation(SetOperationKind, all: Bool, LogicalPlan, LogicalPlan, output: [PlanColumn])

    /// The scan ordinal of the per-row file name of a file scan.
    public static let inputFileOrdinal = -1

    /// The columns this node produces, in order.
    public var output: [PlanColumn] {
        switch self {
        case let .scan(_, _, output, _): return output
        case let .values(_, output): return output
        case let .project(_, expressions): return expressions.map(\.column)
        case let .filter(input, _), let .sort(input, _), let .limit(input, _, _), let .distinct(input):
            return input.output
        case let .join(left, right, kind, _):
            switch kind {
            case .leftSemi, .leftAnti: return left.output
            case .left: return left.output + right.output.map { $0.nullableCopy }
            case .right: return left.output.map { $0.nullableCopy } + right.output
            case .full: return (left.output + right.output).map { $0.nullableCopy }
            case .inner, .cross: return left.output + right.output
            }
        case let .aggregate(_, keys, aggregates): return keys.map(\.column) + aggregates.map(\.column)
        case let .window(input, functions): return input.output + functions.map(\.column)
        case let .setOperation(_, _, _, _, output): return output
        }
    }

    public var schema: Schema { Schema(output.map(\.field)) }

    /// The node's inputs.
    public var children: [LogicalPlan] {
        switch self {
        case .scan, .values: return []
        case let .project(c, _), let .filter(c, _), let .aggregate(c, _, _), let .window(c, _),
             let .sort(c, _), let .limit(c, _, _), let .distinct(c):
            return [c]
        case let .join(l, r, _, _), let .setOperation(_, _, l, r, _): return [l, r]
        }
    }
}

/// Where a scan's table comes from, for EXPLAIN and for `input_file_name()`.
public enum ScanSource: Sendable {
    case catalog(name: String)
    case files(format: String, path: String, files: [String], fileRowStarts: [Int])
    /// A Parquet lake read when the plan runs, only the columns kept (see `ParquetLakeScan`).
    case lake(ParquetLakeScan)
    /// Rows a table-valued function made when the query was bound: `range(0, 10)`.
    case generated(description: String)
}

public enum JoinKind: String, Sendable {
    case inner = "Inner"
    case left = "LeftOuter"
    case right = "RightOuter"
    case full = "FullOuter"
    case cross = "Cross"
    case leftSemi = "LeftSemi"
    case leftAnti = "LeftAnti"
}

public enum SetOperationKind: String, Sendable {
    case union = "Union"
    case intersect = "Intersect"
    case except = "Except"
}

/// An expression and the output column it becomes.
public struct NamedExpression: Sendable {
    public var expression: BoundExpression
    public var column: PlanColumn

    public init(_ expression: BoundExpression, as column: PlanColumn) {
        self.expression = expression
        self.column = column
    }
}

/// An aggregate function call: `sum(x)`, `count(DISTINCT a, b)`, `first(x, true)`.
public struct AggregateCall: Sendable {
    /// The lower-case function name (`count`, `sum`, `max_by`, ...).
    public var name: String
    public var arguments: [BoundExpression]
    public var isDistinct: Bool
    public var ignoreNulls: Bool
    /// `FILTER (WHERE ...)`.
    public var filter: BoundExpression?
    public var resultType: DataType

    public init(name: String, arguments: [BoundExpression], isDistinct: Bool = false, ignoreNulls: Bool = false,
                filter: BoundExpression? = nil, resultType: DataType) {
        self.name = name
        self.arguments = arguments
        self.isDistinct = isDistinct
        self.ignoreNulls = ignoreNulls
        self.filter = filter
        self.resultType = resultType
    }
}

public struct NamedAggregate: Sendable {
    public var call: AggregateCall
    public var column: PlanColumn

    public init(_ call: AggregateCall, as column: PlanColumn) {
        self.call = call
        self.column = column
    }
}

/// One end of a window frame.
public enum FrameBound: Hashable, Sendable {
    case unboundedPreceding
    case preceding(Int64)
    case currentRow
    case following(Int64)
    case unboundedFollowing
}

public struct WindowFrame: Hashable, Sendable {
    public enum Unit: String, Sendable { case rows = "ROWS", range = "RANGE" }
    public var unit: Unit
    public var start: FrameBound
    public var end: FrameBound
    /// RANGE offsets over a double key are fixed-point: the offsets count 10^-offsetScale
    /// (`2.5 PRECEDING` is 25 at scale 1). 0 everywhere else.
    public var offsetScale: Int

    public init(unit: Unit, start: FrameBound, end: FrameBound, offsetScale: Int = 0) {
        self.unit = unit
        self.start = start
        self.end = end
        self.offsetScale = offsetScale
    }
}

/// A window function call with its window.
public struct WindowCall: Sendable {
    /// The lower-case function name: a ranking function, `lag`/`lead`, `first_value`, or an aggregate.
    public var name: String
    public var arguments: [BoundExpression]
    public var ignoreNulls: Bool
    public var partitionBy: [BoundExpression]
    public var orderBy: [SortKey]
    public var frame: WindowFrame
    public var resultType: DataType

    public init(name: String, arguments: [BoundExpression], ignoreNulls: Bool, partitionBy: [BoundExpression],
                orderBy: [SortKey], frame: WindowFrame, resultType: DataType) {
        self.name = name
        self.arguments = arguments
        self.ignoreNulls = ignoreNulls
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
        self.resultType = resultType
    }
}

public struct NamedWindowFunction: Sendable {
    public var call: WindowCall
    public var column: PlanColumn

    public init(_ call: WindowCall, as column: PlanColumn) {
        self.call = call
        self.column = column
    }
}

/// One `ORDER BY` key with its direction and where NULLs go.
public struct SortKey: Sendable {
    public var expression: BoundExpression
    public var ascending: Bool
    public var nullsFirst: Bool

    /// Spark's defaults: NULLS FIRST for ascending, NULLS LAST for descending.
    public init(_ expression: BoundExpression, ascending: Bool = true, nullsFirst: Bool? = nil) {
        self.expression = expression
        self.ascending = ascending
        self.nullsFirst = nullsFirst ?? ascending
    }
}

extension PlanColumn {
    var nullableCopy: PlanColumn {
        var copy = self
        copy.nullable = true
        return copy
    }
}
