extension SQLParser {
    /// `[WITH ...] body [ORDER BY ...] [LIMIT ...] [OFFSET ...]`.
    mutating func query() throws(SQLError) -> ASTQuery {
        try enter()
        defer { leave() }
        let position = current.position
        var ctes: [ASTCommonTableExpression] = []
        if accept("WITH") {
            _ = accept("RECURSIVE")
            repeat {
                let name = try identifier()
                var columns: [String] = []
                if current.isSymbol("(") { columns = try identifierList().map(\.name) }
                _ = accept("AS")
                try expectSymbol("(")
                let query = try self.query()
                try expectSymbol(")")
                ctes.append(ASTCommonTableExpression(name: name, columns: columns, query: query))
            } while acceptSymbol(",")
        }
        let body = try setOperationTerm()
        var query = ASTQuery(ctes: ctes, body: body, at: position)
        if current.isKeyword("ORDER") || current.isKeyword("SORT") {
            advance()
            try expect("BY")
            query.orderBy = try sortItems()
        }
        for unsupported in ["CLUSTER", "DISTRIBUTE"] where current.isKeyword(unsupported) && peek().isKeyword("BY") {
            throw SQLError(.unsupported, "\(unsupported) BY is not supported", errorClass: "UNSUPPORTED_FEATURE",
                           at: current.position)
        }
        if accept("LIMIT") {
            if !accept("ALL") { query.limit = try expression() }
        }
        if accept("OFFSET") { query.offset = try expression() }
        return query
    }

    /// `UNION`, `EXCEPT` and `MINUS` terms, left to right.
    private mutating func setOperationTerm() throws(SQLError) -> ASTQueryBody {
        var left = try intersectTerm()
        var chain = 0
        defer { height -= chain }
        while let op = current.keyword, ["UNION", "EXCEPT", "MINUS"].contains(op) {
            advance()
            let all = try setQuantifier()
            let right = Self.unwrapped(try intersectTerm())
            left = .setOperation(op == "UNION" ? .union : .except, all: all, Self.unwrapped(left), right)
            chain += 1
            try growHeight()
        }
        return left
    }

    /// `INTERSECT` binds tighter than `UNION` and `EXCEPT`, as in Spark.
    private mutating func intersectTerm() throws(SQLError) -> ASTQueryBody {
        var left = try queryPrimary()
        var chain = 0
        defer { height -= chain }
        while accept("INTERSECT") {
            let all = try setQuantifier()
            left = .setOperation(.intersect, all: all, Self.unwrapped(left), Self.unwrapped(try queryPrimary()))
            chain += 1
            try growHeight()
        }
        return left
    }

    /// A parenthesized set operation without its own WITH, ORDER BY or LIMIT, used as an operand
    /// of another: the parentheses only group, so the tree alone keeps the meaning.
    private static func unwrapped(_ body: ASTQueryBody) -> ASTQueryBody {
        guard case let .nested(query) = body, case .setOperation = query.body, query.ctes.isEmpty,
              query.orderBy.isEmpty, query.limit == nil, query.offset == nil else { return body }
        return query.body
    }

    /// `ALL` → true; `DISTINCT` or nothing → false.
    private mutating func setQuantifier() throws(SQLError) -> Bool {
        if accept("ALL") { return true }
        _ = accept("DISTINCT")
        return false
    }

    private mutating func queryPrimary() throws(SQLError) -> ASTQueryBody {
        if current.isKeyword("SELECT") { return .select(try select()) }
        if current.isSymbol("(") {
            advance()
            let inner = try query()
            try expectSymbol(")")
            return .nested(inner)
        }
        if accept("VALUES") { return .values(try valuesRows()) }
        if current.isKeyword("TABLE"), peek().kind == .word || peek().kind == .quotedIdentifier {
            advance()
            return .table(try objectName())
        }
        throw syntaxError(hint: current.kind == .end ? "expected a query" : nil)
    }

    /// The rows after `VALUES`: `(1, 'a'), (2, 'b')` or `1, 2` (one column).
    mutating func valuesRows() throws(SQLError) -> [[ASTExpression]] {
        var rows: [[ASTExpression]] = []
        repeat {
            let row = try expression()
            if case let .row(values) = row.kind { rows.append(values) } else { rows.append([row]) }
        } while acceptSymbol(",")
        return rows
    }

