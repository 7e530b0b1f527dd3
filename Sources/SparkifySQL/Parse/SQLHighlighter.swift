/// A piece of SQL text classified for colouring in the REPL or the notebook.
public struct SQLHighlightToken: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case keyword, identifier, quotedIdentifier, string, number, comment, symbol
        /// `${name}`: a variable that substitution will replace.
        case variable
    }

    public var kind: Kind
    /// UTF-8 byte offsets into the text: `utf8Range.lowerBound..<utf8Range.upperBound`.
    public var utf8Range: Range<Int>

    public init(kind: Kind, utf8Range: Range<Int>) {
        self.kind = kind
        self.utf8Range = utf8Range
    }
}

/// Classifies SQL text for syntax colouring. Unlike the parser it never fails: an unterminated
/// string or comment runs to the end of the text, anything unknown is a symbol. Blank space is
/// not returned.
public enum SQLHighlighter {
    private static let keywords = Set(SQLKeywords.all)

    public static func tokens(in text: String) -> [SQLHighlightToken] {
        let bytes = Array(text.utf8)
        var tokens: [SQLHighlightToken] = []
        var index = 0
        func at(_ offset: Int) -> UInt8 { offset < bytes.count ? bytes[offset] : 0 }
        func isWord(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x5F || byte >= 0x80
        }
        while index < bytes.count {
            let start = index
            let byte = bytes[index]
            let kind: SQLHighlightToken.Kind
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                index += 1
                continue
            } else if byte == 0x2D && at(index + 1) == 0x2D {
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
                kind = .comment
            } else if byte == 0x2F && at(index + 1) == 0x2A {
                index = endOfBlockComment(bytes, from: index)
                kind = .comment
            } else if byte == 0x24 && at(index + 1) == 0x7B {
                index += 2
                while index < bytes.count && bytes[index] != 0x7D && bytes[index] != 0x20 && bytes[index] != 0x0A { index += 1 }
                if at(index) == 0x7D { index += 1 }
                kind = .variable
            } else if byte == 0x27 || byte == 0x22 || byte == 0x60 {
                index = endOfQuoted(bytes, from: index)
                kind = byte == 0x60 ? .quotedIdentifier : .string
            } else if byte >= 0x30 && byte <= 0x39 || (byte == 0x2E && at(index + 1) >= 0x30 && at(index + 1) <= 0x39) {
                index += 1
                while index < bytes.count && (isWord(bytes[index]) || bytes[index] == 0x2E
                                              || ((bytes[index] == 0x2B || bytes[index] == 0x2D)
                                                  && (bytes[index - 1] | 0x20) == 0x65)) { index += 1 }
                kind = .number
            } else if isWord(byte) {
                while index < bytes.count && isWord(bytes[index]) { index += 1 }
                let word = String(decoding: bytes[start..<index], as: UTF8.self).uppercased()
                kind = keywords.contains(word) ? .keyword : .identifier
            } else {
                index += 1
                while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
                kind = .symbol
            }
            tokens.append(SQLHighlightToken(kind: kind, utf8Range: start..<index))
        }
        return tokens
    }

    /// Just past the `*/` closing the (nested) comment that starts at `start`, or the end.
    private static func endOfBlockComment(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start + 2
        var depth = 1
        while index < bytes.count && depth > 0 {
            if bytes[index] == 0x2F && index + 1 < bytes.count && bytes[index + 1] == 0x2A {
                depth += 1
                index += 2
            } else if bytes[index] == 0x2A && index + 1 < bytes.count && bytes[index + 1] == 0x2F {
                depth -= 1
                index += 2
            } else {
                index += 1
            }
        }
        return min(index, bytes.count)
    }

    /// Just past the quote closing the string or backquoted name at `start`, or the end.
    private static func endOfQuoted(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = bytes[start]
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == 0x5C && quote != 0x60 {
                index += 2
                continue
            }
            if bytes[index] == quote {
                if quote == 0x60 && index + 1 < bytes.count && bytes[index + 1] == 0x60 {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }
}
