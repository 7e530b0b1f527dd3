/// A notebook written as a standalone PySpark job (`sparkify export`).
public struct PySparkJob: Sendable {
    /// The Python source of the job.
    public var text: String
    /// The SQL cells in the order the job runs them.
    public var cells: [String]
    /// Statements sparkify could not parse, which go to Spark as written (Spark may know them):
    /// `etl.sql:12: cell x: ...`. Empty for a notebook sparkify runs.
    public var warnings: [String]
}
