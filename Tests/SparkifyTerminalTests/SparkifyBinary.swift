import Foundation
import Synchronization
import Testing

/// The built `sparkify` executable: `$SPARKIFY_BINARY`, else `.build/debug/sparkify` in the
/// package (the test command builds it before the tests run).
enum SparkifyBinary {
    static var path: String? {
        if let path = ProcessInfo.processInfo.environment["SPARKIFY_BINARY"], !path.isEmpty { return path }
        let candidate = REPLHarness.packageRoot.appendingPathComponent(".build/debug/sparkify").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    /// The path, or a recorded failure that says how to build it.
    static func require(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        guard let path else {
            Issue.record("No sparkify binary: run `swift build --product sparkify` or set SPARKIFY_BINARY.", sourceLocation: sourceLocation)
            return nil
        }
        return path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs sparkify with `arguments`, `input` piped to standard input, in the package folder.
    static func run(_ arguments: [String], input: String, environment extra: [String: String] = [:]) throws -> Result? {
        guard let path = require() else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = REPLHarness.packageRoot
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both streams while writing, so a full pipe cannot stall the child.
        let errData = Mutex<Data>(Data())
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            let data = stderr.fileHandleForReading.readDataToEndOfFile()
            errData.withLock { $0 = data }
            group.leave()
        }
        let writer = stdin.fileHandleForWriting
        let inputData = Data(input.utf8)
        DispatchQueue.global().async {
            writer.write(inputData)
            try? writer.close()
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.withLock { $0 }, as: UTF8.self))
    }
}
