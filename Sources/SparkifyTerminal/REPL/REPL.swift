import Foundation
import SparkifyNotebook
import SparkifySQL
import SparkifyTables

/// sparkify's read–eval–print loop: SQL statements (ending with `;`, over several lines) and
/// dot commands against one session and one notebook.
public final class REPL {
    /// The session statements run in (the notebook runner's when a notebook is open).
    public private(set) var session: SQLSession
    /// The open notebook's runner.
    public private(set) var runner: NotebookRunner?
    let output: REPLOutput
    let environment: [String: String]
    /// The progress line of the cell or statement running now.
    var progress: ProgressBar?

    var mode: TableRenderer.Mode = .box
    var timer = false
    var keys: LineEditor.Keys = .emacs
    /// Rows a result shows before `… N more rows`.
    var maxRows = 20
    /// The last table a statement or command showed, for `.last`.
    var lastResult: Table?
    /// The character set charts draw with, chosen by `.charset`; nil follows the locale.
    var chartCharset: ChartCharset?
    /// Set by `.quit`.
    var quitRequested = false
    /// How many statements and commands failed (the exit status when not interactive).
    public internal(set) var failureCount = 0
    /// The line editor, on a terminal (for `.keys`).
    var lineEditor: LineEditor?
    /// Where `.record` is writing the session's input, if it is.
    var recorder: SessionRecorder?
    /// Every statement and command of the session so far, as script lines (for `.save`).
    var sessionLines: [String] = []
    /// True while replaying for a transcript: output that changes from run to run (timings)
    /// is left out, so two replays print the same text.
    public var transcriptMode = false
    /// How deep `.read` scripts are nested now (a script may read another, up to a limit).
    var readDepth = 0
    /// Set when the last statement was cancelled with Ctrl-C (it is not recorded).
    var lastStatementCancelled = false
    /// Set by a command that must not be recorded this time (a `.read` of the script being recorded).
    var dropFromRecording = false

    /// A REPL on a fresh session where `${data}` is `dataDirectory`.
    public init(dataDirectory: String, output: REPLOutput, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.output = output
        self.environment = environment
        session = REPL.makeSession(data: dataDirectory, output: output)
    }

    static func makeSession(data: String, output: REPLOutput) -> SQLSession {
        let session = SQLSession(settings: ["data": data])
        let err = output.err
        let style = output.errStyle
        session.onNotice = { message in err(style.yellow(message) + "\n") }
        return session
    }

    /// Opens `path` as the notebook (the session starts afresh); says what it opened unless `quietly`.
    public func open(notebookAt path: String, quietly: Bool = false) throws {
        let data = session.setting("data") ?? "samples/data"
        let fresh = REPL.makeSession(data: data, output: output)
        let opened = try NotebookRunner(notebook: try Notebook.load(path: path), session: fresh)
        session = fresh
        runner = opened
        lastResult = nil
        let names = opened.notebook.sqlCells.compactMap(\.name)
        if quietly { return }
        let next = opened.position.nextCell.map { " (next: \($0))" } ?? ""
        say("Opened \(path): \(names.count) \(names.count == 1 ? "cell" : "cells")\(next). Type .next to run it, .cells to list them, .help for more.")
    }

    /// The prompt, with the notebook position: `sparkify [3/12]> `.
    public var prompt: String {
        guard let runner else { return "sparkify> " }
        return "sparkify \(runner.position)> "
    }

    /// The prompt for the following lines of an unfinished statement, as wide as `prompt`.
    public var continuationPrompt: String {
        String(repeating: " ", count: max(0, prompt.count - 5)) + "...> "
    }

    // MARK: Writing

    /// A message on standard error.
    func say(_ text: String) { output.err(text + "\n") }

    /// An error on standard error; counts as a failure.
    func fail(_ text: String) {
        failureCount += 1
        output.err(output.errStyle.red("Error: ") + text + "\n")
    }

    /// A table rendered in the current mode on standard output; remembered for `.last`.
    func show(_ table: Table, maxRows: Int? = nil) {
        lastResult = table
        let zone = session.timeZone
        var renderer = TableRenderer(mode: mode, maxRows: maxRows ?? self.maxRows, width: output.width(),
                                     timeZoneOffset: { zone.offset(atMicros: $0) })
        renderer.style = output.outStyle
        output.out(renderer.render(table))
    }
}
