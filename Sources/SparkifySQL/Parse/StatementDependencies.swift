/// What a statement reads and what it defines, for the notebook's dependency graph.
public struct StatementDependencies: Hashable, Sendable {
    /// Tables and views read (after `FROM`/`JOIN`, in subqueries too, `DESCRIBE t`, `TABLE t`),
    /// CTE names excluded; dotted names, lower case, in first-seen order without repeats.
    public var reads: [String]
    /// The table or view the statement creates or replaces (`CREATE VIEW v`, `CREATE TABLE t`,
    /// `CACHE TABLE t AS ...`, `INSERT INTO t`), lower case.
    public var creates: String?
    /// The table or view the statement drops, lower case.
    public var drops: String?
    /// Paths read directly: ``json.`path` `` relations and `USING fmt OPTIONS (path '...')` views.
    public var files: [String]
    /// Folders written: the `LOCATION` of `CREATE TABLE ... AS` and the folder of
    /// `INSERT OVERWRITE DIRECTORY`, as written (after variable substitution).
    public var writes: [String]

    public init(reads: [String] = [], creates: String? = nil, drops: String? = nil, files: [String] = [], writes: [String] = []) {
        self.reads = reads
        self.creates = creates
        self.drops = drops
        self.files = files
        self.writes = writes
    }
}

extension ASTStatement {
    /// The tables this statement reads and the one it creates (see `StatementDependencies`).
    public var dependencies: StatementDependencies {
        var collector = DependencyCollector()
        collector.visit(self)
        return collector.result
    }
}

private struct DependencyCollector {
    var result = StatementDependencies()

    private static func key(_ name: ASTObjectName) -> String { name.parts.joined(separator: ".").lowercased() }

    mutating func visit(_ statement: ASTStatement) {
        switch statement {
        case let .query(query), let .describeQuery(query): visit(query, ctes: [])
        case let .createView(view):
            result.creates = Self.key(view.name)
            visit(view.query, ctes: [])
        case let .createViewUsing(view):
            result.creates = Self.key(view.name)
            for option in view.options where option.key.lowercased() == "path" { addFile(option.value) }
        case let .createTable(table):
            result.creates = Self.key(table.name)
            if let location = table.location, table.query != nil { result.writes.append(location) }
            if let query = table.query { visit(query, ctes: []) }
        case let .insertDirectory(insert):
            if let path = insert.path ?? insert.options.first(where: { $0.key.lowercased() == "path" })?.value { result.writes.append(path) }
            visit(insert.query, ctes: [])
        case let .insertInto(table, _, query):
            result.creates = Self.key(table)
            visit(query, ctes: [])
        case let .cacheTable(name, _, _, query):
            if let query {
                result.creates = Self.key(name)
                visit(query, ctes: [])
            } else {
                addRead(Self.key(name))
            }
        case let .uncacheTable(name, _): addRead(Self.key(name))
        case let .drop(_, name, _): result.drops = Self.key(name)
        case let .describeTable(name, _, _), let .showColumns(name): addRead(Self.key(name))
        case let .explain(_, inner): visit(inner)
        case .clearCache, .showTables, .showViews, .showFunctions, .describeFunction, .set, .reset, .use: break
        }
    }

    private mutating func addRead(_ name: String) {
        if !result.reads.contains(name) { result.reads.append(name) }
    }

    private mutating func addFile(_ path: String) {
        if !result.files.contains(path) { result.files.append(path) }
    }

    /// `ctes` are the lower-cased CTE names visible here.
    private mutating func visit(_ query: ASTQuery, ctes: Set<String>) {
        var scope = ctes
        for cte in query.ctes {
            visit(cte.query, ctes: scope)
            scope.insert(cte.name.name.lowercased())
        }
        visit(query.body, ctes: scope)
        for item in query.orderBy { visit(item.expression, ctes: scope) }
        if let limit = query.limit { visit(limit, ctes: scope) }
    }

    private mutating func visit(_ body: ASTQueryBody, ctes: Set<String>) {
        switch body {
        case let .select(select):
            for item in select.items { visit(item.expression, ctes: ctes) }
            for relation in select.from { visit(relation, ctes: ctes) }
            for expression in [select.whereClause, select.having].compactMap({ $0 }) { visit(expression, ctes: ctes) }
            for expression in select.groupBy?.expressions ?? [] { visit(expression, ctes: ctes) }
        case let .setOperation(_, _, left, right):
            visit(left, ctes: ctes)
            visit(right, ctes: ctes)
        case let .nested(query): visit(query, ctes: ctes)
        case let .values(rows):
            for row in rows { for value in row { visit(value, ctes: ctes) } }
        case let .table(name): readTable(name, ctes: ctes)
        }
    }

    private mutating func readTable(_ name: ASTObjectName, ctes: Set<String>) {
        let key = Self.key(name)
        if name.parts.count == 1 && ctes.contains(key) { return }
        addRead(key)
    }

    private mutating func visit(_ relation: ASTRelation, ctes: Set<String>) {
        switch relation {
        case let .table(name, _): readTable(name, ctes: ctes)
        case let .files(files): addFile(files.path)
        case let .subquery(query, _): visit(query, ctes: ctes)
        case let .values(table):
            for row in table.rows { for value in row { visit(value, ctes: ctes) } }
        case let .tableFunction(function):
            for argument in function.arguments { visit(argument, ctes: ctes) }
        case let .join(join):
            visit(join.left, ctes: ctes)
            visit(join.right, ctes: ctes)
            if case let .on(condition) = join.criteria { visit(condition, ctes: ctes) }
        }
    }

    private mutating func visit(_ expression: ASTExpression, ctes: Set<String>) {
        for query in expression.subqueries { visit(query, ctes: ctes) }
    }
}
