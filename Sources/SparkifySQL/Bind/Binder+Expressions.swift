import SparkifyTables

extension Binder {
    /// Binds an expression in `context`: resolves names, types it, and makes Spark's implicit
    /// casts explicit.
    func bindExpression(_ expression: ASTExpression, _ context: ExpressionContext) throws -> BoundExpression {
        try nested(at: expression.position) { try bindKind(expression, context) }
    }

    /// Binds a condition (WHERE, HAVING, ON, WHEN): it must be boolean.
    func bindCondition(_ expression: ASTExpression, _ context: ExpressionContext) throws -> BoundExpression {
        let bound = try bindExpression(expression, context)
        switch bound.type {
        case .boolean: return bound
        case .null: return .cast(bound, .boolean, isTry: false)
        default:
            throw SQLError(.analysis, "The \(context.clause) condition \(expression) must be boolean, but it is of type \(bound.type.simpleString.uppercased()).",
                           errorClass: "DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", at: expression.position)
        }
    }

    private func bindKind(_ expression: ASTExpression, _ context: ExpressionContext) throws -> BoundExpression {
        let position = expression.position
        switch expression.kind {
        case let .literal(literal):
            return try bindLiteral(literal, at: position)

        case let .column(parts):
            return try resolveColumn(parts, context, at: position)

        case .star:
            throw SQLError(.analysis, "`*` is only allowed in a select list or in count(*).", errorClass: "INVALID_USAGE_OF_STAR_OR_REGEX", at: position)

        case let .unary(op, operand):
            switch op {
            case .plus: return try bindExpression(operand, context)
            case .negate:
                if case let .literal(.integer(v, type)) = operand.kind, v != Int64.min {
                    return try bindLiteral(.integer(-v, type), at: position)
                }
                if case let .literal(.decimal(text)) = operand.kind {
                    return try bindLiteral(.decimal(text.hasPrefix("-") ? String(text.dropFirst()) : "-" + text), at: position)
                }
                return try scalarCall("negative", [try bindExpression(operand, context)], at: position)
            case .not:
                let inner = try bindCondition(operand, context)
                if case let .exists(plan, negated) = inner { return .exists(plan, negated: !negated) }
                if case let .inSubquery(value, plan, negated) = inner { return .inSubquery(value, plan, negated: !negated) }
                return .call("not", [inner], .boolean)
            case .bitwiseNot:
                return try scalarCall("~", [try bindExpression(operand, context)], at: position)
            }

        case let .binary(op, left, right):
            switch op {
            case .and, .or:
                let l = try bindCondition(left, context), r = try bindCondition(right, context)
                return .call(op == .and ? "and" : "or", [l, r], .boolean)
            case .equal, .nullSafeEqual, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
                return try comparison(op.rawValue, try bindExpression(left, context), try bindExpression(right, context), at: position)
            case .concat:
                return try scalarCall("concat", [try bindExpression(left, context), try bindExpression(right, context)], at: position)
            default:
                if let moved = try bindIntervalArithmetic(op, left, right, context, at: position) { return moved }
                var operands = [try bindExpression(left, context), try bindExpression(right, context)]
                if !ansiEnabled, [.add, .subtract, .multiply, .divide, .remainder].contains(op),
                   operands.contains(where: { $0.type == .string }), operands.allSatisfy({ $0.type == .string || $0.type.isNumeric }) {
                    // Spark's legacy PromoteStrings: a string operand of arithmetic is a double.
                    operands = operands.map { $0.type == .string ? castIfNeeded($0, to: .double) : $0 }
                }
                return try scalarCall(op.rawValue, operands, at: position)
            }

        case let .isNull(operand, negated):
            return .call(negated ? "isnotnull" : "isnull", [try bindExpression(operand, context)], .boolean)

        case let .isBoolean(operand, value, negated):
            let bound = try bindExpression(operand, context)
            let test: BoundExpression
            if let value {
                test = try comparison("<=>", bound, .literal(.boolean(value), .boolean), at: position)
            } else {
                test = .call("isnull", [bound], .boolean)
            }
            return negated ? .call("not", [test], .boolean) : test

        case let .isDistinctFrom(left, right, negated):
            let same = try comparison("<=>", try bindExpression(left, context), try bindExpression(right, context), at: position)
            return negated ? same : .call("not", [same], .boolean)

        case let .between(operand, low, high, negated):
            let value = try bindExpression(operand, context)
            let range = BoundExpression.call("and", [
                try comparison(">=", value, try bindExpression(low, context), at: position),
                try comparison("<=", value, try bindExpression(high, context), at: position),
            ], .boolean)
            return negated ? .call("not", [range], .boolean) : range

        case let .inList(operand, values, negated):
            let value = try bindExpression(operand, context)
            let list = try values.map { try bindExpression($0, context) }
            guard let type = commonType([value.type] + list.map(\.type)) else {
                throw SQLError(.analysis, "Cannot resolve \(expression): the input types of IN must be the same, but got [\(([value] + list).map { $0.type.simpleString.uppercased() }.joined(separator: ", "))].",
                               errorClass: "DATATYPE_MISMATCH.DATA_DIFF_TYPES", at: position)
            }
            let test = BoundExpression.call("in", ([value] + list).map { castIfNeeded($0, to: type) }, .boolean)
            return negated ? .call("not", [test], .boolean) : test

        case let .inSubquery(operand, query, negated):
            var operands = [operand]
            if case let .row(items) = operand.kind { operands = items }
            let values = try operands.map { try bindExpression($0, context) }
            var plan = try bindSubquery(query, context)
            guard plan.output.count == values.count else {
                throw SQLError(.analysis, "The number of columns in the left hand side of an IN subquery does not match the number of columns in the output of subquery: \(values.count) and \(plan.output.count).",
                               errorClass: "DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH", at: position)
            }
            var types: [DataType] = []
            for (value, column) in zip(values, plan.output) {
                guard let type = commonType(value.type, column.type) else {
                    throw SQLError(.analysis, "The data types of the IN subquery do not match: \(value.type.simpleString.uppercased()) and \(column.type.simpleString.uppercased()).",
                                   errorClass: "DATATYPE_MISMATCH.IN_SUBQUERY_DATA_TYPE_MISMATCH", at: position)
                }
                types.append(type)
            }
            plan = castOutput(plan, to: types)
            return .inSubquery(zip(values, types).map { castIfNeeded($0, to: $1) }, plan, negated: negated)

        case let .like(operand, pattern, caseInsensitive, escape, negated):
            let args = [try bindExpression(operand, context), try bindExpression(pattern, context),
                        BoundExpression.literal(.string(String(escape ?? "\\")), .string)]
            let test = try scalarCall(caseInsensitive ? "ilike" : "like", args, at: position)
            return negated ? .call("not", [test], .boolean) : test

        case let .rlike(operand, pattern, negated):
            let test = try scalarCall("rlike", [try bindExpression(operand, context), try bindExpression(pattern, context)], at: position)
            return negated ? .call("not", [test], .boolean) : test

        case let .exists(query):
            return .exists(try bindSubquery(query, context), negated: false)

        case let .scalarSubquery(query):
            let plan = try bindSubquery(query, context)
            guard plan.output.count == 1 else {
                throw SQLError(.analysis, "Scalar subquery must return only one column, but got \(plan.output.count).",
                               errorClass: "INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN", at: position)
            }
            return .scalarSubquery(plan, plan.output[0].type)

        case let .caseWhen(operand, branches, otherwise):
            return try bindCase(operand, branches, otherwise, context, at: position)

        case let .cast(operand, astType, isTry):
            let value = try bindExpression(operand, context)
            let type = try astType.tableType()
            guard canCast(value.type, type) else {
                if (value.type == .date || value.type == .timestamp) && type.isNumeric {
                    let function = value.type == .date ? "UNIX_DATE" : "UNIX_SECONDS"
                    throw SQLError(.analysis, "Cannot resolve \(expression) due to data type mismatch: cannot cast \"\(value.type.simpleString.uppercased())\" to \"\(type.simpleString.uppercased())\". To convert values from \"\(value.type.simpleString.uppercased())\" to \"\(type.simpleString.uppercased())\", you can use the function `\(function)` instead.",
                                   errorClass: "DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION", at: position)
                }
                throw SQLError(.analysis, "Cannot resolve \(expression) due to data type mismatch: cannot cast \"\(value.type.simpleString.uppercased())\" to \"\(type.simpleString.uppercased())\".",
                               errorClass: "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION", at: position)
            }
            return value.type == type ? value : .cast(value, type, isTry: isTry)

        case let .function(call):
            return try bindFunction(call, expression, context)

        case .row:
            throw SQLError(.unsupported, "Row constructors `(a, b)` are supported only on the left of IN (subquery).", errorClass: "UNSUPPORTED_FEATURE", at: position)
        case let .element(base, subscriptIndex):
            let container = try bindExpression(base, context)
            switch container.type {
            case .array: return try scalarCall("[]", [container, try bindExpression(subscriptIndex, context)], at: position)
            case .structure: return try scalarCall(".", [container, try bindExpression(subscriptIndex, context)], at: position)
            default:
                throw SQLError(.analysis, "Cannot resolve \(expression): the subscript needs an ARRAY or a STRUCT, not \(container.type.simpleString.uppercased()).",
                               errorClass: "INVALID_EXTRACT_BASE_FIELD_TYPE", at: position)
            }
        case let .field(base, name):
            return try fieldAccess(try bindExpression(base, context), [name], at: position)
        case .lambda:
            throw SQLError(.unsupported, "Lambda functions are not supported by sparkify yet.", errorClass: "UNSUPPORTED_FEATURE", at: position)
        }
    }

