/// Why a notebook cannot be exported to Spark: every cell that uses something Spark lacks, each
/// with its line and the reason. Nothing is written when the export is refused.
public struct ExportRefusal: Error, CustomStringConvertible, Sendable {
    /// One cell's problem.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The cell's name (`setup` for the preamble's SQL).
        public var cell: String
        /// The 1-based line of the notebook the problem is on.
        public var line: Int
        /// What Spark lacks, and what to write instead when there is a way.
        public var reason: String

        /// `line 12: cell songs: reason`.
        public var description: String { "line \(line): cell \(cell): \(reason)" }
    }

    /// The notebook's file name.
    public var file: String
    /// The problems in file order; never empty.
    public var problems: [Problem]

    /// `samples/etl.sql: cannot export to Spark: 2 cells use what Spark lacks`, then a line per
    /// problem: `  samples/etl.sql:12: cell songs: reason`.
    public var description: String {
        let cells = Set(problems.map(\.cell)).count
        var text = "\(file): cannot export to Spark: \(cells == 1 ? "1 cell uses" : "\(cells) cells use") what Spark lacks"
        for problem in problems { text += "\n  \(file):\(problem.line): cell \(problem.cell): \(problem.reason)" }
        return text
    }
}
