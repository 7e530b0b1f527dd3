import SparkifyTables

extension TableRenderer {
    /// Box drawing fitted to `width`: numbers right-aligned, NULL shown as `NULL` apart from
    /// the empty string, wide columns cut with `…`, columns that do not fit left out and named.
    func renderBox(_ table: Table) -> String {
        let limit = rowLimit(table)
        let columnCount = table.columns.count
        var cells: [[String]] = []
        var nulls: [[Bool]] = []
        cells.reserveCapacity(limit)
        for r in 0..<limit {
            let texts = (0..<columnCount).map { c in cell(table, row: r, column: c).map(escapeControl) }
            cells.append(texts.map { $0 ?? "NULL" })
            nulls.append(texts.map { $0 == nil })
        }
        let header = table.schema.fields.map(\.name)
        var natural = header.map(DisplayWidth.of)
        for row in cells {
            for (c, text) in row.enumerated() { natural[c] = max(natural[c], DisplayWidth.of(text)) }
        }
        let (shown, widths) = fitColumns(natural: natural, headers: header, types: table.schema.fields.map(\.type))

        let rightAligned = table.schema.fields.map { $0.type.isNumeric }
        func rule(_ left: String, _ mid: String, _ right: String) -> String {
            left + shown.map { String(repeating: "─", count: widths[$0] + 2) }.joined(separator: mid) + right + "\n"
        }
        func line(_ texts: [String], alignRight: Bool, styled: (Int, String) -> String) -> String {
            "│" + shown.map { c in
                let text = DisplayWidth.truncate(texts[c], to: widths[c])
                let pad = String(repeating: " ", count: widths[c] - DisplayWidth.of(text))
                return " " + (alignRight && rightAligned[c] ? pad + styled(c, text) : styled(c, text) + pad) + " "
            }.joined(separator: "│") + "│\n"
        }
        var out = rule("┌", "┬", "┐") + line(header, alignRight: false) { style.bold($1) } + rule("├", "┼", "┤")
        for (r, row) in cells.enumerated() {
            out += line(row, alignRight: true) { c, text in nulls[r][c] ? style.dim(text) : text }
        }
        out += rule("└", "┴", "┘")
        if table.rowCount > limit {
            let more = table.rowCount - limit
            out += "… \(more) more \(more == 1 ? "row" : "rows") (\(table.rowCount) in all)\n"
        }
        if shown.count < columnCount {
            let hidden = (0..<columnCount).filter { !shown.contains($0) }.map { header[$0] }
            out += "(\(hidden.count) \(hidden.count == 1 ? "column" : "columns") hidden to fit the width: \(hidden.joined(separator: ", ")))\n"
        }
        return out
    }

    /// Which columns fit in `width`, and how wide each is drawn. Wide text columns shrink first
    /// (never below ten characters or their header); numbers, dates and times are never cut, as
    /// a cut one would mislead. Columns that still do not fit are left out, from the right.
    private func fitColumns(natural: [Int], headers: [String], types: [DataType]) -> (shown: [Int], widths: [Int]) {
        var widths = natural
        let minimum = zip(headers, types).enumerated().map { c, pair -> Int in
            let (name, type) = pair
            switch type {
            case .string, .array, .structure: return min(natural[c], max(min(DisplayWidth.of(name), 12), 10))
            default: return natural[c]
            }
        }
        func total(_ columns: [Int]) -> Int { columns.reduce(1) { $0 + widths[$1] + 3 } }
        var shown = Array(widths.indices)
        while total(shown) > width {
            let widest = shown.max { widths[$0] - minimum[$0] < widths[$1] - minimum[$1] }
            if let widest, widths[widest] > minimum[widest] {
                widths[widest] -= 1
            } else if shown.count > 1 {
                shown.removeLast()
            } else {
                widths[shown[0]] = max(1, width - 4)
                break
            }
        }
        return (shown, widths)
    }

    private func escapeControl(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 }) else { return text }
        return text.replacingControlCharacters()
    }
}

extension String {
    /// Tabs and newlines as `\t` and `\n`, so one value stays on one line.
    func replacingControlCharacters() -> String {
        var out = ""
        for ch in unicodeScalars {
            switch ch {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
