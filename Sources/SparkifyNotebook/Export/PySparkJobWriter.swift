import SparkifySQL

/// Writes a notebook as a standalone PySpark job, readable like a hand-written `etl.py`
/// (`sparkify export`).
///
///     let job = try PySparkJobWriter(notebook: try Notebook.load(path: "samples/etl.sql"),
///                                    options: .init(data: "s3a://udacity-dend")).write()
///     try job.text.write(toFile: "etl.py", atomically: true, encoding: .utf8)
///
/// The job builds a SparkSession with sparkify's semantics (session time zone UTC, ANSI mode),
/// reads AWS keys from `dl.cfg` or the environment and configures `s3a://` only when a URI needs
/// it, sets the notebook's variables (`${data}`, `${output}`: Spark substitutes `${name}` in every
/// statement itself, and the notebook's own `SET`s run as written), then runs each SQL cell's
/// statements through `spark.sql` in the order sparkify runs them, caching the tables each cell
/// makes and logging each cell's row count. Prose cells become comments; marker metadata (tags,
/// charts) is ignored; nothing is drawn.
///
/// A cell that uses what Spark lacks (a dot command, a function Spark 4.3 does not have, a `**`
/// glob) refuses the whole export with an `ExportRefusal` naming every such cell and line.
public struct PySparkJobWriter {
    /// The job's defaults, which its command line overrides.
    public struct Options: Sendable {
        /// `${data}`: the raw data's folder or URI.
        public var data: String
        /// `${output}`: where the lake goes; nil to require `--output` when a cell uses it.
        public var output: String?

        public init(data: String = "s3a://udacity-dend", output: String? = nil) {
            self.data = data
            self.output = output
        }
    }

    public let notebook: Notebook
    public let options: Options

    public init(notebook: Notebook, options: Options = Options()) {
        self.notebook = notebook
        self.options = options
    }

    /// The job, or the refusal listing every cell that uses what Spark lacks. Throws a
    /// `NotebookError` when the cells cannot be ordered.
    public func write() throws -> PySparkJob {
        var variables = ["data": options.data]
        if let output = options.output { variables["output"] = output }
        let graph = try NotebookGraph(notebook: notebook, settings: variables)
        let order = graph.closure(of: notebook.sqlCells.compactMap(\.name))

        var problems: [ExportRefusal.Problem] = []
        var unparsed: [(cell: String, statement: SQLStatementText)] = []
        var compatibility = SparkCompatibility(variables: variables)
        for name in order {
            guard let cell = notebook.cell(named: name) else { continue }
            var skipped: [SQLStatementText] = []
            problems += compatibility.problems(in: cell, unparsed: &skipped)
            unparsed += skipped.map { (name, $0) }
            compatibility.variables.merge(Self.assignments(in: cell, variables: compatibility.variables)) { _, new in new }
        }
        guard problems.isEmpty else { throw ExportRefusal(file: notebook.file, problems: problems) }

        var text = header()
        text += session(usesS3AInCells: statementsMention("s3a://"), usesOutput: usesOutput)
        text += "\n\n# " + String(repeating: "-", count: 64) + " the cells\n"
        for name in order {
            guard let cell = notebook.cell(named: name) else { continue }
            // A cell sparkify cannot parse makes what Spark says; the job caches nothing for it.
            let dependencies = graph.dependencies(of: name)
            let makes = dependencies?.parseError == nil ? dependencies?.makes ?? [] : []
            text += "\n\n" + function(for: cell, makes: makes) + "\n"
        }
        text += "\n\n" + runner(order)
        let warnings = unparsed.map { entry in
            "\(notebook.file):\(entry.statement.start.line): cell \(entry.cell): sparkify cannot parse this statement; it goes to Spark as written"
        }
        return PySparkJob(text: text, cells: order, warnings: warnings)
    }

    /// True when a SQL cell's statements use `${output}`: the job then needs an output URI.
    var usesOutput: Bool { statementsMention("${output}") }

    /// True when the text of a SQL cell's statements (comments before them left out) holds `text`.
    func statementsMention(_ text: String) -> Bool {
        notebook.sqlCells.contains { cell in cell.statements.contains { $0.text.contains(text) } }
    }

    /// The `SET key=value` assignments of a cell, lower-cased keys, for substituting later cells.
    /// Each value is substituted first, as Spark does before it runs the `SET`
    /// (`SET output=${output}` keeps the value `output` already has).
    private static func assignments(in cell: NotebookCell, variables: [String: String]) -> [String: String] {
        var known = variables
        var found: [String: String] = [:]
        for statement in cell.statements {
            let lookup = known
            guard let text = try? substituteVariables(in: statement.text, lookup: { lookup[$0.lowercased()] ?? $0 }),
                  case let .set(.assign(key, value))? = try? SQLParser.parseStatement(text) else { continue }
            found[key.lowercased()] = value
            known[key.lowercased()] = value
        }
        return found
    }
}
