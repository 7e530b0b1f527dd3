import Foundation
@testable import SparkifySampleData

/// A dataset generated into a fresh temporary folder, with every file read back.
struct GeneratedDataset: Sendable {
    let summary: GenerationSummary
    /// Paths relative to the dataset's folder, with their bytes.
    let files: [String: [UInt8]]
    /// Folders relative to the dataset's folder.
    let folders: Set<String>

    /// The data set most tests share: generated once per test run.
    static let shared = Result { try generate(SampleDataOptions(songs: 600, events: 12_000, seed: 7)) }

    /// Generates into a temporary folder, reads everything back and deletes the folder.
    static func generate(_ options: SampleDataOptions) throws -> GeneratedDataset {
        let root = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let summary = try SampleDataGenerator(options: options).write(to: root)
        return GeneratedDataset(summary: summary, files: try readTree(root), folders: readFolders(root))
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

    /// Every folder under `root`, by path relative to it.
    static func readFolders(_ root: String) -> Set<String> {
        var folders = Set<String>()
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return folders }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory),
               isDirectory.boolValue {
                folders.insert(relative)
            }
        }
        return folders
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
