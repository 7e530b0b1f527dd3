import SparkifyTables

extension Binder {
    /// Binds a whole query: its CTEs, body, ORDER BY, LIMIT and OFFSET.
    func bindQuery(_ query: ASTQuery) throws -> LogicalPlan {
        try nested(at: query.position) {
            var seen = Set<String>()
            for cte in query.ctes {
                let key = cte.name.name.lowercased()
                if !seen.insert(key).inserted {
                    throw SQLError(.analysis, "CTE definition can't have duplicate names: `\(cte.name.name)`.",
                                   errorClass: "DUPLICATED_CTE_NAMES", at: cte.name.position)
                }
            }
            cteScopes.append(query.ctes)
            defer { cteScopes.removeLast() }

            let boundBefore = boundCTEs
            var plan: LogicalPlan
            if case let .select(select) = query.body {
                plan = try bindSelect(select, orderBy: query.orderBy)
            } else {
                plan = try bindBody(query.body)
                if !query.orderBy.isEmpty { plan = try sortByOutput(plan, query.orderBy) }
            }
            // Spark analyses every CTE, so one nobody reads still reports its errors.
            for (index, cte) in query.ctes.enumerated() where !boundCTEs.contains(cte.name.name.lowercased()) {
                let saved = cteScopes
                cteScopes = Array(cteScopes.dropLast()) + [Array(query.ctes[..<index])]
                defer { cteScopes = saved }
                _ = try bindQuery(cte.query)
            }
            boundCTEs = boundBefore
            let limit = try query.limit.map { try constantInteger($0, clause: "LIMIT") }
            let offset = try query.offset.map { try constantInteger($0, clause: "OFFSET") } ?? 0
            if limit != nil || offset > 0 { plan = .limit(plan, count: limit, offset: offset) }
            return plan
        }
    }

    func bindBody(_ body: ASTQueryBody) throws -> LogicalPlan {
        switch body {
        case let .select(select): return try bindSelect(select, orderBy: [])
        case let .nested(query): return try bindQuery(query)
        case let .values(rows): return try bindValues(rows, alias: nil, at: SourcePosition(line: 1, column: 1))
        case let .table(name): return try bindTable(name, alias: nil).plan
        case let .setOperation(op, all, left, right): return try bindSetOperation(op, all: all, left, right)
        }
    }

    private func bindSetOperation(_ op: ASTSetOperator, all: Bool, _ leftBody: ASTQueryBody, _ rightBody: ASTQueryBody) throws -> LogicalPlan {
        var left = try bindBody(leftBody)
        var right = try bindBody(rightBody)
        let l = left.output, r = right.output
        let name = op.rawValue
        guard l.count == r.count else {
            throw SQLError(.analysis, "\(name) can only be performed on inputs with the same number of columns, but the first input has \(l.count) columns and the second input has \(r.count) columns.",
                           errorClass: "NUM_COLUMNS_MISMATCH")
        }
        var types: [DataType] = []
        for (i, (a, b)) in zip(l, r).enumerated() {
            guard let common = commonType(a.type, b.type) else {
                throw SQLError(.analysis, "\(name) can only be performed on inputs with compatible column types. The \(ordinalWord(i + 1)) column of the second input is \"\(b.type.simpleString.uppercased())\" type which is not compatible with \"\(a.type.simpleString.uppercased())\" at the same column of the first input.",
                               errorClass: "INCOMPATIBLE_COLUMN_TYPE")
            }
            types.append(common)
        }
        left = castOutput(left, to: types)
        right = castOutput(right, to: types)
        let output = zip(l, types).map { PlanColumn(id: ids.make(), name: $0.name, type: $1) }
        let kind: SetOperationKind = op == .union ? .union : op == .intersect ? .intersect : .except
        return .setOperation(kind, all: all, left, right, output: output)
    }

    /// `plan` with each column cast to `types` where it differs.
    func castOutput(_ plan: LogicalPlan, to types: [DataType]) -> LogicalPlan {
        let output = plan.output
        guard zip(output, types).contains(where: { $0.type != $1 }) else { return plan }
        return .project(plan, zip(output, types).map { column, type in
            let expr: BoundExpression = column.type == type ? column.reference : .cast(column.reference, type, isTry: false)
            return NamedExpression(expr, as: PlanColumn(id: ids.make(), name: column.name, type: type))
        })
    }

    /// ORDER BY over a set operation or nested query: keys name output columns or ordinals.
    private func sortByOutput(_ plan: LogicalPlan, _ items: [ASTSortItem]) throws -> LogicalPlan {
        let output = plan.output
        let context = ExpressionContext(scope: BindScope(output), clause: "ORDER BY")
        let keys = try items.map { item -> SortKey in
            if let ordinal = try ordinalReference(item.expression, count: output.count, clause: "ORDER BY") {
                return SortKey(output[ordinal].reference, ascending: item.ascending, nullsFirst: item.effectiveNullsFirst)
            }
            return SortKey(try bindExpression(item.expression, context), ascending: item.ascending, nullsFirst: item.effectiveNullsFirst)
        }
        return .sort(plan, keys)
    }

    /// The 0-based select-list position an integer literal names, nil for other expressions.
    func ordinalReference(_ expression: ASTExpression, count: Int, clause: String) throws -> Int? {
        guard case let .literal(.integer(value, _)) = expression.kind else { return nil }
        guard value >= 1, value <= count else {
            throw SQLError(.analysis, "\(clause) position \(value) is not in select list (valid range is [1, \(count)]).",
                           errorClass: clause == "GROUP BY" ? "GROUP_BY_POS_OUT_OF_RANGE" : "ORDER_BY_POS_OUT_OF_RANGE",
                           at: expression.position)
        }
        return Int(value) - 1
    }

    /// A non-negative integer constant (LIMIT, OFFSET).
    func constantInteger(_ expression: ASTExpression, clause: String) throws -> Int {
        let bound = try bindExpression(expression, ExpressionContext(scope: .empty, clause: clause))
        let value = try evaluateConstant(bound)
        switch value {
        case let .int(v) where v >= 0: return Int(v)
        case let .bigint(v) where v >= 0: return Int(v)
        default:
            throw SQLError(.analysis, "The \(clause.lowercased()) expression must be equal to or greater than 0 and an integer, but got \(ValueFormatter.sparkString(value) ?? "NULL").",
                           errorClass: "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", at: expression.position)
        }
    }

    func ordinalWord(_ n: Int) -> String {
        switch n {
        case 1: return "first"
        case 2: return "second"
        case 3: return "third"
        default: return "\(n)th"
        }
    }
}
