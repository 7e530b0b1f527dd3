extension ASTExpression: CustomStringConvertible {
    /// Normalised SQL in Spark's style: every operator application in parentheses
    /// (`(a + (b * 2))`), keywords upper case, function names lower case, literals as Spark
    /// types them (`10L`, `1.0D`, `DATE '2018-11-01'`). It parses back to an equal expression.
    public var description: String {
        switch kind {
        case let .literal(literal): return literal.sql
        case let .column(parts): return parts.map(SQLText.identifier).joined(separator: ".")
        case let .star(qualifier):
            return qualifier.isEmpty ? "*" : qualifier.map(SQLText.identifier).joined(separator: ".") + ".*"
        case let .unary(op, operand):
            if op == .not { return "(NOT \(operand))" }
            // `- 5` or `- 5[i]` would read back with the literal -5: print `(- (5))`, `(- (5[i]))`.
            var operandText = operand.description
            if let first = operandText.utf8.first, first >= 0x30 && first <= 0x39 {
                operandText = "(" + operandText + ")"
            }
            return "(\(op.rawValue) \(operandText))"
        case .binary: return binaryChainSQL()
        case let .isNull(operand, negated): return "(\(operand) IS \(negated ? "NOT " : "")NULL)"
        case let .isBoolean(operand, value, negated):
            let word = value.map { $0 ? "TRUE" : "FALSE" } ?? "UNKNOWN"
            return "(\(operand) IS \(negated ? "NOT " : "")\(word))"
        case let .isDistinctFrom(left, right, negated):
            return "(\(left) IS \(negated ? "NOT " : "")DISTINCT FROM \(right))"
        case let .between(operand, low, high, negated):
            return "(\(operand) \(negated ? "NOT " : "")BETWEEN \(low) AND \(high))"
        case let .inList(operand, values, negated):
            return "(\(operand) \(negated ? "NOT " : "")IN (\(SQLText.list(values, \.description))))"
        case let .inSubquery(operand, query, negated):
            return "(\(operand) \(negated ? "NOT " : "")IN (\(query)))"
        case let .like(operand, pattern, caseInsensitive, escape, negated):
            var text = "(\(operand) \(negated ? "NOT " : "")\(caseInsensitive ? "ILIKE" : "LIKE") \(pattern)"
            if let escape { text += " ESCAPE \(SQLText.stringLiteral(String(escape)))" }
            return text + ")"
        case let .rlike(operand, pattern, negated):
            return "(\(operand) \(negated ? "NOT " : "")RLIKE \(pattern))"
        case let .exists(query): return "EXISTS (\(query))"
        case let .scalarSubquery(query): return "(\(query))"
        case let .caseWhen(operand, branches, otherwise):
            var text = "CASE"
            if let operand { text += " \(operand)" }
            for branch in branches { text += " WHEN \(branch.condition) THEN \(branch.result)" }
            if let otherwise { text += " ELSE \(otherwise)" }
            return text + " END"
        case let .cast(operand, type, isTry):
            return "\(isTry ? "TRY_CAST" : "CAST")(\(operand) AS \(type.sql))"
        case let .function(call): return call.description
        case let .row(values): return "(\(SQLText.list(values, \.description)))"
        case let .element(base, index): return "\(base)[\(index)]"
        case let .field(base, name): return "\(base).\(SQLText.identifier(name))"
        case let .lambda(parameters, body):
            let head = parameters.count == 1
                ? SQLText.identifier(parameters[0]) : "(\(SQLText.list(parameters, SQLText.identifier)))"
            return "\(head) -> \(body)"
        }
    }
}

extension ASTExpression {
    /// A left-leaning chain `((a + b) + c) ...` printed with a loop down its left spine, so long
    /// chains do not recurse once per operator.
    private func binaryChainSQL() -> String {
        var spine: [(ASTBinaryOperator, ASTExpression)] = []
        var node = self
        while case let .binary(op, left, right) = node.kind {
            spine.append((op, right))
            node = left
        }
        var text = String(repeating: "(", count: spine.count) + node.description
        for (op, right) in spine.reversed() { text += " \(op.rawValue) \(right))" }
        return text
    }
}

