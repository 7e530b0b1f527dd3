import Foundation
import Testing
@testable import SparkifySampleData

@Suite("target folder and options")
struct DirectoryHandlingTests {
    @Test func countsOutOfRangeAreRejectedWithTheOptionsName() {
        #expect(throws: SampleDataError.invalidOption(name: "--songs", message: "-1 is not between 0 and 5000000")) {
            try SampleDataGenerator(options: SampleDataOptions(songs: -1))
        }
        #expect(throws: SampleDataError.self) {
            try SampleDataGenerator(options: SampleDataOptions(events: -5))
        }
        #expect(throws: SampleDataError.self) {
            try SampleDataGenerator(options: SampleDataOptions(events: SampleDataOptions.maximumEvents + 1))
        }
        let message = SampleDataError.invalidOption(name: "--events", message: "-5 is not between 0 and 50000000").description
        #expect(message == "invalid --events: -5 is not between 0 and 50000000")
    }

    @Test func aNonEmptyFolderIsKeptUnlessReplacingIsAsked() throws {
        let root = GeneratedDataset.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: root + "/notes.txt"))
        let generator = try SampleDataGenerator(options: SampleDataOptions(songs: 50, events: 300, seed: 1))
        #expect(throws: SampleDataError.directoryNotEmpty(path: root)) {
            try generator.write(to: root)
        }
        #expect(try GeneratedDataset.readTree(root).keys.sorted() == ["notes.txt"])

        _ = try SampleDataGenerator(options: SampleDataOptions(songs: 200, events: 3_000, seed: 1))
            .write(to: root, replacingExisting: true)
        let summary = try generator.write(to: root, replacingExisting: true)
        let files = try GeneratedDataset.readTree(root)
        #expect(files["notes.txt"] == Array("keep me".utf8), "other files are left alone")
        #expect(files.keys.filter { $0.hasPrefix("song_data/") }.count == 50, "old song files are gone")
        #expect(summary.songFiles == 50 && summary.events == 300)
        let lines = files.filter { $0.key.hasPrefix("log_data/") }.values.reduce(0) { $0 + $1.filter { $0 == 0x0A }.count }
        #expect(lines == 300)
    }

    @Test func aFileInTheWayIsReported() throws {
        let root = GeneratedDataset.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data().write(to: URL(fileURLWithPath: root))
        let generator = try SampleDataGenerator(options: SampleDataOptions(songs: 5, events: 5))
        #expect(throws: SampleDataError.notADirectory(path: root)) {
            try generator.write(to: root, replacingExisting: true)
        }
    }

    @Test func anEmptyPathIsRejected() throws {
        let generator = try SampleDataGenerator(options: SampleDataOptions(songs: 1, events: 1))
        #expect(throws: SampleDataError.invalidOption(name: "directory", message: "the path is empty")) {
            try generator.write(to: "")
        }
    }

    @Test func missingParentsAreCreated() throws {
        let top = GeneratedDataset.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: top) }
        let root = top + "/a/b/"
        let summary = try SampleDataGenerator(options: SampleDataOptions(songs: 3, events: 40)).write(to: root)
        let files = try GeneratedDataset.readTree(root)
        #expect(files.count == 3 + summary.logFiles)
        #expect(summary.logFiles == 30)
    }

    @Test func emptyAndSongOnlyDatasetsAreFine() throws {
        let empty = try GeneratedDataset.generate(SampleDataOptions(songs: 0, events: 0))
        #expect(empty.files.isEmpty)
        #expect(empty.folders == ["song_data", "log_data"])
        #expect(empty.summary == GenerationSummary(
            songFiles: 0, artists: 0, logFiles: 0, events: 0, listeners: 0, nextSongEvents: 0,
            catalogPlays: 0, bytes: 0))

        let noSongs = try GeneratedDataset.generate(SampleDataOptions(songs: 0, events: 2_000))
        #expect(noSongs.summary.nextSongEvents > 1_000)
        #expect(noSongs.summary.catalogPlays == 0, "nothing can match an empty song_data")
        #expect(noSongs.logLines().count == 2_000)

        let fewEvents = try GeneratedDataset.generate(SampleDataOptions(songs: 10, events: 7))
        #expect(fewEvents.logLines().count == 7)
        #expect(fewEvents.summary.bytes == fewEvents.files.values.reduce(0) { $0 + $1.count })
    }
}
