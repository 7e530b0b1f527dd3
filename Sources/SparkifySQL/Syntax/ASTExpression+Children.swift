extension ASTExpression {
    /// The expressions directly inside this one (not those inside subqueries), in source order.
    /// Window specs and `FILTER` conditions of calls count as children.
    public var children: [ASTExpression] {
        switch kind {
        case .literal, .column, .star, .exists, .scalarSubquery: return []
        case let .unary(_, operand): return [operand]
        case let .binary(_, left, right): return [left, right]
        case let .isNull(operand, _), let .isBoolean(operand, _, _): return [operand]
        case let .isDistinctFrom(left, right, _): return [left, right]
        case let .between(operand, low, high, _): return [operand, low, high]
        case let .inList(operand, values, _): return [operand] + values
        case let .inSubquery(operand, _, _): return [operand]
        case let .like(operand, pattern, _, _, _), let .rlike(operand, pattern, _): return [operand, pattern]
        case let .caseWhen(operand, branches, otherwise):
            var result = operand.map { [$0] } ?? []
            for branch in branches { result += [branch.condition, branch.result] }
            if let otherwise { result.append(otherwise) }
            return result
        case let .cast(operand, _, _): return [operand]
        case let .function(call):
            var result = call.arguments
            if let filter = call.filter { result.append(filter) }
            if let window = call.window {
                result += window.partitionBy + window.orderBy.map(\.expression)
                for bound in [window.frame?.start, window.frame?.end] {
                    if case let .preceding(offset)? = bound { result.append(offset) }
                    if case let .following(offset)? = bound { result.append(offset) }
                }
            }
            return result
        case let .row(values): return values
        case let .element(base, index): return [base, index]
        case let .field(base, _): return [base]
        case let .lambda(_, body): return [body]
        }
    }

    /// The queries directly inside this expression: scalar, `IN` and `EXISTS` subqueries, also
    /// those nested in its children.
    public var subqueries: [ASTQuery] {
        var result: [ASTQuery] = []
        collectSubqueries(into: &result)
        return result
    }

    private func collectSubqueries(into result: inout [ASTQuery]) {
        switch kind {
        case let .exists(query), let .scalarSubquery(query), let .inSubquery(_, query, _): result.append(query)
        default: break
        }
        for child in children { child.collectSubqueries(into: &result) }
    }
}
