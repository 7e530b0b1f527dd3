extension LogicalPlan {
    /// A copy with every input replaced by `transform(input)`.
    public func mapChildren(_ transform: (LogicalPlan) throws -> LogicalPlan) rethrows -> LogicalPlan {
        switch self {
        case .scan, .values: return self
        case let .project(c, e): return .project(try transform(c), e)
        case let .filter(c, e): return .filter(try transform(c), e)
        case let .join(l, r, k, e): return .join(try transform(l), try transform(r), k, condition: e)
        case let .aggregate(c, k, a): return .aggregate(try transform(c), keys: k, aggregates: a)
        case let .window(c, f): return .window(try transform(c), f)
        case let .sort(c, k): return .sort(try transform(c), k)
        case let .limit(c, n, o): return .limit(try transform(c), count: n, offset: o)
        case let .distinct(c): return .distinct(try transform(c))
        case let .setOperation(k, all, l, r, o): return .setOperation(k, all: all, try transform(l), try transform(r), output: o)
        }
    }

    /// Rewrites bottom-up: inputs first, then `rule` on the rebuilt node.
    public func transformUp(_ rule: (LogicalPlan) throws -> LogicalPlan) rethrows -> LogicalPlan {
        try rule(try mapChildren { try $0.transformUp(rule) })
    }

    /// A copy of this node (not its inputs) with every expression it holds replaced.
    public func mapExpressions(_ f: (BoundExpression) throws -> BoundExpression) rethrows -> LogicalPlan {
        func named(_ items: [NamedExpression]) throws -> [NamedExpression] {
            try items.map { NamedExpression(try f($0.expression), as: $0.column) }
        }
        func keys(_ items: [SortKey]) throws -> [SortKey] {
            try items.map { SortKey(try f($0.expression), ascending: $0.ascending, nullsFirst: $0.nullsFirst) }
        }
        switch self {
        case .scan, .distinct, .limit, .setOperation: return self
        case let .values(rows, output): return .values(rows: try rows.map { try $0.map(f) }, output: output)
        case let .project(c, e): return .project(c, try named(e))
        case let .filter(c, e): return .filter(c, try f(e))
        case let .join(l, r, k, e): return .join(l, r, k, condition: try e.map(f))
        case let .aggregate(c, k, a):
            return .aggregate(c, keys: try named(k), aggregates: try a.map { agg in
                var call = agg.call
                call.arguments = try call.arguments.map(f)
                call.filter = try call.filter.map(f)
                return NamedAggregate(call, as: agg.column)
            })
        case let .window(c, functions):
            return .window(c, try functions.map { w in
                var call = w.call
                call.arguments = try call.arguments.map(f)
                call.partitionBy = try call.partitionBy.map(f)
                call.orderBy = try keys(call.orderBy)
                return NamedWindowFunction(call, as: w.column)
            })
        case let .sort(c, k): return .sort(c, try keys(k))
        }
    }

    /// Every expression this node (not its inputs) holds.
    public var expressions: [BoundExpression] {
        var all: [BoundExpression] = []
        _ = mapExpressions { all.append($0); return $0 }
        return all
    }
}
