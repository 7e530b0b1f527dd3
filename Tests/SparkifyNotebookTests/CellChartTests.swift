import SparkifyNotebook
import Testing

/// A cell's `chart=` metadata: what it declares, and a located error for what it cannot read.
@Suite struct CellChartTests {
    func cells(_ text: String) throws -> [NotebookCell] {
        try Notebook(text: text, file: "nb.sql").sqlCells
    }

    @Test func aCellDeclaresOneChartOrSeveral() throws {
        let cells = try cells("""
            -- %% a tags=["analysis"] chart="bar"
            SELECT 1 AS k, 2 AS v;
            -- %% b chart=["share os plays --title 'Plays by OS'", "hbar browser plays --top 3"]
            SELECT 'x' AS os, 'y' AS browser, 1 AS plays;
            -- %% c chart=hbar
            SELECT 1 AS k, 2 AS v;
            -- %% d
            SELECT 1;
            """)
        #expect(cells[0].charts == [CellChart(kind: .bar)])
        #expect(cells[0].tags == ["analysis"])
        #expect(cells[1].charts == [CellChart(kind: .share, labelColumn: "os", valueColumn: "plays", title: "Plays by OS"),
                                    CellChart(kind: .hbar, labelColumn: "browser", valueColumn: "plays", top: 3)])
        #expect(cells[2].charts == [CellChart(kind: .hbar)])
        #expect(cells[3].charts.isEmpty)
    }

    @Test(arguments: [
        ("chart=\"pie\"", "nb.sql:2: the chart of cell a: unknown chart kind 'pie': use bar, hbar or share"),
        ("chart=\"bar hour\"", "nb.sql:2: the chart of cell a: name two columns (the label, then the value) or none, not 1: hour"),
        ("chart=\"bar --top many\"", "nb.sql:2: the chart of cell a: --top takes a positive number of bars"),
        ("chart=\"bar --title\"", "nb.sql:2: the chart of cell a: --title takes a title, in quotes when it has spaces"),
        ("chart=\"bar --svg x.svg\"", "nb.sql:2: the chart of cell a: unknown option --svg: a cell's chart takes --top N and --title T"),
        ("chart=\"bar --title 'open\"", "nb.sql:2: the chart of cell a: the quote ' is not closed"),
        ("chart=[]", "nb.sql:2: the chart of cell a: chart=[...] lists no charts"),
        ("chart=\"\"", "nb.sql:2: the chart of cell a: the chart is empty"),
    ])
    func aChartThatCannotBeReadNamesTheLine(metadata: String, message: String) {
        #expect {
            _ = try cells("-- set-up\n-- %% a \(metadata)\nSELECT 1 AS k, 2 AS v;\n")
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }
}
