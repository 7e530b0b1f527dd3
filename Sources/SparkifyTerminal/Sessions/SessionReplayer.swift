/// Runs a session script through the REPL's own command and statement core, as if typed: each
/// input echoed after its prompt (continuation lines after `...> `), then its output. A
/// statement that fails stops the replay with its file and line unless `keepGoing`; one marked
/// `-- expect error` must fail, and its error is shown and the replay goes on.
struct SessionReplayer {
    let repl: REPL
    let script: SessionScript
    /// The script as messages name it.
    let name: String
    let keepGoing: Bool

    func run() -> ReplayOutcome {
        var outcome = ReplayOutcome()
        for item in script.items {
            if repl.quitRequested { break }
            echo(item)
            guard item.runs else { continue }
            let failuresBefore = repl.failureCount
            repl.lastStatementCancelled = false
            if item.kind == .command && item.text.lowercased().hasPrefix(".edit") {
                // An editor would wait for a user who is not there.
                repl.fail(".edit opens an editor, which a replay cannot; edit the notebook file instead.")
            } else if item.kind == .command {
                repl.runCommand(item.text)
            } else {
                repl.runStatements(item.text, firstLine: item.lines.lowerBound)
            }
            let failed = repl.failureCount > failuresBefore
            let line = item.lines.lowerBound
            let what = item.kind == .command ? "command" : "statement"
            if item.expectsError && failed {
                // Meant to fail: shown, and not a failure of the session.
                repl.failureCount = failuresBefore
                continue
            }
            if item.expectsError {
                repl.fail("\(name):\(line): this \(what) was marked `-- expect error` but succeeded.")
                outcome.failures.append(.init(file: name, line: line, expectedErrorMissing: true))
            } else if failed {
                outcome.failures.append(.init(file: name, line: line, expectedErrorMissing: false))
            } else {
                continue
            }
            if repl.lastStatementCancelled {
                repl.say("Replay of \(name) cancelled at line \(line).")
                outcome.stopped = true
                break
            }
            if !keepGoing {
                let why = item.expectsError ? "." : ": the \(what) there failed. (A `-- expect error` line before a \(what) marks it as meant to fail.)"
                repl.say("Replay stopped at \(name):\(line)" + why)
                outcome.stopped = true
                break
            }
        }
        if keepGoing && !outcome.failures.isEmpty {
            let count = outcome.failures.count
            repl.say("\(count) \(count == 1 ? "statement" : "statements") of \(name) failed: " + outcome.failures.map(\.location).joined(separator: ", ") + ".")
        }
        return outcome
    }

    /// The item's lines as the user would have seen them typed.
    private func echo(_ item: SessionScript.Item) {
        let style = repl.output.outStyle
        switch item.kind {
        case .blank:
            repl.output.out("\n")
        case .comment:
            repl.output.out(style.dim(item.text) + "\n")
        case .command, .statement:
            var text = ""
            for (index, line) in item.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                text += style.dim(index == 0 ? repl.prompt : repl.continuationPrompt) + line + "\n"
            }
            repl.output.out(text)
        }
    }
}
