/// Operator precedence, as in Spark's `booleanExpression`/`valueExpression`, loosest first:
/// `OR`, `AND`, `NOT`, predicates (`IS`, `BETWEEN`, `IN`, `LIKE`, ...), comparisons,
/// `|`, `^`, `&`, shifts, `+ - ||`, `* / % div`, unary `- + ~`, then `::`, `[]` and `.`.
extension SQLParser {
    /// A full expression. `seed`, when given, is an already parsed first operand (used after
    /// `((SELECT ...)` turned out to start an expression).
    mutating func expression(seed: ASTExpression? = nil) throws(SQLError) -> ASTExpression {
        try enter()
        defer { leave() }
        return try orExpression(seed: seed)
    }

    private mutating func orExpression(seed: ASTExpression?) throws(SQLError) -> ASTExpression {
        var left = try andExpression(seed: seed)
        var chain = 0
        defer { height -= chain }
        while current.isKeyword("OR") {
            let position = left.position
            advance()
            let right = try andExpression(seed: nil)
            left = ASTExpression(.binary(.or, left, right), at: position)
            chain += 1
            try growHeight()
        }
        return left
    }

    private mutating func andExpression(seed: ASTExpression?) throws(SQLError) -> ASTExpression {
        var left = try notExpression(seed: seed)
        var chain = 0
        defer { height -= chain }
        while current.isKeyword("AND") {
            let position = left.position
            advance()
            let right = try notExpression(seed: nil)
            left = ASTExpression(.binary(.and, left, right), at: position)
            chain += 1
            try growHeight()
        }
        return left
    }

    private mutating func notExpression(seed: ASTExpression?) throws(SQLError) -> ASTExpression {
        if seed == nil, current.isKeyword("NOT") || current.isSymbol("!") {
            let position = current.position
            advance()
            try enter()
            defer { leave() }
            let operand = try notExpression(seed: nil)
            return ASTExpression(.unary(.not, operand), at: position)
        }
        return try predicated(seed: seed)
    }

    private static let predicateKeywords: Set<String> = ["IS", "NOT", "BETWEEN", "IN", "LIKE", "ILIKE", "RLIKE", "REGEXP"]

    /// A value expression and at most one predicate after it. (Kept small: it is on the
    /// recursion path of every nested expression, and debug builds give each function a frame
    /// as large as all its temporaries.)
    private mutating func predicated(seed: ASTExpression?) throws(SQLError) -> ASTExpression {
        let value = try valueExpression(seed: seed)
        if let word = current.keyword, Self.predicateKeywords.contains(word) { return try predicate(after: value) }
        if current.isSymbol("!"), let next = peek().keyword, Self.predicateKeywords.contains(next) {
            return try predicate(after: value)  // `!` for NOT: `a ! IN (1, 2)`
        }
        return value
    }

