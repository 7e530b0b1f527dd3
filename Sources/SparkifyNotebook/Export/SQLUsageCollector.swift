import SparkifySQL

/// The function calls and file paths of a parsed statement, subqueries and CTEs included: what
/// the exporter checks against what Spark has.
struct SQLUsageCollector {
    /// A function called by name, where its name starts.
    struct FunctionUse: Equatable {
        var name: String
        var position: SourcePosition
    }

    /// A path read directly (``json.`path` `` or `OPTIONS (path '...')`).
    struct PathUse: Equatable {
        var path: String
        var position: SourcePosition?
    }

    private(set) var functions: [FunctionUse] = []
    private(set) var paths: [PathUse] = []

    /// What `statement` calls and reads.
    static func collect(_ statement: ASTStatement) -> SQLUsageCollector {
        var collector = SQLUsageCollector()
        collector.visit(statement)
        return collector
    }

    private mutating func visit(_ statement: ASTStatement) {
        switch statement {
        case let .query(query), let .describeQuery(query): visit(query)
        case let .createView(view): visit(view.query)
        case let .createViewUsing(view):
            for option in view.options where option.key.lowercased() == "path" {
                paths.append(PathUse(path: option.value, position: view.name.position))
            }
        case let .createTable(table):
            if let query = table.query { visit(query) }
        case let .insertDirectory(insert): visit(insert.query)
        case let .insertInto(_, _, query): visit(query)
        case let .cacheTable(_, _, _, query):
            if let query { visit(query) }
        case let .explain(_, inner): visit(inner)
        case .uncacheTable, .clearCache, .drop, .showTables, .showViews, .showFunctions, .showColumns,
             .describeTable, .describeFunction, .set, .reset, .use:
            break
        }
    }

    private mutating func visit(_ query: ASTQuery) {
        for cte in query.ctes { visit(cte.query) }
        visit(query.body)
        for item in query.orderBy { visit(item.expression) }
        for expression in [query.limit, query.offset].compactMap({ $0 }) { visit(expression) }
    }

    private mutating func visit(_ body: ASTQueryBody) {
        switch body {
        case let .select(select):
            for item in select.items { visit(item.expression) }
            for relation in select.from { visit(relation) }
            for expression in [select.whereClause, select.having].compactMap({ $0 }) { visit(expression) }
            if let groupBy = select.groupBy {
                for expression in groupBy.expressions { visit(expression) }
                if case let .groupingSets(sets) = groupBy.kind {
                    for set in sets { for expression in set { visit(expression) } }
                }
            }
            for window in select.windows {
                for expression in window.spec.partitionBy + window.spec.orderBy.map(\.expression) { visit(expression) }
            }
        case let .setOperation(_, _, left, right):
            visit(left)
            visit(right)
        case let .nested(query): visit(query)
        case let .values(rows):
            for row in rows { for value in row { visit(value) } }
        case .table: break
        }
    }

    private mutating func visit(_ relation: ASTRelation) {
        switch relation {
        case .table: break
        case let .files(files): paths.append(PathUse(path: files.path, position: files.position))
        case let .subquery(query, _): visit(query)
        case let .values(table):
            for row in table.rows { for value in row { visit(value) } }
        case let .tableFunction(function):
            for argument in function.arguments { visit(argument) }
        case let .join(join):
            visit(join.left)
            visit(join.right)
            if case let .on(condition) = join.criteria { visit(condition) }
        }
    }

    private mutating func visit(_ expression: ASTExpression) {
        if case let .function(call) = expression.kind {
            functions.append(FunctionUse(name: call.lowercasedName, position: expression.position))
        }
        switch expression.kind {
        case let .exists(query), let .scalarSubquery(query), let .inSubquery(_, query, _): visit(query)
        default: break
        }
        for child in expression.children { visit(child) }
    }
}
