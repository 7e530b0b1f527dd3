/// One data file of a lake write: the partition it belongs to and its number among the
/// files of that partition (Spark's task number in `part-00000-...`).
public struct LakeFilePlan: Sendable, Equatable {
    /// The partition values in partition column order (nil or "" for NULL), as Spark's
    /// `CAST(value AS STRING)` gives them; empty when the lake is not partitioned.
    public var partitionValues: [String?]
    public var part: Int

    public init(partitionValues: [String?], part: Int = 0) {
        self.partitionValues = partitionValues
        self.part = part
    }
}
