import SparkifyTables

/// Correlated subqueries become joins, as Spark rewrites them: `[NOT] EXISTS` and `IN` in
/// WHERE become semi and anti joins; an aggregating scalar subquery becomes a left join to
/// the aggregate grouped by the correlated columns.
extension Binder {
    /// The WHERE condition's correlated subqueries joined onto `plan`; the rest of the
    /// condition is returned to filter with.
    func decorrelateWhere(_ condition: BoundExpression, over plan: LogicalPlan, at position: SourcePosition) throws -> (LogicalPlan, BoundExpression?) {
        var plan = plan
        var remaining: [BoundExpression] = []
        let produced = plan.producedIDs
        for conjunct in condition.conjuncts {
            switch conjunct {
            case let .exists(subplan, negated) where !subplan.outerReferences.isEmpty:
                let (inner, predicates) = try pullUpCorrelated(subplan, outer: produced, aggregate: false, at: position)
                plan = .join(plan, inner, negated ? .leftAnti : .leftSemi, condition: BoundExpression.conjunction(predicates))
            case let .inSubquery(values, subplan, false) where !subplan.outerReferences.isEmpty:
                let (inner, predicates) = try pullUpCorrelated(subplan, outer: produced, aggregate: false, at: position)
                let matches = try zip(values, subplan.output).map { try comparison("=", $0, $1.reference, at: position) }
                plan = .join(plan, inner, .leftSemi, condition: BoundExpression.conjunction(matches + predicates))
            default:
                let (joined, rewritten) = try decorrelateScalars(conjunct, over: plan, at: position)
                plan = joined
                remaining.append(rewritten)
            }
        }
        return (plan, BoundExpression.conjunction(remaining))
    }

    /// `expression` with each correlated scalar subquery replaced by a column of a left join
    /// added to `plan`.
    func decorrelateScalars(_ expression: BoundExpression, over plan: LogicalPlan, at position: SourcePosition) throws -> (LogicalPlan, BoundExpression) {
        var plan = plan
        let produced = plan.producedIDs
        let rewritten = try expression.transformUp { e in
            switch e {
            case let .scalarSubquery(subplan, type) where !subplan.outerReferences.isEmpty:
                let (inner, predicates) = try pullUpCorrelated(subplan, outer: produced, aggregate: true, at: position)
                plan = .join(plan, inner, .left, condition: BoundExpression.conjunction(predicates))
                let result = subplan.output[0]
                // No matching row means an empty group: count is 0 there, not NULL.
                if subplan.resultIsCount {
                    return .call("coalesce", [result.reference, .literal(.bigint(0), .bigint)], type)
                }
                return result.reference
            case .exists(let subplan, _) where !subplan.outerReferences.isEmpty,
                 .inSubquery(_, let subplan, _) where !subplan.outerReferences.isEmpty:
                throw SQLError(.unsupported, "A correlated EXISTS or IN subquery is supported by sparkify only as a condition of WHERE (on its own or joined with AND).",
                               errorClass: "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY", at: position)
            default:
                return e
            }
        }
        return (plan, rewritten)
    }

