/// Splits SQL text into tokens the way Spark's `SqlBaseLexer` does: case-insensitive words,
/// backquoted identifiers, single- and double-quoted strings with backslash escapes, typed number
/// literals, `--` and nested `/* */` comments (hints `/*+ */` are skipped like comments).
struct SQLLexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line: Int
    private var column: Int

    /// `origin` is the position of the first character, for text cut out of a larger file.
    init(_ text: String, origin: SourcePosition = SourcePosition(line: 1, column: 1)) {
        bytes = Array(text.utf8)
        line = origin.line
        column = origin.column
    }

    /// All tokens, ending with one `.end` token.
    static func tokenize(_ text: String, origin: SourcePosition = SourcePosition(line: 1, column: 1)) throws(SQLError) -> [SQLToken] {
        var lexer = SQLLexer(text, origin: origin)
        var tokens: [SQLToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var here: SourcePosition { SourcePosition(line: line, column: column) }

    private func peek(_ offset: Int = 0) -> UInt8 {
        index + offset < bytes.count ? bytes[index + offset] : 0
    }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func advance(_ count: Int) {
        for _ in 0..<count where index < bytes.count { advance() }
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    mutating func next() throws(SQLError) -> SQLToken {
        // The end of input is reported just after the last token, not on a trailing blank line.
        let afterPrevious = here
        let endOfPrevious = index
        try skipSpaceAndComments()
        let start = index
        let position = here
        guard index < bytes.count else {
            return SQLToken(kind: .end, text: "", start: endOfPrevious, end: endOfPrevious, position: afterPrevious)
        }
        let byte = peek()
        func token(_ kind: SQLToken.Kind, _ text: String) -> SQLToken {
            SQLToken(kind: kind, text: text, start: start, end: index, position: position)
        }
        if byte == 0x27 || byte == 0x22 {  // ' "
            let value = try scanString(quote: byte, raw: false, start: start, position: position)
            return token(.string, value)
        }
        if (byte == 0x52 || byte == 0x72) && (peek(1) == 0x27 || peek(1) == 0x22) {  // R'raw'
            advance()
            let value = try scanString(quote: peek(), raw: true, start: start, position: position)
            return token(.string, value)
        }
        if (byte == 0x58 || byte == 0x78) && peek(1) == 0x27 {  // X'hex'
            advance()
            let value = try scanString(quote: 0x27, raw: true, start: start, position: position)
            return token(.binaryString, value)
        }
        if byte == 0x60 {  // `
            return token(.quotedIdentifier, try scanQuotedIdentifier(start: start, position: position))
        }
        if isDigit(byte) || (byte == 0x2E && isDigit(peek(1))) {
            return try scanNumber(start: start, position: position)
        }
        if isWordByte(at: index) {
            while isWordByte(at: index) { advance() }
            return token(.word, text(start, index))
        }
        let symbol = Self.symbol(at: bytes, index)
        advance(symbol.utf8.count)
        return token(.symbol, symbol)
    }

    /// The longest operator or punctuation at `index`, or the one character found there.
    private static func symbol(at bytes: [UInt8], _ index: Int) -> String {
        let first = bytes[index]
        let second: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
        let third: UInt8 = index + 2 < bytes.count ? bytes[index + 2] : 0
        switch (first, second) {
        case (0x3C, 0x3D): return third == 0x3E ? "<=>" : "<="  // <= <=>
        case (0x3E, 0x3E): return third == 0x3E ? ">>>" : ">>"
        case (0x3E, 0x3D): return ">="
        case (0x3C, 0x3E): return "<>"
        case (0x3C, 0x3C): return "<<"
        case (0x21, 0x3D): return "!="
        case (0x21, 0x3C): return "!<"
        case (0x21, 0x3E): return "!>"
        case (0x3D, 0x3D): return "=="
        case (0x3D, 0x3E): return "=>"
        case (0x7C, 0x7C): return "||"
        case (0x3A, 0x3A): return "::"
        case (0x2D, 0x3E): return "->"
        default:
            if first < 0x80 { return String(UnicodeScalar(first)) }
            var end = index + 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            return String(decoding: bytes[index..<end], as: UTF8.self)
        }
    }

    private mutating func skipSpaceAndComments() throws(SQLError) {
        while index < bytes.count {
            let byte = peek()
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                advance()
            } else if byte == 0xC2 && peek(1) == 0xA0 {  // no-break space
                advance(2)
            } else if byte == 0xEF && peek(1) == 0xBB && peek(2) == 0xBF {  // byte order mark
                advance(3)
            } else if byte == 0x2D && peek(1) == 0x2D {  // --
                while index < bytes.count && peek() != 0x0A { advance() }
            } else if byte == 0x2F && peek(1) == 0x2A {  // /*
                let start = here
                advance(2)
                var depth = 1
                while depth > 0 {
                    guard index < bytes.count else {
                        throw SQLError(.syntax, "Found an unclosed bracketed comment. Please, append */ at the end of the comment.",
                                       errorClass: "UNCLOSED_BRACKETED_COMMENT", at: start)
                    }
                    if peek() == 0x2F && peek(1) == 0x2A {
                        depth += 1
                        advance(2)
                    } else if peek() == 0x2A && peek(1) == 0x2F {
                        depth -= 1
                        advance(2)
                    } else {
                        advance()
                    }
                }
            } else {
                return
            }
        }
    }

    /// Reads a quoted string starting at the quote under the cursor; returns its value.
    private mutating func scanString(quote: UInt8, raw: Bool, start: Int, position: SourcePosition) throws(SQLError) -> String {
        advance()
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else {
                let shown = Self.shorten(text(start, index))
                throw SQLError(.syntax, "Syntax error at or near '\(shown)': unterminated string literal",
                               errorClass: "PARSE_SYNTAX_ERROR", at: position)
            }
            let byte = peek()
            if byte == quote {
                advance()
                // Spark 4: a doubled quote inside a literal is one quote ('it''s' is it's).
                if !raw && index < bytes.count && peek() == quote {
                    value.append(quote)
                    advance()
                    continue
                }
                break
            }
            if byte == 0x5C && !raw && index + 1 < bytes.count {  // backslash
                advance()
                appendEscape(into: &value)
                continue
            }
            value.append(byte)
            advance()
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// Spark's `unescapeSQLString` for one escape; the cursor is just after the backslash.
    private mutating func appendEscape(into value: inout [UInt8]) {
        let byte = peek()
        func appendScalar(_ code: UInt32) {
            let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
            value.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        if byte == 0x75, let code = hexValue(at: index + 1, count: 4) {  // \uXXXX
            advance(5)
            // A UTF-16 surrogate pair written as two escapes (`\uD83D\uDE00`) is one character.
            if (0xD800...0xDBFF).contains(code), peek() == 0x5C, peek(1) == 0x75,
               let low = hexValue(at: index + 2, count: 4), (0xDC00...0xDFFF).contains(low) {
                advance(6)
                appendScalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
                return
            }
            appendScalar(code)
            return
        }
        if byte == 0x55, let code = hexValue(at: index + 1, count: 8) {  // \UXXXXXXXX
            advance(9)
            appendScalar(code)
            return
        }
        if (byte == 0x30 || byte == 0x31), isOctal(peek(1)), isOctal(peek(2)) {  // \ooo
            let code = UInt32(byte - 0x30) * 64 + UInt32(peek(1) - 0x30) * 8 + UInt32(peek(2) - 0x30)
            advance(3)
            appendScalar(code)
            return
        }
        advance()
        switch byte {
        case 0x30: value.append(0)  // \0
        case 0x62: value.append(0x08)  // \b
        case 0x6E: value.append(0x0A)  // \n
        case 0x72: value.append(0x0D)  // \r
        case 0x74: value.append(0x09)  // \t
        case 0x5A: value.append(0x1A)  // \Z
        case 0x25, 0x5F: value.append(contentsOf: [0x5C, byte])  // \% and \_ keep the backslash
        default:
            value.append(byte)
            // a multi-byte character after the backslash: copy its continuation bytes too
            while index < bytes.count && peek() & 0xC0 == 0x80 {
                value.append(peek())
                advance()
            }
        }
    }

    private func hexValue(at start: Int, count: Int) -> UInt32? {
        guard start + count <= bytes.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<count {
            let byte = bytes[start + offset]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: return nil
            }
            value = value &* 16 &+ digit
        }
        return value
    }

    private mutating func scanQuotedIdentifier(start: Int, position: SourcePosition) throws(SQLError) -> String {
        advance()
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else {
                let shown = Self.shorten(text(start, index))
                throw SQLError(.syntax, "Syntax error at or near '\(shown)': unterminated quoted identifier",
                               errorClass: "PARSE_SYNTAX_ERROR", at: position)
            }
            if peek() == 0x60 {
                if peek(1) == 0x60 {
                    value.append(0x60)
                    advance(2)
                    continue
                }
                advance()
                return String(decoding: value, as: UTF8.self)
            }
            value.append(peek())
            advance()
        }
    }

    /// A number literal; a run like `1abc` or `2nd` that only starts with digits is a word, as
    /// in Spark (identifiers may start with a digit).
    private mutating func scanNumber(start: Int, position: SourcePosition) throws(SQLError) -> SQLToken {
        var end = index
        while end < bytes.count && isDigit(bytes[end]) { end += 1 }
        let integerEnd = end
        var hasDot = false
        if end < bytes.count && bytes[end] == 0x2E {
            hasDot = true
            end += 1
            while end < bytes.count && isDigit(bytes[end]) { end += 1 }
        }
        var hasExponent = false
        if end < bytes.count && (bytes[end] | 0x20) == 0x65 {
            var probe = end + 1
            if probe < bytes.count && (bytes[probe] == 0x2B || bytes[probe] == 0x2D) { probe += 1 }
            if probe < bytes.count && isDigit(bytes[probe]) {
                while probe < bytes.count && isDigit(bytes[probe]) { probe += 1 }
                hasExponent = true
                end = probe
            }
        }
        let digitsEnd = end
        var kind: SQLNumberKind = hasExponent ? .double : (hasDot ? .decimal : .integer)
        let suffix = end < bytes.count ? bytes[end] | 0x20 : 0
        let suffix2 = end + 1 < bytes.count ? bytes[end + 1] | 0x20 : 0
        if suffix == 0x62 && suffix2 == 0x64 {  // BD
            kind = .bigDecimal
            end += 2
        } else if suffix == 0x64 {  // D
            kind = .double
            end += 1
        } else if suffix == 0x66 {  // F
            kind = .float
            end += 1
        } else if !hasDot && !hasExponent && (suffix == 0x6C || suffix == 0x73 || suffix == 0x79) {
            kind = suffix == 0x6C ? .bigint : (suffix == 0x73 ? .smallint : .tinyint)
            end += 1
        }
        if isWordByte(at: end) {
            // Longer than any number: a word, when it has no dot (`1abc`, `10Lx`); otherwise malformed.
            if !hasDot && start < bytes.count && isDigit(bytes[start]) {
                var wordEnd = integerEnd
                while isWordByte(at: wordEnd) { wordEnd += 1 }
                advance(wordEnd - index)
                return SQLToken(kind: .word, text: text(start, wordEnd), start: start, end: wordEnd, position: position)
            }
            var badEnd = end
            while isWordByte(at: badEnd) { badEnd += 1 }
            throw SQLError(.syntax, "Syntax error at or near '\(Self.shorten(text(start, badEnd)))'",
                           errorClass: "PARSE_SYNTAX_ERROR", at: position)
        }
        advance(end - index)
        return SQLToken(kind: .number(kind), text: text(start, digitsEnd), start: start, end: end, position: position)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private func isOctal(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x37 }

    /// Letters, digits, `_` and any non-ASCII character except a no-break space, at byte `offset`.
    private func isWordByte(at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        if byte == 0xC2 && offset + 1 < bytes.count && bytes[offset + 1] == 0xA0 { return false }
        if byte == 0xEF && offset + 2 < bytes.count && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF { return false }
        return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || isDigit(byte) || byte == 0x5F
            || byte >= 0x80
    }

    /// A token text cut to a readable length for messages.
    static func shorten(_ text: String) -> String {
        let limit = 24
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "..."
    }
}
