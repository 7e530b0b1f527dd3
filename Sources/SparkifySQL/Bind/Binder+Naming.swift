import SparkifyTables

extension Binder {
    /// The name Spark gives an unaliased select item: a column's own name, a string literal's
    /// text, `count(1)` for `count(*)`, otherwise the expression's SQL.
    func autoName(_ expression: ASTExpression) -> String {
        switch expression.kind {
        case let .column(parts): return parts.last ?? ""
        case let .literal(.string(s)): return s
        case .literal(.null): return "NULL"
        case let .literal(.integer(value, _)): return String(value)
        case let .literal(.double(value)), let .literal(.float(value)): return ValueFormatter.double(value)
        case let .literal(.decimal(text)): return text
        case let .literal(.boolean(value)): return value ? "true" : "false"
        case let .function(call):
            let name = call.lowercasedName
            if name == "count", call.arguments.count == 1, case .star = call.arguments[0].kind, call.window == nil {
                return "count(1)"
            }
            let args = call.arguments.map(autoName).joined(separator: ", ")
            var text = "\(name)(\(call.isDistinct ? "DISTINCT " : "")\(args))"
            if call.window != nil { text += " OVER (...)" }
            return text
        case let .binary(op, l, r):
            return "(\(autoName(l)) \(op.rawValue) \(autoName(r)))"
        case let .cast(operand, type, isTry):
            return "\(isTry ? "TRY_CAST" : "CAST")(\(autoName(operand)) AS \(type.sql))"
        case let .unary(op, operand):
            switch op {
            case .negate: return "(- \(autoName(operand)))"
            case .not: return "(NOT \(autoName(operand)))"
            default: return "\(op.rawValue)\(autoName(operand))"
            }
        case let .isNull(operand, negated):
            return "(\(autoName(operand)) IS \(negated ? "NOT " : "")NULL)"
        default:
            return expression.description
        }
    }
}

extension ASTExpression {
    /// True when the expression calls an aggregate function outside any subquery (an
    /// aggregate used as a window function does not count, but one inside its arguments does).
    var containsAggregate: Bool {
        switch kind {
        case let .function(call):
            if call.window == nil, AggregateFunctions.isAggregate(call.lowercasedName) { return true }
            return call.arguments.contains { $0.containsAggregate }
                || (call.window?.partitionBy.contains { $0.containsAggregate } ?? false)
                || (call.window?.orderBy.contains { $0.expression.containsAggregate } ?? false)
        case .literal, .column, .star, .exists, .scalarSubquery, .lambda:
            return false
        case let .unary(_, e), let .isNull(e, _), let .isBoolean(e, _, _), let .cast(e, _, _), let .field(e, _):
            return e.containsAggregate
        case let .binary(_, l, r), let .isDistinctFrom(l, r, _), let .element(l, r):
            return l.containsAggregate || r.containsAggregate
        case let .between(e, low, high, _):
            return e.containsAggregate || low.containsAggregate || high.containsAggregate
        case let .inList(e, list, _):
            return e.containsAggregate || list.contains { $0.containsAggregate }
        case let .inSubquery(e, _, _):
            return e.containsAggregate
        case let .like(e, p, _, _, _), let .rlike(e, p, _):
            return e.containsAggregate || p.containsAggregate
        case let .caseWhen(operand, branches, otherwise):
            return (operand?.containsAggregate ?? false) || (otherwise?.containsAggregate ?? false)
                || branches.contains { $0.condition.containsAggregate || $0.result.containsAggregate }
        case let .row(values):
            return values.contains { $0.containsAggregate }
        }
    }
}
