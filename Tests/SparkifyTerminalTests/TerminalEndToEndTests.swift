import Foundation
import Testing

/// The real binary on a pseudo-terminal: prompts, Tab completion, Ctrl-C and Ctrl-D as a user
/// at a terminal meets them.
@Suite(.serialized) struct TerminalEndToEndTests {
    func start(_ arguments: [String] = [], state: borrowing TemporaryFolder) throws -> PseudoTerminal? {
        guard let binary = SparkifyBinary.require() else { return nil }
        let environment = [
            "TERM": "xterm", "NO_COLOR": "1", "HOME": state.url.path, "XDG_STATE_HOME": state.url.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        return try PseudoTerminal(executable: binary, arguments: arguments, environment: environment)
    }

    @Test func typeAStatementOverTwoLinesAndQuitWithCtrlD() throws {
        let state = TemporaryFolder()
        guard let terminal = try start(state: state) else { return }
        try terminal.waitFor("sparkify [1/")
        terminal.type("SELECT 40 +\r")
        try terminal.waitFor("...> ")
        terminal.type("2 AS answer;\r")
        var mark = try terminal.waitFor("sparkify [1/", after: try terminal.waitFor("│     42 │"))
        // An error in a typed statement names the statement's own line, with a caret.
        terminal.type("SELECT 1 +* 2;\r")
        mark = try terminal.waitFor("(line 1, column 13)", after: mark)
        mark = try terminal.waitFor("sparkify [1/", after: try terminal.waitFor("^", after: mark))
        terminal.settle()
        terminal.type("\u{4}")
        #expect(terminal.waitForExit() == 0, "transcript:\n\(terminal.transcript[mark...])")
        // The two lines are one history entry.
        let history = try String(contentsOfFile: state.url.appendingPathComponent("sparkify/history").path, encoding: .utf8)
        #expect(history.contains("SELECT\\04040\\040+\\0122\\040AS\\040answer;"))
    }

    @Test func tabCompletesCommandsTablesAndColumns() throws {
        let state = TemporaryFolder()
        guard let terminal = try start(state: state) else { return }
        try terminal.waitFor("sparkify [1/")
        terminal.type("CREATE TEMP VIEW numbers AS SELECT 1 AS n, 2 AS n_squared;\r")
        let created = try terminal.waitFor("Created temporary view numbers")
        var mark = try terminal.waitFor("sparkify [1/", after: created)
        // libedit redraws only what changed: the completed rest of the word appears after the Tab.
        terminal.type("SELECT * FROM numb\t")
        mark = try terminal.waitFor("ers ", after: try terminal.waitFor("numb", after: mark))
        terminal.type("WHERE n_s\t")
        mark = try terminal.waitFor("quared ", after: try terminal.waitFor("n_s", after: mark))
        terminal.type("> 0;\r")
        mark = try terminal.waitFor("│ 1 │         2 │", after: mark)
        mark = try terminal.waitFor("sparkify [1/", after: mark)
        terminal.type(".sch\t")
        mark = try terminal.waitFor("ema ", after: try terminal.waitFor(".sch", after: mark))
        terminal.type("num\t\r")
        mark = try terminal.waitFor("|-- n_squared: integer", after: mark)
        try terminal.waitFor("sparkify [1/", after: mark)
        terminal.type(".quit\r")
        #expect(terminal.waitForExit() == 0, "transcript:\n\(terminal.transcript)")
    }

    @Test func ctrlCClearsTheLineAtThePrompt() throws {
        let state = TemporaryFolder()
        guard let terminal = try start(state: state) else { return }
        try terminal.waitFor("sparkify [1/")
        terminal.settle()
        terminal.type("SELECT 'half typed")
        try terminal.waitFor("half typed")
        terminal.type("\u{3}")
        let mark = try terminal.waitFor("^C")
        try terminal.waitFor("sparkify [1/", after: mark)
        terminal.type("SELECT 'frésh 坂本' AS line;\r")
        let fresh = try terminal.waitFor("│ frésh 坂本 │", after: mark)
        #expect(!terminal.transcript[mark...].contains("Error"))
        try terminal.waitFor("sparkify [1/", after: fresh)
        terminal.type("\u{4}")
        #expect(terminal.waitForExit() == 0, "transcript:\n\(terminal.transcript)")
    }

    @Test func keysTypedWhileAStatementRunsAreKeptForTheNextPrompt() throws {
        let state = TemporaryFolder()
        guard let terminal = try start(state: state) else { return }
        try terminal.waitFor("sparkify [1/")
        terminal.type("CREATE TEMP VIEW ev AS SELECT ts FROM json.`${data}/log_data/*/*/*.json` LIMIT 3000;\r")
        var mark = try terminal.waitFor("Created temporary view ev (3000 rows).")
        mark = try terminal.waitFor("sparkify [1/", after: mark)
        terminal.settle()
        // Nine million pairs take a while; the next statement and a Ctrl-D are typed while they run.
        terminal.type("SELECT count(*) AS pairs FROM ev a JOIN ev b ON a.ts + b.ts < 0;\r")
        try terminal.waitFor("(Ctrl-C cancels)", after: mark)
        terminal.type("SELECT 'typed ahead' AS note;\r")
        terminal.type("\u{4}")
        mark = try terminal.waitFor("│     0 │", after: mark, timeout: 120)
        try terminal.waitFor("│ typed ahead │", after: mark)
        #expect(terminal.waitForExit() == 0, "transcript:\n\(terminal.transcript[mark...])")
    }

    @Test func ctrlCCancelsALongStatementAndKeepsTheCatalog() throws {
        let state = TemporaryFolder()
        guard let terminal = try start(state: state) else { return }
        try terminal.waitFor("sparkify [1/")
        terminal.type("CREATE TEMP VIEW ev AS SELECT ts FROM json.`${data}/log_data/*/*/*.json` LIMIT 3000;\r")
        var mark = try terminal.waitFor("Created temporary view ev (3000 rows).")
        mark = try terminal.waitFor("sparkify [1/", after: mark)
        // 9 million candidate pairs: long enough that the progress line shows after a second.
        terminal.type("CREATE OR REPLACE TEMP VIEW pairs AS SELECT a.ts FROM ev a JOIN ev b ON a.ts + b.ts < 0;\r")
        try terminal.waitFor("(Ctrl-C cancels)", after: mark)
        terminal.type("\u{3}")
        try terminal.waitFor("Cancelled.", after: mark, timeout: 120)
        mark = try terminal.waitFor("sparkify [1/", after: mark)
        terminal.type("SELECT count(*) AS rows FROM ev;\r")
        mark = try terminal.waitFor("│ 3000 │", after: mark)
        try terminal.waitFor("sparkify [1/", after: mark)
        terminal.type("\u{4}")
        #expect(terminal.waitForExit() == 0, "transcript:\n\(terminal.transcript)")
    }
}
