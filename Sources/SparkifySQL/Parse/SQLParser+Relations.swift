extension SQLParser {
    /// File formats a two-part name ``fmt.`path` `` may read.
    static let fileFormats: Set<String> = ["json", "parquet", "csv", "orc", "text", "avro"]

    /// A relation and the joins that follow it (joins associate to the left).
    mutating func relation() throws(SQLError) -> ASTRelation {
        try enter()
        defer { leave() }
        var left = try relationPrimary()
        var chain = 0
        defer { height -= chain }
        while let (type, isNatural, position) = try joinType() {
            let right = try relationPrimary()
            var criteria = ASTJoinCriteria.none
            if accept("ON") {
                criteria = .on(try expression())
            } else if accept("USING") {
                criteria = .using(try identifierList())
            }
            if isNatural, criteria != .none {
                throw SQLError(.syntax, "A NATURAL join cannot have an ON or USING clause",
                               errorClass: "PARSE_SYNTAX_ERROR", at: position)
            }
            left = .join(ASTJoin(type: type, left: left, right: right, criteria: criteria, isNatural: isNatural, at: position))
            chain += 1
            try growHeight()
        }
        return left
    }

    /// Consumes `[NATURAL] [INNER|CROSS|LEFT [OUTER|SEMI|ANTI]|RIGHT [OUTER]|FULL [OUTER]|SEMI|ANTI] JOIN`.
    private mutating func joinType() throws(SQLError) -> (ASTJoinType, Bool, SourcePosition)? {
        let position = current.position
        let start = index
        let isNatural = accept("NATURAL")
        var type = ASTJoinType.inner
        if accept("INNER") {
            type = .inner
        } else if accept("CROSS") {
            type = .cross
        } else if accept("LEFT") {
            if accept("SEMI") {
                type = .leftSemi
            } else if accept("ANTI") {
                type = .leftAnti
            } else {
                _ = accept("OUTER")
                type = .leftOuter
            }
        } else if accept("RIGHT") {
            _ = accept("OUTER")
            type = .rightOuter
        } else if accept("FULL") {
            _ = accept("OUTER")
            type = .fullOuter
        } else if accept("SEMI") {
            type = .leftSemi
        } else if accept("ANTI") {
            type = .leftAnti
        }
        if accept("JOIN") {
            if current.isKeyword("LATERAL") {
                throw SQLError(.unsupported, "LATERAL joins are not supported", errorClass: "UNSUPPORTED_FEATURE",
                               at: current.position)
            }
            return (type, isNatural, position)
        }
        if index != start { throw syntaxError(hint: "expected JOIN") }
        return nil
    }

    private mutating func relationPrimary() throws(SQLError) -> ASTRelation {
        let position = current.position
        if current.isSymbol("(") {
            if startsQuery(at: index + 1) {
                advance()
                let query = try self.query()
                try expectSymbol(")")
                return .subquery(query, alias: try tableAlias())
            }
            advance()
            let inner = try relation()
            try expectSymbol(")")
            if current.isKeyword("AS") || atBareIdentifier {
                throw SQLError(.unsupported, "An alias for a parenthesized join is not supported",
                               errorClass: "UNSUPPORTED_FEATURE", at: current.position)
            }
            return inner
        }
        if accept("VALUES") {
            let rows = try valuesRows()
            return .values(ASTInlineTable(rows: rows, alias: try tableAlias(), at: position))
        }
        let name = try objectName()
        if current.isSymbol("(") {
            advance()
            var arguments: [ASTExpression] = []
            if !current.isSymbol(")") {
                arguments.append(try expression())
                while acceptSymbol(",") { arguments.append(try expression()) }
            }
            try expectSymbol(")")
            return .tableFunction(ASTTableFunction(name: name.description, arguments: arguments, alias: try tableAlias(), at: position))
        }
        let alias = try tableAlias()
        if name.parts.count == 2, Self.fileFormats.contains(name.parts[0].lowercased()) {
            return .files(ASTFileRelation(format: name.parts[0].lowercased(), path: name.parts[1], alias: alias, at: position))
        }
        return .table(name, alias: alias)
    }

    /// Keywords that start a clause after a relation, and so end it unless nothing follows.
    private static let clauseKeywords: Set<String> = ["WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "WINDOW"]

    /// `[AS] alias [(col, ...)]`, or nil.
    private mutating func tableAlias() throws(SQLError) -> ASTTableAlias? {
        if let word = current.keyword, ["PIVOT", "UNPIVOT", "TABLESAMPLE"].contains(word), peek().isSymbol("(") {
            throw SQLError(.unsupported, "\(word) is not supported", errorClass: "UNSUPPORTED_FEATURE", at: current.position)
        }
        let name: ASTIdentifier
        if accept("AS") {
            name = try identifier(allowReserved: true)
        } else if atBareIdentifier {
            lastBareAliasIndex = index
            name = try identifier()
        } else if let word = current.keyword, Self.clauseKeywords.contains(word), peek().kind == .end || peek().isSymbol(")") {
            // Spark's keywords are not reserved by default: a clause keyword that cannot start
            // its clause (`FROM t WHERE` at the end) is read as the table's alias.
            name = try identifier(allowReserved: true)
        } else {
            return nil
        }
        var columns: [String] = []
        if current.isSymbol("(") { columns = try identifierList().map(\.name) }
        return ASTTableAlias(name, columns: columns)
    }
}
