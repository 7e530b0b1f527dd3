import SparkifyTables

extension SQLSession {
    /// Runs one parsed statement.
    public func run(_ statement: ASTStatement, cancellation: CancellationToken = .never) throws -> StatementResult {
        try refreshStaleViews(statement.dependencies.reads, cancellation: cancellation)
        switch statement {
        case let .query(query):
            return .rows(try runQuery(query, cancellation: cancellation))

        case let .createView(view):
            if view.scope == .globalTemporary {
                throw SQLError(.unsupported, "GLOBAL TEMPORARY views are not supported by sparkify; use CREATE TEMP VIEW.", errorClass: "UNSUPPORTED_FEATURE", at: view.name.position)
            }
            let reads = statement.dependencies.reads
            try checkViewReferences(view, reads: reads)
            let names = view.columns.map(\.name.name)
            return try create(view.name, kind: .view, orReplace: view.orReplace, ifNotExists: view.ifNotExists,
                              temporary: view.scope == .temporary, definition: view.queryText,
                              query: view.query, reads: reads, columnNames: names) {
                try computeView(view.query, columnNames: names, at: view.name.position, cancellation: cancellation)
            }

        case let .createViewUsing(view):
            let options = Dictionary(view.options.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, b in b })
            guard let path = options["path"] else {
                throw SQLError(.analysis, "CREATE VIEW ... USING \(view.provider) needs OPTIONS (path '...').", errorClass: "REQUIRED_PARAMETER_NOT_FOUND", at: view.name.position)
            }
            var source: ScanSource?
            return try create(view.name, kind: .view, orReplace: view.orReplace, ifNotExists: false, temporary: true, definition: nil, source: { source }) {
                let scan = try readFiles(format: view.provider.lowercased(), path: path, options: options, at: view.name.position, cancellation: cancellation)
                source = .files(format: view.provider.lowercased(), path: path, files: scan.files, fileRowStarts: scan.fileRowStarts)
                return try scan.materialized(cancellation: cancellation)
            }

        case let .createTable(table):
            return try createTable(table, cancellation: cancellation)

        case let .cacheTable(name, _, _, query):
            guard let query else {
                guard catalog.contains(name.name) else { throw tableNotFound(name) }
                return .message("\(name.name) is in memory already.")
            }
            return try create(name, kind: .view, orReplace: true, ifNotExists: false, temporary: true, definition: nil) {
                try runQuery(query, cancellation: cancellation)
            }

        case let .uncacheTable(name, ifExists):
            guard ifExists || catalog.contains(name.name) else { throw tableNotFound(name) }
            return .message("\(name.name) stays in memory: sparkify keeps every table in memory.")

        case .clearCache:
            return .message("Nothing to clear: sparkify keeps every table in memory.")

        case let .drop(kind, name, ifExists):
            guard let entry = catalog.entry(name.name) else {
                if ifExists { return .message("\(name.name) does not exist; nothing dropped.") }
                throw tableNotFound(name)
            }
            if kind == .view, entry.kind == .table {
                throw SQLError(.analysis, "\(entry.name) is a table. 'DROP VIEW' expects a view. Please use DROP TABLE instead.",
                               errorClass: "WRONG_COMMAND_FOR_OBJECT_TYPE", at: name.position)
            }
            catalog.remove(name.name)
            catalog.invalidateReaders(of: name.name)
            return .message("Dropped \(entry.kind == .view ? "view" : "table") \(entry.name).")

        case let .showTables(_, pattern), let .showViews(_, pattern):
            return .rows(showTables(pattern: pattern, viewsOnly: { if case .showViews = statement { return true } else { return false } }()))

        case let .showColumns(name):
            guard let entry = catalog.entry(name.name) else { throw tableNotFound(name) }
            return .rows(stringTable(["col_name"], entry.table.schema.names.map { [$0] }))

        case let .describeTable(name, _, column):
            guard let entry = catalog.entry(name.name) else { throw tableNotFound(name) }
            var fields = entry.table.schema.fields
            if let column {
                fields = fields.filter { $0.name.caseInsensitiveEquals(column.last ?? "") }
                guard !fields.isEmpty else {
                    throw SQLError(.analysis, "Column `\(column.joined(separator: "."))` not found in \(entry.name).", errorClass: "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", at: name.position)
                }
            }
            return .rows(describe(fields))

        case let .describeQuery(query):
            let plan = try optimizedPlan(query, cancellation: cancellation)
            return .rows(describe(plan.output.map(\.field)))

        case let .explain(mode, inner):
            return .plan(try explain(inner, extended: mode == .extended, cancellation: cancellation))

        case let .set(command):
            return try runSet(command)

        case let .reset(key):
            if let key { settings.removeValue(forKey: key) } else { settings.removeAll() }
            return .message(key.map { "Reset \($0)." } ?? "Reset every setting.")

        case let .use(name):
            guard name.lowercased() == "default" else {
                throw SQLError(.analysis, "The schema `\(name)` cannot be found: sparkify has one schema, `default`.", errorClass: "SCHEMA_NOT_FOUND")
            }
            return .message("Using schema default.")

        case let .insertDirectory(insert):
            return try insertDirectory(insert, cancellation: cancellation)

        case .insertInto:
            throw SQLError(.unsupported, "INSERT INTO a table is not supported by sparkify; write a lake with CREATE TABLE ... USING parquet LOCATION '...' AS or INSERT OVERWRITE DIRECTORY.", errorClass: "UNSUPPORTED_FEATURE")

        case .showFunctions, .describeFunction:
            throw SQLError(.unsupported, "SHOW FUNCTIONS and DESCRIBE FUNCTION are not supported by sparkify yet.", errorClass: "UNSUPPORTED_FEATURE")
        }
    }

    /// Computes a table, then puts it in the catalog under `name`: only once the computation
    /// succeeded, so a failure changes nothing.
    func create(_ name: ASTObjectName, kind: CatalogEntry.Kind, orReplace: Bool, ifNotExists: Bool, temporary: Bool,
                        definition: String?, query: ASTQuery? = nil, reads: [String] = [], columnNames: [String] = [],
                        source: () -> ScanSource? = { nil }, compute: () throws -> Table) throws -> StatementResult {
        if let existing = catalog.entry(name.name) {
            if ifNotExists { return .message("\(existing.name) exists already; left as it was.") }
            if !orReplace {
                let errorClass = temporary ? "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS" : "TABLE_OR_VIEW_ALREADY_EXISTS"
                throw SQLError(.analysis, "Cannot create the \(temporary ? "temporary view" : kind == .view ? "view" : "table") `\(name.name)` because it already exists. Choose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.",
                               errorClass: errorClass, at: name.position)
            }
        }
        let table = try compute()
        let replaced = catalog.contains(name.name)
        catalog.put(CatalogEntry(name: name.name, kind: kind, isTemporary: temporary, table: table, source: source(), definition: definition,
                                 query: query, reads: reads, columnNames: columnNames))
        catalog.invalidateReaders(of: name.name)
        let what = kind == .view ? (temporary ? "temporary view" : "view") : "table"
        return .message("\(replaced ? "Replaced" : "Created") \(what) \(name.name) (\(table.rowCount) \(table.rowCount == 1 ? "row" : "rows")).")
    }

    /// A view's rows: its query's, under the view's column names when it gives them.
    func computeView(_ query: ASTQuery, columnNames: [String], at position: SourcePosition, cancellation: CancellationToken) throws -> Table {
        let table = try runQuery(query, cancellation: cancellation)
        return columnNames.isEmpty ? table : try renamed(table, to: columnNames, at: position)
    }

    /// Recomputes the stale views among `names`, and first the stale views they read: a view
    /// shows what its query gives over the tables as they are now, as in Spark.
    func refreshStaleViews(_ names: [String], cancellation: CancellationToken) throws {
        var visited = Set<String>()
        for name in names { try refresh(name, visited: &visited, cancellation: cancellation) }
    }

    private func refresh(_ name: String, visited: inout Set<String>, cancellation: CancellationToken) throws {
        guard let entry = catalog.entry(name), entry.isStale, let query = entry.query,
              visited.insert(name.lowercased()).inserted else { return }
        for read in entry.reads { try refresh(read, visited: &visited, cancellation: cancellation) }
        var fresh = entry
        do {
            fresh.table = try computeView(query, columnNames: entry.columnNames, at: SourcePosition(line: 1, column: 1), cancellation: cancellation)
        } catch var error as SQLError {
            error.message = "View `\(entry.name)` could not be recomputed after a table it reads changed: " + error.message
            error.position = nil
            throw error
        }
        fresh.isStale = false
        catalog.put(fresh)
    }

    /// Spark's rules for what a view may read: not itself, and a persistent view no
    /// temporary view.
    private func checkViewReferences(_ view: ASTCreateView, reads: [String]) throws {
        let name = view.name.name.lowercased()
        if reads.contains(name) {
            throw SQLError(.analysis, "Recursive view `\(view.name.name)` detected (cycle: `\(view.name.name)` -> `\(view.name.name)`).",
                           errorClass: "RECURSIVE_VIEW", at: view.name.position)
        }
        if view.scope == .persistent, let temporary = reads.first(where: { catalog.entry($0)?.isTemporary == true }) {
            throw SQLError(.analysis, "Cannot create the persistent object `spark_catalog`.`default`.`\(view.name.name)` of the type VIEW because it references to the temporary object `\(temporary)` of the type VIEW. Please make the temporary object `\(temporary)` persistent, or make the persistent object `\(view.name.name)` temporary.",
                           errorClass: "INVALID_TEMP_OBJ_REFERENCE", at: view.name.position)
        }
    }

    private func renamed(_ table: Table, to names: [String], at position: SourcePosition) throws -> Table {
        guard names.count == table.schema.count else {
            throw SQLError(.analysis, "The view has \(names.count) column names but the query gives \(table.schema.count) columns.", errorClass: "CREATE_VIEW_COLUMN_ARITY_MISMATCH", at: position)
        }
        let fields = zip(table.schema.fields, names).map { Field($1, $0.type, nullable: $0.nullable) }
        return Table(schema: Schema(fields), columns: table.columns, rowCount: table.rowCount)
    }

    func tableNotFound(_ name: ASTObjectName) -> SQLError {
        let suggestions = NameSuggestions.nearest(to: name.name, among: catalog.names, limit: 3)
        var message = "The table or view `\(name.parts.joined(separator: "."))` cannot be found."
        if !suggestions.isEmpty { message += " Did you mean " + suggestions.map { "`\($0)`" }.joined(separator: ", ") + "?" }
        return SQLError(.analysis, message, errorClass: "TABLE_OR_VIEW_NOT_FOUND", at: name.position)
    }

    private func showTables(pattern: String?, viewsOnly: Bool) -> Table {
        let entries = catalog.all.filter { entry in
            (!viewsOnly || entry.kind == .view) && (pattern.map { SQLSession.matchesShowPattern($0, entry.name) } ?? true)
        }
        var namespace = ColumnBuilder(type: .string), names = ColumnBuilder(type: .string), temporary = ColumnBuilder(type: .boolean)
        for entry in entries {
            namespace.append(entry.isTemporary ? "" : "default")
            names.append(entry.name)
            temporary.append(entry.isTemporary)
        }
        return Table(schema: Schema([Field("namespace", .string, nullable: false), Field("tableName", .string, nullable: false), Field("isTemporary", .boolean, nullable: false)]),
                     columns: [namespace.build(), names.build(), temporary.build()])
    }

    private func describe(_ fields: [Field]) -> Table {
        var names = ColumnBuilder(type: .string), types = ColumnBuilder(type: .string), comments = ColumnBuilder(type: .string)
        for field in fields {
            names.append(field.name)
            types.append(field.type.simpleString)
            comments.appendNull()
        }
        return Table(schema: Schema([Field("col_name", .string, nullable: false), Field("data_type", .string, nullable: false), Field("comment", .string)]),
                     columns: [names.build(), types.build(), comments.build()])
    }

    /// SHOW TABLES LIKE patterns: `*` any run, `|` alternatives, case-insensitive.
    static func matchesShowPattern(_ pattern: String, _ name: String) -> Bool {
        pattern.split(separator: "|").contains { alternative in
            matchesGlob(Array(alternative.trimmingSpaces.lowercased()), Array(name.lowercased()))
        }
    }

    private static func matchesGlob(_ p: [Character], _ s: [Character]) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == "*" {
            return (0...s.count).contains { matchesGlob(Array(p.dropFirst()), Array(s.dropFirst($0))) }
        }
        guard let head = s.first, head == first else { return false }
        return matchesGlob(Array(p.dropFirst()), Array(s.dropFirst()))
    }

    func stringTable(_ names: [String], _ rows: [[String]]) -> Table {
        var builders = names.map { _ in ColumnBuilder(type: .string) }
        for row in rows { for (i, value) in row.enumerated() { builders[i].append(value) } }
        return Table(schema: Schema(names.map { Field($0, .string) }), columns: builders.map { $0.build() }, rowCount: rows.count)
    }

    private func explain(_ statement: ASTStatement, extended: Bool, cancellation: CancellationToken) throws -> String {
        let query: ASTQuery
        switch statement {
        case let .query(q): query = q
        case let .createView(view): query = view.query
        case let .createTable(table) where table.query != nil: query = table.query!
        case let .cacheTable(_, _, _, q?): query = q
        default:
            return "== Statement ==\n\(statement)\n"
        }
        let binder = makeBinder(cancellation: cancellation)
        let bound = try binder.bindQuery(query)
        let executor = makeExecutor(cancellation: cancellation)
        let optimized = Optimizer { try? executor.evaluateConstant($0) }.optimize(bound)
        if extended {
            return "== Analyzed Logical Plan ==\n" + bound.treeString + "\n== Optimized Logical Plan ==\n" + optimized.treeString
        }
        return "== Optimized Logical Plan ==\n" + optimized.treeString
    }

    private func runSet(_ command: ASTSetCommand) throws -> StatementResult {
        switch command {
        case .list:
            return .rows(stringTable(["key", "value"], settings.sorted { $0.key < $1.key }.map { [$0.key, $0.value] }))
        case let .get(key):
            return .rows(stringTable(["key", "value"], [[key, setting(key) ?? SQLSession.defaultSettings[key] ?? SQLSession.variableDefaults[key.lowercased()] ?? "<undefined>"]]))
        case let .assign(key, value):
            try set(key, value)
            return .message("Set \(key) = \(value).")
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        drop { $0 == " " }.reversed().drop { $0 == " " }.reversed().reduce(into: Substring()) { $0.append($1) }
    }
}
