extension SQLError {
    /// The error with the offending line of `source` and a caret under its column:
    ///
    ///     [PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM' (line 1, column 10)
    ///     SELECT a FORM t
    ///              ^
    ///
    /// `source` must be the text the positions refer to: the (substituted) statement or the whole
    /// script. When `source` is one statement that was parsed with an `origin` (its place in a
    /// script), pass the same `origin`: the message keeps the script's line and column, the
    /// caret is placed in `source`. Without a usable position this is just `description`. Tabs in
    /// the line are kept under the caret so it lines up.
    public func rendered(source: String, origin: SourcePosition = SourcePosition(line: 1, column: 1)) -> String {
        guard var position, position.line >= origin.line else { return description }
        if position.line == origin.line { position.column -= origin.column - 1 }
        position.line -= origin.line - 1
        guard position.line >= 1, position.column >= 1 else { return description }
        // Lines split on the newline byte, as the lexer counts them ("\r\n" is one Character).
        let lines = source.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard position.line <= lines.count else { return description }
        var lineBytes = lines[position.line - 1]
        if lineBytes.last == 0x0D { lineBytes = lineBytes.dropLast() }
        let line = String(decoding: lineBytes, as: UTF8.self)
        var caret = ""
        var column = 1
        for scalar in line.unicodeScalars {
            if column >= position.column { break }
            caret.append(scalar == "\t" ? "\t" : " ")
            column += 1
        }
        return description + "\n" + line + "\n" + caret + "^"
    }
}
