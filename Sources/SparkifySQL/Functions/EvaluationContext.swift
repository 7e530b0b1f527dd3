import SparkifyTables

/// Where the rows of a batch come from, for `monotonically_increasing_id()` and
/// `input_file_name()`.
public struct RowSourceInfo: Sendable {
    /// The partition (input split) the batch belongs to.
    public var partitionIndex: Int
    /// The position of the batch's first row within its partition.
    public var firstRowIndex: Int
    /// The source file of each row (string column, one entry per row), or nil when unknown.
    public var fileNames: Column?
    /// The one source file of every row, used when `fileNames` is nil.
    public var fileName: String?

    public init(partitionIndex: Int = 0, firstRowIndex: Int = 0, fileNames: Column? = nil, fileName: String? = nil) {
        self.partitionIndex = partitionIndex
        self.firstRowIndex = firstRowIndex
        self.fileNames = fileNames
        self.fileName = fileName
    }
}

/// Session state a scalar function may read while it runs.
public struct EvaluationContext: Sendable {
    /// `spark.sql.session.timeZone`.
    public var timeZone: SessionTimeZone
    /// `spark.sql.ansi.enabled` (Spark 4's default is on).
    public var ansiEnabled: Bool
    /// The statement's start, microseconds since the epoch: `current_timestamp()` and
    /// `current_date()` return it for every row of the statement.
    public var statementTimestampMicros: Int64
    /// Row positions for `monotonically_increasing_id()` and `input_file_name()`.
    public var rowSource: RowSourceInfo
    public var cancellation: CancellationToken

    public init(
        timeZone: SessionTimeZone = .utc,
        ansiEnabled: Bool = true,
        statementTimestampMicros: Int64 = 0,
        rowSource: RowSourceInfo = RowSourceInfo(),
        cancellation: CancellationToken = .never
    ) {
        self.timeZone = timeZone
        self.ansiEnabled = ansiEnabled
        self.statementTimestampMicros = statementTimestampMicros
        self.rowSource = rowSource
        self.cancellation = cancellation
    }
}
