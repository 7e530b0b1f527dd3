import Foundation
import Synchronization
import SparkifyTerminal

/// A REPL fed lines in process, with what it writes to each stream captured.
final class REPLHarness: Sendable {
    private let stdout = Mutex("")
    private let stderr = Mutex("")

    /// The package root (for `samples/`).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let sampleData = packageRoot.appendingPathComponent("samples/data").path

    var out: String { stdout.withLock { $0 } }
    var err: String { stderr.withLock { $0 } }

    func makeREPL(width: Int = 100, data: String = sampleData, environment: [String: String] = [:]) -> REPL {
        let output = REPLOutput(out: { text in self.stdout.withLock { $0 += text } },
                                err: { text in self.stderr.withLock { $0 += text } },
                                width: { width })
        return REPL(dataDirectory: data, output: output, environment: environment)
    }

    /// Runs `script` as piped input; returns the exit status.
    func run(_ script: String, on repl: REPL? = nil) -> Int32 {
        let repl = repl ?? makeREPL()
        var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        if lines.last == "" { lines.removeLast() }
        return repl.runNonInteractive { lines.popFirst() }
    }
}

/// A temporary folder removed when the test ends.
struct TemporaryFolder: ~Copyable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sparkify-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) -> String {
        let file = url.appendingPathComponent(name)
        try? text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
