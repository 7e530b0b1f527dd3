import SparkifyTables

extension PlanExecutor {
    /// The columns of a projection, computing each sub-expression that several outputs share
    /// once (`cast(start_time as date)` under `dayofmonth`, `month`, `year`, ... in the ETL's
    /// `time`), as Spark's subexpression elimination does.
    ///
    /// Only sub-expressions every row evaluates are shared: nothing under CASE, AND, OR or a
    /// conditional function (whose branches see only some rows) is taken out.
    func projectedColumns(_ expressions: [NamedExpression], source: Table, columns: [PlanColumn]) throws -> [Column] {
        let shared = PlanExecutor.sharedSubexpressions(expressions.map(\.expression))
        guard !shared.isEmpty else {
            let evaluator = ExpressionEvaluator(executor: self, input: source, columns: columns)
            return try expressions.map { try evaluator.evaluateColumn($0.expression) }
        }
        var extendedColumns = columns, extendedValues = source.columns
        var replacements: [String: BoundExpression] = [:]
        // Evaluated in order, each over the columns shared before it.
        for (k, expression) in shared.enumerated() {
            let evaluator = ExpressionEvaluator(executor: self, input: Table(schema: Schema(extendedColumns.map(\.field)), columns: extendedValues, rowCount: source.rowCount), columns: extendedColumns)
            let column = PlanColumn(id: ColumnID(Int.min + k), name: "shared\(k)", type: expression.type)
            extendedValues.append(try evaluator.evaluateColumn(PlanExecutor.replacing(expression, replacements)))
            extendedColumns.append(column)
            replacements[expression.description] = column.reference
        }
        let extended = Table(schema: Schema(extendedColumns.map(\.field)), columns: extendedValues, rowCount: source.rowCount)
        let evaluator = ExpressionEvaluator(executor: self, input: extended, columns: extendedColumns)
        return try expressions.map { try evaluator.evaluateColumn(PlanExecutor.replacing($0.expression, replacements)) }
    }

    /// Computed sub-expressions that occur more than once among `expressions` where every row
    /// evaluates them, inner ones before the ones containing them.
    static func sharedSubexpressions(_ expressions: [BoundExpression]) -> [BoundExpression] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        var byText: [String: BoundExpression] = [:]
        func visit(_ e: BoundExpression) {
            guard isShareable(e) else { return }
            // Children first: an inner shared expression is computed before its users.
            for child in e.children { visit(child) }
            let text = e.description
            if counts[text] == nil {
                order.append(text)
                byText[text] = e
            }
            counts[text, default: 0] += 1
        }
        for e in expressions { visit(e) }
        return order.filter { counts[$0, default: 0] > 1 }.compactMap { byText[$0] }
    }

    /// A cast or an unconditional function call, deterministic, reading columns and no subquery.
    private static func isShareable(_ e: BoundExpression) -> Bool {
        switch e {
        case let .call(name, _, _):
            guard name != "and", name != "or", name != "coalesce",
                  let function = ScalarFunctionRegistry.lookup(name), !function.isConditional else { return false }
        case .cast: break
        default: return false
        }
        return e.isDeterministic && !e.containsSubquery && !e.referencedColumns.isEmpty
    }

    /// `e` with every sub-expression whose text is a key of `replacements` replaced.
    static func replacing(_ e: BoundExpression, _ replacements: [String: BoundExpression]) -> BoundExpression {
        if replacements.isEmpty { return e }
        if let replacement = replacements[e.description] { return replacement }
        return e.mapChildren { replacing($0, replacements) }
    }
}
