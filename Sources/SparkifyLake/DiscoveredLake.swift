import SparkifyTables

/// The data files of a lake folder and the partition columns its `column=value` folders
/// name, as Spark's partition discovery finds them.
public struct DiscoveredLake: Sendable {
    /// The data files, in sorted path order.
    public var files: [String]
    /// The partition columns, in folder order, with their inferred types (all nullable).
    public var partitionColumns: [Field]
    /// For each file, its partition values in `partitionColumns` order: the unescaped text,
    /// nil for `__HIVE_DEFAULT_PARTITION__`.
    public var partitionValues: [[String?]]

    public init(files: [String], partitionColumns: [Field], partitionValues: [[String?]]) {
        self.files = files
        self.partitionColumns = partitionColumns
        self.partitionValues = partitionValues
    }
}
