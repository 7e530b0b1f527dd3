extension ASTQuery: CustomStringConvertible {
    /// Normalised SQL of the query; it parses back to an equal query.
    public var description: String {
        var text = ""
        if !ctes.isEmpty {
            text = "WITH " + SQLText.list(ctes) { cte in
                let columns = cte.columns.isEmpty ? "" : " (" + SQLText.list(cte.columns, SQLText.identifier) + ")"
                return "\(cte.name)\(columns) AS (\(cte.query))"
            } + " "
        }
        text += body.description
        if !orderBy.isEmpty { text += " ORDER BY " + SQLText.list(orderBy, \.description) }
        if let limit { text += " LIMIT \(limit)" }
        if let offset { text += " OFFSET \(offset)" }
        return text
    }
}

extension ASTQueryBody: CustomStringConvertible {
    /// Set operations print their operands in parentheses where precedence needs them: a right
    /// operand that is itself a set operation, and a UNION/EXCEPT left operand of INTERSECT
    /// (`a UNION (b INTERSECT c)`, `(a UNION b) INTERSECT c`).
    public var description: String {
        switch self {
        case let .select(select): return select.description
        case let .setOperation(op, all, left, right):
            var leftText = left.description
            if op == .intersect, case let .setOperation(leftOp, _, _, _) = left, leftOp != .intersect {
                leftText = "(" + leftText + ")"
            }
            var rightText = right.description
            if case .setOperation = right { rightText = "(" + rightText + ")" }
            return "\(leftText) \(op.rawValue)\(all ? " ALL" : "") \(rightText)"
        case let .nested(query): return "(\(query))"
        case let .values(rows): return "VALUES " + ASTRelation.rowsSQL(rows)
        case let .table(name): return "TABLE \(name)"
        }
    }
}

extension ASTSelect: CustomStringConvertible {
    public var description: String {
        var text = "SELECT " + (isDistinct ? "DISTINCT " : "") + SQLText.list(items) { item in
            item.alias.map { "\(item.expression) AS \($0)" } ?? item.expression.description
        }
        if !from.isEmpty { text += " FROM " + SQLText.list(from, \.description) }
        if let whereClause { text += " WHERE \(whereClause)" }
        if let groupBy { text += " GROUP BY \(groupBy)" }
        if let having { text += " HAVING \(having)" }
        if !windows.isEmpty { text += " WINDOW " + SQLText.list(windows) { "\($0.name) AS \($0.spec)" } }
        return text
    }
}

extension ASTGroupBy: CustomStringConvertible {
    public var description: String {
        let list = SQLText.list(expressions, \.description)
        switch kind {
        case .plain: return list
        case .rollup: return "ROLLUP(\(list))"
        case .cube: return "CUBE(\(list))"
        case .all: return "ALL"
        case let .groupingSets(sets):
            return "GROUPING SETS (" + SQLText.list(sets) { "(" + SQLText.list($0, \.description) + ")" } + ")"
        }
    }
}

extension ASTTableAlias: CustomStringConvertible {
    public var description: String {
        name.description + (columns.isEmpty ? "" : "(" + SQLText.list(columns, SQLText.identifier) + ")")
    }
}

extension ASTRelation: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .table(name, alias): return name.description + Self.aliasSQL(alias)
        case let .files(files):
            return files.format + "." + SQLText.backquoted(files.path) + Self.aliasSQL(files.alias)
        case let .subquery(query, alias): return "(\(query))" + Self.aliasSQL(alias)
        case let .values(table): return "VALUES " + Self.rowsSQL(table.rows) + Self.aliasSQL(table.alias)
        case let .tableFunction(function):
            return function.name + "(" + SQLText.list(function.arguments, \.description) + ")" + Self.aliasSQL(function.alias)
        case let .join(join): return join.description
        }
    }

    static func aliasSQL(_ alias: ASTTableAlias?) -> String { alias.map { " AS \($0)" } ?? "" }

    static func rowsSQL(_ rows: [[ASTExpression]]) -> String {
        SQLText.list(rows) { "(" + SQLText.list($0, \.description) + ")" }
    }
}

extension ASTJoin: CustomStringConvertible {
    /// `left [NATURAL] type JOIN right [ON ... | USING (...)]`; a join on the right side is
    /// parenthesized (joins associate to the left).
    public var description: String {
        var rightText = right.description
        if case .join = right { rightText = "(" + rightText + ")" }
        let keyword = (isNatural ? "NATURAL " : "") + (type == .inner ? "" : type.rawValue + " ") + "JOIN"
        var text = "\(left) \(keyword) \(rightText)"
        switch criteria {
        case .none: break
        case let .on(condition): text += " ON \(condition)"
        case let .using(columns): text += " USING (" + SQLText.list(columns, \.description) + ")"
        }
        return text
    }
}
