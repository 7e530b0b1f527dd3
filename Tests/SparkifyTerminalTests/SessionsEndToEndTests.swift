import Foundation
import Testing

/// Sessions through the real binary: record what is typed, replay it as a transcript, check
/// it against the saved one, and the shipped sessions in `sessions/` still give their output.
@Suite struct SessionsEndToEndTests {
    static let sessionsFolder = REPLHarness.packageRoot.appendingPathComponent("sessions")

    /// The session scripts in `sessions/`, by name.
    static var shippedScripts: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sessionsFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".sparkify") }.sorted()
    }

    /// Every shipped session replays to exactly its saved transcript.
    @Test(arguments: shippedScripts)
    func shippedSessionMatchesItsTranscript(_ name: String) throws {
        let script = Self.sessionsFolder.appendingPathComponent(name).path
        guard let result = try SparkifyBinary.run(["replay", script, "--check"], input: "") else { return }
        #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
        #expect(result.stdout.isEmpty)
    }

    @Test func everyShippedScriptHasATranscriptAndIsChecked() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.sessionsFolder.path)
        let scripts = names.filter { $0.hasSuffix(".sparkify") }.sorted()
        #expect(Set(["bad-input.sparkify", "exploration.sparkify", "walkthrough.sparkify"]).isSubset(of: scripts))
        for script in scripts { #expect(names.contains(script + ".out"), "\(script) has no transcript") }
    }

    /// The transcript does not depend on how the data folder is named: relative or absolute.
    @Test func theDataFolderIsWrittenAsAVariable() throws {
        let script = Self.sessionsFolder.appendingPathComponent("bad-input.sparkify").path
        guard let result = try SparkifyBinary.run(["replay", script, "--check", "--data", REPLHarness.sampleData], input: "") else { return }
        #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
        guard let live = try SparkifyBinary.run(["replay", script], input: "") else { return }
        #expect(live.stdout.contains("${data}/log_data/2019"))
        #expect(!live.stdout.contains(REPLHarness.packageRoot.path))
    }

    @Test func recordThenReplayThenCheck() throws {
        let folder = TemporaryFolder()
        let script = folder.url.appendingPathComponent("typed.sparkify").path
        let typed = """
            SELECT 1 AS one;
            .record \(script)
            .mode csv
            SELECT 40 +
              2 AS answer;
            SELECT nosuch;
            .timer on
            SELECT 'x' AS letter;
            .record off
            SELECT 'not recorded' AS later;
            """
        guard let recording = try SparkifyBinary.run([], input: typed) else { return }
        #expect(recording.status == 1, "the typo fails the piped run")
        let recorded = try String(contentsOfFile: script, encoding: .utf8)
        #expect(recorded == """
            -- A sparkify session. Replay it with: sparkify replay \(script)
            .mode csv
            SELECT 40 +
              2 AS answer;
            -- expect error
            SELECT nosuch;
            .timer on
            SELECT 'x' AS letter;

            """)

        guard let updated = try SparkifyBinary.run(["replay", script, "--update"], input: "") else { return }
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stderr.contains("Wrote \(script).out"))
        let transcript = try String(contentsOfFile: script + ".out", encoding: .utf8)
        #expect(transcript.contains("""
            sparkify [1/12]> SELECT 40 +
                        ...>   2 AS answer;
            answer
            42
            -- expect error
            sparkify [1/12]> SELECT nosuch;
            Error: [UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column or function parameter with name `nosuch` cannot be resolved. (line 6, column 8)
            """))
        #expect(transcript.hasSuffix("letter\nx\nTime: … s\n"), "timings are left out")

        guard let checked = try SparkifyBinary.run(["replay", script, "--check"], input: "") else { return }
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stderr.contains("the replay matches"))
        guard let again = try SparkifyBinary.run(["replay", script, "--update"], input: "") else { return }
        #expect(again.status == 0 && again.stderr.contains("is up to date"))
    }

    @Test func aChangedTranscriptShowsAUnifiedDiffAndExitsOne() throws {
        let folder = TemporaryFolder()
        let script = folder.write("s.sparkify", ".mode csv\nSELECT 1 AS a;\nSELECT 2 AS b;\n")
        guard let first = try SparkifyBinary.run(["replay", script, "--update"], input: ""), first.status == 0 else {
            Issue.record("--update failed")
            return
        }
        let saved = try String(contentsOfFile: script + ".out", encoding: .utf8)
        try saved.replacingOccurrences(of: "b\n2\n", with: "b\n3\n").write(toFile: script + ".out", atomically: true, encoding: .utf8)
        guard let checked = try SparkifyBinary.run(["replay", script, "--check"], input: "") else { return }
        #expect(checked.status == 1)
        #expect(checked.stdout == """
            --- \(script).out
            +++ replay of \(script)
            @@ -5,4 +5,4 @@
             1
             sparkify [1/12]> SELECT 2 AS b;
             b
            -3
            +2

            """)
        #expect(checked.stderr.contains("differs from \(script).out (1 line removed, 1 added)"))

        // --update shows what changed and rewrites it; a named transcript is beside the script.
        guard let updated = try SparkifyBinary.run(["replay", script, "--update"], input: "") else { return }
        #expect(updated.status == 0 && updated.stdout.contains("-3\n+2\n"))
        #expect(try String(contentsOfFile: script + ".out", encoding: .utf8) == saved)
        guard let missing = try SparkifyBinary.run(["replay", script, "--check", "--transcript", "other.out"], input: "") else { return }
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no transcript \(folder.url.path)/other.out"))
    }

    @Test func aFailingStatementStopsTheReplayAtItsFileAndLine() throws {
        let folder = TemporaryFolder()
        let script = folder.write("broken.sparkify", """
            -- line 1
            SELECT 1 AS first;

            SELECT 2,
              3 FORM nowhere;
            SELECT 'after' AS after;
            """)
        guard let result = try SparkifyBinary.run(["replay", script], input: "") else { return }
        #expect(result.status == 1)
        #expect(result.stdout.contains("Syntax error at or near 'FORM' (line 5, column 5)\n  3 FORM nowhere\n    ^\n"))
        #expect(result.stdout.hasSuffix("Replay stopped at broken.sparkify:4: the statement there failed. (A `-- expect error` line before a statement marks it as meant to fail.)\n"))
        #expect(!result.stdout.contains("after"))

        guard let going = try SparkifyBinary.run(["replay", script, "--keep-going"], input: "") else { return }
        #expect(going.status == 1)
        #expect(going.stdout.contains("│ after │"))
        #expect(going.stdout.hasSuffix("1 statement of broken.sparkify failed: broken.sparkify:4.\n"))

        // --update never saves a failed replay; --check's status says only whether it matched.
        guard let update = try SparkifyBinary.run(["replay", script, "--update"], input: "") else { return }
        #expect(update.status == 1 && update.stderr.contains("not written: the replay failed at broken.sparkify:4"))
        #expect(!FileManager.default.fileExists(atPath: script + ".out"))
        guard let stopped = try SparkifyBinary.run(["replay", script], input: "") else { return }
        try stopped.stdout.write(toFile: script + ".out", atomically: true, encoding: .utf8)
        guard let check = try SparkifyBinary.run(["replay", script, "--check"], input: "") else { return }
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func aStatementMarkedToFailThatSucceedsIsReported() throws {
        let folder = TemporaryFolder()
        let script = folder.write("wrong.sparkify", "-- expect error\nSELECT 1 AS fine;\nSELECT 2 AS two;\n")
        guard let result = try SparkifyBinary.run(["replay", script], input: "") else { return }
        #expect(result.status == 1)
        #expect(result.stdout.contains("Error: wrong.sparkify:2: this statement was marked `-- expect error` but succeeded.\nReplay stopped at wrong.sparkify:2.\n"))
        #expect(!result.stdout.contains("two"))
    }

    @Test func theScriptFolderIsAVariable() throws {
        let folder = TemporaryFolder()
        _ = folder.write("tiny.json", "{\"a\": 1}\n{\"a\": \n")
        let script = folder.write("s.sparkify", "SELECT a FROM json.`${script_dir}/tiny.json`;\n")
        guard let result = try SparkifyBinary.run(["replay", script], input: "") else { return }
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("1 malformed record in ${script_dir}/tiny.json (permissive); first at ${script_dir}/tiny.json:2"))
        #expect(!result.stdout.contains(folder.url.path))
    }

    @Test func severalScriptsAreEachCheckedOnAFreshSession() throws {
        let folder = TemporaryFolder()
        let first = folder.write("a.sparkify", "CREATE TEMP VIEW v AS SELECT 1 AS n;\n")
        let second = folder.write("b.sparkify", "CREATE TEMP VIEW v AS SELECT 2 AS n;\n.mode csv\nSELECT * FROM v;\n")
        guard let update = try SparkifyBinary.run(["replay", "--update", first, second], input: "") else { return }
        #expect(update.status == 0, "the second script does not see the first one's view: \(update.stdout)")
        _ = folder.write("b.sparkify.out", "changed\n")
        guard let check = try SparkifyBinary.run(["replay", "--check", second, first], input: "") else { return }
        #expect(check.status == 1)
        #expect(check.stdout.contains("-changed\n+sparkify [1/12]> CREATE TEMP VIEW v AS SELECT 2 AS n;\n"))
        #expect(check.stderr.contains("b.sparkify: the replay differs") && check.stderr.contains("a.sparkify: the replay matches"))
    }

    @Test func usageErrors() throws {
        guard let both = try SparkifyBinary.run(["replay", "x.sparkify", "--check", "--update"], input: "") else { return }
        #expect(both.status != 0 && both.stderr.contains("--check and --update do not go together"))
        guard let two = try SparkifyBinary.run(["replay", "a.sparkify", "b.sparkify", "--transcript", "t.out"], input: "") else { return }
        #expect(two.status != 0 && two.stderr.contains("--transcript names the transcript of one script"))
        guard let missing = try SparkifyBinary.run(["replay", "/nonexistent/x.sparkify"], input: "") else { return }
        #expect(missing.status == 1 && missing.stderr.contains("/nonexistent/x.sparkify: no such script."))
    }
}
