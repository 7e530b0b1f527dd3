import Foundation
import SparkifySQL

extension REPL {
    /// Collects typed lines into statements: a line starting with `.` at a fresh prompt is a
    /// dot command; anything else gathers until the text ends a statement with `;`.
    struct PendingInput {
        var text = ""
        var firstLine = 1

        var isEmpty: Bool { text.allSatisfy(\.isWhitespace) }
    }

    /// What to do with one line of input.
    enum LineAction: Equatable {
        /// Wait for more lines.
        case more
        /// Run a dot command.
        case command(String)
        /// Run the statements of this text, which started on this input line.
        case statements(String, firstLine: Int)
        /// A `--` comment line at a fresh prompt: nothing to run (kept in a recording).
        case comment(String)
    }

    /// Adds `line` (line `lineNumber` of the input) to `pending`, and says what to do. A comment
    /// line at a fresh prompt stands alone, so it cannot swallow a dot command after it; inside
    /// a statement it is part of the statement.
    static func accept(_ line: String, lineNumber: Int, pending: inout PendingInput) -> LineAction {
        if pending.isEmpty {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(".") {
                pending = PendingInput()
                return .command(trimmed)
            }
            if trimmed.isEmpty { return .more }
            if trimmed.hasPrefix("--") {
                pending = PendingInput()
                return .comment(line)
            }
            pending = PendingInput(text: line, firstLine: lineNumber)
        } else {
            pending.text += "\n" + line
        }
        guard SQLStatementSplitter.isComplete(pending.text) else { return .more }
        let done = pending
        pending = PendingInput()
        return .statements(done.text, firstLine: done.firstLine)
    }

    /// Reads standard input that is not a terminal: no prompts, no line editing. Returns the
    /// exit status: 0 when every statement and command succeeded, 1 otherwise.
    public func runNonInteractive(readLine: () -> String? = { Swift.readLine(strippingNewline: true) }) -> Int32 {
        var pending = PendingInput()
        var lineNumber = 0
        while !quitRequested, let line = readLine() {
            lineNumber += 1
            perform(REPL.accept(line, lineNumber: lineNumber, pending: &pending))
        }
        if !quitRequested && !pending.isEmpty {
            // The input ended without a final `;`: run what is there, as a script runner would.
            runStatements(pending.text, firstLine: pending.firstLine)
        }
        return failureCount == 0 ? 0 : 1
    }

    /// The interactive loop on a terminal, with line editing, history and completion.
    public func runInteractive(historyPath: String?) -> Int32 {
        InterruptHandler.install()
        guard let editor = LineEditor(program: "sparkify", historyPath: historyPath) else {
            say("Cannot start line editing; reading plain lines.")
            return runNonInteractive()
        }
        lineEditor = editor
        editor.setKeys(keys)
        var pending = PendingInput()
        var lineNumber = 0
        editor.complete = { [unowned self] before, after in
            Completer(context: self.completionContext()).complete(pending: pending.text, textBeforeCursor: before, textAfterCursor: after)
        }
        while !quitRequested {
            InterruptHandler.reset()
            switch editor.readLine(prompt: pending.isEmpty ? prompt : continuationPrompt) {
            case .end:
                if pending.isEmpty {
                    output.out("\n")
                    quitRequested = true
                } else {
                    // Ctrl-D inside a statement drops it, as Ctrl-C does.
                    output.out("\n")
                    pending = PendingInput()
                }
            case .interrupted:
                // Ctrl-C at the prompt drops the line (and any unfinished statement).
                InterruptHandler.reset()
                pending = PendingInput()
                output.out("^C\n")
            case let .line(line):
                lineNumber += 1
                let action = REPL.accept(line, lineNumber: lineNumber, pending: &pending)
                switch action {
                case .more, .comment: break
                case let .command(text): editor.addHistory(text)
                case let .statements(text, _): editor.addHistory(text)
                }
                // Typed statements are numbered from their own first line, not the session's.
                if case let .statements(text, _) = action {
                    perform(.statements(text, firstLine: 1))
                } else {
                    perform(action)
                }
            }
        }
        editor.releaseTerminal()
        lineEditor = nil
        return 0
    }

    private func perform(_ action: LineAction) {
        let failuresBefore = failureCount
        lastStatementCancelled = false
        switch action {
        case .more, .comment: break
        case let .command(text): runCommand(text)
        case let .statements(text, firstLine): runStatements(text, firstLine: firstLine)
        }
        noteInput(action, failed: failureCount > failuresBefore)
    }

    /// Where history is kept: `$XDG_STATE_HOME/sparkify/history` when that is set, else
    /// `~/.sparkify_history`.
    public static func historyPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            let folder = state + "/sparkify"
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return folder + "/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.sparkify_history"
    }

    /// The names completion offers now.
    func completionContext() -> CompletionContext {
        var choices: [String: [String]] = [:]
        for command in REPL.commands where !command.choices.isEmpty { choices[command.name] = command.choices }
        return CompletionContext(
            commands: REPL.commands.map(\.name),
            cellNames: cellNames,
            tables: session.catalog.all.map { (name: $0.name, columns: $0.table.schema.names) },
            keywords: SQLKeywords.all,
            functions: ScalarFunctionRegistry.names + SQLFunctionNames.aggregateAndWindow,
            argumentChoices: choices,
            listDirectory: REPL.listDirectory)
    }

    @Sendable static func listDirectory(_ directory: String) -> [String] {
        var path = directory.isEmpty ? "." : directory
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { path = home + path.dropFirst() }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        return names.map { name in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(name), isDirectory: &isFolder)
            return isFolder.boolValue ? name + "/" : name
        }
    }
}
