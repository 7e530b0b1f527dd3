import Foundation
import Testing
import SparkifyTerminal

/// A replay is the REPL's piped mode with echo: the same core runs the same inputs, so the
/// transcript without its echoed lines is exactly what piping the script prints.
@Suite struct SessionReplayTests {
    static let notebook = REPLHarness.packageRoot.appendingPathComponent("samples/etl.sql").path

    func makeREPL(_ transcript: Transcript) throws -> REPL {
        let repl = REPL(dataDirectory: REPLHarness.sampleData, output: transcript.output, environment: [:])
        repl.transcriptMode = true
        try repl.open(notebookAt: Self.notebook, quietly: true)
        return repl
    }

    /// The lines that are not echoed input: prompts, continuation lines, comments, blank lines.
    static func outputLines(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { line in
            !(line.hasPrefix("sparkify") && line.contains("> ")) && !line.hasPrefix("-- ")
                && !line.trimmingCharacters(in: .whitespaces).hasPrefix("...> ")
        }
    }

    @Test(arguments: ["exploration.sparkify", "walkthrough.sparkify"])
    func aReplayPrintsWhatPipingTheScriptPrints(_ name: String) throws {
        let path = SessionsEndToEndTests.sessionsFolder.appendingPathComponent(name).path
        let text = try String(contentsOfFile: path, encoding: .utf8)

        let piped = Transcript(substitutions: [])
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        #expect(try makeREPL(piped).runNonInteractive { lines.popFirst() } == 0)

        let replayed = Transcript(substitutions: [])
        let outcome = try makeREPL(replayed).replay(SessionScript(parsing: text), named: name, path: path, keepGoing: false)
        #expect(outcome.succeeded)
        #expect(replayed.text.count > piped.text.count, "the replay echoes its input")
        let replayOutput = Self.outputLines(replayed.text), pipedOutput = Self.outputLines(piped.text)
        #expect(replayOutput.count > 100)
        #expect(replayOutput == pipedOutput)
    }

    @Test func expectedErrorsDoNotCountAsFailures() throws {
        let transcript = Transcript(substitutions: [])
        let repl = try makeREPL(transcript)
        let script = SessionScript(parsing: "-- expect error\nSELECT nosuch;\n-- expect error\n.nosuch\nSELECT 1 AS fine;\n")
        let outcome = repl.replay(script, named: "s.sparkify", path: "/tmp/s.sparkify", keepGoing: false)
        #expect(outcome.succeeded && !outcome.stopped)
        #expect(repl.failureCount == 0)
        #expect(transcript.text.contains("Error: Unknown command .nosuch."))
        #expect(transcript.text.contains("│    1 │"))
    }

    @Test func theOutcomeListsEachFailureWithItsLine() throws {
        let repl = try makeREPL(Transcript(substitutions: []))
        let script = SessionScript(parsing: "SELECT x;\n\n-- expect error\nSELECT 1;\nSELECT\n  y;\n")
        let outcome = repl.replay(script, named: "s.sparkify", path: "/tmp/s.sparkify", keepGoing: true)
        #expect(outcome.failures.map(\.location) == ["s.sparkify:1", "s.sparkify:4", "s.sparkify:5"])
        #expect(outcome.failures.map(\.expectedErrorMissing) == [false, true, false])
        #expect(!outcome.stopped)
        let stopping = try makeREPL(Transcript(substitutions: [])).replay(script, named: "s.sparkify", path: "/tmp/s.sparkify", keepGoing: false)
        #expect(stopping.failures.count == 1 && stopping.stopped)
    }
}
