/// Tab completion that knows where the cursor is: a pure function of the text typed so far
/// and the names the session has.
///
/// - the first word of a line that starts with `.`: dot commands;
/// - a dot command's argument: cell names (`.run`, `.edit`), tables (`.show`, `.schema`,
///   `.describe`), fixed choices (`.mode`, `.timer`, `.keys`), paths (`.open`, `.data`,
///   `.read`, `.record`, `.save`);
/// - after `.chart KIND`: what SQL offers (tables first at the start);
/// - inside quotes or backquotes: file paths;
/// - after FROM, JOIN, TABLE, INTO: tables;
/// - after `name.`: the columns of that table or alias;
/// - elsewhere: the columns of the tables the statement names, then keywords, functions, tables.
public struct Completer: Sendable {
    public var context: CompletionContext

    public init(context: CompletionContext) {
        self.context = context
    }

    /// What to offer at the end of `textBeforeCursor`. `pending` is the earlier lines of an
    /// unfinished statement (empty at a fresh prompt); `textAfterCursor` is the rest of the
    /// line, used to find the tables a statement names.
    public func complete(pending: String = "", textBeforeCursor: String, textAfterCursor: String = "") -> Completion {
        let trimmed = textBeforeCursor.drop { $0 == " " || $0 == "\t" }
        if pending.allSatisfy(\.isWhitespace) && trimmed.hasPrefix(".") {
            return completeCommand(String(trimmed))
        }
        return completeSQL(before: pending + textBeforeCursor, after: textAfterCursor)
    }

    // MARK: Dot commands

    private func completeCommand(_ text: String) -> Completion {
        guard let space = text.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            return Completion(prefix: text, candidates: matching(context.commands, text, caseSensitive: true))
        }
        let command = String(text[..<space]).lowercased()
        let argument = text[space...].drop { $0 == " " || $0 == "\t" }
        if command == ".chart", let space = argument.firstIndex(where: { $0 == " " || $0 == "\t" }) {
            // After the chart's kind: a table's name or a query.
            return completeSQL(before: String(argument[space...].dropFirst()), after: "")
        }
        if argument.contains(" ") { return Completion(prefix: "", candidates: []) }
        let word = String(argument)
        switch command {
        case ".run":
            return Completion(prefix: word, candidates: matching(context.cellNames + ["all"], word))
        case ".edit":
            return Completion(prefix: word, candidates: matching(context.cellNames, word))
        case ".show", ".schema", ".describe":
            return Completion(prefix: word, candidates: matching(context.tables.map(\.name), word))
        case ".help":
            let names = context.commands.map { String($0.dropFirst()) }
            let bare = word.hasPrefix(".") ? String(word.dropFirst()) : word
            let found = matching(names, bare, caseSensitive: true)
            return Completion(prefix: word, candidates: word.hasPrefix(".") ? found.map { "." + $0 } : found)
        case ".open", ".data", ".read", ".record", ".save":
            return completePath(word, directoriesOnly: command == ".data")
        default:
            let choices = context.argumentChoices[command] ?? []
            return Completion(prefix: word, candidates: matching(choices, word))
        }
    }

    // MARK: SQL

    private func completeSQL(before: String, after: String) -> Completion {
        let scan = SQLWordScanner(before)
        if scan.openQuote != nil {
            return completePath(scan.openQuoteText, directoriesOnly: false)
        }
        // The word being typed, maybe qualified: `sp.art`.
        var word = ""
        for c in before.reversed() {
            guard SQLWordScanner.isWordCharacter(c) || c == "." else { break }
            word.insert(c, at: word.startIndex)
        }
        let statement = SQLWordScanner(before + after)
        let aliases = tableAliases(statement.tokens)

        if let dot = word.lastIndex(of: ".") {
            let qualifier = String(word[..<dot])
            let partial = String(word[word.index(after: dot)...])
            let table = aliases[qualifier.lowercased()] ?? qualifier
            guard let columns = context.columns(of: table) else {
                return Completion(prefix: partial, candidates: [])
            }
            return Completion(prefix: partial, candidates: matching(columns, partial))
        }

        var tokensBefore = scan.tokens
        if !word.isEmpty, case .word = tokensBefore.last { tokensBefore.removeLast() }
        if case let .word(previous)? = tokensBefore.last,
           ["FROM", "JOIN", "TABLE", "INTO", "UPDATE", "DESCRIBE", "DESC"].contains(previous.uppercased()) {
            return Completion(prefix: word, candidates: matching(context.tables.map(\.name), word))
        }

        var columns: [String] = []
        for table in Set(aliases.values) {
            columns += context.columns(of: table) ?? []
        }
        let lower = word.first.map { $0.isLowercase } ?? false
        let keywords = context.keywords.map { lower ? $0.lowercased() : $0 }
        let functions = context.functions.map { $0 + "(" }
        let candidates = matching(columns, word) + matching(keywords, word)
            + matching(functions, word) + matching(context.tables.map(\.name), word)
        var seen = Set<String>()
        return Completion(prefix: word, candidates: candidates.filter { seen.insert($0).inserted })
    }

    /// The tables the statement names, by their alias and by their own name (lower case).
    private func tableAliases(_ tokens: [SQLWordScanner.Token]) -> [String: String] {
        var aliases: [String: String] = [:]
        for (i, token) in tokens.enumerated() {
            guard case let .word(name) = token, context.columns(of: name) != nil else { continue }
            aliases[name.lowercased()] = name
            var next = i + 1
            if next < tokens.count, case let .word(w) = tokens[next], w.uppercased() == "AS" { next += 1 }
            if next < tokens.count, case let .word(alias) = tokens[next], !SQLWordScannerKeywords.ends(alias) {
                aliases[alias.lowercased()] = name
            }
        }
        return aliases
    }

    // MARK: Paths

    private func completePath(_ typed: String, directoriesOnly: Bool) -> Completion {
        let directory: String
        let partial: String
        if let slash = typed.lastIndex(of: "/") {
            directory = String(typed[...slash])
            partial = String(typed[typed.index(after: slash)...])
        } else {
            directory = ""
            partial = typed
        }
        let entries = context.listDirectory(directory)
            .filter { $0.hasPrefix(partial) && (!directoriesOnly || $0.hasSuffix("/")) }
            .filter { !$0.hasPrefix(".") || partial.hasPrefix(".") }
            .sorted()
        return Completion(prefix: typed, candidates: entries.map { directory + $0 }, isPath: true)
    }

    /// `names` that start with `prefix` (ignoring case unless `caseSensitive`), sorted.
    private func matching(_ names: [String], _ prefix: String, caseSensitive: Bool = false) -> [String] {
        if caseSensitive { return names.filter { $0.hasPrefix(prefix) }.sorted() }
        let lower = prefix.lowercased()
        return names.filter { $0.lowercased().hasPrefix(lower) }.sorted()
    }
}

/// Words after a table name that start a clause rather than name an alias.
enum SQLWordScannerKeywords {
    static let clauseWords: Set<String> = [
        "WHERE", "JOIN", "LEFT", "RIGHT", "FULL", "INNER", "OUTER", "CROSS", "ON", "GROUP", "ORDER", "LIMIT",
        "HAVING", "UNION", "EXCEPT", "INTERSECT", "USING", "NATURAL", "SEMI", "ANTI", "WINDOW", "AS", "SELECT",
    ]

    static func ends(_ word: String) -> Bool { clauseWords.contains(word.uppercased()) }
}