    private mutating func predicate(after value: ASTExpression) throws(SQLError) -> ASTExpression {
        let position = value.position
        if current.isKeyword("IS") {
            advance()
            let negated = accept("NOT") || acceptSymbol("!")
            if accept("NULL") { return ASTExpression(.isNull(value, negated: negated), at: position) }
            if accept("TRUE") { return ASTExpression(.isBoolean(value, value: true, negated: negated), at: position) }
            if accept("FALSE") { return ASTExpression(.isBoolean(value, value: false, negated: negated), at: position) }
            if accept("UNKNOWN") { return ASTExpression(.isBoolean(value, value: nil, negated: negated), at: position) }
            if accept("DISTINCT") {
                try expect("FROM")
                let right = try valueExpression()
                return ASTExpression(.isDistinctFrom(value, right, negated: negated), at: position)
            }
            throw syntaxError(hint: "expected NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM")
        }
        var negated = false
        if current.isKeyword("NOT") || current.isSymbol("!"), let next = peek().keyword,
           ["BETWEEN", "IN", "LIKE", "ILIKE", "RLIKE", "REGEXP"].contains(next) {
            advance()
            negated = true
        }
        if accept("BETWEEN") {
            let low = try valueExpression()
            try expect("AND")
            let high = try valueExpression()
            return ASTExpression(.between(value, low: low, high: high, negated: negated), at: position)
        }
        if accept("IN") {
            try expectSymbol("(")
            var values: [ASTExpression] = []
            try rejectSelectAsTypedLiteral()
            if startsQuery(at: index) {
                let query = try self.query()
                if acceptSymbol(")") { return ASTExpression(.inSubquery(value, query, negated: negated), at: position) }
                // `IN ((SELECT ...), 2)`: the query was the first value of a list.
                values.append(try expression(seed: try scalarSubquerySeed(query)))
            } else {
                values.append(try expression())
            }
            while acceptSymbol(",") { values.append(try expression()) }
            try expectSymbol(")")
            return ASTExpression(.inList(value, values, negated: negated), at: position)
        }
        if current.isKeyword("LIKE") || current.isKeyword("ILIKE") {
            let caseInsensitive = current.isKeyword("ILIKE")
            advance()
            if let quantifier = current.keyword, ["ANY", "SOME", "ALL"].contains(quantifier), peek().isSymbol("(") {
                return try quantifiedLike(value, all: quantifier == "ALL", caseInsensitive: caseInsensitive, negated: negated)
            }
            let pattern = try valueExpression()
            var escape: Character?
            if accept("ESCAPE") {
                let escapePosition = current.position
                let text = try stringLiteral()
                guard text.count == 1, let character = text.first else {
                    throw SQLError(.syntax, "The escape character must be a single character, not '\(text)'",
                                   errorClass: "INVALID_ESCAPE_CHAR", at: escapePosition)
                }
                escape = character
            }
            return ASTExpression(.like(value, pattern: pattern, caseInsensitive: caseInsensitive,
                                       escape: escape, negated: negated), at: position)
        }
        if accept("RLIKE") || accept("REGEXP") {
            let pattern = try valueExpression()
            return ASTExpression(.rlike(value, pattern: pattern, negated: negated), at: position)
        }
        if negated { throw syntaxError() }
        return value
    }

    /// Spark's grammar tries `IN (expr, ...)` before `IN (query)`, and `SELECT 'u1'` also reads
    /// as a typed literal (like `DATE '...'`): when the whole list parses that way, Spark picks
    /// it and fails with `[UNSUPPORTED_TYPED_LITERAL]`. Kept for compatibility.
    private mutating func rejectSelectAsTypedLiteral() throws(SQLError) {
        guard current.isKeyword("SELECT"), peek().kind == .string else { return }
        let select = current
        var probe = self
        probe.advance()
        let literal = ASTExpression(.literal(.string(select.text)), at: select.position)
        probe.advance()
        do {
            _ = try probe.expression(seed: literal)
            while probe.acceptSymbol(",") { _ = try probe.expression() }
            try probe.expectSymbol(")")
        } catch {
            return
        }
        throw SQLError(.syntax, "Literals of the type \"\(select.text.uppercased())\" are not supported. Supported types are \"DATE\", \"TIMESTAMP_NTZ\", \"TIMESTAMP_LTZ\", \"TIMESTAMP\", \"INTERVAL\", \"X\", \"TIME\".",
                       errorClass: "UNSUPPORTED_TYPED_LITERAL", at: select.position)
    }

    /// `x [NOT] LIKE ANY|SOME|ALL (p1, p2, ...)` after the quantifier: Spark's `LikeAny`/`LikeAll`,
    /// which are the OR (ANY) or AND (ALL) of the single LIKEs, NULLs included.
    private mutating func quantifiedLike(_ value: ASTExpression, all: Bool, caseInsensitive: Bool, negated: Bool) throws(SQLError) -> ASTExpression {
        let position = value.position
        advance()
        try expectSymbol("(")
        if current.isSymbol(")") {
            throw SQLError(.syntax, "Invalid SQL syntax: Expected something between '(' and ')'.",
                           errorClass: "INVALID_SQL_SYNTAX.EMPTY_QUANTIFIED_PATTERN", at: current.position)
        }
        var patterns = [try expression()]
        while acceptSymbol(",") { patterns.append(try expression()) }
        try expectSymbol(")")
        let tests = patterns.map { pattern in
            ASTExpression(.like(value, pattern: pattern, caseInsensitive: caseInsensitive, escape: nil, negated: negated), at: position)
        }
        return tests.dropFirst().reduce(tests[0]) { combined, test in
            ASTExpression(.binary(all ? .and : .or, combined, test), at: position)
        }
    }

