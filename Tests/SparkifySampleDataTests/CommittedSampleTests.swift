import Foundation
import Testing
@testable import SparkifySampleData

/// samples/data must be exactly what the generator writes with the parameters its README gives.
@Suite("committed sample data")
struct CommittedSampleTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples/data").path

    /// The options on the README's `sparkify generate samples/data …` line.
    static func documentedOptions() throws -> SampleDataOptions {
        let readme = try String(contentsOfFile: samples + "/README.md", encoding: .utf8)
        let command = try #require(readme.split(separator: "\n").first { $0.contains("sparkify generate samples/data") })
        let words = command.split(separator: " ").map(String.init)
        func value(_ flag: String) throws -> String {
            let index = try #require(words.firstIndex(of: flag), "README gives \(flag)")
            return try #require(words.indices.contains(index + 1) ? words[index + 1] : nil)
        }
        return SampleDataOptions(
            songs: try #require(Int(try value("--songs"))), events: try #require(Int(try value("--events"))),
            seed: try #require(UInt64(try value("--seed"))))
    }

    @Test func samplesAreWhatTheGeneratorWrites() throws {
        let options = try Self.documentedOptions()
        let regenerated = try GeneratedDataset.generate(options)
        let committed = try GeneratedDataset.readTree(Self.samples).filter { $0.key != "README.md" }
        #expect(committed.keys.sorted() == regenerated.files.keys.sorted())
        for (path, bytes) in regenerated.files {
            check(committed[path] == bytes, "samples/data/\(path) differs from the generator's output")
        }
        #expect(committed.count == options.songs + 30)
    }
}
