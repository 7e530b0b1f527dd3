import SparkifyNotebook
import Testing

@Suite("Notebook dependency graph")
struct NotebookGraphTests {
    static let chain = """
        SET base=/tmp/x;
        -- %% raw_songs
        CREATE OR REPLACE TEMP VIEW raw_songs AS SELECT * FROM json.`${base}/songs/*.json`;
        -- %% songs
        CREATE OR REPLACE TEMP VIEW songs AS
          WITH named AS (SELECT * FROM raw_songs) SELECT * FROM named;
        -- %% artists
        CREATE OR REPLACE TEMP VIEW artist_names AS SELECT 1 AS id;
        CREATE OR REPLACE TEMP VIEW artists AS SELECT * FROM artist_names JOIN raw_songs;
        -- %% report
        SELECT * FROM songs WHERE id IN (SELECT id FROM artists);
        """

    @Test("reads, makes and files per cell; CTEs and the cell's own earlier tables are not inputs")
    func dependencies() throws {
        let graph = try NotebookGraph(notebook: try Notebook(text: Self.chain))
        #expect(graph.dependencies(of: "raw_songs")?.makes == ["raw_songs"])
        #expect(graph.dependencies(of: "raw_songs")?.files == ["/tmp/x/songs/*.json"])
        #expect(graph.dependencies(of: "songs")?.reads == ["raw_songs"])
        #expect(graph.dependencies(of: "artists")?.makes == ["artist_names", "artists"])
        #expect(graph.dependencies(of: "artists")?.reads == ["raw_songs"])
        #expect(graph.dependencies(of: "report")?.reads == ["songs", "artists"])
        #expect(graph.maker(of: "ARTIST_NAMES") == "artists")
    }

    @Test("inputs include the set-up; downstream and closure follow the tables")
    func order() throws {
        let graph = try NotebookGraph(notebook: try Notebook(text: Self.chain))
        #expect(graph.inputs(of: "songs").map(\.cell) == ["setup", "raw_songs"])
        #expect(graph.inputs(of: "songs").map(\.table) == [nil, "raw_songs"])
        #expect(graph.downstream(of: "raw_songs") == ["songs", "artists", "report"])
        #expect(graph.downstream(of: "setup") == ["raw_songs", "songs", "artists", "report"])
        #expect(graph.downstream(of: "report") == [])
        #expect(graph.closure(of: ["report"]) == ["setup", "raw_songs", "songs", "artists", "report"])
        #expect(graph.closure(of: ["artists"]) == ["setup", "raw_songs", "artists"])
    }

    @Test("a cell that reads a table made by a later cell runs after it")
    func laterMaker() throws {
        let text = "-- %% b\nCREATE TEMP VIEW b AS SELECT * FROM a;\n-- %% a\nCREATE TEMP VIEW a AS SELECT 1 AS x;\n"
        let graph = try NotebookGraph(notebook: try Notebook(text: text))
        #expect(graph.closure(of: ["b"]) == ["a", "b"])
    }

    @Test("a cycle of cells is an error naming every cell and table in it")
    func cycle() throws {
        let text = """
            -- %% a
            CREATE TEMP VIEW a AS SELECT * FROM c;
            -- %% b
            CREATE TEMP VIEW b AS SELECT * FROM a;
            -- %% c
            CREATE TEMP VIEW c AS SELECT * FROM b;
            """
        do {
            _ = try NotebookGraph(notebook: try Notebook(text: text, file: "cycle.sql"))
            Issue.record("a cycle was accepted")
        } catch {
            #expect(error.description.hasPrefix("cycle.sql:1: the cells form a cycle"))
            #expect(error.message.contains("a (line 1) reads c, made by c"))
            #expect(error.message.contains("c (line 5) reads b, made by b"))
            #expect(error.message.contains("b (line 3) reads a, made by a"))
        }
    }

    @Test("a cell reading its own table before making it is an error")
    func selfRead() throws {
        let text = "-- %% a\nCREATE OR REPLACE TEMP VIEW a AS SELECT * FROM a;\n"
        #expect(throws: NotebookError(file: "s.sql", line: 1, "the cell a reads a before it makes it; a cell cannot read its own table")) {
            try NotebookGraph(notebook: try Notebook(text: text, file: "s.sql"))
        }
    }

    @Test("the set-up reading a cell's table is a cycle too")
    func setupCycle() throws {
        let text = "CREATE TEMP VIEW s AS SELECT * FROM a;\n-- %% a\nCREATE TEMP VIEW a AS SELECT 1 AS x;\n"
        #expect(throws: NotebookError.self) { try NotebookGraph(notebook: try Notebook(text: text)) }
    }

    @Test("a table made by two cells is an error naming both cells and lines")
    func twoMakers() throws {
        let text = """
            -- %% songs
            CREATE OR REPLACE TEMP VIEW songs AS SELECT 1 AS id;
            -- %% more_songs
            CREATE OR REPLACE TEMP VIEW songs AS SELECT 2 AS id;
            """
        #expect(throws: NotebookError(file: "two.sql", line: 3, "the table songs is made by two cells, songs (line 1) and more_songs (line 3); a table must come from one cell, so rename one of them")) {
            try NotebookGraph(notebook: try Notebook(text: text, file: "two.sql"))
        }
    }

    @Test("a cell that does not parse is taken to make the table of its name, and its error kept")
    func unparsable() throws {
        let text = "-- %% a\nCREATE TEMP VIEW a AS SELEC 1;\n-- %% b\nCREATE TEMP VIEW b AS SELECT * FROM a;\n"
        let graph = try NotebookGraph(notebook: try Notebook(text: text))
        #expect(graph.dependencies(of: "a")?.parseError != nil)
        #expect(graph.dependencies(of: "a")?.parseError?.position?.line == 2)
        #expect(graph.maker(of: "a") == "a")
        #expect(graph.closure(of: ["b"]) == ["a", "b"])
    }

    @Test("tables no cell makes are external reads")
    func externalReads() throws {
        let graph = try NotebookGraph(notebook: try Notebook(text: Self.chain))
        #expect(graph.externalReads(of: "report") == [])
        let other = try NotebookGraph(notebook: try Notebook(text: "-- %% a\nCREATE TEMP VIEW a AS SELECT * FROM outside;\n"))
        #expect(other.externalReads(of: "a") == ["outside"])
    }
}
