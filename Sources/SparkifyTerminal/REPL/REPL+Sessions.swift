import Foundation

extension REPL {
    /// Commands that steer the session itself: never written to a session script (replaying
    /// `.record` would start writing files, `.quit` would end the replay).
    static let unrecordedCommands: Set<String> = [".record", ".save", ".quit"]

    /// Called after each typed or piped statement or command has run: adds it to the session
    /// (for `.save`) and to the `.record` file, flushed at once.
    func noteInput(_ action: LineAction, failed: Bool) {
        defer { dropFromRecording = false }
        if dropFromRecording { return }
        let lines: [String]
        switch action {
        case .more: return
        case let .comment(text):
            // The recorder writes its own marker before a statement that fails.
            if SessionScript.isExpectErrorMarker(text) { return }
            lines = [text]
        case let .command(text):
            let name = text.split(separator: " ").first.map { $0.lowercased() } ?? ""
            let dotted = REPL.command(named: name)?.name ?? name
            if REPL.unrecordedCommands.contains(dotted) { return }
            // `.edit` happened in an editor: the notebook file keeps the edit, a replay cannot.
            lines = dotted == ".edit" ? ["-- " + text + "  (edited in an editor; not replayed)"] : SessionRecorder.lines(for: text, failed: failed)
        case let .statements(text, _):
            lines = lastStatementCancelled ? SessionRecorder.cancelledLines(for: text) : SessionRecorder.lines(for: text, failed: failed)
        }
        sessionLines += lines
        guard let recorder else { return }
        do { try recorder.append(lines) } catch {
            self.recorder = nil
            fail("Stopped recording: cannot write \(recorder.path): \(error.localizedDescription)")
        }
    }

    /// `.record FILE` starts (or moves) the recording, `.record off` stops it, `.record` alone
    /// says where it goes.
    func record(_ argument: String?) throws {
        guard let argument else {
            say(recorder.map { "Recording to \($0.path). .record off stops." } ?? "Not recording. .record FILE starts.")
            return
        }
        if argument.lowercased() == "off" {
            guard let recorder else { throw REPLError("Not recording. .record FILE starts.") }
            self.recorder = nil
            say("Stopped recording to \(recorder.path).")
            return
        }
        let path = try SessionPaths.forWriting(argument)
        let started = try SessionRecorder(appendingTo: path)
        let previous = recorder
        recorder = started
        let moved = previous.map { " (instead of \($0.path))" } ?? ""
        say("Recording to \(path)\(moved): every statement and command from now on. .record off stops.")
    }

    /// `.save FILE`: the whole session so far as a script (replacing FILE).
    func saveSession(to argument: String) throws {
        let path = try SessionPaths.forWriting(argument)
        let text = SessionRecorder.header(for: path) + sessionLines.map { $0 + "\n" }.joined()
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw REPLError("Cannot write \(path): \(error.localizedDescription)")
        }
        // The file was replaced: a recording into it goes on in the new file.
        if let recorder, SessionPaths.same(recorder.path, path) { self.recorder = try SessionRecorder(appendingTo: recorder.path) }
        say("Saved the session (\(sessionLines.count) \(sessionLines.count == 1 ? "line" : "lines")) to \(path).")
    }

    /// `.read FILE`: runs a session script as if typed, echoing each line; stops at a statement
    /// that fails unexpectedly, naming its file and line.
    func readScript(_ argument: String) throws {
        let nested = readDepth > 0
        guard readDepth < 8 else { throw REPLError("Scripts read each other more than 8 deep; stopping (does a script read itself?).") }
        let path = try SessionPaths.forReading(argument, scriptDirectory: session.setting(SessionPaths.scriptDirectoryKey))
        if let recorder, SessionPaths.same(recorder.path, path) {
            dropFromRecording = true
            throw REPLError("\(path) is the script being recorded: reading it would record a .read of itself, which a replay would repeat forever. Stop with .record off first.")
        }
        let script = try SessionScript.load(path: path)
        let outcome = replay(script, named: nested ? argument : path, path: path, keepGoing: false)
        if !outcome.failures.isEmpty { throw SilentFailure() }
    }

    /// Runs `script` as if typed: each statement and command echoed with its prompt, then its
    /// output. `${script_dir}` is the script's folder while it runs.
    public func replay(_ script: SessionScript, named name: String, path: String, keepGoing: Bool) -> ReplayOutcome {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        let previousFolder = session.setting(SessionPaths.scriptDirectoryKey)
        try? session.set(SessionPaths.scriptDirectoryKey, folder)
        readDepth += 1
        defer {
            readDepth -= 1
            if let previousFolder { try? session.set(SessionPaths.scriptDirectoryKey, previousFolder) }
        }
        return SessionReplayer(repl: self, script: script, name: name, keepGoing: keepGoing).run()
    }

    /// A statement's time for `.timer on`; in a transcript, where times would differ on every
    /// run, an ellipsis.
    func timeText(seconds: Double) -> String {
        transcriptMode ? "Time: … s" : String(format: "Time: %.3f s", seconds)
    }
}

/// A command that failed and has already said why (the failure is counted).
struct SilentFailure: Error {}
