/// Merges a projection into the projection below it, so renames at subquery and view
/// boundaries cost nothing and EXPLAIN shows one Project where the query has one.
enum CollapseProjects {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        plan.transformUp { node in
            guard case let .project(.project(input, inner), outer) = node else { return node }
            var mapping: [ColumnID: BoundExpression] = [:]
            for item in inner { mapping[item.column.id] = item.expression }
            // Substituting a computed expression into several places would compute it twice.
            var uses: [ColumnID: Int] = [:]
            for item in outer { for id in item.expression.referencedColumns { uses[id, default: 0] += 1 } }
            for item in inner where !item.expression.isCheap && (uses[item.column.id] ?? 0) > 1 { return node }
            guard inner.allSatisfy({ $0.expression.isDeterministic && !$0.expression.containsSubquery }) else { return node }
            return .project(input, outer.map { NamedExpression($0.expression.substituting(mapping), as: $0.column) })
        }
    }
}

extension BoundExpression {
    /// A column or a literal: free to repeat.
    var isCheap: Bool {
        switch self {
        case .column, .literal: return true
        default: return false
        }
    }
}
