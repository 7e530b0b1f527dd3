extension SQLParser {
    /// One statement (`SET` and `RESET` are handled on the raw text before tokenizing).
    mutating func statement() throws(SQLError) -> ASTStatement {
        let token = current
        if startsQuery(at: index) || token.isSymbol("(") || (token.isKeyword("TABLE") && peek().kind != .end) {
            return .query(try query())
        }
        switch token.keyword {
        case "CREATE": return try create()
        case "INSERT": return try insert()
        case "CACHE":
            advance()
            let isLazy = accept("LAZY")
            try expect("TABLE")
            let name = try objectName()
            var options: [ASTOption] = []
            if accept("OPTIONS") { options = try optionList() }
            var query: ASTQuery?
            if accept("AS") || startsQuery(at: index) { query = try self.query() }
            return .cacheTable(name: name, isLazy: isLazy, options: options, query: query)
        case "UNCACHE":
            advance()
            try expect("TABLE")
            let ifExists = try ifExistsClause()
            return .uncacheTable(name: try objectName(), ifExists: ifExists)
        case "CLEAR":
            advance()
            try expect("CACHE")
            return .clearCache
        case "DROP":
            advance()
            let kind: ASTDropKind
            if accept("TABLE") {
                kind = .table
            } else if accept("VIEW") {
                kind = .view
            } else {
                throw syntaxError(hint: "expected TABLE or VIEW")
            }
            let ifExists = try ifExistsClause()
            let name = try objectName()
            _ = accept("PURGE")
            return .drop(kind, name: name, ifExists: ifExists)
        case "SHOW": return try show()
        case "DESCRIBE", "DESC": return try describe()
        case "EXPLAIN":
            advance()
            var mode = ASTExplainMode.simple
            for candidate in [ASTExplainMode.extended, .formatted, .codegen, .cost] where accept(candidate.rawValue) {
                mode = candidate
                break
            }
            if current.isKeyword("LOGICAL") {
                throw SQLError(.unsupported, "EXPLAIN LOGICAL is not supported", errorClass: "UNSUPPORTED_FEATURE",
                               at: current.position)
            }
            try enter()
            defer { leave() }
            return .explain(mode, try statement())
        case "USE":
            advance()
            for word in ["DATABASE", "SCHEMA", "NAMESPACE"] where accept(word) { break }
            return .use(try objectName().parts.joined(separator: "."))
        default:
            throw syntaxError()
        }
    }

    private mutating func ifExistsClause() throws(SQLError) -> Bool {
        guard accept("IF") else { return false }
        try expect("EXISTS")
        return true
    }

    private mutating func ifNotExistsClause() throws(SQLError) -> Bool {
        guard accept("IF") else { return false }
        try expect("NOT")
        try expect("EXISTS")
        return true
    }

    private mutating func create() throws(SQLError) -> ASTStatement {
        try expect("CREATE")
        var orReplace = false
        if accept("OR") {
            try expect("REPLACE")
            orReplace = true
        }
        let isGlobal = accept("GLOBAL")
        let isTemporary = accept("TEMPORARY") || accept("TEMP")
        if isGlobal && !isTemporary { throw syntaxError(hint: "expected TEMPORARY") }
        if accept("VIEW") { return try createView(orReplace: orReplace, isGlobal: isGlobal, isTemporary: isTemporary) }
        let isExternal = accept("EXTERNAL")
        if current.isKeyword("TABLE") {
            if isTemporary {
                throw SQLError(.unsupported, "CREATE TEMPORARY TABLE is not supported; use CREATE TEMPORARY VIEW",
                               errorClass: "UNSUPPORTED_FEATURE", at: current.position)
            }
            advance()
            return .createTable(try createTable(orReplace: orReplace, isExternal: isExternal))
        }
        throw syntaxError(hint: isTemporary ? "expected VIEW" : "expected TABLE or VIEW")
    }

    private mutating func createView(orReplace: Bool, isGlobal: Bool, isTemporary: Bool) throws(SQLError) -> ASTStatement {
        let ifNotExists = try ifNotExistsClause()
        let name = try objectName()
        var columns: [ASTColumnDefinition] = []
        if current.isSymbol("(") {
            advance()
            repeat {
                let columnName = try identifier(allowReserved: true)
                if current.kind == .word, !current.isKeyword("COMMENT") {
                    columns.append(ASTColumnDefinition(name: columnName, type: try dataType(), nullable: try nullability(),
                                                       comment: try commentClause()))
                } else {
                    columns.append(ASTColumnDefinition(name: columnName, type: nil, comment: try commentClause()))
                }
            } while acceptSymbol(",")
            try expectSymbol(")")
        }
        if current.isKeyword("USING") {
            guard isTemporary else { throw syntaxError(hint: "expected AS") }
            advance()
            let provider = try objectName().parts.joined(separator: ".")
            var options: [ASTOption] = []
            if accept("OPTIONS") { options = try optionList() }
            if columns.contains(where: { $0.type == nil }) {
                throw SQLError(.syntax, "The columns of CREATE TEMPORARY VIEW ... USING need types",
                               errorClass: "PARSE_SYNTAX_ERROR", at: name.position)
            }
            return .createViewUsing(ASTCreateViewUsing(name: name, orReplace: orReplace, isGlobal: isGlobal,
                                                       columns: columns, provider: provider, options: options))
        }
        var comment: String?
        while true {
            if let text = try commentClause() {
                comment = text
            } else if accept("TBLPROPERTIES") {
                _ = try optionList()
            } else {
                break
            }
        }
        try expect("AS")
        let queryStart = current.start
        let query = try self.query()
        let queryText = sourceText(from: queryStart, to: tokens[max(index - 1, 0)].end)
        let scope: ASTViewScope = isGlobal ? .globalTemporary : (isTemporary ? .temporary : .persistent)
        return .createView(ASTCreateView(name: name, orReplace: orReplace, scope: scope, ifNotExists: ifNotExists,
                                         columns: columns, comment: comment, query: query, queryText: queryText))
    }

    /// `name type [NOT NULL] [COMMENT '...'], ...` (a colon after the name is allowed, as in
    /// Spark's DDL schema strings).
    mutating func typedColumns() throws(SQLError) -> [ASTColumnDefinition] {
        var columns: [ASTColumnDefinition] = []
        repeat {
            let columnName = try identifier(allowReserved: true)
            _ = acceptSymbol(":")
            let type = try dataType()
            columns.append(ASTColumnDefinition(name: columnName, type: type, nullable: try nullability(),
                                               comment: try commentClause()))
        } while acceptSymbol(",")
        return columns
    }

    private mutating func nullability() throws(SQLError) -> Bool {
        if current.isKeyword("NOT"), peek().isKeyword("NULL") {
            advance()
            advance()
            return false
        }
        return true
    }

    private mutating func commentClause() throws(SQLError) -> String? {
        guard accept("COMMENT") else { return nil }
        return try stringLiteral()
    }

    /// After `CREATE [OR REPLACE] [EXTERNAL] TABLE`.
    private mutating func createTable(orReplace: Bool, isExternal: Bool) throws(SQLError) -> ASTCreateTable {
        var table = ASTCreateTable(name: ASTObjectName([], at: current.position), orReplace: orReplace, isExternal: isExternal)
        table.ifNotExists = try ifNotExistsClause()
        table.name = try objectName()
        if current.isSymbol("("), !startsQuery(at: index) {
            advance()
            table.columns = try typedColumns()
            try expectSymbol(")")
        }
        if accept("USING") { table.provider = try objectName().parts.joined(separator: ".") }
        while true {
            if accept("OPTIONS") {
                table.options += try optionList()
            } else if current.isKeyword("PARTITIONED") {
                advance()
                try expect("BY")
                table.partitionedBy = try identifierList()
            } else if accept("LOCATION") {
                table.location = try stringLiteral()
            } else if let comment = try commentClause() {
                table.comment = comment
            } else if accept("TBLPROPERTIES") {
                table.properties += try optionList()
            } else if let word = current.keyword, ["CLUSTERED", "STORED", "ROW", "SKEWED"].contains(word) {
                throw SQLError(.unsupported, "\(word) in CREATE TABLE is not supported", errorClass: "UNSUPPORTED_FEATURE",
                               at: current.position)
            } else {
                break
            }
        }
        if accept("AS") || startsQuery(at: index) { table.query = try query() }
        return table
    }

    private mutating func insert() throws(SQLError) -> ASTStatement {
        try expect("INSERT")
        if accept("INTO") {
            _ = accept("TABLE")
            let table = try objectName()
            return .insertInto(table: table, overwrite: false, query: try query())
        }
        try expect("OVERWRITE")
        let isLocal = accept("LOCAL")
        if accept("DIRECTORY") {
            var path: String?
            if current.kind == .string { path = try stringLiteral() }
            try expect("USING")
            let provider = try objectName().parts.joined(separator: ".")
            var options: [ASTOption] = []
            if accept("OPTIONS") { options = try optionList() }
            if path == nil, !options.contains(where: { $0.key.lowercased() == "path" }) {
                throw SQLError(.syntax, "INSERT OVERWRITE DIRECTORY needs a path, as a string or OPTIONS (path '...')",
                               errorClass: "PARSE_SYNTAX_ERROR", at: current.position)
            }
            return .insertDirectory(ASTInsertDirectory(path: path, isLocal: isLocal, provider: provider,
                                                       options: options, query: try query()))
        }
        if isLocal { throw syntaxError(hint: "expected DIRECTORY") }
        _ = accept("TABLE")
        let table = try objectName()
        return .insertInto(table: table, overwrite: true, query: try query())
    }

    /// `(key value, key = value, ...)`: keys are dotted names or strings; values strings,
    /// numbers or booleans.
    mutating func optionList() throws(SQLError) -> [ASTOption] {
        try expectSymbol("(")
        var options: [ASTOption] = []
        repeat {
            let key: String
            if current.kind == .string {
                key = try stringLiteral(single: true)
            } else {
                key = try objectName().parts.joined(separator: ".")
            }
            _ = acceptSymbol("=")
            let value: String
            switch current.kind {
            case .string: value = try stringLiteral(single: true)
            case .number:
                value = tokenText(current)
                advance()
            case .symbol where current.text == "-" && peek().kind != .end:
                advance()
                value = "-" + tokenText(current)
                advance()
            case .word where current.isKeyword("TRUE") || current.isKeyword("FALSE"):
                value = current.text.lowercased()
                advance()
            default:
                throw syntaxError(hint: "expected a value for option '\(key)'")
            }
            options.append(ASTOption(key: key, value: value))
        } while acceptSymbol(",")
        try expectSymbol(")")
        return options
    }

    private mutating func show() throws(SQLError) -> ASTStatement {
        try expect("SHOW")
        if accept("TABLES") {
            let (database, pattern) = try showFilter()
            return .showTables(database: database, pattern: pattern)
        }
        if accept("VIEWS") {
            let (database, pattern) = try showFilter()
            return .showViews(database: database, pattern: pattern)
        }
        if accept("COLUMNS") {
            guard accept("FROM") || accept("IN") else { throw syntaxError(hint: "expected FROM or IN") }
            var table = try objectName()
            if accept("FROM") || accept("IN") {
                let database = try objectName()
                table = ASTObjectName(database.parts + table.parts, at: table.position)
            }
            return .showColumns(table: table)
        }
        for scope in ["USER", "SYSTEM", "ALL"] where current.isKeyword(scope) && peek().isKeyword("FUNCTIONS") {
            advance()
            break
        }
        if accept("FUNCTIONS") {
            let (_, pattern) = try showFilter()
            return .showFunctions(pattern: pattern)
        }
        throw syntaxError(hint: "expected TABLES, VIEWS, COLUMNS or FUNCTIONS")
    }

    /// `[FROM|IN db] [[LIKE] 'pattern']`.
    private mutating func showFilter() throws(SQLError) -> (String?, String?) {
        var database: String?
        if accept("FROM") || accept("IN") { database = try objectName().parts.joined(separator: ".") }
        var pattern: String?
        if accept("LIKE") || current.kind == .string { pattern = try stringLiteral() }
        return (database, pattern)
    }

    private mutating func describe() throws(SQLError) -> ASTStatement {
        advance()
        if accept("QUERY") { return .describeQuery(try query()) }
        if current.isKeyword("FUNCTION") {
            advance()
            let extended = accept("EXTENDED")
            let name = current.kind == .string ? try stringLiteral() : try objectName().parts.joined(separator: ".")
            return .describeFunction(name: name, extended: extended)
        }
        if startsQuery(at: index) { return .describeQuery(try query()) }
        _ = accept("TABLE")
        let extended = accept("EXTENDED") || accept("FORMATTED")
        let name = try objectName()
        var column: [String]?
        if current.kind == .word || current.kind == .quotedIdentifier {
            column = try objectName().parts
        }
        return .describeTable(name: name, extended: extended, column: column)
    }
}