extension ASTFunctionCall: CustomStringConvertible {
    /// `name([DISTINCT] args) [FILTER (WHERE ...)] [IGNORE NULLS] [OVER ...]`, name lower case.
    public var description: String {
        let name = self.name.map { SQLText.isPlainIdentifier($0) ? $0.lowercased() : SQLText.identifier($0) }
            .joined(separator: ".")
        var text: String
        if name == "extract", arguments.count == 2, case let .literal(.string(field)) = arguments[0].kind,
           SQLText.isPlainIdentifier(field) {
            text = "extract(\(field) FROM \(arguments[1]))"
        } else {
            text = name + "(" + (isDistinct ? "DISTINCT " : "") + SQLText.list(arguments, \.description) + ")"
        }
        if let filter { text += " FILTER (WHERE \(filter))" }
        if let ignoreNulls { text += ignoreNulls ? " IGNORE NULLS" : " RESPECT NULLS" }
        if let window { text += " OVER \(window)" }
        return text
    }
}

extension ASTWindowSpec: CustomStringConvertible {
    /// `w` for a reference, otherwise `(PARTITION BY ... ORDER BY ... ROWS BETWEEN ... AND ...)`.
    public var description: String {
        if let reference, partitionBy.isEmpty, orderBy.isEmpty, frame == nil { return reference.description }
        var parts: [String] = []
        if let reference { parts.append(reference.description) }
        if !partitionBy.isEmpty { parts.append("PARTITION BY " + SQLText.list(partitionBy, \.description)) }
        if !orderBy.isEmpty { parts.append("ORDER BY " + SQLText.list(orderBy, \.description)) }
        if let frame { parts.append(frame.description) }
        return "(" + parts.joined(separator: " ") + ")"
    }
}

extension ASTWindowFrame: CustomStringConvertible {
    public var description: String { "\(unit.rawValue) BETWEEN \(Self.sql(start)) AND \(Self.sql(end))" }

    static func sql(_ bound: Bound) -> String {
        switch bound {
        case .unboundedPreceding: return "UNBOUNDED PRECEDING"
        case let .preceding(offset): return "\(offset) PRECEDING"
        case .currentRow: return "CURRENT ROW"
        case let .following(offset): return "\(offset) FOLLOWING"
        case .unboundedFollowing: return "UNBOUNDED FOLLOWING"
        }
    }
}

extension ASTSortItem: CustomStringConvertible {
    /// `expr ASC|DESC`, plus `NULLS FIRST|LAST` when it was written.
    public var description: String {
        var text = "\(expression) \(ascending ? "ASC" : "DESC")"
        if let nullsFirst { text += nullsFirst ? " NULLS FIRST" : " NULLS LAST" }
        return text
    }
}

extension ASTLiteral {
    /// The literal as SQL that reads back as the same literal.
    public var sql: String {
        switch self {
        case .null: return "NULL"
        case let .boolean(value): return value ? "true" : "false"
        case let .integer(value, type):
            switch type {
            case .int: return String(value)
            case .bigint: return Int32(exactly: value) == nil ? String(value) : "\(value)L"
            case .smallint: return "\(value)S"
            case .tinyint: return "\(value)Y"
            }
        case let .decimal(text): return text.contains(".") ? text : text + "BD"
        case let .double(value): return "\(value)D"
        case let .float(value): return "\(value)F"
        case let .string(value): return SQLText.stringLiteral(value)
        case let .date(text): return "DATE " + SQLText.stringLiteral(text)
        case let .timestamp(text): return "TIMESTAMP " + SQLText.stringLiteral(text)
        case let .timestampNTZ(text): return "TIMESTAMP_NTZ " + SQLText.stringLiteral(text)
        case let .binary(hex): return "X'\(hex)'"
        case let .interval(interval):
            var text = "INTERVAL"
            for part in interval.parts {
                text += " " + SQLText.stringLiteral(part.value)
                if let unit = part.unit { text += " " + unit }
            }
            if let toUnit = interval.toUnit { text += " TO " + toUnit }
            return text
        }
    }
}
