import ArgumentParser
import Foundation
import SparkifyTerminal

/// `sparkify replay FILE...`: runs session scripts as if typed into the REPL and prints the
/// transcript; with `--check` compares it with the saved transcript, with `--update` saves it.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay session scripts (statements and dot commands) and print their transcripts.",
        discussion: """
            Runs FILE in the REPL on the notebook (default: the bundled walkthrough) as if typed, \
            echoing each input after its prompt, then its output; standard output and error come \
            as one stream in order. A statement that fails stops the replay with its file and line \
            unless --keep-going; a line '-- expect error' before a statement marks it as meant to \
            fail. Timings, colors and progress bars are left out, tables are 100 columns wide, and \
            the data folder and the script's folder are written ${data} and ${script_dir}, so the \
            transcript is the same on every run. --check compares it with FILE.out (or \
            --transcript) and prints a unified diff: exit status 0 when they match, 1 when not. \
            --update writes the transcript.
            """
    )

    @Argument(help: "Session scripts (.sparkify): SQL ending with ';', dot commands, '--' comments.")
    var files: [String]

    @Option(help: "The raw data folder, available as ${data}.")
    var data: String?

    @Option(help: "The notebook the session runs on (default: the bundled samples/etl.sql).")
    var notebook: String?

    @Flag(help: "Run the rest of the script after a statement fails (the exit status is still 1).")
    var keepGoing = false

    @Flag(help: "Compare the transcript with the saved one; print a unified diff and exit 1 when they differ.")
    var check = false

    @Flag(help: "Write the transcript to the saved transcript file (when the replay succeeds).")
    var update = false

    @Option(help: "The saved transcript (default FILE.out; a bare name is beside FILE). One script only.")
    var transcript: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name a session script to replay (sessions/*.sparkify).") }
        if check && update { throw ValidationError("--check and --update do not go together: --update writes what --check compares.") }
        if transcript != nil && files.count > 1 { throw ValidationError("--transcript names the transcript of one script; give one script.") }
    }

    /// The saved transcript of `file`.
    func transcriptPath(of file: String) -> String {
        guard let transcript else { return file + ".out" }
        if transcript.contains("/") { return transcript }
        return ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(transcript)
    }

    func run() throws {
        // Each script on a fresh session; all are replayed even when one fails.
        var allWell = true
        for file in files {
            if !replay(file) { allWell = false }
        }
        if !allWell { throw ExitCode.failure }
    }

    /// Replays one script as the flags ask; false when it failed, differed or could not run.
    private func replay(_ file: String) -> Bool {
        let script: SessionScript
        do { script = try SessionScript.load(path: file) } catch {
            Self.standardError("sparkify: \(error)")
            return false
        }
        let bundled = BundledSamples.locate()
        let dataFolder = data ?? bundled?.data ?? "samples/data"
        let scriptFolder = (file as NSString).deletingLastPathComponent
        let live = !(check || update)
        var substitutions = Transcript.substitutions(for: dataFolder, variable: "data")
        substitutions += Transcript.substitutions(for: scriptFolder.isEmpty ? "." : scriptFolder, variable: SessionPaths.scriptDirectoryKey)
        let printLive: @Sendable (String) -> Void = { text in FileHandle.standardOutput.write(Data(text.utf8)) }
        let transcript = Transcript(substitutions: substitutions, passThrough: live ? printLive : nil)
        let repl = REPL(dataDirectory: dataFolder, output: transcript.output)
        repl.transcriptMode = true
        if let path = notebook ?? bundled?.notebook {
            do { try repl.open(notebookAt: path, quietly: true) } catch {
                Self.standardError("sparkify: \(error)")
                return false
            }
        }
        let name = (file as NSString).lastPathComponent
        let outcome = repl.replay(script, named: name, path: file, keepGoing: keepGoing)
        if check { return compare(transcript.text, of: file) }
        if update { return save(transcript.text, of: file, outcome: outcome) }
        return outcome.succeeded
    }

    /// `--check`: the diff from the saved transcript to this replay's; true when there is none.
    private func compare(_ text: String, of file: String) -> Bool {
        let path = transcriptPath(of: file)
        guard let saved = try? String(contentsOfFile: path, encoding: .utf8) else {
            Self.standardError("sparkify: no transcript \(path) to check against; write it with --update.")
            return false
        }
        let diff = TranscriptDiff(old: saved, new: text)
        if diff.isEmpty {
            Self.standardError("\(file): the replay matches \(path).")
            return true
        }
        Self.printDiff(diff.unified(oldName: path, newName: "replay of \(file)"))
        let counts = diff.changeCounts
        Self.standardError("\(file): the replay differs from \(path) (\(Self.lines(counts.removed)) removed, \(counts.added) added). If the new output is right: sparkify replay \(file) --update")
        return false
    }

    /// `--update`: writes the transcript when the replay succeeded, showing what changed.
    private func save(_ text: String, of file: String, outcome: ReplayOutcome) -> Bool {
        let path = transcriptPath(of: file)
        guard outcome.succeeded else {
            print(text, terminator: "")
            Self.standardError("sparkify: \(path) not written: the replay failed at \(outcome.failures.map(\.location).joined(separator: ", ")).")
            return false
        }
        let saved = try? String(contentsOfFile: path, encoding: .utf8)
        if saved == text {
            Self.standardError("\(path) is up to date.")
            return true
        }
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            Self.standardError("sparkify: cannot write \(path): \(error.localizedDescription)")
            return false
        }
        if let saved {
            Self.printDiff(TranscriptDiff(old: saved, new: text).unified(oldName: path, newName: "replay of \(file)"))
            Self.standardError("Updated \(path).")
        } else {
            Self.standardError("Wrote \(path) (\(Self.lines(text.utf8.filter { $0 == 0x0A }.count))).")
        }
        return true
    }

    /// A unified diff on standard output, colored on a terminal.
    static func printDiff(_ unified: String) {
        let style = TextStyle(enabled: TerminalInfo.colorsWanted(on: 1, environment: ProcessInfo.processInfo.environment))
        print(TranscriptDiff.colored(unified, style: style), terminator: "")
    }

    /// `1 line`, `3 lines`.
    static func lines(_ count: Int) -> String { count == 1 ? "1 line" : "\(count) lines" }

    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
