import Foundation
import Testing

/// Replays every `Logic/*.test` file: SQL behaviour as data, expected answers recorded from
/// Apache Spark (see Logic/README.md).
@Suite struct SQLLogicTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Logic")

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".test") }.sorted()
    }()

    @Test func logicFilesExist() {
        #expect(!Self.files.isEmpty, "no .test files in \(Self.folder.path)")
    }

    @Test(arguments: files)
    func logicFile(_ name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let records = try SQLLogicFile.parse(text)
        let failures = SQLLogicRunner(folder: Self.folder.path).run(file: name, records: records)
        for failure in failures {
            Issue.record(Comment(rawValue: failure.description))
        }
    }
}
