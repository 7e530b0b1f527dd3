extension SQLParser {
    private static let invalidSetMessage = "Expected format is 'SET', 'SET key', or 'SET key=value'. If you want to "
        + "include special characters in key, or include semicolon in value, please use backquotes, e.g., SET `key`=`value`."

    /// `SET ...` and `RESET ...` read the raw rest of the statement, as Spark's `SparkSqlAstBuilder`
    /// does; nil when the statement is something else.
    static func parseSetOrReset(_ text: String, origin: SourcePosition) throws(SQLError) -> ASTStatement? {
        var lexer = SQLLexer(text, origin: origin)
        let first = try lexer.next()
        guard first.isKeyword("SET") || first.isKeyword("RESET") else { return nil }
        let bytes = Array(text.utf8)
        var rest = trimmed(String(decoding: bytes[first.end...], as: UTF8.self))
        while rest.hasSuffix(";") { rest = trimmed(String(rest.dropLast())) }
        if first.isKeyword("RESET") {
            if rest.hasPrefix("`") {
                guard let (key, after) = backquoted(rest), after.isEmpty else {
                    throw SQLError(.syntax, "Syntax error at or near '\(SQLLexer.shorten(rest))'",
                                   errorClass: "PARSE_SYNTAX_ERROR", at: first.position)
                }
                return .reset(key: key)
            }
            return .reset(key: rest.isEmpty ? nil : rest)
        }
        return .set(try setCommand(rest, at: first.position))
    }

    private static func setCommand(_ rest: String, at position: SourcePosition) throws(SQLError) -> ASTSetCommand {
        if rest.isEmpty { return .list(verbose: false) }
        if rest == "-v" { return .list(verbose: true) }
        let invalid = SQLError(.syntax, invalidSetMessage, errorClass: "INVALID_SET_SYNTAX", at: position)
        if rest.hasPrefix("`") {
            guard let (key, after) = backquoted(rest) else { throw invalid }
            if after.isEmpty { return .get(key: key) }
            guard after.hasPrefix("=") else { throw invalid }
            return .assign(key: key, value: value(String(after.dropFirst())))
        }
        let words = rest.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        if words.count >= 3, words[0].uppercased() == "TIME", words[1].uppercased() == "ZONE" {
            let zone = trimmed(String(rest.drop(while: { $0 != "Z" && $0 != "z" }).dropFirst(4)))
            if zone.uppercased() == "LOCAL" { return .assign(key: "spark.sql.session.timeZone", value: "LOCAL") }
            var lexer = SQLLexer(zone)
            if let token = try? lexer.next(), token.kind == .string, (try? lexer.next())?.kind == .end {
                return .assign(key: "spark.sql.session.timeZone", value: token.text)
            }
            throw SQLError(.syntax, "SET TIME ZONE expects a string literal or LOCAL", errorClass: "PARSE_SYNTAX_ERROR", at: position)
        }
        if let equals = rest.firstIndex(of: "=") {
            let key = trimmed(String(rest[..<equals]))
            let valueText = String(rest[rest.index(after: equals)...])
            guard isConfigKey(key), !valueText.contains(";") else { throw invalid }
            return .assign(key: key, value: value(valueText))
        }
        guard isConfigKey(rest) else { throw invalid }
        return .get(key: rest)
    }

    /// The value after `=`, trimmed; a value entirely in backquotes is unquoted.
    private static func value(_ text: String) -> String {
        let value = trimmed(text)
        if value.hasPrefix("`"), let (inner, after) = backquoted(value), after.isEmpty { return inner }
        return value
    }

    /// Spark's config key pattern: `[a-zA-Z_0-9\\.:]+`.
    private static func isConfigKey(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "_" || scalar == "." || scalar == ":" || scalar == "\\"
        }
    }

    /// Splits `` `name`rest `` into the unquoted name and the trimmed rest.
    private static func backquoted(_ text: String) -> (String, String)? {
        var name = ""
        var iterator = text.dropFirst()
        while let character = iterator.first {
            iterator = iterator.dropFirst()
            if character == "`" {
                if iterator.first == "`" {
                    name.append("`")
                    iterator = iterator.dropFirst()
                    continue
                }
                return (name, trimmed(String(iterator)))
            }
            name.append(character)
        }
        return nil
    }

    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(text[first...last])
    }
}
