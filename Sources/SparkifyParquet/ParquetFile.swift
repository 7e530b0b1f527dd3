import SparkifyTables

/// One Parquet file opened for reading: its footer parsed and its schema mapped to sparkify's
/// types. Column data is read only by `read(columns:cancellation:)`, and only for the columns
/// asked for.
public struct ParquetFile: Sendable {
    public let path: String
    /// The columns as sparkify types (see `ParquetLeaf` for the mapping).
    public let schema: Schema
    public let rowCount: Int
    /// `created_by` of the footer: the writing library and version.
    public let createdBy: String?
    /// The footer's key-value metadata (Spark's schema JSON among it).
    public let keyValueMetadata: [String: String]

    let metadata: ParquetFileMetaData
    let leaves: [ParquetLeaf]
    let fileSize: Int
    /// Where column data may lie: between the leading magic and the footer.
    let dataEnd: Int

    public var rowGroupCount: Int { metadata.rowGroups.count }

    /// Rows of each row group.
    public var rowGroupRowCounts: [Int] { metadata.rowGroups.map { Int($0.numRows) } }

    /// Opens `path` and reads its footer; fails with a `ParquetError` when the file is not
    /// Parquet, is truncated or corrupt, or uses nested columns.
    public init(path: String) throws {
        self.path = path
        let handle: ParquetFileHandle
        let size: Int
        let footer: [UInt8]
        do {
            handle = try ParquetFileHandle.openForReading(path)
            size = try handle.size()
            guard size >= 12 else { throw ParquetDecodeFailure("not a Parquet file: only \(size) bytes") }
            let head = try handle.read(at: 0, count: 4)
            let tail = try handle.read(at: size - 8, count: 8)
            guard head == ParquetFile.magic && Array(tail[4...]) == ParquetFile.magic else {
                if Array(tail[4...]) == Array("PARE".utf8) { throw ParquetDecodeFailure("the file is encrypted, which sparkify does not support") }
                throw ParquetDecodeFailure("not a Parquet file (no PAR1 magic at its start and end)")
            }
            let length = Int(UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24)
            guard length > 0 && length <= size - 12 else {
                throw ParquetDecodeFailure("the footer length \(length) does not fit a file of \(size) bytes (truncated?)")
            }
            footer = try handle.read(at: size - 8 - length, count: length)
        } catch {
            throw ParquetError(describe(error), path: path)
        }
        fileSize = size
        dataEnd = size - 8 - footer.count
        let metadata: ParquetFileMetaData
        do {
            metadata = try footer.withUnsafeBytes { (raw) in
                var reader = ThriftCompactReader(raw)
                return try ParquetFileMetaData.decode(&reader)
            }
        } catch {
            throw ParquetError("corrupt footer: \(describe(error))", path: path)
        }
        self.metadata = metadata
        createdBy = metadata.createdBy
        var keyValues: [String: String] = [:]
        for (key, value) in metadata.keyValueMetadata { keyValues[key] = value ?? "" }
        keyValueMetadata = keyValues
        guard metadata.numRows >= 0 else { throw ParquetError("negative row count \(metadata.numRows)", path: path) }
        rowCount = Int(metadata.numRows)
        leaves = try ParquetFile.flatLeaves(metadata, path: path)
        schema = Schema(leaves.map { Field($0.name, $0.type, nullable: $0.optional) })
        try validateRowGroups()
    }

    static let magic: [UInt8] = Array("PAR1".utf8)

    /// The leaf columns of a flat schema: a root with only primitive children.
    private static func flatLeaves(_ metadata: ParquetFileMetaData, path: String) throws -> [ParquetLeaf] {
        guard let root = metadata.schema.first else { throw ParquetError("the footer has an empty schema", path: path) }
        let children = Int(root.numChildren ?? 0)
        guard children == metadata.schema.count - 1 else {
            let nested = metadata.schema.dropFirst().first { ($0.numChildren ?? 0) > 0 }.map(\.name) ?? "?"
            throw ParquetError("column \(nested) is nested (a struct, list or map), which sparkify does not read", path: path)
        }
        var leaves: [ParquetLeaf] = []
        for element in metadata.schema.dropFirst() {
            if (element.numChildren ?? 0) > 0 || element.type == nil {
                throw ParquetError("column \(element.name) is nested (a struct, list or map), which sparkify does not read", path: path)
            }
            if element.repetition == .repeated {
                throw ParquetError("column \(element.name) is repeated (a legacy list), which sparkify does not read", path: path)
            }
            do {
                leaves.append(try ParquetLeaf(element))
            } catch {
                throw ParquetError(describe(error), path: path, column: element.name)
            }
        }
        return leaves
    }

    /// Checks each row group's shape against the schema before any data is read.
    private func validateRowGroups() throws {
        var total = 0
        for (g, group) in metadata.rowGroups.enumerated() {
            guard group.columns.count == leaves.count else {
                throw ParquetError("\(group.columns.count) column chunks for \(leaves.count) columns", path: path, rowGroup: g)
            }
            guard group.numRows >= 0 && group.numRows <= Int64(Int32.max) * 64 else {
                throw ParquetError("row count \(group.numRows) is out of range", path: path, rowGroup: g)
            }
            total += Int(group.numRows)
            for (c, chunk) in group.columns.enumerated() {
                guard chunk.filePath == nil else {
                    throw ParquetError("the column chunk lives in another file (\(chunk.filePath ?? "")), which sparkify does not read",
                                       path: path, column: leaves[c].name, rowGroup: g)
                }
                guard let meta = chunk.metaData else {
                    throw ParquetError("the column chunk has no metadata", path: path, column: leaves[c].name, rowGroup: g)
                }
                guard meta.type == leaves[c].physical else {
                    throw ParquetError("the chunk's type \(meta.type.name) differs from the schema's \(leaves[c].physical.name)",
                                       path: path, column: leaves[c].name, rowGroup: g)
                }
            }
        }
        guard total == rowCount else {
            throw ParquetError("the row groups hold \(total) rows but the footer says \(rowCount)", path: path)
        }
    }
}
