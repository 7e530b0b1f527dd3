import SparkifyNotebook
import SparkifySQL
import Testing

@Suite("Notebook parser")
struct NotebookParserTests {
    static let sample = """
        -- The preamble: a comment, then the set-up.
        SET spark.sql.session.timeZone=UTC;

        -- %% [markdown] Songs
        -- Songs come from one JSON file per song.
        --
        -- They are read once.

        -- %% songs
        CREATE OR REPLACE TEMP VIEW songs AS
          SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, title);

        -- %% titles tags=["analysis", "small"] owner="me"
        -- a comment inside SQL stays SQL
        CREATE OR REPLACE TEMP VIEW titles AS SELECT title FROM songs;
        SELECT count(*) FROM titles;

        """

    @Test("cells come in file order with kind, name, title and line ranges")
    func cellsAndLines() throws {
        let notebook = try Notebook(text: Self.sample, file: "nb.sql")
        #expect(notebook.cells.map(\.kind) == [.sql, .markdown, .sql, .sql])
        #expect(notebook.cells.map(\.name) == ["setup", nil, "songs", "titles"])
        let setup = notebook.cells[0]
        #expect(setup.isPreamble)
        #expect(setup.markerLine == nil)
        #expect(setup.lines == 1...2)
        let prose = notebook.cells[1]
        #expect(prose.title == "Songs")
        #expect(prose.markerLine == 4)
        #expect(prose.lines == 4...7)
        #expect(prose.prose == "Songs come from one JSON file per song.\n\nThey are read once.")
        let songs = notebook.cells[2]
        #expect(songs.markerLine == 9)
        #expect(songs.lines == 9...11)
        #expect(songs.bodyLines == 10..<12)
        #expect(songs.statements.count == 1)
        #expect(songs.statements[0].start == SourcePosition(line: 10, column: 1))
        let titles = notebook.cells[3]
        // The statement starts at its first code, after the comment.
        #expect(titles.statements.map(\.start.line) == [15, 16])
        #expect(titles.tags == ["analysis", "small"])
        #expect(titles.metadata["owner"] == "\"me\"")
        #expect(notebook.sqlCells.compactMap(\.name) == ["setup", "songs", "titles"])
    }

    @Test("a preamble of comments alone is prose, not a set-up cell")
    func commentPreamble() throws {
        let notebook = try Notebook(text: "-- Just a title\n-- and a line\n\n-- %% a\nSELECT 1;\n")
        #expect(notebook.cells.count == 2)
        #expect(notebook.cells[0].isPreamble && notebook.cells[0].kind == .markdown)
        #expect(notebook.cells[0].prose == "Just a title\nand a line")
        #expect(notebook.sqlCells.compactMap(\.name) == ["a"])
    }

    @Test("marker forms Jupytext accepts: no space after --, sub-cells, [md], [raw], title after the type")
    func markerForms() throws {
        let text = "--%% a\nSELECT 1;\n-- %%% b\nSELECT 2;\n  -- %% [md]\n-- prose\n-- %% [raw] Notes\n-- raw text\n-- %% [markdown] The end\n"
        let notebook = try Notebook(text: text)
        #expect(notebook.cells.map(\.kind) == [.sql, .sql, .markdown, .raw, .markdown])
        #expect(notebook.cells.map(\.name) == ["a", "b", nil, nil, nil])
        #expect(notebook.cells[3].title == "Notes")
        #expect(notebook.cells[4].title == "The end")
    }

