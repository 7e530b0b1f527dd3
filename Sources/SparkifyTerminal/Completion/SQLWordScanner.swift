/// A forgiving scan of (possibly unfinished) SQL for completion: words and symbols outside
/// strings and comments, and whether the text ends inside a quote.
struct SQLWordScanner {
    enum Token: Equatable {
        case word(String)
        case quoted(String)
        case symbol(Character)
    }

    /// The tokens of `text`, except a trailing unfinished one.
    private(set) var tokens: [Token] = []
    /// The quote character the text ends inside (`'`, `"` or `` ` ``), if any.
    private(set) var openQuote: Character?
    /// The text after the open quote, when `openQuote` is set.
    private(set) var openQuoteText = ""

    init(_ text: String) {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "-" && i + 1 < chars.count && chars[i + 1] == "-" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
            } else if c == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
                i += 2
                while i + 1 < chars.count && !(chars[i] == "*" && chars[i + 1] == "/") { i += 1 }
                i += 2
            } else if c == "'" || c == "\"" || c == "`" {
                var j = i + 1
                var body = ""
                var closed = false
                while j < chars.count {
                    if chars[j] == "\\" && c != "`" && j + 1 < chars.count {
                        body.append(chars[j + 1])
                        j += 2
                        continue
                    }
                    if chars[j] == c {
                        closed = true
                        break
                    }
                    body.append(chars[j])
                    j += 1
                }
                if closed {
                    tokens.append(c == "`" ? .word(body) : .quoted(body))
                    i = j + 1
                } else {
                    openQuote = c
                    openQuoteText = body
                    i = chars.count
                }
            } else if Self.isWordCharacter(c) {
                var word = ""
                while i < chars.count && Self.isWordCharacter(chars[i]) {
                    word.append(chars[i])
                    i += 1
                }
                tokens.append(.word(word))
            } else {
                if !c.isWhitespace { tokens.append(.symbol(c)) }
                i += 1
            }
        }
    }

    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "$"
    }
}
