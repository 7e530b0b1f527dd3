import SparkifyTables

extension BoundExpression: CustomStringConvertible {
    /// SQL-like text with column ids, as EXPLAIN prints it: `(length#7 > 100.0)`.
    public var description: String {
        switch self {
        case let .column(id, _, name): return "\(name)\(id)"
        case let .literal(value, type): return BoundExpression.literalText(value, type)
        case let .call(name, args, _):
            if BoundExpression.infixOperators.contains(name), args.count == 2 {
                return "(\(args[0]) \(name.uppercasedIfWord) \(args[1]))"
            }
            if name == "not", args.count == 1 { return "NOT \(args[0])" }
            if name == "negative", args.count == 1 { return "-\(args[0])" }
            if name == "isnull", args.count == 1 { return "\(args[0]) IS NULL" }
            if name == "isnotnull", args.count == 1 { return "\(args[0]) IS NOT NULL" }
            return "\(name)(\(args.map(\.description).joined(separator: ", ")))"
        case let .cast(e, t, isTry): return "\(isTry ? "try_cast" : "cast")(\(e) as \(t.simpleString))"
        case let .caseWhen(branches, otherwise, _):
            var text = "CASE"
            for b in branches { text += " WHEN \(b.condition) THEN \(b.result)" }
            if let otherwise { text += " ELSE \(otherwise)" }
            return text + " END"
        case .scalarSubquery: return "scalar-subquery"
        case let .inSubquery(values, _, negated):
            let subject = values.count == 1 ? values[0].description : "(" + values.map(\.description).joined(separator: ", ") + ")"
            return "\(subject)\(negated ? " NOT" : "") IN (subquery)"
        case let .exists(_, negated): return "\(negated ? "NOT " : "")EXISTS (subquery)"
        }
    }

    static let infixOperators: Set<String> = [
        "+", "-", "*", "/", "%", "div", "||", "=", "<=>", "<>", "<", "<=", ">", ">=", "and", "or",
        "&", "|", "^", "like", "ilike", "rlike",
    ]

    static func literalText(_ value: Value, _ type: DataType) -> String {
        switch value {
        case .null: return "null"
        case let .string(s): return "'" + s.replacingQuotes() + "'"
        case let .date(d): return "DATE '\(ValueFormatter.date(d))'"
        case let .timestamp(t): return "TIMESTAMP '\(ValueFormatter.timestamp(t))'"
        case let .bigint(v) where type == .bigint: return "\(v)L"
        default: return ValueFormatter.sparkString(value) ?? "null"
        }
    }
}

extension String {
    fileprivate var uppercasedIfWord: String {
        first?.isLetter == true ? uppercased() : self
    }

    fileprivate func replacingQuotes() -> String {
        var out = ""
        for ch in self { if ch == "'" { out += "\\'" } else { out.append(ch) } }
        return out
    }
}
