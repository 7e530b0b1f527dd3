import Testing
import SparkifyTerminal

/// The line diff behind `replay --check`: correct, shortest, and printed as `diff -u` does.
@Suite struct TranscriptDiffTests {
    @Test func identicalTextsHaveNoDiff() {
        let diff = TranscriptDiff(old: "a\nb\n", new: "a\nb\n")
        #expect(diff.isEmpty)
        #expect(diff.unified(oldName: "x", newName: "y") == "")
    }

    @Test func oneChangedLineWithThreeLinesOfContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 6\n", with: "line six\n")
        #expect(TranscriptDiff(old: old, new: new).unified(oldName: "t.out", newName: "replay") == """
            --- t.out
            +++ replay
            @@ -3,7 +3,7 @@
             line 3
             line 4
             line 5
            -line 6
            +line six
             line 7
             line 8
             line 9

            """)
    }

    @Test func changesFarApartMakeTwoHunksAndNearOnesOne() {
        let old = (1...30).map(String.init)
        var new = old
        new[1] = "two"
        new[25] = "twenty-six"
        let apart = TranscriptDiff(oldLines: old, newLines: new).unified(oldName: "a", newName: "b")
        #expect(apart.contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"))
        #expect(apart.contains("@@ -23,7 +23,7 @@\n"))
        new[8] = "nine"
        let near = TranscriptDiff(oldLines: old, newLines: new).unified(oldName: "a", newName: "b")
        #expect(near.components(separatedBy: "@@ -").count == 3)
        #expect(near.contains("@@ -1,12 +1,12 @@\n"))
    }

    @Test func insertionsAndDeletionsAtTheEdges() {
        let added = TranscriptDiff(old: "", new: "a\nb\n").unified(oldName: "a", newName: "b")
        #expect(added == "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        let removed = TranscriptDiff(old: "a\nb\nc\n", new: "b\nc\n").unified(oldName: "a", newName: "b")
        #expect(removed == "--- a\n+++ b\n@@ -1,3 +1,2 @@\n-a\n b\n c\n")
        let appended = TranscriptDiff(old: "a\n", new: "a\nz\n").unified(oldName: "a", newName: "b")
        #expect(appended == "--- a\n+++ b\n@@ -1 +1,2 @@\n a\n+z\n")
    }

    /// On random texts over a small alphabet, the edit script rebuilds both texts and keeps as
    /// many lines as the longest common subsequence (so it is a shortest diff).
    @Test func randomTextsAgainstTheLongestCommonSubsequence() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...14, using: &generator)).map { _ in ["x", "y", "z", "w"].randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...14, using: &generator)).map { _ in ["x", "y", "z", "w"].randomElement(using: &generator)! }
            let diff = TranscriptDiff(oldLines: a, newLines: b)
            var rebuiltOld: [String] = [], rebuiltNew: [String] = [], kept = 0
            for line in diff.lines {
                switch line {
                case let .same(s):
                    rebuiltOld.append(s)
                    rebuiltNew.append(s)
                    kept += 1
                case let .removed(s): rebuiltOld.append(s)
                case let .added(s): rebuiltNew.append(s)
                }
            }
            #expect(rebuiltOld == a && rebuiltNew == b, "\(a) → \(b)")
            #expect(kept == Self.lcsLength(a, b), "\(a) → \(b)")
        }
    }

    @Test func largeTranscriptsDiffQuickly() {
        let old = (0..<20_000).map { "row \($0)" }
        var new = old
        for i in stride(from: 100, to: 20_000, by: 1000) { new[i] = "changed \(i)" }
        let clock = ContinuousClock()
        var diff: TranscriptDiff?
        let elapsed = clock.measure { diff = TranscriptDiff(oldLines: old, newLines: new) }
        #expect(diff?.changeCounts.removed == 20 && diff?.changeCounts.added == 20)
        #expect(elapsed < .seconds(5))
    }

    @Test func coloredOnlyWhenTheStyleIsOn() {
        let unified = TranscriptDiff(old: "a\nb\n", new: "a\nc\n").unified(oldName: "x", newName: "y")
        #expect(TranscriptDiff.colored(unified, style: TextStyle(enabled: false)) == unified)
        let colored = TranscriptDiff.colored(unified, style: TextStyle(enabled: true))
        #expect(colored.contains("\u{1B}[31m-b\u{1B}[0m\n") && colored.contains("\u{1B}[32m+c\u{1B}[0m\n"))
    }

    /// Texts with more differences than the search allows still get a correct diff.
    @Test func wildlyDifferentTextsStillGetACorrectDiff() {
        let old = (0..<3000).map { "old \($0)" }
        let new = (0..<2500).map { $0 % 7 == 0 ? "old \($0)" : "new \($0)" }
        let diff = TranscriptDiff(oldLines: old, newLines: new)
        var rebuiltOld: [String] = [], rebuiltNew: [String] = []
        for line in diff.lines {
            switch line {
            case let .same(s):
                rebuiltOld.append(s)
                rebuiltNew.append(s)
            case let .removed(s): rebuiltOld.append(s)
            case let .added(s): rebuiltNew.append(s)
            }
        }
        #expect(rebuiltOld == old && rebuiltNew == new)
        #expect(diff.unified(oldName: "a", newName: "b").hasPrefix("--- a\n+++ b\n@@ -1,3000 +1,2500 @@\n"))
    }

    static func lcsLength(_ a: [String], _ b: [String]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }
}

/// A small deterministic random number generator (SplitMix64) for repeatable random tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
