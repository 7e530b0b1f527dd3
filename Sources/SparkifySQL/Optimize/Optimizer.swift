import SparkifyTables

/// Rewrites a bound plan into one that computes the same rows with less work: constant
/// folding, predicate pushdown and projection pruning — the rewrites that pay on in-memory
/// columnar data.
public struct Optimizer {
    /// Evaluates a constant expression; `nil` when it cannot (or must not) be folded, e.g. it
    /// would raise an error that should only surface if a row reaches it.
    public var foldConstant: (BoundExpression) -> Value?

    public init(foldConstant: @escaping (BoundExpression) -> Value?) {
        self.foldConstant = foldConstant
    }

    public func optimize(_ plan: LogicalPlan) -> LogicalPlan {
        var result = foldConstants(in: plan)
        result = PredicatePushdown.apply(result)
        result = ProjectionPruning.apply(result)
        result = CollapseProjects.apply(result)
        return result
    }

    /// Replaces every constant sub-expression by its value.
    func foldConstants(in plan: LogicalPlan) -> LogicalPlan {
        plan.transformUp { node in
            node.mapExpressions { expression in
                expression.transformUp { e in
                    if case .literal = e { return e }
                    guard e.isConstant, let value = foldConstant(e) else { return e }
                    return .literal(value, e.type)
                }
            }
        }
    }
}
