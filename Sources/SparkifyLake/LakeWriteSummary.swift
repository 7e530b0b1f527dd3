/// What a lake write left on disk.
public struct LakeWriteSummary: Sendable {
    /// The folder written.
    public var target: String
    /// The data files, relative to `target`, in plan order.
    public var files: [String]
    /// The partition folders made, relative to `target` (empty when unpartitioned).
    public var partitionFolders: [String]
    /// Whether an earlier lake was replaced.
    public var replacedExisting: Bool

    public init(target: String, files: [String], partitionFolders: [String], replacedExisting: Bool) {
        self.target = target
        self.files = files
        self.partitionFolders = partitionFolders
        self.replacedExisting = replacedExisting
    }
}
