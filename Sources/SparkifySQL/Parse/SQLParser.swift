/// Parses Spark SQL text into an AST (`ASTStatement`, `ASTQuery`, `ASTExpression`).
///
/// The pipeline for a script: `SQLStatementSplitter.split` cuts it at `;` keeping each
/// statement's start; `substituteVariables(in:lookup:)` replaces `${...}` per statement (after
/// the previous `SET`s ran); `parseStatement(text, origin: piece.start)` parses it; on failure
/// `error.rendered(source: text, origin: piece.start)` shows the line with a caret.
///
/// The AST does not resolve names: `a.b` is `.column(["a", "b"])` (table.column or
/// column.field), `current_date` without parentheses is a column (Spark falls back to the
/// function when no column has that name), integer literals in `GROUP BY`/`ORDER BY` are
/// ordinals. Keywords other than `SQLKeywords.reserved` are valid bare names (`year`, `level`,
/// `location`, `date`), as in Spark's default mode.
///
/// A hand-written recursive-descent parser following Spark 4's `SqlBaseParser.g4`. Every failure
/// is an `SQLError` of kind `.syntax` (`PARSE_SYNTAX_ERROR` and friends) naming line and column;
/// nesting deeper than `maxDepth` is refused rather than risking the stack.
///
/// Positions are in the text given (after variable substitution: run `substituteVariables`
/// first, then parse its result, and render errors against that same text). Pass `origin` when
/// the text is one statement cut out of a larger script so positions name lines of the script.
public struct SQLParser {
    /// How deeply the parser may recurse: parentheses, subqueries, prefix operators, nested
    /// types. Deeper input fails with a syntax error instead of overflowing the stack.
    public static let maxDepth = 64
    /// How tall the tree of one statement may grow: nesting plus chained binary operators
    /// (`a + b + c ...` is a left-leaning tree as tall as the chain). It bounds the recursion of
    /// every later pass over the AST (printing, binding, planning).
    public static let maxHeight = 500

    var tokens: [SQLToken]
    let source: [UInt8]
    var index = 0
    var depth = 0
    /// `depth` plus the links of the operator chains being parsed.
    var height = 0
    /// The token index of the last alias written without `AS`, for the misspelled-keyword hint.
    var lastBareAliasIndex: Int?

    init(tokens: [SQLToken], source: [UInt8]) {
        self.tokens = tokens
        self.source = source
    }

    init(_ text: String, origin: SourcePosition) throws(SQLError) {
        self.init(tokens: try SQLLexer.tokenize(text, origin: origin), source: Array(text.utf8))
    }

    // MARK: Entry points

    /// Parses one statement; trailing semicolons are allowed.
    public static func parseStatement(_ text: String, origin: SourcePosition = SourcePosition(line: 1, column: 1)) throws(SQLError) -> ASTStatement {
        if let command = try parseSetOrReset(text, origin: origin) { return command }
        var parser = try SQLParser(text, origin: origin)
        let statement = try parser.statement()
        try parser.expectEndOfStatement()
        return statement
    }

    /// Parses a query (`SELECT ...`, `WITH ...`, `VALUES ...`).
    public static func parseQuery(_ text: String, origin: SourcePosition = SourcePosition(line: 1, column: 1)) throws(SQLError) -> ASTQuery {
        var parser = try SQLParser(text, origin: origin)
        let query = try parser.query()
        try parser.expectEndOfStatement()
        return query
    }

    /// Parses one expression, as used by DataFrame-style APIs (`expr("a + 1")`).
    public static func parseExpression(_ text: String) throws(SQLError) -> ASTExpression {
        var parser = try SQLParser(text, origin: SourcePosition(line: 1, column: 1))
        let expression = try parser.expression()
        try parser.expectEnd()
        return expression
    }

    /// Parses a data type such as `decimal(10,2)` or `array<struct<a:int,b:string>>`.
    public static func parseDataType(_ text: String) throws(SQLError) -> ASTDataType {
        var parser = try SQLParser(text, origin: SourcePosition(line: 1, column: 1))
        let type = try parser.dataType()
        try parser.expectEnd()
        return type
    }

