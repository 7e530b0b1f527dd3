import Foundation
import SparkifyJSON
import SparkifyTables

/// A Spark SQL session: the catalog of tables and views, the `SET` settings, and the engine
/// that runs statements against them.
///
/// Each statement computes its whole result before it changes the catalog, so a statement
/// that fails (or is cancelled) leaves every table as it was.
public final class SQLSession {
    public internal(set) var catalog = Catalog()
    /// `SET key=value` settings, by key as written.
    public internal(set) var settings: [String: String] = [:]
    /// Told about anything worth knowing that is not an error (malformed records skipped, ...).
    public var onNotice: (@Sendable (String) -> Void)?
    /// Told how far a long load has come (units done, total units).
    public var onProgress: (@Sendable (Int, Int) -> Void)?

    public static let timeZoneKey = "spark.sql.session.timeZone"
    public static let ansiKey = "spark.sql.ansi.enabled"
    /// What `SET key` shows for settings left at their defaults.
    static let defaultSettings = [timeZoneKey: "UTC", ansiKey: "true", "spark.sql.variable.substitute": "true"]

    public init(settings: [String: String] = [:]) {
        self.settings = settings
    }

    /// The session time zone (`spark.sql.session.timeZone`, UTC unless set).
    public var timeZone: SessionTimeZone {
        (try? SessionTimeZone.named(settings[SQLSession.timeZoneKey] ?? "UTC")) ?? .utc
    }

    /// A setting's value; `${key}` in later statements is replaced by it.
    public func setting(_ key: String) -> String? {
        settings[key] ?? settings.first { $0.key.lowercased() == key.lowercased() }?.value
    }

    /// Sets `key` as `SET key=value` does.
    public func set(_ key: String, _ value: String) throws {
        if key.lowercased() == SQLSession.timeZoneKey.lowercased() {
            do { _ = try SessionTimeZone.named(value) } catch {
                throw SQLError(.analysis, "Cannot resolve the given timezone `\(value)`.", errorClass: "INVALID_CONF_VALUE.TIME_ZONE")
            }
        }
        settings[key] = value
    }

    /// Runs every statement of `script` in order and returns their results; stops at the first
    /// that fails, throwing its error (positions refer to lines of `script`).
    public func execute(_ script: String, cancellation: CancellationToken = .never) throws -> [StatementResult] {
        var results: [StatementResult] = []
        let statements = SQLStatementSplitter.split(script)
        if statements.isEmpty {
            throw SQLError(.syntax, "Syntax error at or near end of input: the text holds no statement, only comments or blank space.",
                           errorClass: "PARSE_SYNTAX_ERROR", at: SourcePosition(line: 1, column: 1))
        }
        for statement in statements {
            results.append(try execute(statement, cancellation: cancellation))
        }
        return results
    }

    /// Runs one statement cut from a script: substitutes `${variables}`, parses, runs.
    public func execute(_ statement: SQLStatementText, cancellation: CancellationToken = .never) throws -> StatementResult {
        let text = try substitutedText(statement.text)
        let parsed = try SQLParser.parseStatement(text, origin: statement.start)
        return try run(parsed, cancellation: cancellation)
    }

    /// `text` with Spark's variable substitution applied (unless turned off).
    public func substitutedText(_ text: String) throws -> String {
        if setting("spark.sql.variable.substitute")?.lowercased() == "false" { return text }
        return try substituteVariables(in: text) { [settings] key in
            settings[key] ?? settings.first { $0.key.lowercased() == key.lowercased() }?.value ?? SQLSession.variableDefaults[key.lowercased()]
        }
    }

    /// Variables with a value before any `SET`: `${output}`, the folder the walkthrough's lake
    /// cells write, is `lake` (relative to the working folder) unless set, so that an unset
    /// output never makes a lake folder at the file system's root.
    public static let variableDefaults = ["output": "lake"]

    /// A binder over the current catalog.
    func makeBinder(cancellation: CancellationToken) -> Binder {
        let executor = makeExecutor(cancellation: cancellation)
        let binder = Binder(catalog: catalog, readFiles: { [unowned self] format, path, options, position in
            try self.readFiles(format: format, path: path, options: options, at: position, cancellation: cancellation)
        }, evaluateConstant: { try executor.evaluateConstant($0) })
        binder.ansiEnabled = executor.evaluation.ansiEnabled
        return binder
    }

    func makeExecutor(cancellation: CancellationToken) -> PlanExecutor {
        let micros = Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
        let context = EvaluationContext(timeZone: timeZone, ansiEnabled: setting(SQLSession.ansiKey)?.lowercased() != "false",
                                        statementTimestampMicros: micros, cancellation: cancellation)
        return PlanExecutor(evaluation: context)
    }

    /// Binds, optimizes and runs a query.
    func runQuery(_ query: ASTQuery, cancellation: CancellationToken) throws -> Table {
        let plan = try optimizedPlan(query, cancellation: cancellation)
        return try makeExecutor(cancellation: cancellation).execute(plan)
    }

    func optimizedPlan(_ query: ASTQuery, cancellation: CancellationToken) throws -> LogicalPlan {
        let binder = makeBinder(cancellation: cancellation)
        let plan = try binder.bindQuery(query)
        let executor = makeExecutor(cancellation: cancellation)
        let optimizer = Optimizer { expression in try? executor.evaluateConstant(expression) }
        return optimizer.optimize(plan)
    }
}

extension SQLSession {
    /// `column` as Spark's `CAST(column AS STRING)` in this session's time zone.
    public func castToString(_ column: Column) throws -> Column {
        if column.type == .string { return column }
        let context = EvaluationContext(timeZone: timeZone)
        return try CastKernel.cast(column, to: .string, mode: .tryCast, context: context)
    }
}
