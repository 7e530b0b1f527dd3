import SparkifyTables

/// The columns a name in an expression can refer to: the output of a `FROM` clause, with the
/// qualifiers (table names or aliases) they can be named by.
struct BindScope {
    struct Entry {
        var column: PlanColumn
        /// Columns merged by `JOIN ... USING` keep their other side here: resolvable only
        /// when qualified, and left out of `*`.
        var hidden: Bool = false
    }

    var entries: [Entry]

    init(_ columns: [PlanColumn]) {
        entries = columns.map { Entry(column: $0) }
    }

    init(entries: [Entry]) {
        self.entries = entries
    }

    static let empty = BindScope([])

    var visibleColumns: [PlanColumn] { entries.filter { !$0.hidden }.map(\.column) }

    /// The column `parts` names (`name` or `qualifier.name`), or nil when none does.
    /// Throws when the name is ambiguous.
    func resolve(_ parts: [String], at position: SourcePosition) throws(SQLError) -> PlanColumn? {
        guard let name = parts.last else { return nil }
        let qualifier = parts.count >= 2 ? parts[parts.count - 2] : nil
        let matches = entries.filter { entry in
            guard entry.column.name.caseInsensitiveEquals(name) else { return false }
            if let qualifier { return entry.column.qualifier?.caseInsensitiveEquals(qualifier) == true }
            return !entry.hidden
        }
        var unique: [PlanColumn] = []
        for match in matches where !unique.contains(where: { $0.id == match.column.id }) { unique.append(match.column) }
        if unique.count > 1 {
            let names = unique.map { "`\($0.qualifier.map { "\($0)." } ?? "")\($0.name)`" }.joined(separator: ", ")
            throw SQLError(.analysis, "Reference `\(parts.joined(separator: "."))` is ambiguous, could be: [\(names)].",
                           errorClass: "AMBIGUOUS_REFERENCE", at: position)
        }
        return unique.first
    }

    /// The columns of `*` (all visible) or `t.*` (those qualified by `t`).
    func star(qualifier: [String], at position: SourcePosition) throws(SQLError) -> [PlanColumn] {
        guard let q = qualifier.last else { return visibleColumns }
        let columns = entries.filter { $0.column.qualifier?.caseInsensitiveEquals(q) == true }.map(\.column)
        if columns.isEmpty {
            let known = Set(entries.compactMap(\.column.qualifier)).sorted()
            throw SQLError(.analysis, "Cannot resolve `\(qualifier.joined(separator: "."))`.* given input tables: [\(known.joined(separator: ", "))].",
                           errorClass: "CANNOT_RESOLVE_STAR_EXPAND", at: position)
        }
        return columns
    }

    /// The error for a name that resolves to nothing, with the nearest names as suggestions.
    func unresolved(_ parts: [String], at position: SourcePosition) -> SQLError {
        let candidates = visibleColumns.map { c in c.qualifier.map { "\($0).\(c.name)" } ?? c.name }
        let target = parts.joined(separator: ".")
        let suggestions = NameSuggestions.nearest(to: target, among: candidates, limit: 5)
        var message = "A column or function parameter with name `\(target)` cannot be resolved."
        if !suggestions.isEmpty {
            let quoted = suggestions.map { $0.split(separator: ".").map { "`\($0)`" }.joined(separator: ".") }
            message += " Did you mean one of the following? [" + quoted.joined(separator: ", ") + "]."
        }
        return SQLError(.analysis, message, errorClass: suggestions.isEmpty ? "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION" : "UNRESOLVED_COLUMN.WITH_SUGGESTION", at: position)
    }

    /// Every column re-qualified by `alias` (a subquery or table alias).
    func requalified(_ alias: String?) -> BindScope {
        BindScope(entries: entries.map { entry in
            var e = entry
            e.column.qualifier = alias
            return e
        })
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        self == other || lowercased() == other.lowercased()
    }
}
