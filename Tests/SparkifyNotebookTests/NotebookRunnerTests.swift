import Foundation
import SparkifyNotebook
import SparkifySQL
import SparkifyTables
import Testing

@Suite("Notebook runner")
struct NotebookRunnerTests {
    static let text = """
        SET greeting=hello;

        -- %% [markdown]
        -- Three cells in a chain, and one on the side.

        -- %% numbers
        CREATE OR REPLACE TEMP VIEW numbers AS SELECT * FROM VALUES (1), (2), (3) AS t(n);

        -- %% doubled
        CREATE OR REPLACE TEMP VIEW doubled AS SELECT n * 2 AS n FROM numbers;

        -- %% total
        CREATE OR REPLACE TEMP VIEW total AS SELECT sum(n) AS total, '${greeting}' AS word FROM doubled;

        -- %% side
        CREATE OR REPLACE TEMP VIEW side AS SELECT 'x' AS x;
        """

    func makeRunner(_ text: String = Self.text) throws -> NotebookRunner {
        try NotebookRunner(notebook: try Notebook(text: text, file: "chain.sql"), session: SQLSession())
    }

    func label(_ runner: NotebookRunner, _ name: String) -> String { runner.state(of: name)?.label ?? "none" }

    @Test("running a cell whose inputs do not exist runs the cells that make them first, and says so")
    func missingInputsRunFirst() throws {
        let runner = try makeRunner()
        var live: [String] = []
        runner.onNotice = { live.append($0) }
        let run = try runner.run(named: "Total")
        #expect(run.cells.map(\.cell) == ["setup", "numbers", "doubled", "total"])
        #expect(run.notices == [
            "total needs the set-up: running setup first",
            "doubled reads numbers: running numbers first",
            "total reads doubled: running doubled first",
        ])
        #expect(live == run.notices)
        #expect(run.cells.map(\.reason) == [.input(of: "total", table: nil), .input(of: "doubled", table: "numbers"),
                                             .input(of: "total", table: "doubled"), .requested])
        let total = try #require(run.run(of: "total")?.table)
        #expect(total.row(0) == [.bigint(12), .string("hello")])
        #expect(run.run(of: "numbers")?.rowCount == 3)
        #expect(run.run(of: "setup")?.rowCount == nil)
        #expect(run.run(of: "total")?.statements.count == 1)
        #expect(label(runner, "side") == "not run")
        #expect(label(runner, "total") == "ran")
    }

    @Test("inputs that are up to date do not run again; the cell asked for always does")
    func upToDateInputsStay() throws {
        let runner = try makeRunner()
        _ = try runner.run(named: "doubled")
        let again = try runner.run(named: "doubled")
        #expect(again.cells.map(\.cell) == ["doubled"])
        #expect(again.notices.isEmpty)
    }

    @Test("re-running a cell makes the cells downstream stale, and running them re-runs stale inputs")
    func rerunMakesStale() throws {
        let runner = try makeRunner()
        _ = try runner.runAll()
        #expect(runner.statuses.map(\.state.label) == ["ran", "ran", "ran", "ran", "ran"])
        _ = try runner.run(named: "numbers")
        #expect(runner.statuses.map(\.state.label) == ["ran", "ran", "stale", "stale", "ran"])
        #expect(runner.position == NotebookPosition(next: 3, nextCell: "doubled", count: 5))
        let run = try runner.run(named: "total")
        #expect(run.cells.map(\.cell) == ["doubled", "total"])
        #expect(run.notices == ["total reads doubled, which is stale: running doubled first"])
        #expect(runner.statuses.allSatisfy { $0.state.isUpToDate })
    }

    @Test("editing a cell marks it and its downstream stale, and the new text runs")
    func editMakesStale() throws {
        let runner = try makeRunner()
        _ = try runner.runAll()
        let edited = try runner.replaceCell(named: "doubled", with: "CREATE OR REPLACE TEMP VIEW doubled AS SELECT n * 3 AS n FROM numbers;")
        #expect(edited.text.contains("n * 3"))
        #expect(runner.notebook.text == edited.text)
        #expect(runner.statuses.map(\.state.label) == ["ran", "ran", "stale", "stale", "ran"])
        let run = try runner.runAll()
        #expect(run.cells.map(\.cell) == ["doubled", "total"])
        #expect(run.run(of: "total")?.table?.row(0).first == .bigint(18))
    }

    @Test("an edit that would make a cycle is refused and changes nothing")
    func editRefused() throws {
        let runner = try makeRunner()
        _ = try runner.runAll()
        let before = runner.notebook.text
        #expect(throws: NotebookError.self) {
            try runner.replaceCell(named: "numbers", with: "CREATE OR REPLACE TEMP VIEW numbers AS SELECT * FROM total;")
        }
        #expect(runner.notebook.text == before)
        #expect(runner.statuses.allSatisfy { $0.state.isUpToDate })
    }

    @Test("reloading a notebook changed elsewhere keeps unchanged cells and forgets removed ones")
    func reload() throws {
        let runner = try makeRunner()
        _ = try runner.runAll()
        let changed = Self.text.replacingOccurrences(of: "-- %% side\nCREATE OR REPLACE TEMP VIEW side AS SELECT 'x' AS x;", with: "-- %% other\nSELECT 1;")
            .replacingOccurrences(of: "-- Three cells", with: "-- Now: three cells")
        try runner.reload(try Notebook(text: changed, file: "chain.sql"))
        #expect(runner.statuses.map { "\($0.cell.name ?? "?")=\($0.state.label)" } == ["setup=ran", "numbers=ran", "doubled=ran", "total=ran", "other=not run"])
        #expect(runner.state(of: "side") == nil)
    }

    @Test("editing the set-up makes every cell stale")
    func setupEdit() throws {
        let runner = try makeRunner()
        _ = try runner.runAll()
        try runner.replaceCell(named: "setup", with: "SET greeting=bye;")
        #expect(runner.statuses.map(\.state.label) == ["stale", "stale", "stale", "stale", "stale"])
        let run = try runner.run(named: "total")
        #expect(run.cells.map(\.cell) == ["setup", "numbers", "doubled", "total"])
        #expect(run.run(of: "total")?.table?.row(0).last == .string("bye"))
    }

    @Test("a failing cell throws its error with file and line and leaves earlier tables as they were")
    func failureLeavesTables() throws {
        let runner = try makeRunner()
        _ = try runner.runAll()
        let doubledBefore = try #require(runner.session.catalog.entry("doubled")?.table)
        try runner.replaceCell(named: "total", with: """
            CREATE OR REPLACE TEMP VIEW total AS SELECT sum(n) AS total FROM doubled;
            CREATE OR REPLACE TEMP VIEW total_extra AS
              SELECT nn FROM doubled;
            """)
        _ = try runner.run(named: "numbers")
        do {
            _ = try runner.run(named: "total")
            Issue.record("the failing cell did not throw")
        } catch {
            #expect(error.kind == .statementFailed)
            #expect(error.cell == "total")
            #expect(error.file == "chain.sql")
            #expect(error.line == 15)
            #expect(error.sqlError?.errorClass?.hasPrefix("UNRESOLVED_COLUMN") == true)
            #expect(error.excerpt == "  SELECT nn FROM doubled\n         ^")
            #expect(error.description.hasPrefix("chain.sql:15: in cell total: [UNRESOLVED_COLUMN"))
            // doubled was stale and ran first; its run is kept, with its new table.
            #expect(error.completed.cells.map(\.cell) == ["doubled"])
        }
        #expect(label(runner, "total") == "failed")
        #expect(label(runner, "doubled") == "ran")
        #expect(runner.session.catalog.entry("doubled")?.table.rowCount == doubledBefore.rowCount)
        // The cell's first statement did run, but the whole cell was undone.
        #expect(runner.session.catalog.entry("total_extra") == nil)
        #expect(runner.session.catalog.entry("total")?.table.row(0).count == 2, "total keeps the table of its last good run")
        if case let .failed(stored) = runner.state(of: "total") {
            #expect(stored.line == 15)
        } else {
            Issue.record("total is not failed")
        }
    }

    @Test("a statement failing at run time (not at analysis) names the statement's line")
    func executionFailure() throws {
        let runner = try makeRunner("-- %% a\nCREATE TEMP VIEW a AS SELECT 1 AS x;\n-- %% b\n\nCREATE TEMP VIEW b AS\n  SELECT x / 0 AS y FROM a;\n")
        do {
            _ = try runner.runAll()
            Issue.record("division by zero did not fail")
        } catch {
            #expect(error.sqlError?.errorClass == "DIVIDE_BY_ZERO")
            #expect(error.line.map { (5...6).contains($0) } == true)
            #expect(error.completed.cells.map(\.cell) == ["a"])
        }
        #expect(runner.session.catalog.contains("a"))
        #expect(!runner.session.catalog.contains("b"))
        #expect(runner.position.nextCell == "b")
    }

    @Test("a table read that no cell makes and the session lacks fails before anything runs")
    func missingExternalTable() throws {
        let runner = try makeRunner("-- %% a\nCREATE TEMP VIEW a AS SELECT 1 AS x;\n-- %% b\nCREATE TEMP VIEW b AS -- not from nowhere_tables\n  SELECT * FROM a JOIN nowhere_table;\n")
        do {
            _ = try runner.run(named: "b")
            Issue.record("the missing table was not reported")
        } catch {
            #expect(error.kind == .missingInput)
            #expect(error.cell == "b")
            #expect(error.line == 5)
            #expect(error.message == "b reads the table nowhere_table, which no cell makes and the session does not have")
        }
        #expect(label(runner, "a") == "not run")
        #expect(!runner.session.catalog.contains("a"))
        // Once the session has the table (made at the REPL, say), the cell runs.
        _ = try runner.session.execute("CREATE TEMP VIEW nowhere_table AS SELECT 2 AS z;")
        let run = try runner.run(named: "b")
        #expect(run.cells.map(\.cell) == ["a", "b"])
    }

    @Test("a failing set-up is reported as the setup cell at its line, and no cell runs")
    func failingSetup() throws {
        let runner = try makeRunner("-- Set-up\nSET spark.sql.session.timeZone=Nowhere/City;\n-- %% a\nCREATE TEMP VIEW a AS SELECT 1 AS x;\n")
        do {
            _ = try runner.run(named: "a")
            Issue.record("a bad time zone was accepted")
        } catch {
            #expect(error.cell == "setup")
            #expect(error.line == 2)
            #expect(error.sqlError?.errorClass == "INVALID_CONF_VALUE.TIME_ZONE")
            #expect(error.completed.cells.isEmpty)
        }
        #expect(label(runner, "a") == "not run")
        #expect(runner.session.setting("spark.sql.session.timeZone") == nil)
    }

    @Test("an unknown cell name is an error suggesting the closest name")
    func unknownCell() throws {
        let runner = try makeRunner()
        do {
            _ = try runner.run(named: "totl")
            Issue.record("unknown cell accepted")
        } catch {
            #expect(error.kind == .unknownCell)
            #expect(error.message.hasPrefix("there is no cell named totl; did you mean total?"))
        }
        #expect(throws: NotebookRunError.self) { try runner.run(to: "nothing") }
    }

    @Test("position, next() and run(to:) walk the cells in file order")
    func positionAndNext() throws {
        let runner = try makeRunner()
        #expect(runner.position.description == "[1/5]")
        #expect(try runner.next()?.cells.map(\.cell) == ["setup"])
        #expect(runner.position.description == "[2/5]")
        #expect(try runner.next()?.cells.map(\.cell) == ["numbers"])
        let to = try runner.run(to: "total")
        #expect(to.cells.map(\.cell) == ["doubled", "total"])
        #expect(runner.position == NotebookPosition(next: 5, nextCell: "side", count: 5))
        #expect(try runner.next()?.cells.map(\.cell) == ["side"])
        #expect(runner.position.description == "[5/5 done]")
        #expect(try runner.next() == nil)
        #expect(try runner.runAll().cells.isEmpty)
        #expect(try runner.runAll(force: true).cells.count == 5)
        #expect(try runner.run(to: "doubled", force: true).cells.map(\.cell) == ["setup", "numbers", "doubled"])
    }

    @Test("a cell whose table was dropped from the session runs again when needed")
    func droppedTable() throws {
        let runner = try makeRunner()
        _ = try runner.run(named: "doubled")
        _ = try runner.session.execute("DROP VIEW numbers;")
        #expect(runner.position.nextCell == "numbers")
        let run = try runner.run(named: "total")
        #expect(run.notices.contains("doubled reads numbers, which is gone from the session: running numbers first"))
        #expect(run.cells.map(\.cell) == ["numbers", "doubled", "total"])
    }

    @Test("a table replaced at the REPL makes its cell and the cells downstream stale")
    func tableChangedOutside() throws {
        let runner = try makeRunner()
        _ = try runner.runAll()
        _ = try runner.session.execute("CREATE OR REPLACE TEMP VIEW doubled AS SELECT 100 AS n;")
        runner.tableChanged("DOUBLED")
        runner.tableChanged("not_a_notebook_table")
        #expect(runner.statuses.map(\.state.label) == ["ran", "ran", "stale", "stale", "ran"])
        let run = try runner.run(named: "total")
        #expect(run.run(of: "total")?.table?.row(0).first == .bigint(12))
    }

    @Test("a cancelled run stops before the next cell and changes nothing of the cell it was in")
    func cancellation() throws {
        let runner = try makeRunner()
        let token = CancellationToken()
        var started: [String] = []
        runner.onCellStart = { cell, _ in
            started.append(cell.name ?? "?")
            if cell.name == "doubled" { token.cancel() }
        }
        do {
            _ = try runner.run(named: "total", cancellation: token)
            Issue.record("the run was not cancelled")
        } catch {
            #expect(error.kind == .cancelled)
            #expect(error.completed.cells.map(\.cell) == ["setup", "numbers"])
        }
        #expect(!started.contains("total"))
        #expect(label(runner, "doubled") == "not run")
        #expect(!runner.session.catalog.contains("doubled"))
        #expect(label(runner, "numbers") == "ran")
    }

    @Test("a Ctrl-C after a cell's last statement checked for it still leaves the cell changing nothing")
    func lateCancellation() throws {
        // SET never polls the token, so the cancel lands after the engine's last check.
        let runner = try makeRunner("-- %% settings\nSET answer=42;\nSET question=unknown;\n")
        let token = CancellationToken()
        runner.onCellStart = { _, _ in token.cancel() }
        #expect(throws: NotebookRunError.self) { _ = try runner.run(named: "settings", cancellation: token) }
        #expect(label(runner, "settings") == "not run")
        #expect(runner.session.settings["answer"] == nil)
    }

    @Test("notices of the session while a cell runs are kept with the cell")
    func sessionNotices() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-notices-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{\"a\": 1}\n{not json\n{\"a\": 2}\n".utf8).write(to: folder.appendingPathComponent("events.json"))
        let text = "SET folder=\(folder.path);\n-- %% events\nCREATE OR REPLACE TEMP VIEW events AS SELECT * FROM json.`${folder}/events.json`;\n"
        let runner = try makeRunner(text)
        let run = try runner.run(named: "events")
        let events = try #require(run.run(of: "events"))
        #expect(events.rowCount == 3)
        #expect(events.notices.count == 1)
        #expect(events.notices.first?.contains("malformed") == true)
        #expect(run.run(of: "setup")?.notices.isEmpty == true)
    }
}
