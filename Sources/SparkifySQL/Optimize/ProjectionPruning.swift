/// Drops columns no operator above needs: scans keep only the columns read, projections and
/// aggregates stop computing what nobody reads.
enum ProjectionPruning {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        prune(plan, required: Set(plan.output.map(\.id)))
    }

    private static func prune(_ plan: LogicalPlan, required: Set<ColumnID>) -> LogicalPlan {
        switch plan {
        case let .scan(source, table, output, ordinals):
            var keptOutput: [PlanColumn] = [], keptOrdinals: [Int] = []
            for (column, ordinal) in zip(output, ordinals) where required.contains(column.id) {
                keptOutput.append(column)
                keptOrdinals.append(ordinal)
            }
            return .scan(source, table: table, output: keptOutput, ordinals: keptOrdinals)

        case let .project(input, expressions):
            let kept = expressions.filter { required.contains($0.column.id) }
            let needed = kept.reduce(into: Set<ColumnID>()) { $0.formUnion($1.expression.referencedColumns) }
            return .project(prune(input, required: needed), kept)

        case let .filter(input, condition):
            return .filter(prune(input, required: required.union(condition.referencedColumns)), condition)

        case let .join(left, right, kind, condition):
            let needed = required.union(condition?.referencedColumns ?? [])
            return .join(prune(left, required: needed), prune(right, required: needed), kind, condition: condition)

        case let .aggregate(input, keys, aggregates):
            let kept = aggregates.filter { required.contains($0.column.id) }
            var needed = Set<ColumnID>()
            for key in keys { needed.formUnion(key.expression.referencedColumns) }
            for agg in kept {
                for arg in agg.call.arguments { needed.formUnion(arg.referencedColumns) }
                if let filter = agg.call.filter { needed.formUnion(filter.referencedColumns) }
            }
            return .aggregate(prune(input, required: needed), keys: keys, aggregates: kept)

        case let .window(input, functions):
            let kept = functions.filter { required.contains($0.column.id) }
            var needed = required
            for f in kept { for e in f.call.allExpressions { needed.formUnion(e.referencedColumns) } }
            if kept.isEmpty { return prune(input, required: needed) }
            return .window(prune(input, required: needed), kept)

        case let .sort(input, keys):
            let needed = keys.reduce(into: required) { $0.formUnion($1.expression.referencedColumns) }
            return .sort(prune(input, required: needed), keys)

        case let .limit(input, count, offset):
            return .limit(prune(input, required: required), count: count, offset: offset)

        case .distinct, .setOperation, .values:
            // Every column takes part in the result's identity: keep them all below.
            return plan.mapChildren { prune($0, required: Set($0.output.map(\.id))) }
        }
    }
}

extension WindowCall {
    var allExpressions: [BoundExpression] { arguments + partitionBy + orderBy.map(\.expression) }
}
