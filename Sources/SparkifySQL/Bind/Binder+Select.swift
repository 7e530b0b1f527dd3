import SparkifyTables

extension Binder {
    /// One `SELECT` block with the ORDER BY of its query: FROM, WHERE, grouping and
    /// aggregates, HAVING, window functions, the select list, DISTINCT and sorting.
    func bindSelect(_ select: ASTSelect, orderBy: [ASTSortItem]) throws -> LogicalPlan {
        let from = try bindFrom(select.from)
        var plan = from.plan
        let scope = from.scope
        if let condition = select.whereClause {
            let bound = try bindCondition(condition, ExpressionContext(scope: scope, clause: "WHERE"))
            let (joined, remaining) = try decorrelateWhere(bound, over: plan, at: condition.position)
            plan = remaining.map { .filter(joined, $0) } ?? joined
        }

        let isAggregate = select.groupBy != nil || select.having != nil
            || select.items.contains { $0.expression.containsAggregate }
            || orderBy.contains { $0.expression.containsAggregate }
        let aggregates = isAggregate ? AggregateCollector() : nil
        let windows = WindowCollector()
        namedWindowScopes.append(Dictionary(select.windows.map { ($0.name.name.lowercased(), $0.spec) }, uniquingKeysWith: { a, _ in a }))
        defer { namedWindowScopes.removeLast() }

        let (keys, sets) = try bindGroupBy(select, scope: scope)
        let groupingSets = sets.map { sets in
            GroupingSets(sets: sets, groupingID: PlanColumn(id: ids.make(), name: "grouping_id()", type: .bigint, nullable: false),
                         flags: keys.map { PlanColumn(id: ids.make(), name: "grouping(\($0.column.name))", type: .int, nullable: false) })
        }
        aggregates?.groupingSets = groupingSets
        aggregates?.groupingKeys = groupingSets == nil ? nil : keys
        let grouping = GroupKeySubstitution(keys: keys, inputIDs: Set(scope.entries.map(\.column.id)), hasGroupBy: select.groupBy != nil)

        var context = ExpressionContext(scope: scope, aggregates: aggregates, windows: windows, clause: "SELECT")
        var projections: [NamedExpression] = []
        for item in select.items {
            if case let .star(qualifier) = item.expression.kind {
                for column in try scope.star(qualifier: qualifier, at: item.expression.position) {
                    let expr = isAggregate ? try grouping.apply(column.reference, at: item.expression.position) : column.reference
                    projections.append(NamedExpression(expr, as: PlanColumn(id: ids.make(), name: column.name, type: column.type, qualifier: column.qualifier, nullable: column.nullable)))
                }
                continue
            }
            var bound = try bindExpression(item.expression, context)
            if isAggregate { bound = try grouping.apply(bound, at: item.expression.position) }
            let name = item.alias?.name ?? autoName(item.expression)
            projections.append(NamedExpression(bound, as: PlanColumn(id: ids.make(), name: name, type: bound.type)))
        }
        if !isAggregate {
            for i in projections.indices {
                let (joined, rewritten) = try decorrelateScalars(projections[i].expression, over: plan, at: select.items[min(i, select.items.count - 1)].expression.position)
                plan = joined
                projections[i].expression = rewritten
            }
        }
        let aliases = Dictionary(projections.map { ($0.column.name.lowercased(), $0.expression) }, uniquingKeysWith: { a, _ in a })

        var having: BoundExpression?
        if let condition = select.having {
            context.clause = "HAVING"
            context.aliases = aliases
            context.windows = nil
            having = try grouping.apply(try bindCondition(condition, context), at: condition.position)
        }

        // ORDER BY keys name select-list columns (by alias or ordinal) or, failing that, any
        // expression over the input, computed as a hidden column and dropped after sorting.
        var sortKeys: [SortKey] = []
        var hidden: [NamedExpression] = []
        context.clause = "ORDER BY"
        context.aliases = [:]
        context.windows = windows
        for item in orderBy {
            let direction = (item.ascending, item.effectiveNullsFirst)
            if let ordinal = try ordinalReference(item.expression, count: projections.count, clause: "ORDER BY") {
                sortKeys.append(SortKey(projections[ordinal].column.reference, ascending: direction.0, nullsFirst: direction.1))
                continue
            }
            if case let .column(parts) = item.expression.kind, parts.count == 1,
               let match = projections.first(where: { $0.column.name.caseInsensitiveEquals(parts[0]) }) {
                sortKeys.append(SortKey(match.column.reference, ascending: direction.0, nullsFirst: direction.1))
                continue
            }
            var bound = try bindExpression(item.expression, context)
            if isAggregate { bound = try grouping.apply(bound, at: item.expression.position) }
            let text = bound.description
            if let match = (projections + hidden).first(where: { $0.expression.description == text }) {
                sortKeys.append(SortKey(match.column.reference, ascending: direction.0, nullsFirst: direction.1))
            } else {
                let column = PlanColumn(id: ids.make(), name: autoName(item.expression), type: bound.type)
                hidden.append(NamedExpression(bound, as: column))
                sortKeys.append(SortKey(column.reference, ascending: direction.0, nullsFirst: direction.1))
            }
        }

        if isAggregate {
            try windows.rewriteExpressions { try grouping.apply($0, at: select.items.first?.expression.position ?? SourcePosition(line: 1, column: 1)) }
            if let groupingSets {
                plan = groupingSetsPlan(plan, keys: keys, aggregates: aggregates?.aggregates ?? [], grouping: groupingSets)
            } else {
                plan = .aggregate(plan, keys: keys, aggregates: aggregates?.aggregates ?? [])
            }
        }
        if let having { plan = .filter(plan, having) }
        if !windows.isEmpty { plan = .window(plan, windows.functions) }
        plan = .project(plan, projections + hidden)
        if select.isDistinct {
            if !hidden.isEmpty {
                throw SQLError(.analysis, "ORDER BY of a SELECT DISTINCT may only name selected columns: \(hidden.map { "`\($0.column.name)`" }.joined(separator: ", ")) is not selected.",
                               errorClass: "UNRESOLVED_COLUMN", at: orderBy.first?.expression.position)
            }
            plan = .distinct(plan)
        }
        if !sortKeys.isEmpty { plan = .sort(plan, sortKeys) }
        if !hidden.isEmpty {
            plan = .project(plan, projections.map { NamedExpression($0.column.reference, as: $0.column) })
        }
        return plan
    }

