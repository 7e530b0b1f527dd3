/// Helpers that print names and literals back as SQL the parser reads again.
public enum SQLText {
    /// A name as SQL: plain when it is a simple identifier that is not reserved, otherwise
    /// backquoted with inner backquotes doubled (`` `song-plays` ``, `` `from` ``).
    public static func identifier(_ name: String) -> String {
        if isPlainIdentifier(name) && !SQLKeywords.isReserved(name) { return name }
        return backquoted(name)
    }

    /// `name` in backquotes, inner backquotes doubled.
    public static func backquoted(_ name: String) -> String {
        var text = "`"
        for character in name {
            text.append(character)
            if character == "`" { text.append("`") }
        }
        return text + "`"
    }

    /// A string literal in single quotes, with `\` and `'` and control characters escaped so that
    /// the lexer reads back exactly `value`.
    public static func stringLiteral(_ value: String) -> String {
        var text = "'"
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": text += "\\\\"
            case "'": text += "\\'"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "'"
    }

    /// True when `name` is `[A-Za-z_][A-Za-z0-9_]*`.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLetterOrUnderscore(first) else { return false }
        return name.utf8.allSatisfy { isLetterOrUnderscore($0) || ($0 >= 48 && $0 <= 57) }
    }

    private static func isLetterOrUnderscore(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
    }

    /// A list printed as `a, b, c`.
    static func list<T>(_ items: [T], _ render: (T) -> String) -> String {
        items.map(render).joined(separator: ", ")
    }

    /// `OPTIONS (key 'value', ...)` contents.
    static func options(_ options: [ASTOption]) -> String {
        list(options) { option in
            let keyParts = option.key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let key = keyParts.allSatisfy({ isPlainIdentifier($0) && !SQLKeywords.isReserved($0) })
                ? option.key : stringLiteral(option.key)
            return key + " " + stringLiteral(option.value)
        }
    }
}
