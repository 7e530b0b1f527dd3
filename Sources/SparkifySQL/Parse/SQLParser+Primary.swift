extension SQLParser {
    /// Reserved words that may still name a function when a `(` follows (`left(s, 2)`).
    private static let reservedFunctionNames: Set<String> = ["LEFT", "RIGHT", "FILTER", "EXISTS", "LIKE", "ILIKE", "RLIKE", "REGEXP"]

    /// True when a query starts at `position`, skipping opening parentheses: `SELECT`, `WITH`
    /// or `VALUES`.
    func startsQuery(at position: Int) -> Bool {
        var at = position
        while at < tokens.count && tokens[at].isSymbol("(") { at += 1 }
        guard at < tokens.count else { return false }
        let token = tokens[at]
        return token.isKeyword("SELECT") || token.isKeyword("WITH") || token.isKeyword("VALUES")
    }

    /// Literals, names, calls, `CASE`, `CAST`, `(...)` and the other atoms of an expression.
    mutating func primary() throws(SQLError) -> ASTExpression {
        let token = current
        let position = token.position
        switch token.kind {
        case .end:
            throw syntaxError()
        case .number, .string, .binaryString:
            return try literalToken()
        case .symbol:
            if token.text == "(" { return try parenthesized() }
            guard token.text == "*" else { throw syntaxError() }
            advance()
            return ASTExpression(.star(qualifier: []), at: position)
        case .quotedIdentifier:
            return try nameOrCall()
        case .word:
            if let special = try keywordPrimary(token) { return special }
            return try nameOrCall()
        }
    }

    /// A number, string or binary literal token.
    private mutating func literalToken() throws(SQLError) -> ASTExpression {
        let token = current
        if token.kind == .string { return ASTExpression(.literal(.string(try stringLiteral())), at: token.position) }
        if token.kind == .binaryString {
            advance()
            return ASTExpression(.literal(.binary(token.text)), at: token.position)
        }
        return try numberLiteral(negative: false, at: token.position)
    }

    /// Constructs that start with a keyword; nil when the word is just a name here.
    private mutating func keywordPrimary(_ token: SQLToken) throws(SQLError) -> ASTExpression? {
        let position = token.position
        let next = peek()
        switch token.upper {
        case "NULL":
            advance()
            return ASTExpression(.literal(.null), at: position)
        case "TRUE", "FALSE":
            advance()
            return ASTExpression(.literal(.boolean(token.isKeyword("TRUE"))), at: position)
        case "CASE":
            return try caseExpression()
        case "CAST" where next.isSymbol("("), "TRY_CAST" where next.isSymbol("("):
            advance()
            advance()
            let operand = try expression()
            try expect("AS")
            let type = try dataType()
            try expectSymbol(")")
            return ASTExpression(.cast(operand, type, isTry: token.isKeyword("TRY_CAST")), at: position)
        case "EXISTS" where next.isSymbol("(") && startsQuery(at: index + 1):
            advance()
            advance()
            let query = try self.query()
            try expectSymbol(")")
            return ASTExpression(.exists(query), at: position)
        case "DATE" where next.kind == .string, "TIMESTAMP" where next.kind == .string,
             "TIMESTAMP_LTZ" where next.kind == .string, "TIMESTAMP_NTZ" where next.kind == .string:
            advance()
            let text = try stringLiteral()
            let literal: ASTLiteral = token.isKeyword("DATE") ? .date(text)
                : (token.isKeyword("TIMESTAMP_NTZ") ? .timestampNTZ(text) : .timestamp(text))
            return ASTExpression(.literal(literal), at: position)
        case "INTERVAL" where next.kind == .string || next.kind != .symbol || next.isSymbol("-"):
            advance()
            return ASTExpression(.literal(.interval(try interval())), at: position)
        case "EXTRACT" where next.isSymbol("(") && peek(3).isKeyword("FROM"):
            advance()
            advance()
            let field = try identifier(allowReserved: true)
            try expect("FROM")
            let source = try valueExpression()
            try expectSymbol(")")
            let arguments = [ASTExpression(.literal(.string(field.name.uppercased())), at: field.position), source]
            return ASTExpression(.function(ASTFunctionCall(name: ["extract"], arguments: arguments)), at: position)
        case "SUBSTRING" where next.isSymbol("("), "SUBSTR" where next.isSymbol("("),
             "POSITION" where next.isSymbol("("), "TRIM" where next.isSymbol("("):
            return try specialFormCall(token)
        default:
            return nil
        }
    }

    /// `SUBSTRING(s FROM p [FOR l])`, `POSITION(a IN b)`, `TRIM([BOTH|LEADING|TRAILING] [c] FROM s)`,
    /// or the same names called as ordinary functions.
    private mutating func specialFormCall(_ token: SQLToken) throws(SQLError) -> ASTExpression {
        let position = token.position
        let name = token.text.uppercased()
        advance()
        advance()
        func call(_ function: String, _ arguments: [ASTExpression]) -> ASTExpression {
            ASTExpression(.function(ASTFunctionCall(name: [function], arguments: arguments)), at: position)
        }
        if name == "TRIM", let option = current.keyword, ["BOTH", "LEADING", "TRAILING"].contains(option) {
            advance()
            let function = option == "BOTH" ? "trim" : (option == "LEADING" ? "ltrim" : "rtrim")
            var trimCharacters: ASTExpression?
            if !current.isKeyword("FROM") { trimCharacters = try valueExpression() }
            try expect("FROM")
            let source = try valueExpression()
            try expectSymbol(")")
            // Spark's two-argument trim/ltrim/rtrim take the characters first: trim(trimStr, str).
            return call(function, (trimCharacters.map { [$0] } ?? []) + [source])
        }
        if current.isSymbol(")") {
            advance()
            return try callSuffix(ASTFunctionCall(name: [token.text], arguments: []), at: position)
        }
        let first = try valueExpression()
        switch name {
        case "SUBSTRING" where current.isKeyword("FROM"), "SUBSTR" where current.isKeyword("FROM"):
            advance()
            var arguments = [first, try valueExpression()]
            if accept("FOR") { arguments.append(try valueExpression()) }
            try expectSymbol(")")
            return call(token.text.lowercased(), arguments)
        case "POSITION" where current.isKeyword("IN"):
            advance()
            let string = try valueExpression()
            try expectSymbol(")")
            return call("locate", [first, string])
        case "TRIM" where current.isKeyword("FROM"):
            advance()
            let source = try valueExpression()
            try expectSymbol(")")
            return call("trim", [first, source])
        default:
            var arguments = [try expression(seed: first)]
            while acceptSymbol(",") { arguments.append(try functionArgument()) }
            try expectSymbol(")")
            return try callSuffix(ASTFunctionCall(name: [token.text], arguments: arguments), at: position)
        }
    }

    /// `CASE [operand] WHEN ... THEN ... [ELSE ...] END`.
    private mutating func caseExpression() throws(SQLError) -> ASTExpression {
        let position = current.position
        advance()
        var operand: ASTExpression?
        if !current.isKeyword("WHEN") { operand = try expression() }
        var branches: [ASTWhenBranch] = []
        while accept("WHEN") {
            let condition = try expression()
            try expect("THEN")
            branches.append(ASTWhenBranch(condition: condition, result: try expression()))
        }
        if branches.isEmpty { throw syntaxError(hint: "expected WHEN") }
        var otherwise: ASTExpression?
        if accept("ELSE") { otherwise = try expression() }
        try expect("END")
        return ASTExpression(.caseWhen(operand: operand, branches: branches, otherwise: otherwise), at: position)
    }

    /// `(expr)`, `(a, b)` (a row), `(SELECT ...)` (a scalar subquery), `(x, y) -> body`.
    private mutating func parenthesized() throws(SQLError) -> ASTExpression {
        if startsQuery(at: index + 1) { return try parenthesizedQuery() }
        let position = current.position
        advance()
        let first = try expression()
        if acceptSymbol(")") {
            if current.isSymbol("->") { return try lambda(parameters: [first], at: position) }
            return first
        }
        return try rowOrLambda(first: first, at: position)
    }

    /// `(SELECT ...)`, or `((SELECT ...) + 1)` where the inner query starts an expression.
    private mutating func parenthesizedQuery() throws(SQLError) -> ASTExpression {
        let position = current.position
        advance()
        let query = try self.query()
        if acceptSymbol(")") { return ASTExpression(.scalarSubquery(query), at: position) }
        let result = try expression(seed: try scalarSubquerySeed(query))
        try expectSymbol(")")
        return result
    }

    /// A query parsed where an expression may have been meant, followed by more than `)`: when
    /// it is just `(SELECT ...)`, that is a scalar subquery starting an expression
    /// (`((SELECT 1) + 1)`, `IN ((SELECT 1), 2)`); otherwise a `)` is missing.
    func scalarSubquerySeed(_ query: ASTQuery) throws(SQLError) -> ASTExpression {
        guard case let .nested(inner) = query.body, query.ctes.isEmpty, query.orderBy.isEmpty,
              query.limit == nil, query.offset == nil else { throw syntaxError(hint: "missing ')'") }
        return ASTExpression(.scalarSubquery(inner), at: query.position)
    }

    /// The rest of `(a, b, ...)` after its first value: a row, or the parameters of a lambda.
    private mutating func rowOrLambda(first: ASTExpression, at position: SourcePosition) throws(SQLError) -> ASTExpression {
        guard current.isSymbol(",") else { throw syntaxError(hint: "missing ')'") }
        var values = [first]
        while acceptSymbol(",") { values.append(try expression()) }
        try expectSymbol(")")
        if current.isSymbol("->") { return try lambda(parameters: values, at: position) }
        return ASTExpression(.row(values), at: position)
    }

    /// `-> body` after lambda parameters, which must be plain names.
    private mutating func lambda(parameters values: [ASTExpression], at position: SourcePosition) throws(SQLError) -> ASTExpression {
        var parameters: [String] = []
        for value in values {
            guard case let .column(parts) = value.kind, parts.count == 1 else { throw syntaxError() }
            parameters.append(parts[0])
        }
        advance()
        return ASTExpression(.lambda(parameters: parameters, body: try expression()), at: position)
    }

    /// A column reference `a.b.c`, a lambda `x -> ...`, or a function call `f(...)`, `db.f(...)`.
    private mutating func nameOrCall() throws(SQLError) -> ASTExpression {
        let token = current
        let position = token.position
        if token.isReservedWord {
            guard peek().isSymbol("("), Self.reservedFunctionNames.contains(token.upper) else {
                throw syntaxError()
            }
        }
        advance()
        var parts = [token.text]
        if current.isSymbol("->") {
            advance()
            return ASTExpression(.lambda(parameters: parts, body: try expression()), at: position)
        }
        while current.isSymbol("."), peek().kind == .word || peek().kind == .quotedIdentifier {
            advance()
            parts.append(current.text)
            advance()
        }
        guard current.isSymbol("(") else { return ASTExpression(.column(parts), at: position) }
        advance()
        var call = ASTFunctionCall(name: parts, arguments: [])
        if current.isKeyword("DISTINCT") || (current.isKeyword("ALL") && !peek().isSymbol(")")) {
            call.isDistinct = current.isKeyword("DISTINCT")
            advance()
        }
        if !current.isSymbol(")") {
            call.arguments.append(try functionArgument())
            while acceptSymbol(",") { call.arguments.append(try functionArgument()) }
            if current.isKeyword("IGNORE") || current.isKeyword("RESPECT"), peek().isKeyword("NULLS") {
                call.ignoreNulls = current.isKeyword("IGNORE")
                advance()
                advance()
            }
        }
        try expectSymbol(")")
        return try callSuffix(call, at: position)
    }

    /// One argument: `*` (as in `count(*)`) or an expression.
    private mutating func functionArgument() throws(SQLError) -> ASTExpression {
        if current.isSymbol("*"), peek().isSymbol(")") || peek().isSymbol(",") {
            let position = current.position
            advance()
            return ASTExpression(.star(qualifier: []), at: position)
        }
        return try expression()
    }

    /// `FILTER (WHERE ...)`, `IGNORE|RESPECT NULLS`, `OVER ...` after a call.
    private mutating func callSuffix(_ call: ASTFunctionCall, at position: SourcePosition) throws(SQLError) -> ASTExpression {
        var call = call
        if current.isKeyword("FILTER"), peek().isSymbol("(") {
            advance()
            advance()
            try expect("WHERE")
            call.filter = try expression()
            try expectSymbol(")")
        }
        if current.isKeyword("IGNORE") || current.isKeyword("RESPECT"), peek().isKeyword("NULLS") {
            call.ignoreNulls = current.isKeyword("IGNORE")
            advance()
            advance()
        }
        if accept("OVER") { call.window = try windowSpec() }
        return ASTExpression(.function(call), at: position)
    }
}