    /// The GROUP BY keys (expressions over the input, select-list ordinals, or select
    /// aliases) and, for ROLLUP, CUBE and GROUPING SETS, the key indices of each set.
    private func bindGroupBy(_ select: ASTSelect, scope: BindScope) throws -> (keys: [NamedExpression], sets: [[Int]]?) {
        guard let groupBy = select.groupBy else { return ([], nil) }
        var expressions: [ASTExpression]
        var sets: [[Int]]?
        switch groupBy.kind {
        case .plain: expressions = groupBy.expressions
        case .all: expressions = select.items.map(\.expression).filter { !$0.containsAggregate }
        case .rollup, .cube:
            expressions = groupBy.expressions
            sets = GroupingSets.sets(for: groupBy.kind, keyCount: expressions.count)
        case let .groupingSets(written):
            // The keys are the distinct expressions of all sets, in order of appearance.
            expressions = []
            for expression in written.joined() where !expressions.contains(expression) { expressions.append(expression) }
            sets = written.map { set in
                var indices: [Int] = []
                for expression in set {
                    if let i = expressions.firstIndex(of: expression), !indices.contains(i) { indices.append(i) }
                }
                return indices
            }
        }
        let context = ExpressionContext(scope: scope, clause: "GROUP BY")
        var keys: [NamedExpression] = []
        for i in expressions.indices {
            var expression = expressions[i]
            if let ordinal = try ordinalReference(expression, count: select.items.count, clause: "GROUP BY") {
                expression = select.items[ordinal].expression
                if expression.containsAggregate {
                    throw SQLError(.analysis, "GROUP BY \(ordinal + 1) refers to an expression \(expression) that contains an aggregate function. Aggregate functions are not allowed in GROUP BY.",
                                   errorClass: "GROUP_BY_POS_AGGREGATE", at: expressions[i].position)
                }
            } else if case let .column(parts) = expression.kind, parts.count == 1,
                      try scope.resolve(parts, at: expression.position) == nil,
                      let item = select.items.first(where: { $0.alias?.name.caseInsensitiveEquals(parts[0]) == true }) {
                expression = item.expression  // GROUP BY a select alias, as Spark allows
            }
            let bound = try bindExpression(expression, context)
            keys.append(NamedExpression(bound, as: PlanColumn(id: ids.make(), name: autoName(expression), type: bound.type)))
        }
        return (keys, sets)
    }
}

/// Replaces group-key expressions in post-aggregation expressions by the key columns, and
/// rejects any other reference to an input column (Spark's MISSING_AGGREGATION).
struct GroupKeySubstitution {
    let keys: [NamedExpression]
    let inputIDs: Set<ColumnID>
    let hasGroupBy: Bool
    private let byText: [String: PlanColumn]

    init(keys: [NamedExpression], inputIDs: Set<ColumnID>, hasGroupBy: Bool) {
        self.keys = keys
        self.inputIDs = inputIDs
        self.hasGroupBy = hasGroupBy
        byText = Dictionary(keys.map { ($0.expression.description, $0.column) }, uniquingKeysWith: { a, _ in a })
    }

    func apply(_ expression: BoundExpression, at position: SourcePosition) throws -> BoundExpression {
        if let key = byText[expression.description] { return key.reference }
        if case let .column(id, _, name) = expression, inputIDs.contains(id) {
            if !hasGroupBy {
                throw SQLError(.analysis, "The query does not include a GROUP BY clause. Add GROUP BY or turn it into the window functions using OVER clauses. (\"\(name)\" is neither aggregated nor grouped.)",
                               errorClass: "MISSING_GROUP_BY", at: position)
            }
            throw SQLError(.analysis, "The non-aggregating expression \"\(name)\" is based on columns which are not participating in the GROUP BY clause. Add the columns or the expression to the GROUP BY, aggregate the expression, or use \"any_value(\(name))\" if you do not care which of the values within a group is returned.",
                           errorClass: "MISSING_AGGREGATION", at: position)
        }
        return try expression.mapChildren { try apply($0, at: position) }
    }
}
