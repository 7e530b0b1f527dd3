import Foundation
import Testing
@testable import SparkifySampleData

/// A dataset generated into a fresh temporary folder, with every file read back.
struct GeneratedDataset: Sendable {
    let root: String
    let summary: GenerationSummary
    /// Paths relative to `root`, sorted, with their bytes.
    let files: [String: [UInt8]]

    /// The data set most tests share: generated once per test run.
    static let shared: GeneratedDataset = {
        do {
            return try generate(SampleDataOptions(songs: 600, events: 12_000, seed: 7))
        } catch {
            preconditionFailure("cannot generate the shared test dataset: \(error)")
        }
    }()

    static func generate(_ options: SampleDataOptions) throws -> GeneratedDataset {
        let root = temporaryDirectory()
        let summary = try SampleDataGenerator(options: options).write(to: root)
        return GeneratedDataset(root: root, summary: summary, files: try readTree(root))
    }

    /// A path under the system's temporary folder that does not exist yet.
    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("sparkify-gen-\(UUID().uuidString)").path
    }

    /// Every regular file under `root`, by path relative to it.
    static func readTree(_ root: String) throws -> [String: [UInt8]] {
        var files = [String: [UInt8]]()
        let base = URL(fileURLWithPath: root)
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
        while let relative = enumerator.nextObject() as? String {
            let url = base.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = Array(try Data(contentsOf: url))
            }
        }
        return files
    }

    var songFilePaths: [String] { files.keys.filter { $0.hasPrefix("song_data/") }.sorted() }
    var logFilePaths: [String] { files.keys.filter { $0.hasPrefix("log_data/") }.sorted() }

    /// Every song file parsed with JSONSerialization.
    func songs() throws -> [[String: Any]] {
        try songFilePaths.map { try JSONTestSupport.object(files[$0] ?? []) }
    }

    /// The raw lines of every log file, in file order (without the newline).
    func logLines() -> [(path: String, line: [UInt8])] {
        var lines = [(path: String, line: [UInt8])]()
        for path in logFilePaths {
            for line in (files[path] ?? []).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
                lines.append((path, Array(line)))
            }
        }
        return lines
    }

    /// Every log event parsed with JSONSerialization.
    func events() throws -> [[String: Any]] {
        try logLines().map { try JSONTestSupport.object($0.line) }
    }
}

/// Parsing helpers for the tests (Foundation only here, never in the generator).
enum JSONTestSupport {
    struct NotAnObject: Error {}

    static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw NotAnObject()
        }
        return object
    }

    /// The keys of the top-level object in the order the text has them.
    static func keysInOrder(_ bytes: [UInt8]) -> [String] {
        var keys = [String]()
        var depth = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                var end = index + 1
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                var next = end + 1
                while next < bytes.count && bytes[next] == UInt8(ascii: " ") { next += 1 }
                if depth == 1 && next < bytes.count && bytes[next] == UInt8(ascii: ":") {
                    keys.append(String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
                }
                index = end + 1
                continue
            }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { depth -= 1 }
            index += 1
        }
        return keys
    }

    static func isNull(_ value: Any?) -> Bool { value is NSNull }

    /// A JSON number without a fractional part. (The generator writes no booleans, and the
    /// raw-text checks of the tests make sure integers carry no ".0".)
    static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        let double = number.doubleValue
        return double == double.rounded() ? number.intValue : nil
    }

    static func double(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }
}

/// The shared dataset's log events and songs parsed once (JSONSerialization is slow in debug
/// builds). Immutable after creation, so sharing it between tests is safe.
final class ParsedDataset: @unchecked Sendable {
    static let shared: ParsedDataset = {
        do {
            return try ParsedDataset(GeneratedDataset.shared)
        } catch {
            preconditionFailure("cannot parse the shared test dataset: \(error)")
        }
    }()

    /// Every line of every log file, in file order, with its file.
    let events: [(path: String, line: [UInt8], event: [String: Any])]
    let songs: [[String: Any]]

    init(_ dataset: GeneratedDataset) throws {
        events = try dataset.logLines().map { ($0.path, $0.line, try JSONTestSupport.object($0.line)) }
        songs = try dataset.songs()
    }
}

/// Like `#expect` for checks inside loops over thousands of lines: costs nothing when the
/// condition holds (the macro is slow in debug builds) and records an issue when it does not.
func check(
    _ condition: Bool, _ message: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if !condition {
        Issue.record(Comment(rawValue: message()), sourceLocation: sourceLocation)
    }
}
