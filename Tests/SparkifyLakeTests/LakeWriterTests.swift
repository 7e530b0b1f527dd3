import Foundation
import SparkifyLake
import SparkifyTables
import Testing

/// The layout, the atomic replace and partition discovery, with files whose content is their
/// plan index (the Parquet bytes are tested in SparkifySQLTests).
struct LakeWriterTests {
    struct Failure: Error {}

    private func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "sparkify-lake-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func listing(_ root: String) throws -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
    }

    private func writeIndex(_ index: Int, _ path: String) throws {
        try Data(String(index).utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func aWriteCleansUpWhatAKilledWriteLeftBesideTheTarget() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manager = FileManager.default
        _ = try LakeWriter.write(to: root + "/users", partitionColumns: [], files: [LakeFilePlan(partitionValues: [])],
                                 fileExtension: "parquet") { try writeIndex($0, $1) }
        // A staging folder of a write that never finished, and an old lake whose deletion did not.
        try manager.createDirectory(atPath: root + "/.users.sparkify-tmp-dead/part", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/.users.sparkify-old-dead", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/.songs.sparkify-tmp-other", withIntermediateDirectories: true)
        _ = try LakeWriter.write(to: root + "/users", partitionColumns: [], files: [LakeFilePlan(partitionValues: [])],
                                 fileExtension: "parquet") { try writeIndex($0, $1) }
        // Another table's leftovers are its own next write's business.
        #expect(try manager.contentsOfDirectory(atPath: root).sorted() == [".songs.sparkify-tmp-other", "users"])
    }

    @Test func aLakeMovedAsideByAKilledWriteIsPutBackBeforeTheNextWrite() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try LakeWriter.write(to: root + "/users", partitionColumns: [], files: [LakeFilePlan(partitionValues: [])],
                                 fileExtension: "parquet") { try writeIndex($0, $1) }
        // The process died between moving the old lake aside and moving the new one in.
        try FileManager.default.moveItem(atPath: root + "/users", toPath: root + "/.users.sparkify-old-dead")
        struct Failure: Error {}
        #expect(throws: Failure.self) {
            _ = try LakeWriter.write(to: root + "/users", partitionColumns: [], files: [LakeFilePlan(partitionValues: [])],
                                     fileExtension: "parquet") { _, _ in throw Failure() }
        }
        // The failing write changed nothing, and the lake from before is back in place.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["users"])
        #expect(FileManager.default.fileExists(atPath: root + "/users/_SUCCESS"))
    }

    @Test func writesSparksPartitionedLayout() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let plans = [LakeFilePlan(partitionValues: ["2018", "11"]), LakeFilePlan(partitionValues: ["2018", "12"]),
                     LakeFilePlan(partitionValues: ["2018", "12"], part: 1), LakeFilePlan(partitionValues: [nil, "a/b"])]
        let summary = try LakeWriter.write(to: root + "/lake/songplays/", partitionColumns: ["year", "month"], files: plans,
                                           fileExtension: "snappy.parquet") { try writeIndex($0, $1) }
        #expect(summary.partitionFolders == ["year=2018/month=11", "year=2018/month=12", "year=__HIVE_DEFAULT_PARTITION__/month=a%2Fb"])
        let files = try listing(root + "/lake/songplays").filter { $0.hasSuffix(".parquet") }
        #expect(files.count == 4)
        let pattern = try Regex(#"^year=[^/]+/month=[^/]+/part-0000[01]-[0-9a-f-]{36}\.c000\.snappy\.parquet$"#)
        for file in files { #expect(file.wholeMatch(of: pattern) != nil, "\(file)") }
        #expect(FileManager.default.fileExists(atPath: root + "/lake/songplays/_SUCCESS"))
        // Nothing but the lake is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/lake") == ["songplays"])
        let discovered = try LakeDiscovery.discover(root + "/lake/songplays")
        #expect(discovered.files.count == 4)
        #expect(discovered.partitionColumns.map(\.name) == ["year", "month"])
        #expect(discovered.partitionColumns.map(\.type) == [.int, .string])
        #expect(Set(discovered.partitionValues.map { $0.map { $0 ?? "NULL" } }) == [["2018", "11"], ["2018", "12"], ["NULL", "a/b"]])
    }

    @Test func unpartitionedFilesUseADash() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try LakeWriter.write(to: root + "/artists", partitionColumns: [], files: [LakeFilePlan(partitionValues: [])],
                                 fileExtension: "zstd.parquet") { try writeIndex($0, $1) }
        let files = try listing(root + "/artists")
        #expect(files.count == 2)
        #expect(files.contains("_SUCCESS"))
        #expect(files.contains { $0.wholeMatch(of: try! Regex(#"part-00000-[0-9a-f-]{36}-c000\.zstd\.parquet"#)) != nil })
    }

    @Test func replacesThePreviousLake() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let target = root + "/songs"
        _ = try LakeWriter.write(to: target, partitionColumns: ["year"], files: [LakeFilePlan(partitionValues: ["1999"])],
                                 fileExtension: "parquet") { try writeIndex($0, $1) }
        let summary = try LakeWriter.write(to: target, partitionColumns: ["year"], files: [LakeFilePlan(partitionValues: ["2000"])],
                                           fileExtension: "parquet") { try writeIndex($0, $1) }
        #expect(summary.replacedExisting)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == ["_SUCCESS", "year=2000"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["songs"])
    }

    private func oldLake(_ root: String) throws -> (target: String, before: [String]) {
        let target = root + "/time"
        _ = try LakeWriter.write(to: target, partitionColumns: ["year", "month"],
                                 files: [LakeFilePlan(partitionValues: ["2018", "11"])], fileExtension: "parquet") { try writeIndex($0, $1) }
        return (target, try listing(target))
    }

    @Test func aFailingWriteLeavesTheOldLakeAndNoStaging() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (target, before) = try oldLake(root)
        let plans = (1...6).map { LakeFilePlan(partitionValues: ["2019", String($0)]) }
        #expect(throws: Failure.self) {
            try LakeWriter.write(to: target, partitionColumns: ["year", "month"], files: plans, fileExtension: "parquet") { index, path in
                if index == 3 { throw Failure() }
                try writeIndex(index, path)
            }
        }
        #expect(try listing(target) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["time"])
    }

    @Test func aCancelledWriteLeavesTheOldLake() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (target, before) = try oldLake(root)
        let token = CancellationToken()
        let plans = (1...12).map { LakeFilePlan(partitionValues: ["2019", String($0)]) }
        #expect(throws: CancellationError.self) {
            try LakeWriter.write(to: target, partitionColumns: ["year", "month"], files: plans, fileExtension: "parquet",
                                 cancellation: token) { index, path in
                try writeIndex(index, path)
                if index == 2 { token.cancel() }
            }
        }
        #expect(try listing(target) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["time"])
    }

    @Test func partitionValuesCannotEscapeTheTarget() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let evil = ["../../escaped", "..", "/tmp/escaped", "a/../../../escaped"]
        let summary = try LakeWriter.write(to: root + "/lake/t", partitionColumns: ["k"], files: evil.map { LakeFilePlan(partitionValues: [$0]) },
                                           fileExtension: "parquet") { try writeIndex($0, $1) }
        #expect(summary.files.count == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["lake"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/lake") == ["t"])
        let discovered = try LakeDiscovery.discover(root + "/lake/t")
        #expect(Set(discovered.partitionValues.map { $0[0] ?? "" }) == Set(evil))
        for file in discovered.files { #expect(file.hasPrefix(root + "/lake/t/k=")) }
    }

    @Test func refusesTargetsThatWouldDeleteMore() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = FileManager.default.createFile(atPath: root + "/file", contents: Data("x".utf8))
        for target in ["/", ".", root + "/..", root + "/file", FileManager.default.currentDirectoryPath] {
            #expect(throws: LakeError.self) {
                try LakeWriter.write(to: target, partitionColumns: [], files: [LakeFilePlan(partitionValues: [])],
                                     fileExtension: "parquet") { try writeIndex($0, $1) }
            }
        }
        #expect(FileManager.default.fileExists(atPath: root + "/file"))
    }

    @Test func discoveryReportsConflictingLayouts() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["a=1", "b=2"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: root + "/" + folder + "/part-0.parquet", contents: Data())
        }
        _ = FileManager.default.createFile(atPath: root + "/_SUCCESS", contents: Data())
        _ = FileManager.default.createFile(atPath: root + "/.hidden", contents: Data())
        #expect(throws: LakeError.self) { try LakeDiscovery.discover(root) }
        try FileManager.default.removeItem(atPath: root + "/b=2")
        let lake = try LakeDiscovery.discover(root)
        #expect(lake.files == [root + "/a=1/part-0.parquet"])
        let noInference = try LakeDiscovery.discover(root, typeInference: false)
        #expect(noInference.partitionColumns == [Field("a", .string, nullable: true)])
    }
}