    /// Parses `expr [[AS] alias]`, as DataFrame `selectExpr` strings are written.
    public static func parseSelectItem(_ text: String) throws(SQLError) -> ASTSelectItem {
        var parser = try SQLParser(text, origin: SourcePosition(line: 1, column: 1))
        let expression = try parser.expression()
        var alias: ASTIdentifier?
        if parser.accept("AS") {
            alias = try parser.identifier(allowReserved: true)
        } else if parser.atBareIdentifier {
            alias = try parser.identifier()
        }
        try parser.expectEnd()
        return ASTSelectItem(expression, alias: alias)
    }

    /// Parses a possibly qualified table name: `songs`, `db.songs`, `` `my table` ``.
    public static func parseObjectName(_ text: String) throws(SQLError) -> ASTObjectName {
        var parser = try SQLParser(text, origin: SourcePosition(line: 1, column: 1))
        let name = try parser.objectName()
        try parser.expectEnd()
        return name
    }

    /// Parses a DDL schema string: `a INT, b STRING NOT NULL, c ARRAY<STRING>` (also `a: INT`).
    public static func parseSchema(_ text: String) throws(SQLError) -> [ASTColumnDefinition] {
        var parser = try SQLParser(text, origin: SourcePosition(line: 1, column: 1))
        let columns = try parser.typedColumns()
        try parser.expectEnd()
        return columns
    }

    // MARK: Cursor

    var current: SQLToken { tokens[index] }

    func peek(_ offset: Int = 1) -> SQLToken {
        let at = index + offset
        return at < tokens.count ? tokens[at] : tokens[tokens.count - 1]
    }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    /// Consumes the keyword if it is next.
    mutating func accept(_ keyword: String) -> Bool {
        guard current.isKeyword(keyword) else { return false }
        advance()
        return true
    }

    /// Consumes the symbol if it is next.
    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expect(_ keyword: String) throws(SQLError) {
        guard accept(keyword) else { throw syntaxError(hint: "expected \(keyword)") }
    }

    mutating func expectSymbol(_ symbol: String) throws(SQLError) {
        guard acceptSymbol(symbol) else {
            throw syntaxError(hint: symbol == ")" || symbol == "]" || symbol == ">" ? "missing '\(symbol)'" : "expected '\(symbol)'")
        }
    }

    /// Trailing semicolons, then the end of the text.
    mutating func expectEndOfStatement() throws(SQLError) {
        while acceptSymbol(";") {}
        try expectEnd()
    }

    func expectEnd() throws(SQLError) {
        guard current.kind == .end else {
            if current.isSymbol(")") { throw syntaxError(hint: "unmatched ')'") }
            throw syntaxError(hint: "extra input '\(tokenText(current))'")
        }
    }

    // MARK: Depth

    /// Counts one level of nesting; fails past `maxDepth`. Pair with `leave()`.
    mutating func enter() throws(SQLError) {
        depth += 1
        height += 1
        if depth > Self.maxDepth { throw tooDeep() }
        if height > Self.maxHeight { throw tooTall() }
    }

    mutating func leave() {
        depth -= 1
        height -= 1
    }

    /// Counts one more link of an operator chain; the caller gives them back when the chain ends.
    mutating func growHeight() throws(SQLError) {
        height += 1
        if height > Self.maxHeight { throw tooTall() }
    }

    private func tooDeep() -> SQLError {
        SQLError(.syntax, "The statement is nested too deeply (more than \(Self.maxDepth) levels)",
                 errorClass: "PARSE_SYNTAX_ERROR", at: current.position)
    }

    private func tooTall() -> SQLError {
        SQLError(.syntax, "The statement is too complex: more than \(Self.maxHeight) nested operators",
                 errorClass: "PARSE_SYNTAX_ERROR", at: current.position)
    }

    // MARK: Errors

    /// The source text of a token, shortened, as messages show it.
    func tokenText(_ token: SQLToken) -> String {
        let end = min(token.end, source.count)
        guard token.start < end else { return token.text }
        return SQLLexer.shorten(String(decoding: source[token.start..<end], as: UTF8.self))
    }

