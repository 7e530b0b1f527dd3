/// Moves filters as close to the scans as they can go, so joins, aggregates and sorts see
/// fewer rows; turns `WHERE` conditions across an inner join into join conditions, where the
/// executor can use them as hash keys.
enum PredicatePushdown {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        switch plan {
        case let .filter(input, condition):
            return push(condition.conjuncts, into: apply(input))
        case let .join(left, right, kind, condition):
            return pushJoinCondition(apply(left), apply(right), kind, condition)
        default:
            return plan.mapChildren(apply)
        }
    }

    /// `conjuncts` filtering `plan`, pushed below it where that keeps the result the same.
    private static func push(_ conjuncts: [BoundExpression], into plan: LogicalPlan) -> LogicalPlan {
        if conjuncts.isEmpty { return plan }
        switch plan {
        case let .filter(input, existing):
            return push(existing.conjuncts + conjuncts, into: input)

        case let .project(input, expressions):
            // Substitute the projected expressions; only deterministic ones may be duplicated.
            var mapping: [ColumnID: BoundExpression] = [:]
            for item in expressions where item.expression.isDeterministic { mapping[item.column.id] = item.expression }
            var below: [BoundExpression] = []
            var above: [BoundExpression] = []
            for c in conjuncts {
                if !c.containsSubquery, c.referencedColumns.allSatisfy({ mapping[$0] != nil }) {
                    below.append(c.substituting(mapping))
                } else {
                    above.append(c)
                }
            }
            return wrap(.project(push(below, into: input), expressions), above)

        case let .sort(input, keys):
            return .sort(push(conjuncts, into: input), keys)

        case let .join(left, right, kind, condition):
            let leftIDs = Set(left.output.map(\.id)), rightIDs = Set(right.output.map(\.id))
            var toLeft: [BoundExpression] = [], toRight: [BoundExpression] = []
            var toJoin: [BoundExpression] = [], above: [BoundExpression] = []
            for c in conjuncts {
                let ids = c.referencedColumns
                if c.containsSubquery || !c.isDeterministic {
                    above.append(c)
                } else if ids.isSubset(of: leftIDs), kind.keepsLeftRowsIntact {
                    toLeft.append(c)
                } else if ids.isSubset(of: rightIDs), kind.keepsRightRowsIntact {
                    toRight.append(c)
                } else if kind == .inner || kind == .cross {
                    toJoin.append(c)
                } else {
                    above.append(c)
                }
            }
            let newKind: JoinKind = kind == .cross && !toJoin.isEmpty ? .inner : kind
            let joinCondition = BoundExpression.conjunction((condition?.conjuncts ?? []) + toJoin)
            let joined = pushJoinCondition(push(toLeft, into: left), push(toRight, into: right), newKind, joinCondition)
            return wrap(joined, above)

        case let .aggregate(input, keys, aggregates):
            var mapping: [ColumnID: BoundExpression] = [:]
            for key in keys where key.expression.isDeterministic { mapping[key.column.id] = key.expression }
            var below: [BoundExpression] = [], above: [BoundExpression] = []
            for c in conjuncts {
                if !keys.isEmpty, !c.containsSubquery, c.referencedColumns.allSatisfy({ mapping[$0] != nil }) {
                    below.append(c.substituting(mapping))
                } else {
                    above.append(c)
                }
            }
            return wrap(.aggregate(push(below, into: input), keys: keys, aggregates: aggregates), above)

        default:
            return wrap(plan, conjuncts)
        }
    }

    /// Splits an ON condition: conjuncts over one side only go below the join where the join
    /// kind allows it.
    private static func pushJoinCondition(_ left: LogicalPlan, _ right: LogicalPlan, _ kind: JoinKind, _ condition: BoundExpression?) -> LogicalPlan {
        guard let condition else { return .join(left, right, kind, condition: nil) }
        let leftIDs = Set(left.output.map(\.id)), rightIDs = Set(right.output.map(\.id))
        var toLeft: [BoundExpression] = [], toRight: [BoundExpression] = [], keep: [BoundExpression] = []
        for c in condition.conjuncts {
            let ids = c.referencedColumns
            guard !c.containsSubquery, c.isDeterministic, !ids.isEmpty else { keep.append(c); continue }
            // An ON condition on one side filters that side's candidates, which is the same as
            // filtering the side whose rows the join does not preserve.
            if ids.isSubset(of: leftIDs), kind == .inner || kind == .right || kind == .leftSemi {
                toLeft.append(c)
            } else if ids.isSubset(of: rightIDs), kind == .inner || kind == .left || kind == .leftSemi || kind == .leftAnti {
                toRight.append(c)
            } else {
                keep.append(c)
            }
        }
        return .join(push(toLeft, into: left), push(toRight, into: right), kind, condition: BoundExpression.conjunction(keep))
    }

    private static func wrap(_ plan: LogicalPlan, _ conjuncts: [BoundExpression]) -> LogicalPlan {
        guard let condition = BoundExpression.conjunction(conjuncts) else { return plan }
        return .filter(plan, condition)
    }
}

extension JoinKind {
    /// A filter above the join on left columns only may run before it.
    var keepsLeftRowsIntact: Bool { self == .inner || self == .cross || self == .left || self == .leftSemi || self == .leftAnti }
    /// A filter above the join on right columns only may run before it.
    var keepsRightRowsIntact: Bool { self == .inner || self == .cross || self == .right }
}

extension BoundExpression {
    /// False when the expression's value may differ between two evaluations on the same row.
    var isDeterministic: Bool {
        if case let .call(name, _, _) = self, BoundExpression.nondeterministic.contains(name) { return false }
        return children.allSatisfy(\.isDeterministic)
    }

    var containsSubquery: Bool {
        switch self {
        case .scalarSubquery, .inSubquery, .exists: return true
        default: return children.contains { $0.containsSubquery }
        }
    }

    /// Replaces column references found in `mapping`.
    func substituting(_ mapping: [ColumnID: BoundExpression]) -> BoundExpression {
        transformUp { e in
            if case let .column(id, _, _) = e, let replacement = mapping[id] { return replacement }
            return e
        }
    }
}
