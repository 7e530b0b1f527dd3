import Foundation
import Testing
import SparkifyTerminal

/// `.record`, `.save` and `.read` in the REPL, driven in process.
@Suite struct SessionCommandTests {
    @Test func recordWritesEachStatementAsSoonAsItRan() throws {
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("rec.sparkify").path
        let harness = REPLHarness()
        let repl = harness.makeREPL()
        #expect(harness.run(".record \(path)\nSELECT 1 AS a;", on: repl) == 0)
        // Still recording (the file is open): what ran is already in the file.
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("\nSELECT 1 AS a;\n"))
        #expect(harness.run(".help record\n.record\n.record off\n.record off", on: repl) == 1)
        #expect(harness.err.contains("Recording to \(path): every statement and command from now on. .record off stops."))
        #expect(harness.err.contains("Recording to \(path). .record off stops."))
        #expect(harness.err.contains("Stopped recording to \(path)."))
        #expect(harness.err.contains("Error: Not recording. .record FILE starts."))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\nSELECT 1 AS a;\n.help record\n"))
    }

    @Test func aCommentLineStandsAloneSoACommandAfterItRuns() {
        let harness = REPLHarness()
        #expect(harness.run("-- switch to csv\n.mode csv\n-- one row\nSELECT 1 AS a;\n") == 0)
        #expect(harness.err == "Results now print in csv mode.\n")
        #expect(harness.out == "a\n1\n")
    }

    @Test func typedCommentsAreRecordedAndTheMarkerWrittenOnce() throws {
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("notes.sparkify").path
        let harness = REPLHarness()
        #expect(harness.run(".record \(path)\n-- a note\nSELECT 1 AS a;\n-- expect error\nSELECT x;\n-- expect error\nSELECT 2 AS b;\n") == 1)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n-- a note\nSELECT 1 AS a;\n-- expect error\nSELECT x;\nSELECT 2 AS b;\n"))
    }

    @Test func recordAppendsToAnExistingScript() throws {
        let folder = TemporaryFolder()
        let path = folder.write("old.sparkify", "SELECT 0 AS zero;\n")
        let harness = REPLHarness()
        #expect(harness.run(".record \(path)\nSELECT 1 AS one;\n") == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "SELECT 0 AS zero;\nSELECT 1 AS one;\n")
    }

    @Test func saveWritesTheWholeSessionSoFar() throws {
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("whole").path
        let harness = REPLHarness()
        #expect(harness.run("SELECT 1 AS a;\n.mode csv\nSELECT nosuch;\n.save \(path)\nSELECT 2 AS b;\n") == 1)
        // A name without an extension gets .sparkify.
        let text = try String(contentsOfFile: path + ".sparkify", encoding: .utf8)
        #expect(text == "-- A sparkify session. Replay it with: sparkify replay \(path).sparkify\nSELECT 1 AS a;\n.mode csv\n-- expect error\nSELECT nosuch;\n")
        #expect(harness.err.contains("Saved the session (4 lines) to \(path).sparkify."))
    }

    @Test func savingOverTheRecordingKeepsRecording() throws {
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("same.sparkify").path
        let harness = REPLHarness()
        #expect(harness.run("SELECT 0 AS zero;\n.record \(path)\nSELECT 1 AS one;\n.save \(path)\nSELECT 2 AS two;\n") == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\nSELECT 0 AS zero;\nSELECT 1 AS one;\nSELECT 2 AS two;\n"))
    }

    @Test func readRunsAScriptWithEchoAndStopsAtAFailure() throws {
        let folder = TemporaryFolder()
        let path = folder.write("part.sparkify", "-- part\nSELECT 1 AS a;\n-- expect error\nSELECT x;\nSELECT y;\nSELECT 3 AS c;\n")
        let harness = REPLHarness()
        #expect(harness.run(".read \(path)\nSELECT 4 AS d;\n") == 1)
        #expect(harness.out.hasPrefix("-- part\nsparkify> SELECT 1 AS a;\n┌───┐\n│ a │\n"))
        #expect(harness.out.contains("-- expect error\nsparkify> SELECT x;\nsparkify> SELECT y;\n"))
        #expect(harness.err.contains("Replay stopped at \(path):5: the statement there failed."))
        #expect(!harness.out.contains("│ c │"), "stops at the failure")
        #expect(harness.out.contains("│ d │"), "the session goes on after .read")
    }

    @Test func readFindsScriptsBesideTheReadingScriptAndInSessions() throws {
        let folder = TemporaryFolder()
        _ = folder.write("inner.sparkify", "SELECT 'inner' AS which;\n")
        let outer = folder.write("outer.sparkify", ".read inner\n")
        let harness = REPLHarness()
        #expect(harness.run(".read \(outer)\n.read nosuch") == 1)
        #expect(harness.out.contains("│ inner │"))
        #expect(harness.err.contains("No session script nosuch (looked for nosuch, nosuch.sparkify, \(folder.url.path)/nosuch"))
    }

    @Test func theScriptBeingRecordedCannotBeRead() throws {
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("rec.sparkify").path
        let harness = REPLHarness()
        #expect(harness.run(".record \(path)\nSELECT 1 AS a;\n.read \(folder.url.path)/./rec\n.record off\n.read \(path)\n") == 1)
        #expect(harness.err.contains("is the script being recorded"))
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("\nSELECT 1 AS a;\n"), "the refused .read is not recorded")
        #expect(harness.out.components(separatedBy: "│ a │").count == 3, "read after .record off")
    }

    @Test func aReplayDoesNotOpenAnEditor() throws {
        let folder = TemporaryFolder()
        let path = folder.write("edit.sparkify", "-- expect error\n.edit songs\nSELECT 1 AS after;\n")
        let harness = REPLHarness()
        #expect(harness.run(".read \(path)") == 0)
        #expect(harness.err.contains(".edit opens an editor, which a replay cannot"))
        #expect(harness.out.contains("│ after │"))
    }

    @Test func aScriptThatReadsItselfStops() throws {
        let folder = TemporaryFolder()
        let path = folder.write("loop.sparkify", ".read \(folder.url.path)/loop.sparkify\n")
        let harness = REPLHarness()
        #expect(harness.run(".read \(path)") == 1)
        #expect(harness.err.contains("Scripts read each other more than 8 deep"))
    }

    @Test func completionOffersPathsAfterTheSessionCommands() {
        let context = CompletionContext(commands: [".read", ".record", ".save"], listDirectory: { directory in
            directory == "sessions/" ? ["walkthrough.sparkify", "exploration.sparkify", "data/"] : ["sessions/", "samples/"]
        })
        let completer = Completer(context: context)
        #expect(completer.complete(textBeforeCursor: ".read se").candidates == ["sessions/"])
        #expect(completer.complete(textBeforeCursor: ".record sessions/w").candidates == ["sessions/walkthrough.sparkify"])
        let save = completer.complete(textBeforeCursor: ".save sessions/")
        #expect(save.isPath && save.candidates == ["sessions/data/", "sessions/exploration.sparkify", "sessions/walkthrough.sparkify"])
    }
}