    /// `Syntax error at or near 'x'[: hint]` at the current token. When the token follows an
    /// alias written without `AS` that looks like a misspelled keyword (`SELECT a FORM t`), the
    /// error points at that word instead, where the mistake is.
    func syntaxError(hint: String? = nil) -> SQLError {
        if let aliasIndex = lastBareAliasIndex, aliasIndex == index - 1,
           SQLParser.misspelledKeyword(tokens[aliasIndex].text) != nil {
            return SQLError(.syntax, "Syntax error at or near '\(tokenText(tokens[aliasIndex]))'",
                            errorClass: "PARSE_SYNTAX_ERROR", at: tokens[aliasIndex].position)
        }
        let near = current.kind == .end ? "end of input" : "'\(tokenText(current))'"
        var message = "Syntax error at or near \(near)"
        if let hint { message += ": \(hint)" }
        return SQLError(.syntax, message, errorClass: "PARSE_SYNTAX_ERROR", at: current.position)
    }

    /// Clause keywords a bare alias may be a typo of.
    private static let clauseKeywords = ["FROM", "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "JOIN", "UNION",
                                         "SELECT", "INNER", "OUTER", "CROSS", "EXCEPT", "INTERSECT", "WINDOW"]

    /// The keyword `word` is one edit (insertion, deletion, substitution, swap) away from, if any.
    static func misspelledKeyword(_ word: String) -> String? {
        let upper = Array(word.uppercased())
        guard upper.count >= 4 else { return nil }
        for keyword in clauseKeywords where keyword != String(upper) {
            if isOneEditAway(upper, Array(keyword)) { return keyword }
        }
        return nil
    }

    private static func isOneEditAway(_ a: [Character], _ b: [Character]) -> Bool {
        if a.count == b.count {
            let differences = (0..<a.count).filter { a[$0] != b[$0] }
            if differences.count == 1 { return true }
            if differences.count == 2, differences[1] == differences[0] + 1 {
                return a[differences[0]] == b[differences[1]] && a[differences[1]] == b[differences[0]]
            }
            return false
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count && short[i] == long[i] { i += 1 }
        return Array(short[i...]) == Array(long[(i + 1)...])
    }

    // MARK: Names

    /// An identifier: a backquoted name, or a word; a bare word must not be reserved unless
    /// `allowReserved` (names after `AS` or after a dot).
    mutating func identifier(allowReserved: Bool = false) throws(SQLError) -> ASTIdentifier {
        let token = current
        switch token.kind {
        case .quotedIdentifier:
            advance()
            return ASTIdentifier(token.text, at: token.position)
        case .word where allowReserved || !token.isReservedWord:
            advance()
            return ASTIdentifier(token.text, at: token.position)
        default:
            throw syntaxError()
        }
    }

    /// True when the current token can start a bare (non-`AS`) identifier: not a reserved word,
    /// nor a non-reserved one starting a clause (`SORT BY`, `CLUSTER BY`, `DISTRIBUTE BY`).
    var atBareIdentifier: Bool {
        if current.kind == .quotedIdentifier { return true }
        guard current.kind == .word, !current.isReservedWord else { return false }
        return !(peek().isKeyword("BY") && ["SORT", "CLUSTER", "DISTRIBUTE"].contains(current.upper))
    }

    /// `name(.name)*`.
    mutating func objectName() throws(SQLError) -> ASTObjectName {
        let position = current.position
        var parts = [try identifier().name]
        while current.isSymbol("."), peek().kind == .word || peek().kind == .quotedIdentifier {
            advance()
            parts.append(try identifier(allowReserved: true).name)
        }
        return ASTObjectName(parts, at: position)
    }

    /// `(a, b, c)`.
    mutating func identifierList() throws(SQLError) -> [ASTIdentifier] {
        try expectSymbol("(")
        var names = [try identifier(allowReserved: true)]
        while acceptSymbol(",") { names.append(try identifier(allowReserved: true)) }
        try expectSymbol(")")
        return names
    }

    /// A string literal's value; adjacent literals are joined (`'a' 'b'` is `'ab'`) unless
    /// `single` (option lists, where `'key' 'value'` are two literals).
    mutating func stringLiteral(single: Bool = false) throws(SQLError) -> String {
        guard current.kind == .string else { throw syntaxError(hint: "expected a string literal") }
        if single {
            defer { advance() }
            return current.text
        }
        var value = ""
        while current.kind == .string {
            value += current.text
            advance()
        }
        return value
    }

    /// The raw source text between two byte offsets.
    func sourceText(from start: Int, to end: Int) -> String {
        let end = min(end, source.count)
        guard start < end else { return "" }
        return String(decoding: source[start..<end], as: UTF8.self)
    }
}