    /// `SELECT [DISTINCT|ALL] items [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...] [WINDOW ...]`.
    private mutating func select() throws(SQLError) -> ASTSelect {
        try expect("SELECT")
        var select = ASTSelect(items: [])
        if accept("DISTINCT") {
            select.isDistinct = true
        } else {
            _ = accept("ALL")
        }
        repeat { select.items.append(try selectItem()) } while acceptSymbol(",")
        if accept("FROM") {
            repeat { select.from.append(try relation()) } while acceptSymbol(",")
        }
        if current.isKeyword("LATERAL") {
            throw SQLError(.unsupported, "LATERAL VIEW is not supported", errorClass: "UNSUPPORTED_FEATURE", at: current.position)
        }
        if accept("WHERE") { select.whereClause = try expression() }
        if current.isKeyword("GROUP") {
            advance()
            try expect("BY")
            select.groupBy = try groupBy()
        }
        if accept("HAVING") { select.having = try expression() }
        if accept("WINDOW") {
            repeat {
                let name = try identifier()
                try expect("AS")
                select.windows.append(ASTNamedWindow(name: name, spec: try windowSpec()))
            } while acceptSymbol(",")
        }
        return select
    }

    /// `expr [[AS] alias]`.
    private mutating func selectItem() throws(SQLError) -> ASTSelectItem {
        let expression: ASTExpression
        if current.isKeyword("FROM"), tokens[index - 1].isKeyword("SELECT") || tokens[index - 1].isKeyword("DISTINCT") {
            // Spark's keywords are not reserved by default: in `SELECT FROM` the select list
            // cannot be empty, so FROM is a column name.
            expression = ASTExpression(.column([current.text]), at: current.position)
            advance()
        } else {
            expression = try self.expression()
        }
        if accept("AS") { return ASTSelectItem(expression, alias: try identifier(allowReserved: true)) }
        if atBareIdentifier {
            lastBareAliasIndex = index
            return ASTSelectItem(expression, alias: try identifier())
        }
        return ASTSelectItem(expression)
    }

    private mutating func groupBy() throws(SQLError) -> ASTGroupBy {
        if current.isKeyword("ALL"), !peek().isSymbol("(") {
            advance()
            return ASTGroupBy(kind: .all, expressions: [])
        }
        if let word = current.keyword, word == "ROLLUP" || word == "CUBE", peek().isSymbol("(") {
            advance()
            advance()
            var expressions = [try expression()]
            while acceptSymbol(",") { expressions.append(try expression()) }
            try expectSymbol(")")
            return ASTGroupBy(kind: word == "ROLLUP" ? .rollup : .cube, expressions: expressions)
        }
        if current.isKeyword("GROUPING"), peek().isKeyword("SETS") {
            advance()
            advance()
            try expectSymbol("(")
            var sets: [[ASTExpression]] = []
            repeat { sets.append(try groupingSet()) } while acceptSymbol(",")
            try expectSymbol(")")
            var all: [ASTExpression] = []
            for expression in sets.joined() where !all.contains(expression) { all.append(expression) }
            return ASTGroupBy(kind: .groupingSets(sets), expressions: all)
        }
        var expressions = [try expression()]
        while acceptSymbol(",") { expressions.append(try expression()) }
        if current.isKeyword("WITH"), let word = peek().keyword, word == "ROLLUP" || word == "CUBE" {
            advance()
            advance()
            return ASTGroupBy(kind: word == "ROLLUP" ? .rollup : .cube, expressions: expressions)
        }
        return ASTGroupBy(expressions: expressions)
    }

    /// One set of `GROUPING SETS (...)`: `(a, b)`, `(a)`, `a` or the empty set `()`.
    private mutating func groupingSet() throws(SQLError) -> [ASTExpression] {
        if current.isSymbol("("), peek().isSymbol(")") {
            advance()
            advance()
            return []
        }
        let set = try expression()
        if case let .row(values) = set.kind { return values }
        return [set]
    }
}
