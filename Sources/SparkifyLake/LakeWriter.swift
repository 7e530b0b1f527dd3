import Dispatch
import Foundation
import SparkifyTables
import Synchronization

/// Writes a lake folder in Spark's layout, replacing what was there, safely:
///
/// - `target/c1=v1/c2=v2/part-00000-<uuid>.c000.<ext>` when partitioned,
///   `target/part-00000-<uuid>-c000.<ext>` when not, and an empty `_SUCCESS` last;
/// - everything is written into a hidden staging folder beside the target
///   (`.name.sparkify-tmp-<uuid>`), which replaces the target only once complete; an error or
///   a cancellation deletes the staging folder and leaves the previous lake as it was; what a
///   killed process left beside the target is cleaned up (or put back) by the next write;
/// - partition values are escaped (`PartitionPath`), so no value can leave the target.
public enum LakeWriter {
    /// Writes one file per plan entry, by calling `writeFile(index, path)` for each (on
    /// `threads` threads at once), under `target`. `fileExtension` follows the job uuid, as
    /// `snappy.parquet`.
    public static func write(
        to target: String, partitionColumns: [String], files: [LakeFilePlan], fileExtension: String,
        threads: Int = 2, cancellation: CancellationToken = .never,
        writeFile: @Sendable (_ index: Int, _ path: String) throws -> Void
    ) throws -> LakeWriteSummary {
        let target = LakeFolder.normalized(target)
        try LakeFolder.checkTarget(target)
        let (parent, name) = LakeFolder.split(target)
        try LakeFolder.makeFolder(parent)
        try LakeFolder.recoverLeftovers(parent: parent, name: name)
        let job = UUID().uuidString.lowercased()
        let staging = parent + "/." + name + ".sparkify-tmp-" + job
        let aside = parent + "/." + name + ".sparkify-old-" + job
        try LakeFolder.makeFolder(staging)
        do {
            let (relativeFiles, folders) = try layout(partitionColumns: partitionColumns, files: files, job: job, fileExtension: fileExtension)
            try LakeFolder.makeFolders(folders, under: staging)
            try cancellation.check()
            try runAll(count: files.count, threads: threads, cancellation: cancellation) { index in
                try writeFile(index, staging + "/" + relativeFiles[index])
            }
            try cancellation.check()
            try LakeFolder.writeEmptyFile(staging + "/_SUCCESS")
            let replaced = try LakeFolder.swapIn(staging: staging, target: target, aside: aside)
            return LakeWriteSummary(target: target, files: relativeFiles, partitionFolders: folders, replacedExisting: replaced)
        } catch {
            LakeFolder.remove(staging)
            throw error
        }
    }

    /// The relative path of each planned file and the partition folders, in first-use order.
    static func layout(partitionColumns: [String], files: [LakeFilePlan], job: String,
                       fileExtension: String) throws(LakeError) -> (files: [String], folders: [String]) {
        var paths: [String] = [], folders: [String] = [], seenFolders = Set<String>(), seenPaths = Set<String>()
        paths.reserveCapacity(files.count)
        for plan in files {
            guard plan.partitionValues.count == partitionColumns.count else {
                throw LakeError(.io, "A lake file names \(plan.partitionValues.count) partition values for \(partitionColumns.count) partition columns.")
            }
            let part = "part-" + zeroPadded(plan.part, width: 5) + "-" + job
            let path: String
            if partitionColumns.isEmpty {
                path = part + "-c000." + fileExtension
            } else {
                let folder = PartitionPath.relativeFolder(columns: partitionColumns, values: plan.partitionValues)
                if seenFolders.insert(folder).inserted { folders.append(folder) }
                path = folder + "/" + part + ".c000." + fileExtension
            }
            guard seenPaths.insert(path).inserted else {
                throw LakeError(.io, "Two files of the lake write would both be \(path).")
            }
            paths.append(path)
        }
        return (paths, folders)
    }

    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Runs `body(0..<count)` on up to `threads` threads, each taking the next index; stops
    /// handing out work at the first error or cancellation and rethrows the first error.
    static func runAll(count: Int, threads: Int, cancellation: CancellationToken,
                       _ body: @Sendable (Int) throws -> Void) throws {
        let next = Atomic<Int>(0)
        let failure = Mutex<(any Error)?>(nil)
        let workers = max(1, min(threads, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                if cancellation.isCancelled || failure.withLock({ $0 != nil }) { return }
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                do {
                    try body(index)
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                    return
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        try cancellation.check()
    }
}
