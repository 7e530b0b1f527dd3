/// One statement cut out of a script, with where it starts in the script.
public struct SQLStatementText: Hashable, Sendable {
    /// The statement's text, without the `;` that ends it and without surrounding blank space.
    public var text: String
    /// The 1-based line and column of the statement's first character in the script. Pass it as
    /// `origin` to `SQLParser.parseStatement` so errors name lines of the script.
    public var start: SourcePosition

    public init(text: String, start: SourcePosition) {
        self.text = text
        self.start = start
    }
}

/// Splits scripts into statements at `;`, as the REPL, the notebook and script files need.
///
/// Running a script, statement by statement (a `SET` changes what later statements substitute):
///
///     for piece in SQLStatementSplitter.split(script) {
///         let text = try substituteVariables(in: piece.text) { settings[$0] }
///         do {
///             let statement = try SQLParser.parseStatement(text, origin: piece.start)
///             ... run it ...
///         } catch {
///             print(error.rendered(source: text, origin: piece.start))  // names the script's line
///         }
///     }
///
/// A `;` inside a quoted string (`'...'`, `"..."`, with backslash escapes), a backquoted name or a
/// comment (`-- ...`, nested `/* ... */`) does not split. Statements that hold only blank space
/// and comments are dropped.
public enum SQLStatementSplitter {
    /// The statements of `script`, in order.
    public static func split(_ script: String) -> [SQLStatementText] {
        var scanner = Scanner(Array(script.utf8))
        var statements: [SQLStatementText] = []
        while let piece = scanner.nextStatement() {
            if piece.hasCode { statements.append(piece.statement) }
        }
        return statements
    }

    /// True when `text` ends a statement: it holds code, and its last code character (outside
    /// strings, backquotes and comments) is a `;`. A REPL reads more lines until this is true.
    public static func isComplete(_ text: String) -> Bool {
        var scanner = Scanner(Array(text.utf8))
        var sawTerminatedCode = false
        var trailingCode = false
        while let piece = scanner.nextStatement() {
            if piece.terminated {
                sawTerminatedCode = sawTerminatedCode || piece.hasCode
                trailingCode = false
            } else {
                trailingCode = piece.hasCode
            }
        }
        return sawTerminatedCode && !trailingCode && scanner.inCodeAtEnd
    }

    private struct Piece {
        var statement: SQLStatementText
        var hasCode: Bool
        var terminated: Bool
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var column = 1
        /// False when the text ended inside a string, backquote or block comment.
        var inCodeAtEnd = true

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        private mutating func advance() {
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else if bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }

        /// The next statement up to a `;` or the end; nil at the end of the text.
        mutating func nextStatement() -> Piece? {
            guard index < bytes.count else { return nil }
            var codeStart: Int?
            var codeEnd = index
            var start = SourcePosition(line: line, column: column)
            func markCode(_ scanner: Scanner) {
                if codeStart == nil {
                    codeStart = scanner.index
                    start = SourcePosition(line: scanner.line, column: scanner.column)
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                let next: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
                if byte == 0x3B {  // ;
                    advance()
                    return piece(codeStart, codeEnd, start, terminated: true)
                } else if byte == 0x2D && next == 0x2D {  // -- comment
                    while index < bytes.count && bytes[index] != 0x0A { advance() }
                } else if byte == 0x2F && next == 0x2A {  // /* comment */, nested
                    advance()
                    advance()
                    var depth = 1
                    while depth > 0 {
                        guard index < bytes.count else {
                            inCodeAtEnd = false
                            break
                        }
                        let current = bytes[index]
                        let following: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
                        if current == 0x2F && following == 0x2A {
                            depth += 1
                            advance()
                            advance()
                        } else if current == 0x2A && following == 0x2F {
                            depth -= 1
                            advance()
                            advance()
                        } else {
                            advance()
                        }
                    }
                } else if byte == 0x27 || byte == 0x22 || byte == 0x60 {  // ' " `
                    markCode(self)
                    advance()
                    var closed = false
                    while index < bytes.count {
                        let current = bytes[index]
                        if current == 0x5C && byte != 0x60 && index + 1 < bytes.count {
                            advance()
                            advance()
                            continue
                        }
                        advance()
                        if current == byte {
                            closed = true
                            break
                        }
                    }
                    if !closed { inCodeAtEnd = false }
                    codeEnd = index
                } else if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    advance()
                } else if byte == 0xEF && next == 0xBB && index + 2 < bytes.count && bytes[index + 2] == 0xBF {
                    advance()  // a byte order mark is blank space; it takes one column
                    index += 2
                } else {
                    markCode(self)
                    advance()
                    codeEnd = index
                }
            }
            return piece(codeStart, codeEnd, start, terminated: false)
        }

        private func piece(_ codeStart: Int?, _ codeEnd: Int, _ start: SourcePosition, terminated: Bool) -> Piece {
            guard let codeStart else {
                return Piece(statement: SQLStatementText(text: "", start: start), hasCode: false, terminated: terminated)
            }
            let text = String(decoding: bytes[codeStart..<max(codeStart, codeEnd)], as: UTF8.self)
            return Piece(statement: SQLStatementText(text: text, start: start), hasCode: true, terminated: terminated)
        }
    }
}
