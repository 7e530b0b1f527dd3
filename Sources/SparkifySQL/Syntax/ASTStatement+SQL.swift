extension ASTStatement: CustomStringConvertible {
    /// Normalised SQL of the statement; it parses back to an equal statement.
    public var description: String {
        switch self {
        case let .query(query): return query.description
        case let .createView(view):
            var text = "CREATE " + (view.orReplace ? "OR REPLACE " : "")
            if view.scope != .persistent { text += view.scope.rawValue + " " }
            text += "VIEW " + (view.ifNotExists ? "IF NOT EXISTS " : "") + view.name.description
            if !view.columns.isEmpty { text += " (" + SQLText.list(view.columns, \.description) + ")" }
            if let comment = view.comment { text += " COMMENT " + SQLText.stringLiteral(comment) }
            return text + " AS \(view.query)"
        case let .createViewUsing(view):
            var text = "CREATE " + (view.orReplace ? "OR REPLACE " : "") + (view.isGlobal ? "GLOBAL " : "")
            text += "TEMPORARY VIEW \(view.name)"
            if !view.columns.isEmpty { text += " (" + SQLText.list(view.columns, \.description) + ")" }
            text += " USING " + view.provider
            if !view.options.isEmpty { text += " OPTIONS (" + SQLText.options(view.options) + ")" }
            return text
        case let .createTable(table): return table.description
        case let .insertDirectory(insert):
            var text = "INSERT OVERWRITE " + (insert.isLocal ? "LOCAL " : "") + "DIRECTORY"
            if let path = insert.path { text += " " + SQLText.stringLiteral(path) }
            text += " USING " + insert.provider
            if !insert.options.isEmpty { text += " OPTIONS (" + SQLText.options(insert.options) + ")" }
            return text + " \(insert.query)"
        case let .insertInto(table, overwrite, query):
            return "INSERT \(overwrite ? "OVERWRITE" : "INTO") TABLE \(table) \(query)"
        case let .cacheTable(name, isLazy, options, query):
            var text = "CACHE " + (isLazy ? "LAZY " : "") + "TABLE \(name)"
            if !options.isEmpty { text += " OPTIONS (" + SQLText.options(options) + ")" }
            if let query { text += " AS \(query)" }
            return text
        case let .uncacheTable(name, ifExists): return "UNCACHE TABLE " + (ifExists ? "IF EXISTS " : "") + name.description
        case .clearCache: return "CLEAR CACHE"
        case let .drop(kind, name, ifExists): return "DROP \(kind.rawValue) " + (ifExists ? "IF EXISTS " : "") + name.description
        case let .showTables(database, pattern): return "SHOW TABLES" + Self.showSuffix(database, pattern)
        case let .showViews(database, pattern): return "SHOW VIEWS" + Self.showSuffix(database, pattern)
        case let .showFunctions(pattern): return "SHOW FUNCTIONS" + Self.showSuffix(nil, pattern)
        case let .showColumns(table): return "SHOW COLUMNS IN \(table)"
        case let .describeTable(name, extended, column):
            var text = "DESCRIBE TABLE " + (extended ? "EXTENDED " : "") + name.description
            if let column { text += " " + column.map(SQLText.identifier).joined(separator: ".") }
            return text
        case let .describeQuery(query): return "DESCRIBE QUERY \(query)"
        case let .describeFunction(name, extended):
            return "DESCRIBE FUNCTION " + (extended ? "EXTENDED " : "") + SQLText.identifier(name)
        case let .explain(mode, statement):
            return "EXPLAIN " + (mode == .simple ? "" : mode.rawValue + " ") + statement.description
        case let .set(command):
            switch command {
            case let .list(verbose): return verbose ? "SET -v" : "SET"
            case let .get(key): return "SET \(Self.configKey(key))"
            case let .assign(key, value):
                let needsQuotes = value.contains(";") || value != value.trimmingSpaces
                return "SET \(Self.configKey(key))=" + (needsQuotes ? SQLText.backquoted(value) : value)
            }
        case let .reset(key): return "RESET" + (key.map { " " + $0 } ?? "")
        case let .use(database): return "USE " + SQLText.identifier(database)
        }
    }

    /// A `SET` key as written when it is a plain config key, else backquoted.
    private static func configKey(_ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "_" || scalar == "." || scalar == ":" || scalar == "\\"
        }
        return plain ? key : SQLText.backquoted(key)
    }

    private static func showSuffix(_ database: String?, _ pattern: String?) -> String {
        var text = ""
        if let database { text += " IN " + SQLText.identifier(database) }
        if let pattern { text += " LIKE " + SQLText.stringLiteral(pattern) }
        return text
    }
}

extension ASTColumnDefinition: CustomStringConvertible {
    public var description: String {
        var text = name.description
        if let type { text += " " + type.sql }
        if !nullable { text += " NOT NULL" }
        if let comment { text += " COMMENT " + SQLText.stringLiteral(comment) }
        return text
    }
}

extension ASTCreateTable: CustomStringConvertible {
    public var description: String {
        var text = "CREATE " + (orReplace ? "OR REPLACE " : "") + (isExternal ? "EXTERNAL " : "") + "TABLE "
        text += (ifNotExists ? "IF NOT EXISTS " : "") + name.description
        if !columns.isEmpty { text += " (" + SQLText.list(columns, \.description) + ")" }
        if let provider { text += " USING " + provider }
        if !options.isEmpty { text += " OPTIONS (" + SQLText.options(options) + ")" }
        if !partitionedBy.isEmpty { text += " PARTITIONED BY (" + SQLText.list(partitionedBy, \.description) + ")" }
        if let location { text += " LOCATION " + SQLText.stringLiteral(location) }
        if let comment { text += " COMMENT " + SQLText.stringLiteral(comment) }
        if !properties.isEmpty { text += " TBLPROPERTIES (" + SQLText.options(properties) + ")" }
        if let query { text += " AS \(query)" }
        return text
    }
}

extension String {
    /// Without leading and trailing white space.
    fileprivate var trimmingSpaces: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }
}
