import SparkifyTables

/// An expression whose names are resolved to column ids and whose type is known.
///
/// Implicit casts are explicit here: the binder wraps an argument in `.cast` wherever Spark's
/// type coercion would, so evaluating an expression never has to re-derive types.
public indirect enum BoundExpression: Sendable {
    case column(ColumnID, DataType, name: String)
    case literal(Value, DataType)
    /// A scalar function or operator, by its canonical lower-case name (`+`, `=`, `and`,
    /// `like`, `hour`, `concat_ws`, ...), arguments already cast to what it takes.
    case call(String, [BoundExpression], DataType)
    case cast(BoundExpression, DataType, isTry: Bool)
    /// `CASE WHEN c1 THEN v1 ... ELSE e END`, branches already cast to `type`.
    case caseWhen([CaseBranch], otherwise: BoundExpression?, DataType)
    /// `(SELECT ...)`: one column, at most one row; NULL when empty.
    case scalarSubquery(LogicalPlan, DataType)
    /// `x [NOT] IN (SELECT ...)` and `(x, y) [NOT] IN (SELECT a, b ...)`, with Spark's NULL
    /// semantics (see `SubqueryMembership`).
    case inSubquery([BoundExpression], LogicalPlan, negated: Bool)
    /// `[NOT] EXISTS (SELECT ...)` (uncorrelated).
    case exists(LogicalPlan, negated: Bool)

    public var type: DataType {
        switch self {
        case let .column(_, t, _), let .literal(_, t), let .call(_, _, t), let .cast(_, t, _),
             let .caseWhen(_, _, t), let .scalarSubquery(_, t):
            return t
        case .inSubquery, .exists: return .boolean
        }
    }

    /// The sub-expressions.
    public var children: [BoundExpression] {
        switch self {
        case .column, .literal, .scalarSubquery, .exists: return []
        case let .call(_, args, _): return args
        case let .cast(e, _, _): return [e]
        case let .caseWhen(branches, otherwise, _):
            return branches.flatMap { [$0.condition, $0.result] } + (otherwise.map { [$0] } ?? [])
        case let .inSubquery(values, _, _): return values
        }
    }

    /// Every column id this expression reads.
    public var referencedColumns: Set<ColumnID> {
        var ids = Set<ColumnID>()
        collectColumns(into: &ids)
        return ids
    }

    private func collectColumns(into ids: inout Set<ColumnID>) {
        if case let .column(id, _, _) = self { ids.insert(id) }
        for child in children { child.collectColumns(into: &ids) }
    }

    /// True when the expression reads no column and no subquery: it can be folded.
    public var isConstant: Bool {
        switch self {
        case .literal: return true
        case .column, .scalarSubquery, .inSubquery, .exists: return false
        case let .call(name, args, _):
            return !BoundExpression.nondeterministic.contains(name) && args.allSatisfy(\.isConstant)
        default: return children.allSatisfy(\.isConstant)
        }
    }

    /// Functions whose value changes from row to row or call to call.
    static let nondeterministic: Set<String> = [
        "rand", "random", "randn", "uuid", "monotonically_increasing_id", "input_file_name", "spark_partition_id",
        "current_timestamp", "current_date", "now",
    ]

    /// A copy with every child replaced by `transform(child)`.
    public func mapChildren(_ transform: (BoundExpression) throws -> BoundExpression) rethrows -> BoundExpression {
        switch self {
        case .column, .literal, .scalarSubquery, .exists: return self
        case let .call(name, args, t): return .call(name, try args.map(transform), t)
        case let .cast(e, t, isTry): return .cast(try transform(e), t, isTry: isTry)
        case let .caseWhen(branches, otherwise, t):
            return .caseWhen(try branches.map { CaseBranch(try transform($0.condition), try transform($0.result)) },
                             otherwise: try otherwise.map(transform), t)
        case let .inSubquery(values, plan, negated): return .inSubquery(try values.map(transform), plan, negated: negated)
        }
    }

    /// Rewrites bottom-up: children first, then `rule` on the rebuilt node.
    public func transformUp(_ rule: (BoundExpression) throws -> BoundExpression) rethrows -> BoundExpression {
        try rule(try mapChildren { try $0.transformUp(rule) })
    }

    /// The conjuncts of an `AND` chain.
    public var conjuncts: [BoundExpression] {
        if case let .call("and", args, _) = self { return args.flatMap(\.conjuncts) }
        return [self]
    }

    /// `a AND b AND ...`, or nil for none.
    public static func conjunction(_ parts: [BoundExpression]) -> BoundExpression? {
        guard var result = parts.first else { return nil }
        for part in parts.dropFirst() { result = .call("and", [result, part], .boolean) }
        return result
    }
}

/// `WHEN condition THEN result`.
public struct CaseBranch: Sendable {
    public var condition: BoundExpression
    public var result: BoundExpression

    public init(_ condition: BoundExpression, _ result: BoundExpression) {
        self.condition = condition
        self.result = result
    }
}