    /// Removes the conditions that read the outer query from `plan` and returns them, with
    /// `plan` changed to output what they need. With `aggregate`, the subquery must aggregate
    /// and its correlated conditions must be equalities, whose inner sides become group keys.
    private func pullUpCorrelated(_ plan: LogicalPlan, outer: Set<ColumnID>, aggregate: Bool, at position: SourcePosition) throws -> (LogicalPlan, [BoundExpression]) {
        switch plan {
        case let .filter(input, condition):
            let (below, predicates) = try pullUpCorrelated(input, outer: outer, aggregate: aggregate, at: position)
            var kept: [BoundExpression] = [], pulled = predicates
            for conjunct in condition.conjuncts {
                if conjunct.referencedColumns.isDisjoint(with: outer) { kept.append(conjunct) } else { pulled.append(conjunct) }
            }
            return (BoundExpression.conjunction(kept).map { .filter(below, $0) } ?? below, pulled)

        case let .project(input, items):
            let (below, predicates) = try pullUpCorrelated(input, outer: outer, aggregate: aggregate, at: position)
            let available = Set(items.map(\.column.id))
            var extended = items
            for predicate in predicates {
                for id in predicate.referencedColumns where !outer.contains(id) && !available.contains(id) && !extended.contains(where: { $0.column.id == id }) {
                    guard let column = below.output.first(where: { $0.id == id }) else { continue }
                    extended.append(NamedExpression(column.reference, as: column))
                }
            }
            return (.project(below, extended), predicates)

        case let .aggregate(input, keys, aggregates):
            let (below, predicates) = try pullUpCorrelated(input, outer: outer, aggregate: false, at: position)
            var newKeys = keys
            var rewritten: [BoundExpression] = []
            for predicate in predicates {
                guard case let .call("=", args, _) = predicate, args.count == 2 else {
                    throw mustBeEquality(at: position)
                }
                let (innerSide, outerSide) = args[0].referencedColumns.isDisjoint(with: outer) ? (args[0], args[1]) : (args[1], args[0])
                guard innerSide.referencedColumns.isDisjoint(with: outer), outerSide.referencedColumns.isSubset(of: outer) else {
                    throw mustBeEquality(at: position)
                }
                let key = PlanColumn(id: ids.make(), name: "corr", type: innerSide.type)
                newKeys.append(NamedExpression(innerSide, as: key))
                rewritten.append(.call("=", [key.reference, outerSide], .boolean))
            }
            return (.aggregate(below, keys: newKeys, aggregates: aggregates), rewritten)

        default:
            if aggregate {
                throw SQLError(.analysis, "Correlated scalar subqueries must be aggregated to return at most one row.",
                               errorClass: "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY", at: position)
            }
            if !plan.outerReferences.isEmpty {
                throw SQLError(.unsupported, "A reference to the enclosing query is supported in the subquery's WHERE (and HAVING-free GROUP BY) only.",
                               errorClass: "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY", at: position)
            }
            return (plan, [])
        }
    }

    private func mustBeEquality(at position: SourcePosition) -> SQLError {
        SQLError(.unsupported, "A correlated scalar subquery may refer to the enclosing query only in equality conditions (inner = outer).",
                 errorClass: "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_COLUMN_IS_NOT_ALLOWED_IN_PREDICATE", at: position)
    }
}

extension LogicalPlan {
    /// Ids of every column some node of this plan produces.
    var producedIDs: Set<ColumnID> {
        var ids = Set(output.map(\.id))
        if case let .scan(_, _, output, _) = self { ids.formUnion(output.map(\.id)) }
        for child in children { ids.formUnion(child.producedIDs) }
        return ids
    }

    /// Columns that expressions in this plan read but no node of it produces: references to
    /// an enclosing query.
    var outerReferences: Set<ColumnID> {
        var read = Set<ColumnID>()
        collectReferences(into: &read)
        return read.subtracting(producedIDs)
    }

    private func collectReferences(into ids: inout Set<ColumnID>) {
        for expression in expressions { ids.formUnion(expression.referencedColumns) }
        for child in children { child.collectReferences(into: &ids) }
    }

    /// True when the plan's one output column is a count aggregate passed through projections.
    var resultIsCount: Bool {
        guard let result = output.first else { return false }
        var id = result.id
        var node = self
        while true {
            switch node {
            case let .project(input, items):
                guard let item = items.first(where: { $0.column.id == id }), case let .column(inner, _, _) = item.expression else { return false }
                id = inner
                node = input
            case let .aggregate(_, _, aggregates):
                guard let aggregate = aggregates.first(where: { $0.column.id == id }) else { return false }
                return ["count", "count_if", "approx_count_distinct"].contains(aggregate.call.name)
            case let .filter(input, _), let .sort(input, _), let .limit(input, _, _):
                node = input
            default:
                return false
            }
        }
    }
}
