import SparkifyTables

/// The rows of files named in a query (``json.`path` ``), as read for the binder.
public struct FileScan: Sendable {
    public var table: Table
    public var files: [String]
    public var fileRowStarts: [Int]
    /// Set for Parquet: the lake whose columns are read when the plan runs (`table` is then
    /// empty, with the lake's schema).
    public var lake: ParquetLakeScan?

    public init(table: Table, files: [String], fileRowStarts: [Int], lake: ParquetLakeScan? = nil) {
        self.table = table
        self.files = files
        self.fileRowStarts = fileRowStarts
        self.lake = lake
    }

    /// Every row: `table`, or the whole lake read now.
    func materialized(cancellation: CancellationToken) throws -> Table {
        try lake?.readAll(cancellation: cancellation) ?? table
    }
}

/// Turns a parsed query into a logical plan: resolves table and column names against the
/// catalog and the query's own scopes, types every expression with Spark's coercion rules,
/// and places aggregates, window functions, sorting and limits.
final class Binder {
    typealias FileReader = (_ format: String, _ path: String, _ options: [String: String], _ position: SourcePosition) throws -> FileScan

    let catalog: Catalog
    let readFiles: FileReader
    /// Evaluates an expression that reads no column (LIMIT counts, VALUES rows, folding).
    let evaluateConstant: (BoundExpression) throws -> Value
    let ids = ColumnIDGenerator()
    /// Common table expressions in scope, by WITH clause (innermost last), each in order.
    var cteScopes: [[ASTCommonTableExpression]] = []
    /// The CTE names referenced so far in the query being bound.
    var boundCTEs = Set<String>()
    /// Scopes of enclosing queries, for telling a correlated reference from a typo.
    var outerScopes: [BindScope] = []
    /// `WINDOW w AS (...)` definitions of the select blocks being bound, innermost last.
    var namedWindowScopes: [[String: ASTWindowSpec]] = []
    /// `spark.sql.ansi.enabled`: with it off, Spark's legacy coercions apply (a string in
    /// arithmetic becomes a double).
    var ansiEnabled = true
    private var depth = 0

    init(catalog: Catalog, readFiles: @escaping FileReader, evaluateConstant: @escaping (BoundExpression) throws -> Value) {
        self.catalog = catalog
        self.readFiles = readFiles
        self.evaluateConstant = evaluateConstant
    }

    /// Guards recursion on deeply nested text.
    func nested<T>(at position: SourcePosition, _ body: () throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > 200 {
            throw SQLError(.analysis, "The query is nested too deeply (more than 200 levels).", at: position)
        }
        return try body()
    }

    /// Fresh output columns with the given names and types.
    func makeColumns(names: [String], types: [DataType], qualifier: String? = nil) -> [PlanColumn] {
        zip(names, types).map { PlanColumn(id: ids.make(), name: $0, type: $1, qualifier: qualifier) }
    }

    /// A projection that renames `plan`'s columns (to `names`, if given) under `qualifier`,
    /// with fresh ids: the boundary of a subquery, view or CTE.
    func alias(_ plan: LogicalPlan, as qualifier: String?, columnNames: [String] = [], at position: SourcePosition) throws -> LogicalPlan {
        let output = plan.output
        if !columnNames.isEmpty, columnNames.count != output.count {
            throw SQLError(.analysis, "Number of column aliases does not match number of columns. Number of column aliases: \(columnNames.count); number of columns: \(output.count).",
                           errorClass: "ASSIGNMENT_ARITY_MISMATCH", at: position)
        }
        let names = columnNames.isEmpty ? output.map(\.name) : columnNames
        let items = zip(output, names).map { column, name in
            NamedExpression(column.reference, as: PlanColumn(id: ids.make(), name: name, type: column.type, qualifier: qualifier, nullable: column.nullable))
        }
        return .project(plan, items)
    }
}
