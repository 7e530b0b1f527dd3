/// Python source text: string literals and comments.
enum PythonText {
    /// `text` as a Python string literal: a raw triple-quoted string with `text` on lines of its
    /// own (`r"""\n...\n"""`), so SQL reads as written; an escaped one when `text` holds `"""`.
    static func blockLiteral(_ text: String) -> String {
        if !text.contains("\"\"\"") { return "r\"\"\"\n" + text + "\n\"\"\"" }
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            default: escaped.append(character)
            }
        }
        return "\"\"\"\n" + escaped + "\n\"\"\""
    }

    /// `text` as a one-line Python string literal in double quotes.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A one-line docstring `"""text"""`; a plain literal when `text` holds quotes, backslashes
    /// or line breaks.
    static func docstring(_ text: String) -> String {
        if text.contains(where: { $0 == "\"" || $0 == "\\" || $0.isNewline }) { return literal(text) }
        return "\"\"\"" + text + "\"\"\""
    }

    /// Each line of `text` as a `# ` comment (a bare `#` for blank lines), indented by `indent`.
    static func comment(_ text: String, indent: String = "") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line[...]
            return trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) ? indent + "#" : indent + "# " + trimmed
        }.joined(separator: "\n")
    }

    /// A Python identifier for the cell called `name`: `cell_` and the name, so that cells called
    /// `time` or `run` do not shadow modules and helpers.
    static func functionName(forCell name: String) -> String { "cell_" + name }
}