    /// Binary operators of a value expression and their precedence (higher binds tighter).
    private func binaryOperator() -> (ASTBinaryOperator, Int)? {
        let token = current
        if token.kind == .word {
            return token.isKeyword("DIV") ? (.integralDivide, 7) : nil
        }
        guard token.kind == .symbol else { return nil }
        switch token.text {
        case "*": return (.multiply, 7)
        case "/": return (.divide, 7)
        case "%": return (.remainder, 7)
        case "+": return (.add, 6)
        case "-": return (.subtract, 6)
        case "||": return (.concat, 6)
        case "<<": return (.shiftLeft, 5)
        case ">>": return (.shiftRight, 5)
        case ">>>": return (.shiftRightUnsigned, 5)
        case "&": return (.bitwiseAnd, 4)
        case "^": return (.bitwiseXor, 3)
        case "|": return (.bitwiseOr, 2)
        case "=", "==": return (.equal, 1)
        case "<=>": return (.nullSafeEqual, 1)
        case "<>", "!=": return (.notEqual, 1)
        case "<": return (.less, 1)
        case "<=", "!>": return (.lessOrEqual, 1)
        case ">": return (.greater, 1)
        case ">=", "!<": return (.greaterOrEqual, 1)
        default: return nil
        }
    }

    /// Precedence climbing over the binary operators; all associate to the left.
    mutating func valueExpression(minimumPrecedence: Int = 1, seed: ASTExpression? = nil) throws(SQLError) -> ASTExpression {
        var left = try unaryExpression(seed: seed)
        var chain = 0
        defer { height -= chain }
        while let (op, precedence) = binaryOperator(), precedence >= minimumPrecedence {
            advance()
            try enter()
            let right = try valueExpression(minimumPrecedence: precedence + 1)
            leave()
            left = ASTExpression(.binary(op, left, right), at: left.position)
            chain += 1
            try growHeight()
        }
        return left
    }

    private mutating func unaryExpression(seed: ASTExpression?) throws(SQLError) -> ASTExpression {
        if let seed { return try postfix(seed) }
        if current.kind == .symbol, current.text == "-" || current.text == "+" || current.text == "~" {
            return try prefixOperator()
        }
        return try postfix(try primary())
    }

    /// `-x`, `+x`, `~x`; a minus before a number is part of the literal.
    private mutating func prefixOperator() throws(SQLError) -> ASTExpression {
        let token = current
        if token.text == "-", case .number = peek().kind {
            advance()
            return try postfix(try numberLiteral(negative: true, at: token.position))
        }
        advance()
        try enter()
        defer { leave() }
        let operand = try unaryExpression(seed: nil)
        let op: ASTUnaryOperator = token.text == "-" ? .negate : (token.text == "+" ? .plus : .bitwiseNot)
        return ASTExpression(.unary(op, operand), at: token.position)
    }

    /// `x::type`, `x[i]`, `x.field`, `t.*` after a primary expression.
    private mutating func postfix(_ base: ASTExpression) throws(SQLError) -> ASTExpression {
        var result = base
        while current.kind == .symbol, current.text == "::" || current.text == "[" || current.text == "." {
            guard let next = try postfixStep(result) else { return result }
            result = next
        }
        return result
    }

    /// One postfix operation on `result`; nil when the `.` does not continue the expression.
    private mutating func postfixStep(_ result: ASTExpression) throws(SQLError) -> ASTExpression? {
        if acceptSymbol("::") {
            return ASTExpression(.cast(result, try dataType(), isTry: false), at: result.position)
        }
        if acceptSymbol("[") {
            let subscriptIndex = try expression()
            try expectSymbol("]")
            return ASTExpression(.element(result, subscriptIndex), at: result.position)
        }
        if peek().isSymbol("*"), case let .column(parts) = result.kind {
            advance()
            advance()
            return ASTExpression(.star(qualifier: parts), at: result.position)
        }
        guard peek().kind == .word || peek().kind == .quotedIdentifier else { return nil }
        advance()
        let name = try identifier(allowReserved: true)
        if case let .column(parts) = result.kind {
            return ASTExpression(.column(parts + [name.name]), at: result.position)
        }
        return ASTExpression(.field(result, name.name), at: result.position)
    }
}
