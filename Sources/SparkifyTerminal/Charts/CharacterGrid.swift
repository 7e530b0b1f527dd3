/// Rows of terminal cells to draw into; a wide character takes its cell and the next.
struct CharacterGrid {
    private(set) var cells: [[String]]
    let width: Int

    init(rows: Int, width: Int) {
        self.width = width
        cells = Array(repeating: Array(repeating: " ", count: width), count: rows)
    }

    /// Puts `text` at `row`, `column`; what would pass the right edge is cut.
    mutating func put(_ text: String, row: Int, column: Int) {
        guard row >= 0, row < cells.count else { return }
        var at = column
        for character in text {
            let w = DisplayWidth.of(String(character))
            guard at >= 0, at + w <= width else { return }
            cells[row][at] = String(character)
            if w == 2 { cells[row][at + 1] = "" }
            at += w
        }
    }

    /// True when cells `column..<column+count` of `row` are blank.
    func isBlank(row: Int, column: Int, count: Int) -> Bool {
        guard row >= 0, row < cells.count, column >= 0, column + count <= width else { return false }
        return cells[row][column..<(column + count)].allSatisfy { $0 == " " }
    }

    var lines: [String] { cells.map { $0.joined() } }
}