    private func resolveColumn(_ parts: [String], _ context: ExpressionContext, at position: SourcePosition) throws -> BoundExpression {
        if let column = try context.scope.resolve(parts, at: position) { return column.reference }
        if parts.count == 1, let alias = context.aliases[parts[0].lowercased()] { return alias }
        // A reference to the enclosing query makes the subquery correlated; the select block
        // that holds it turns it into a join (Binder+Subqueries).
        if let outer = outerScopes.last, let column = try outer.resolve(parts, at: position) { return column.reference }
        for outer in outerScopes.dropLast().reversed() where (try? outer.resolve(parts, at: position)) != nil {
            throw SQLError(.unsupported, "`\(parts.joined(separator: "."))` refers to a query two or more levels out: sparkify supports correlation with the directly enclosing query only.",
                           errorClass: "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY", at: position)
        }
        // `s.a.b` or `t.s.a`: the longest prefix naming a column, then struct fields.
        for length in stride(from: parts.count - 1, through: 1, by: -1) {
            guard let base = try context.scope.resolve(Array(parts[..<length]), at: position) else { continue }
            return try fieldAccess(base.reference, Array(parts[length...]), at: position)
        }
        throw context.scope.unresolved(parts, at: position)
    }

    /// `base.name1.name2...` through struct fields.
    private func fieldAccess(_ base: BoundExpression, _ names: [String], at position: SourcePosition) throws -> BoundExpression {
        var result = base
        for name in names {
            guard case .structure = result.type else {
                throw SQLError(.analysis, "Cannot extract the field `\(name)` from \(result.type.simpleString.uppercased()): only a STRUCT has fields.",
                               errorClass: "INVALID_EXTRACT_BASE_FIELD_TYPE", at: position)
            }
            result = try scalarCall(".", [result, .literal(.string(name), .string)], at: position)
        }
        return result
    }

