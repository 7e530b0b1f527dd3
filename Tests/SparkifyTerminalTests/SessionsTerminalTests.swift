import Foundation
import Testing

/// Recording and reading sessions at a real terminal (the binary on a pseudo-terminal).
@Suite(.serialized) struct SessionsTerminalTests {
    func start(state: borrowing TemporaryFolder) throws -> PseudoTerminal? {
        guard let binary = SparkifyBinary.require() else { return nil }
        let environment = [
            "TERM": "xterm", "NO_COLOR": "1", "HOME": state.url.path, "XDG_STATE_HOME": state.url.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        return try PseudoTerminal(executable: binary, arguments: [], environment: environment)
    }

    /// On a color terminal of any width the transcript is the same: no colors, no progress
    /// bars, 100 columns.
    @Test func aReplayOnAColorTerminalMatchesItsTranscript() throws {
        guard let binary = SparkifyBinary.require() else { return }
        let script = SessionsEndToEndTests.sessionsFolder.appendingPathComponent("bad-input.sparkify").path
        let environment = ["TERM": "xterm-256color", "COLUMNS": "60", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let terminal = try PseudoTerminal(executable: binary, arguments: ["replay", script, "--check"], environment: environment)
        try terminal.waitFor("the replay matches")
        #expect(terminal.waitForExit() == 0, "transcript:\n\(terminal.transcript)")
    }

    @Test func recordWhatIsTypedThenReadItBack() throws {
        let state = TemporaryFolder()
        let script = state.url.appendingPathComponent("typed.sparkify").path
        guard let terminal = try start(state: state) else { return }
        try terminal.waitFor("sparkify [1/")
        terminal.type(".record \(script)\r")
        var mark = try terminal.waitFor("sparkify [1/", after: try terminal.waitFor("Recording to"))
        terminal.type("SELECT 6 *\r")
        mark = try terminal.waitFor("...> ", after: mark)
        terminal.type("7 AS answer;\r")
        mark = try terminal.waitFor("sparkify [1/", after: try terminal.waitFor("│     42 │", after: mark))
        // A line dropped with Ctrl-C was never run: it is not recorded.
        terminal.settle()
        terminal.type("SELECT 'dropped")
        mark = try terminal.waitFor("dropped", after: mark)
        terminal.type("\u{3}")
        mark = try terminal.waitFor("sparkify [1/", after: try terminal.waitFor("^C", after: mark))
        // A long statement cancelled with Ctrl-C is kept as comments.
        terminal.type("CREATE OR REPLACE TEMP VIEW ev AS SELECT ts FROM json.`${data}/log_data/*/*/*.json` LIMIT 3000;\r")
        mark = try terminal.waitFor("sparkify [1/", after: try terminal.waitFor("(3000 rows)", after: mark))
        terminal.type("SELECT count(*) FROM ev a JOIN ev b ON a.ts + b.ts < 0;\r")
        try terminal.waitFor("(Ctrl-C cancels)", after: mark)
        terminal.type("\u{3}")
        mark = try terminal.waitFor("Cancelled.", after: mark, timeout: 120)
        mark = try terminal.waitFor("sparkify [1/", after: mark)
        terminal.type(".record off\r")
        mark = try terminal.waitFor("sparkify [1/", after: try terminal.waitFor("Stopped recording", after: mark))
        let recorded = try String(contentsOfFile: script, encoding: .utf8)
        #expect(recorded == """
            -- A sparkify session. Replay it with: sparkify replay \(script)
            SELECT 6 *
            7 AS answer;
            CREATE OR REPLACE TEMP VIEW ev AS SELECT ts FROM json.`${data}/log_data/*/*/*.json` LIMIT 3000;
            -- cancelled with Ctrl-C:
            -- SELECT count(*) FROM ev a JOIN ev b ON a.ts + b.ts < 0;

            """)
        // .read echoes each input after its prompt, then its output.
        terminal.type(".read \(script)\r")
        mark = try terminal.waitFor("sparkify [1/12]> SELECT 6 *\r\n            ...> 7 AS answer;", after: mark)
        mark = try terminal.waitFor("│     42 │", after: mark)
        mark = try terminal.waitFor("-- SELECT count(*) FROM ev a JOIN", after: mark)
        try terminal.waitFor("sparkify [1/", after: mark)
        terminal.type(".quit\r")
        #expect(terminal.waitForExit() == 0, "transcript:\n\(terminal.transcript)")
    }
}
