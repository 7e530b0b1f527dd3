import SparkifyTables

extension TableRenderer {
    /// RFC 4180 CSV: a header line, fields quoted when they hold a comma, quote or line break;
    /// NULL as an empty field.
    func renderCSV(_ table: Table) -> String {
        func quote(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s
        }
        var out = table.schema.names.map(quote).joined(separator: ",") + "\n"
        for r in 0..<rowLimit(table) {
            out += (0..<table.columns.count).map { quote(cell(table, row: r, column: $0) ?? "") }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// JSON Lines, one object per row as Spark's `toJSON` writes it: NULL fields left out.
    func renderJSON(_ table: Table) -> String {
        var out = ""
        for r in 0..<rowLimit(table) {
            var fields: [String] = []
            for (c, field) in table.schema.fields.enumerated() {
                let value = table.columns[c].value(at: r)
                let text: String
                switch value {
                case .null: continue
                case let .boolean(b): text = b ? "true" : "false"
                case .int, .bigint, .double, .decimal: text = ValueFormatter.sparkString(value) ?? "null"
                case let .json(raw): text = raw
                default: text = JSONText.quoted(cell(table, row: r, column: c) ?? "")
                }
                fields.append(JSONText.quoted(field.name) + ":" + text)
            }
            out += "{" + fields.joined(separator: ",") + "}\n"
        }
        return out
    }

    /// A GitHub-flavoured Markdown table; `|` in values escaped.
    func renderMarkdown(_ table: Table) -> String {
        func escape(_ s: String) -> String { s.replacingAll("|", with: "\\|").replacingControlCharacters() }
        let numeric = table.schema.fields.map { $0.type.isNumeric }
        var out = "| " + table.schema.names.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for r in 0..<rowLimit(table) {
            out += "| " + (0..<table.columns.count).map { escape(cell(table, row: r, column: $0) ?? "NULL") }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