    /// A subquery used as an expression: bound on its own, with the enclosing scope visible
    /// only to name a correlated reference in the error.
    private func bindSubquery(_ query: ASTQuery, _ context: ExpressionContext) throws -> LogicalPlan {
        outerScopes.append(context.scope)
        defer { outerScopes.removeLast() }
        return try bindQuery(query)
    }

    private func bindCase(_ operand: ASTExpression?, _ branches: [ASTWhenBranch], _ otherwise: ASTExpression?,
                          _ context: ExpressionContext, at position: SourcePosition) throws -> BoundExpression {
        let subject = try operand.map { try bindExpression($0, context) }
        var conditions: [BoundExpression] = []
        var results: [BoundExpression] = []
        for branch in branches {
            if let subject {
                conditions.append(try comparison("=", subject, try bindExpression(branch.condition, context), at: branch.condition.position))
            } else {
                let condition = try bindExpression(branch.condition, context)
                guard condition.type == .boolean else {
                    throw SQLError(.analysis, "Cannot resolve CASE WHEN \(branch.condition) due to data type mismatch: the condition requires the \"BOOLEAN\" type, however \"\(branch.condition)\" has the type \"\(condition.type == .null ? "VOID" : condition.type.simpleString.uppercased())\".",
                                   errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", at: branch.condition.position)
                }
                conditions.append(condition)
            }
            results.append(try bindExpression(branch.result, context))
        }
        let elseValue = try otherwise.map { try bindExpression($0, context) }
        let allResults = results + (elseValue.map { [$0] } ?? [])
        guard let type = commonType(allResults.map(\.type)) else {
            throw SQLError(.analysis, "Cannot resolve CASE due to data type mismatch: input to CASE should all be the same type, but it's [\(allResults.map { $0.type.simpleString.uppercased() }.joined(separator: ", "))].",
                           errorClass: "DATATYPE_MISMATCH.DATA_DIFF_TYPES", at: position)
        }
        return .caseWhen(zip(conditions, results).map { CaseBranch($0, castIfNeeded($1, to: type)) },
                         otherwise: elseValue.map { castIfNeeded($0, to: type) }, type)
    }

    /// A comparison with both sides cast to their common type.
    func comparison(_ op: String, _ left: BoundExpression, _ right: BoundExpression, at position: SourcePosition) throws -> BoundExpression {
        let name = op == "==" ? "=" : op == "!=" ? "<>" : op
        guard let type = comparisonType(left.type, right.type) else {
            throw SQLError(.analysis, "Cannot resolve (\(left) \(name) \(right)) due to data type mismatch: the left and right operands of the binary operator have incompatible types (\"\(left.type.simpleString.uppercased())\" and \"\(right.type.simpleString.uppercased())\").",
                           errorClass: "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", at: position)
        }
        return .call(name, [castIfNeeded(left, to: type), castIfNeeded(right, to: type)], .boolean)
    }

    func castIfNeeded(_ expression: BoundExpression, to type: DataType) -> BoundExpression {
        if expression.type == type { return expression }
        if case .literal(.null, _) = expression { return .literal(.null, type) }
        return .cast(expression, type, isTry: false)
    }

    func bindLiteral(_ literal: ASTLiteral, at position: SourcePosition) throws -> BoundExpression {
        switch literal {
        case .null: return .literal(.null, .null)
        case let .boolean(b): return .literal(.boolean(b), .boolean)
        case let .integer(v, type):
            switch type {
            case .bigint: return .literal(.bigint(v), .bigint)
            default:
                if let small = Int32(exactly: v) { return .literal(.int(small), .int) }
                return .literal(.bigint(v), .bigint)
            }
        case let .decimal(text):
            let (precision, scale) = decimalShape(text)
            guard precision <= 38 else {
                throw SQLError(.analysis, "The decimal literal \(text) exceeds the maximum precision 38.", errorClass: "INVALID_NUMERIC_LITERAL_RANGE", at: position)
            }
            return .literal(.decimal(text), .decimal(precision: precision, scale: scale))
        case let .double(d), let .float(d): return .literal(.double(d), .double)
        case let .string(s): return .literal(.string(s), .string)
        case let .date(text):
            return .literal(try typedLiteral(text, .date, at: position), .date)
        case let .timestamp(text):
            return .literal(try typedLiteral(text, .timestamp, at: position), .timestamp)
        case .timestampNTZ, .interval, .binary:
            throw SQLError(.unsupported, "This literal type is not supported by sparkify yet.", errorClass: "UNSUPPORTED_FEATURE", at: position)
        }
    }

    private func typedLiteral(_ text: String, _ type: DataType, at position: SourcePosition) throws -> Value {
        do {
            return try evaluateConstant(.cast(.literal(.string(text), .string), type, isTry: false))
        } catch {
            throw SQLError(.syntax, "The \(type.simpleString.uppercased()) literal '\(text)' is not valid.",
                           errorClass: "INVALID_TYPED_LITERAL", at: position)
        }
    }

    /// Precision and scale of a decimal literal's text, as Spark types `100.0` (4, 1).
    func decimalShape(_ text: String) -> (Int, Int) {
        let digits = text.drop { $0 == "-" || $0 == "+" }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let integral = parts.first.map { $0.drop { $0 == "0" } } ?? ""
        let scale = parts.count > 1 ? parts[1].count : 0
        return (max(integral.count + scale, scale, 1), scale)
    }
}
