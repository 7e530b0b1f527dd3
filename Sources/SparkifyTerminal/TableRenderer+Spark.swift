import SparkifyTables

extension TableRenderer {
    /// Spark's `show(n, truncate = 20)`: right-aligned cells, long values cut to 17 characters
    /// and `...`, `NULL` for NULL, and `only showing top n rows` when rows were left out.
    func renderSpark(_ table: Table) -> String {
        let limit = rowLimit(table)
        let header = table.schema.names.map { sparkTruncate($0) }
        var rows: [[String]] = []
        rows.reserveCapacity(limit)
        for r in 0..<limit {
            rows.append((0..<table.columns.count).map { c in sparkTruncate(cell(table, row: r, column: c) ?? "NULL") })
        }
        var widths = header.map { max(3, DisplayWidth.of($0)) }
        for row in rows {
            for (c, text) in row.enumerated() { widths[c] = max(widths[c], DisplayWidth.of(text)) }
        }
        let separator = "+" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "+") + "+\n"
        func line(_ cells: [String]) -> String {
            "|" + cells.enumerated().map { c, text in
                String(repeating: " ", count: widths[c] - DisplayWidth.of(text)) + text
            }.joined(separator: "|") + "|\n"
        }
        var out = separator + line(header) + separator
        for row in rows { out += line(row) }
        out += separator
        if table.rowCount > limit {
            out += "only showing top \(limit) \(limit == 1 ? "row" : "rows")\n"
        }
        return out
    }

    private func sparkTruncate(_ text: String) -> String {
        text.count > 20 ? String(text.prefix(17)) + "..." : text
    }
}
