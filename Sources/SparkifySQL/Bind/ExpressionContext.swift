import SparkifyTables

/// What an expression being bound may refer to, and where aggregates and window functions
/// found in it are collected.
struct ExpressionContext {
    var scope: BindScope
    /// Set where aggregate functions are allowed (select list, HAVING, ORDER BY of an
    /// aggregate query).
    var aggregates: AggregateCollector?
    /// Set where window functions are allowed (select list, ORDER BY).
    var windows: WindowCollector?
    /// Select-list aliases a name may fall back to (HAVING, ORDER BY, GROUP BY).
    var aliases: [String: BoundExpression] = [:]
    /// The clause being bound, for messages.
    var clause: String

    init(scope: BindScope, aggregates: AggregateCollector? = nil, windows: WindowCollector? = nil, clause: String) {
        self.scope = scope
        self.aggregates = aggregates
        self.windows = windows
        self.clause = clause
    }

    /// The same scope with aggregates and windows not allowed (inside an aggregate's arguments).
    var plain: ExpressionContext {
        var copy = self
        copy.aggregates = nil
        copy.windows = nil
        return copy
    }
}

/// The aggregate calls of one query level, each computed once however often it appears.
final class AggregateCollector {
    private(set) var aggregates: [NamedAggregate] = []
    private var byText: [String: PlanColumn] = [:]
    /// With ROLLUP, CUBE or GROUPING SETS: the sets and the group-by keys, for `grouping()`.
    var groupingSets: GroupingSets?
    var groupingKeys: [NamedExpression]?

    /// The output column computing `call`, reusing an identical earlier call.
    func column(for call: AggregateCall, name: String, ids: ColumnIDGenerator) -> PlanColumn {
        let key = call.description + "|" + (call.ignoreNulls ? "ignore" : "")
        if let existing = byText[key] { return existing }
        let column = PlanColumn(id: ids.make(), name: name, type: call.resultType, nullable: call.name != "count")
        aggregates.append(NamedAggregate(call, as: column))
        byText[key] = column
        return column
    }

    var isEmpty: Bool { aggregates.isEmpty }
}

/// The window function calls of one query level.
final class WindowCollector {
    private(set) var functions: [NamedWindowFunction] = []
    private var byText: [String: PlanColumn] = [:]

    func column(for call: WindowCall, name: String, ids: ColumnIDGenerator) -> PlanColumn {
        let key = call.description
        if let existing = byText[key] { return existing }
        let column = PlanColumn(id: ids.make(), name: name, type: call.resultType)
        functions.append(NamedWindowFunction(call, as: column))
        byText[key] = column
        return column
    }

    var isEmpty: Bool { functions.isEmpty }

    /// Rewrites the expressions of every collected call (group-key substitution).
    func rewriteExpressions(_ f: (BoundExpression) throws -> BoundExpression) rethrows {
        functions = try functions.map { named in
            var call = named.call
            call.arguments = try call.arguments.map(f)
            call.partitionBy = try call.partitionBy.map(f)
            call.orderBy = try call.orderBy.map { SortKey(try f($0.expression), ascending: $0.ascending, nullsFirst: $0.nullsFirst) }
            return NamedWindowFunction(call, as: named.column)
        }
    }
}