    @Test("metadata values may hold blanks in quotes and brackets; a title word after metadata is an error")
    func metadata() throws {
        let notebook = try Notebook(text: "-- %% a note=\"two words\" tags=[\"x\", \"y z\"] n=1\nSELECT 1;\n")
        let cell = try #require(notebook.cell(named: "a"))
        #expect(cell.metadata == ["note": "\"two words\"", "tags": "[\"x\", \"y z\"]", "n": "1"])
        #expect(cell.tags == ["x", "y z"])
        #expect(throws: NotebookError(file: "m.sql", line: 1, "malformed cell marker: 'b' follows the metadata; the title comes before key=value pairs")) {
            try Notebook(text: "-- %% a n=1 b\nSELECT 1;\n", file: "m.sql")
        }
    }

    @Test("`-- %%magic` and `-- %` are comments, not markers")
    func notMarkers() throws {
        let notebook = try Notebook(text: "-- %% a\n-- %%magic\nSELECT 1; -- %% not at the start\n-- % one percent\n")
        #expect(notebook.cells.count == 1)
        #expect(notebook.cells[0].lines == 1...4)
    }

    @Test("the text round-trips exactly, CRLF and missing final newline included")
    func roundTrip() throws {
        for text in [Self.sample, "-- %% a\r\nSELECT 1;\r\n\r\n-- %% b\r\nSELECT 2;", "", "\n\n", "SELECT 1;"] {
            let notebook = try Notebook(text: text)
            #expect(notebook.text == text)
        }
        let crlf = try Notebook(text: "-- %% a\r\nSELECT 1;\r\n-- %% b\r\nSELECT 2;\r\n")
        #expect(crlf.cells.compactMap(\.name) == ["a", "b"])
        #expect(crlf.cells[0].lines == 1...2)
        let edited = try crlf.replacingCell(named: "a", with: "SELECT 3;\r")
        #expect(edited.text == "-- %% a\r\nSELECT 3;\r\n-- %% b\r\nSELECT 2;\r\n")
    }

    @Test("replacingCell changes only that cell's lines and keeps the gap before the next")
    func replacingCell() throws {
        let notebook = try Notebook(text: Self.sample, file: "nb.sql")
        let edited = try notebook.replacingCell(named: "SONGS", with: "CREATE OR REPLACE TEMP VIEW songs AS SELECT 1 AS id;\n\n\n")
        let expected = Self.sample.replacingOccurrences(
            of: "CREATE OR REPLACE TEMP VIEW songs AS\n  SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, title);",
            with: "CREATE OR REPLACE TEMP VIEW songs AS SELECT 1 AS id;")
        #expect(edited.text == expected)
        #expect(edited.cell(named: "titles")?.markerLine == 12)
        #expect(edited.cell(named: "titles")?.statements[0].start.line == 14)
        let setup = try notebook.replacingCell(named: "setup", with: "SET a=1;\nSET b=2;")
        #expect(setup.text.hasPrefix("SET a=1;\nSET b=2;\n\n-- %% [markdown] Songs"))
    }

    @Test("replacing the text of an empty cell keeps a blank line before the next marker")
    func replacingEmptyCell() throws {
        let notebook = try Notebook(text: "-- %% a\n-- %% b\nSELECT 2;\n")
        #expect(notebook.cells[0].source == "")
        let edited = try notebook.replacingCell(named: "a", with: "SELECT 1;")
        #expect(edited.text == "-- %% a\nSELECT 1;\n\n-- %% b\nSELECT 2;\n")
    }

    @Test("replacingCell refuses unknown cells and text holding a marker, naming them")
    func replacingRefusals() throws {
        let notebook = try Notebook(text: Self.sample, file: "nb.sql")
        #expect(throws: NotebookError.self) { try notebook.replacingCell(named: "song", with: "SELECT 1;") }
        do {
            _ = try notebook.replacingCell(named: "song", with: "SELECT 1;")
        } catch {
            #expect(error.description.contains("no cell named song; did you mean songs?"))
        }
        do {
            _ = try notebook.replacingCell(named: "songs", with: "SELECT 1;\n-- %% sneaky\nSELECT 2;")
            Issue.record("a marker in the new text was accepted")
        } catch {
            #expect(error.message.contains("cell marker on its line 2"))
        }
    }

    @Test("malformed notebooks fail with file:line and what to do", arguments: [
        ("-- %% a\nSELECT 1;\n-- %% A\nSELECT 2;\n", 3, "a second cell named A"),
        ("SET x=1;\n-- %% setup\nSELECT 1;\n", 2, "the set-up cell"),
        ("-- %% a\nSELECT 1;\n-- %%\nSELECT 2;\n", 3, "has no name"),
        ("-- %%   \nSELECT 2;\n", 1, "has no name"),
        ("-- %% load songs\nSELECT 1;\n", 1, "not one word"),
        ("-- %% a [sql]\nSELECT 1;\n", 1, "unknown cell type [sql]"),
        ("-- %% [markdown\n-- x\n", 1, "no closing ']'"),
        ("-- %% a tags=[\"x\"\nSELECT 1;\n", 1, "not closed"),
        ("-- %% [markdown]\n-- fine\nSELECT 1;\n", 3, "not a `--` comment"),
    ])
    func malformed(text: String, line: Int, message: String) {
        do {
            _ = try Notebook(text: text, file: "bad.sql")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.file == "bad.sql")
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("bad.sql:\(line): "))
        }
    }

    @Test("loading a missing file is an error naming it")
    func missingFile() {
        #expect(throws: NotebookError(file: "/no/such/notebook.sql", line: nil, "cannot read the notebook (no such file, or not readable)")) {
            try Notebook.load(path: "/no/such/notebook.sql")
        }
    }
}
