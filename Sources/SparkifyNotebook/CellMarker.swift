/// One `-- %%` line of the percent format (Jupytext, VS Code, Spyder), taken apart.
///
/// Jupytext's form is `-- %% Optional title [cell type] key="value"`: the cell type is
/// `[markdown]` (or `[md]`) for prose and `[raw]` for raw text, and is left out for code cells;
/// `key=value` metadata follows the title. A line is a marker when, after optional blank space,
/// it is `--`, optional blank space, `%%` (or `%%%`... for sub-cells), then blank space or the end
/// of the line: `-- %%magic` is an ordinary comment, as in Jupytext.
struct CellMarker: Equatable {
    enum CellType: Equatable {
        case code
        case markdown
        case raw
    }

    var type: CellType
    /// The title: a SQL cell's name, or a prose cell's heading; empty when none.
    var title: String
    /// `key=value` pairs after the title, values as written (`"x"`, `true`, `["a", "b"]`).
    var metadata: [String: String]

    /// Why a line that is a marker cannot be used.
    struct Problem: Error {
        var message: String
    }

    /// The marker on `line`, nil when the line is not a marker.
    static func parse(_ line: Substring) throws(Problem) -> CellMarker? {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("--") else { return nil }
        rest = rest.dropFirst(2).drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("%%") else { return nil }
        rest = rest.drop { $0 == "%" }
        if rest.last == "\r" { rest = rest.dropLast() }
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return try parseOptions(String(rest))
    }

    /// Reads the title, the `[cell type]` and the `key=value` metadata, in any order Jupytext
    /// accepts (the title may stand on both sides of the type).
    private static func parseOptions(_ options: String) throws(Problem) -> CellMarker {
        let characters = Array(options)
        var type = CellType.code
        var sawType = false
        var words: [String] = []
        var metadata: [String: String] = [:]
        var index = 0
        while index < characters.count {
            while index < characters.count && isBlank(characters[index]) { index += 1 }
            guard index < characters.count else { break }
            if characters[index] == "[" {
                guard let close = characters[index...].firstIndex(of: "]") else {
                    throw Problem(message: "the cell type starting with '[' has no closing ']'")
                }
                let name = String(characters[(index + 1)..<close]).trimmingCharacters(in: " \t").lowercased()
                switch name {
                case "markdown", "md": type = .markdown
                case "raw": type = .raw
                default:
                    throw Problem(message: "unknown cell type [\(name)]: use [markdown] (or [md]) for prose, [raw] for raw text, and no brackets for a SQL cell")
                }
                if sawType { throw Problem(message: "a marker takes one cell type") }
                sawType = true
                index = close + 1
                continue
            }
            var end = index
            while end < characters.count && !isBlank(characters[end]) && characters[end] != "=" { end += 1 }
            let word = String(characters[index..<end])
            if end < characters.count && characters[end] == "=" && isKey(word) {
                let valueEnd = try valueEnd(characters, from: end + 1)
                metadata[word] = String(characters[(end + 1)..<valueEnd])
                index = valueEnd
                continue
            }
            if !metadata.isEmpty {
                throw Problem(message: "'\(word)' follows the metadata; the title comes before key=value pairs")
            }
            while end < characters.count && !isBlank(characters[end]) { end += 1 }
            words.append(String(characters[index..<end]))
            index = end
        }
        return CellMarker(type: type, title: words.joined(separator: " "), metadata: metadata)
    }

    private static func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" }

    private static func isKey(_ word: String) -> Bool {
        guard let first = word.first, first.isLetter || first == "_" else { return false }
        return word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
    }

    /// Where a metadata value starting at `start` ends: after a quoted string, after a bracketed
    /// list or object (quotes inside respected), or at the blank after a bare word.
    private static func valueEnd(_ characters: [Character], from start: Int) throws(Problem) -> Int {
        var index = start
        var depth = 0
        var quote: Character?
        while index < characters.count {
            let character = characters[index]
            index += 1
            if let open = quote {
                if character == "\\" { index += 1 } else if character == open { quote = nil }
                if quote == nil && depth == 0 { return index }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "[" || character == "{" {
                depth += 1
            } else if character == "]" || character == "}" {
                depth -= 1
                if depth == 0 { return index }
            } else if isBlank(character) && depth == 0 {
                return index - 1
            }
        }
        if quote != nil || depth > 0 {
            throw Problem(message: "the metadata value '\(String(characters[start...]))' is not closed")
        }
        return characters.count
    }

    /// The strings of a `tags=["a", "b"]` value.
    static func tags(_ value: String) -> [String] {
        var tags: [String] = []
        var current: String?
        var escaped = false
        for character in value {
            if var text = current {
                if escaped {
                    text.append(character)
                    escaped = false
                    current = text
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    tags.append(text)
                    current = nil
                } else {
                    text.append(character)
                    current = text
                }
            } else if character == "\"" {
                current = ""
            }
        }
        return tags
    }
}

extension StringProtocol {
    /// The text without the given characters at either end.
    func trimmingCharacters(in set: String) -> String {
        let trimmed = drop { set.contains($0) }
        return String(trimmed.reversed().drop { set.contains($0) }.reversed())
    }
}
