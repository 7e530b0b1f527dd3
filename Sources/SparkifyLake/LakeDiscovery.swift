#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import SparkifyJSON
import SparkifyTables

/// Finds the data files under a lake folder and infers its partition columns from the
/// `column=value` folders between the root and the files (Spark's `PartitioningUtils`).
/// Hidden names (`_SUCCESS`, `.` files, `_` folders without `=`) are skipped as Spark skips them.
public enum LakeDiscovery {
    /// The files of `path`: a folder (with partition discovery), one file, or a glob (files
    /// only). `typeInference` is `spark.sql.sources.partitionColumnTypeInference.enabled`:
    /// without it every partition column is a string.
    public static func discover(_ path: String, typeInference: Bool = true) throws(LakeError) -> DiscoveredLake {
        let listed: [ListedFile]
        do {
            listed = try FileLister.list(path, recursive: true)
        } catch {
            throw LakeError(error.kind == .pathNotFound ? .pathNotFound : .noFiles, error.message)
        }
        let files = listed.map(\.path)
        guard isDirectory(path) else {
            return DiscoveredLake(files: files, partitionColumns: [], partitionValues: files.map { _ in [] })
        }
        let root = path.hasSuffix("/") ? path : path + "/"
        var columns: [String]?
        var columnsExample = ""
        var rawValues: [[String]] = []
        rawValues.reserveCapacity(files.count)
        for file in files {
            let relative = file.hasPrefix(root) ? String(file.dropFirst(root.count)) : file
            let folders = relative.split(separator: "/", omittingEmptySubsequences: true).dropLast()
            var names: [String] = [], raws: [String] = []
            // From the file upward, as Spark does: the partition folders are the run of
            // `column=value` names nearest the file.
            for folder in folders.reversed() {
                guard let (column, raw) = PartitionPath.parseFolderName(String(folder)) else { break }
                names.insert(column, at: 0)
                raws.insert(raw, at: 0)
            }
            if let expected = columns {
                if expected.map({ $0.lowercased() }) != names.map({ $0.lowercased() }) {
                    throw LakeError(.conflictingLayout, "Conflicting directory structures in \(path): \(columnsExample) is partitioned by \(describe(expected)) but \(file) by \(describe(names)). Every data file of a lake sits under the same column=value folders.")
                }
            } else {
                columns = names
                columnsExample = file
            }
            rawValues.append(raws)
        }
        let names = columns ?? []
        var fields: [Field] = []
        for (c, name) in names.enumerated() {
            if let earlier = names[..<c].first(where: { $0.lowercased() == name.lowercased() }) {
                throw LakeError(.conflictingLayout, "The partition column \(name) appears twice in the folders of \(path) (also as \(earlier)).")
            }
            let raws = rawValues.map { $0[c] }
            let type: DataType
            if typeInference {
                type = PartitionTypeInference.columnType(ofRaws: raws)
            } else {
                type = raws.allSatisfy { $0 == PartitionPath.defaultPartitionName } ? .null : .string
            }
            fields.append(Field(name, type, nullable: true))
        }
        let values = rawValues.map { raws in
            raws.map { $0 == PartitionPath.defaultPartitionName ? nil : PartitionPath.unescape($0) }
        }
        return DiscoveredLake(files: files, partitionColumns: fields, partitionValues: values)
    }

    private static func describe(_ columns: [String]) -> String {
        columns.isEmpty ? "nothing (files directly in the folder)" : "(" + columns.joined(separator: ", ") + ")"
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}
