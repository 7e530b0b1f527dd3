import SparkifyTables

/// Evaluates bound expressions over one input table, column at a time.
///
/// Conditional forms evaluate lazily where Spark does: the right side of AND/OR and the
/// branches of CASE only see the rows that reach them, so `x <> 0 AND 10 / x > 1` never
/// divides by zero.
struct ExpressionEvaluator {
    let executor: PlanExecutor
    let input: Table
    let ordinals: [ColumnID: Int]

    init(executor: PlanExecutor, input: Table, columns: [PlanColumn]) {
        self.executor = executor
        self.input = input
        var ordinals: [ColumnID: Int] = [:]
        for (i, column) in columns.enumerated() { ordinals[column.id] = i }
        self.ordinals = ordinals
    }

    private init(executor: PlanExecutor, input: Table, ordinals: [ColumnID: Int]) {
        self.executor = executor
        self.input = input
        self.ordinals = ordinals
    }

    var rowCount: Int { input.rowCount }
    var context: EvaluationContext { executor.evaluation }

    /// The rows for which `condition` is true (NULL counts as false).
    func selectedRows(_ condition: BoundExpression) throws -> [Int] {
        let predicate = try evaluate(condition)
        if case let .constant(value, _) = predicate {
            return value == .boolean(true) ? Array(0..<rowCount) : []
        }
        return try RowSelection.filter(predicate.materialize(rowCount: rowCount))
    }

    func evaluate(_ expression: BoundExpression) throws -> ScalarOperand {
        switch expression {
        case let .column(id, _, name):
            guard let ordinal = ordinals[id] else {
                throw SQLError(.execution, "Column \(name)\(id) is not available here (a planner bug).", errorClass: "INTERNAL_ERROR")
            }
            return .column(input.columns[ordinal])

        case let .literal(value, type):
            return .constant(value, type)

        case let .cast(operand, type, isTry):
            return try CastKernel.cast(try evaluate(operand), to: type, mode: isTry ? .tryCast : (context.ansiEnabled ? .ansi : .legacy), rowCount: rowCount, context: context)

        case let .call("and", args, _) where args.count == 2:
            return try shortCircuit(args[0], args[1], isAnd: true)
        case let .call("or", args, _) where args.count == 2:
            return try shortCircuit(args[0], args[1], isAnd: false)
        case let .call("coalesce", args, type):
            if args.count == 1 { return try evaluate(args[0]) }
            return .column(try ConditionalKernels.coalesce(args.map(subsetEvaluator), resultType: type, rowCount: rowCount))

        case let .call(name, args, type):
            let operands = try args.map(evaluate)
            return try ScalarFunctionBridge.evaluate(name, operands, resultType: type, rowCount: rowCount, context: context)

        case let .caseWhen(branches, otherwise, type):
            let column = try ConditionalKernels.caseWhen(
                branches: branches.map { (condition: subsetEvaluator($0.condition), value: subsetEvaluator($0.result)) },
                otherwise: otherwise.map(subsetEvaluator), resultType: type, rowCount: rowCount)
            return .column(column)

        case let .scalarSubquery(plan, _) where !plan.outerReferences.isEmpty,
             let .exists(plan, _) where !plan.outerReferences.isEmpty,
             let .inSubquery(_, plan, _) where !plan.outerReferences.isEmpty:
            throw SQLError(.unsupported, "This correlated subquery is not supported by sparkify yet: correlated subqueries work in WHERE and in the select list of queries without GROUP BY.",
                           errorClass: "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY")

        case let .scalarSubquery(plan, type):
            let result = try executor.execute(plan)
            guard result.rowCount <= 1 else {
                throw SQLError(.execution, "More than one row returned by a subquery used as an expression.", errorClass: "SCALAR_SUBQUERY_TOO_MANY_ROWS")
            }
            return .constant(result.rowCount == 0 ? .null : result.columns[0].value(at: 0), type)

        case let .exists(plan, negated):
            let result = try executor.execute(.limit(plan, count: 1, offset: 0))
            return .constant(.boolean((result.rowCount > 0) != negated), .boolean)

        case let .inSubquery(values, plan, negated):
            let list = try executor.execute(plan)
            let columns = try values.map { try evaluate($0).materialize(rowCount: rowCount) }
            return .column(try SubqueryMembership.evaluate(columns, in: list.columns, negated: negated, context: executor.operators))
        }
    }

    /// `expression` over every row, as a column.
    ///
    /// An expression over one string column with few distinct values (a CASE over user
    /// agents, a cast of user ids) runs once per distinct value and its result is spread
    /// back over the rows: the same values in, the same values (and errors) out.
    func evaluateColumn(_ expression: BoundExpression) throws -> Column {
        if rowCount >= ParallelWork.minimumRowsPerTask, let column = dictionaryCandidate(expression) {
            let grouping = try KeyGrouping.make(keys: [column.values], context: executor.operators)
            if grouping.groupCount * 8 <= rowCount {
                let distinct = Table(schema: Schema([column.field]), columns: [column.values.gather(grouping.firstRows)], rowCount: grouping.groupCount)
                let perValue = try ExpressionEvaluator(executor: executor, input: distinct, ordinals: [column.id: 0])
                    .evaluate(expression).materialize(rowCount: grouping.groupCount)
                return perValue.gather(grouping.groupIds.map { Int($0) })
            }
        }
        return try evaluate(expression).materialize(rowCount: rowCount)
    }

    /// The one string column a deterministic, computed `expression` reads, if that is all it reads.
    private func dictionaryCandidate(_ expression: BoundExpression) -> (id: ColumnID, field: Field, values: Column)? {
        switch expression {
        case .call, .caseWhen, .cast: break
        default: return nil
        }
        let ids = expression.referencedColumns
        guard ids.count == 1, let id = ids.first, let ordinal = ordinals[id], input.columns[ordinal].type == .string,
              expression.isDeterministic, !expression.containsSubquery else { return nil }
        return (id, input.schema.fields[ordinal], input.columns[ordinal])
    }

    /// AND / OR: the right side runs only on rows the left side does not decide, falling back
    /// to that (slower) path only when running it on every row fails.
    private func shortCircuit(_ left: BoundExpression, _ right: BoundExpression, isAnd: Bool) throws -> ScalarOperand {
        let l = try evaluate(left)
        if case let .constant(value, _) = l, value == .boolean(!isAnd) { return l }
        let r: ScalarOperand
        do {
            r = try evaluate(right)
        } catch let error as SQLError where error.kind == .execution {
            let column = l.materialize(rowCount: rowCount)
            guard case let .boolean(flags) = column.values else { throw error }
            let undecided = (0..<rowCount).filter { column.isNull($0) || flags[$0] == isAnd }
            let partial = try subsetEvaluator(right)(undecided).materialize(rowCount: undecided.count)
            var indices = [Int](repeating: -1, count: rowCount)
            for (k, row) in undecided.enumerated() { indices[row] = k }
            // Rows decided by the left side take its value, which the kernel keeps as is.
            let spread = partial.gather(indices)
            return .column(isAnd ? LogicKernels.and(l, .column(spread.filledNulls(with: true, where: indices)), rowCount: rowCount)
                                 : LogicKernels.or(l, .column(spread.filledNulls(with: false, where: indices)), rowCount: rowCount))
        }
        return .column(isAnd ? LogicKernels.and(l, r, rowCount: rowCount) : LogicKernels.or(l, r, rowCount: rowCount))
    }

    /// Evaluates `expression` over a subset of the rows, gathering only the columns it reads.
    ///
    /// An expression that cannot fail (`cannotRaise`) over most of the rows is evaluated over
    /// all of them and its result gathered instead: a boolean is far cheaper to gather than
    /// the string columns a `LIKE` in a CASE branch reads.
    func subsetEvaluator(_ expression: BoundExpression) -> RowSubsetEvaluator {
        { rows in
            guard let rows else { return try evaluate(expression) }
            if !rows.isEmpty, rows.count * 2 >= rowCount, expression.cannotRaise {
                let whole = try evaluate(expression)
                if case .constant = whole { return whole }
                return .column(whole.materialize(rowCount: rowCount).gather(rows))
            }
            var subOrdinals: [ColumnID: Int] = [:]
            var columns: [Column] = []
            var fields: [Field] = []
            for id in expression.referencedColumns {
                guard let ordinal = ordinals[id] else { continue }
                subOrdinals[id] = columns.count
                columns.append(input.columns[ordinal].gather(rows))
                fields.append(input.schema.fields[ordinal])
            }
            let subset = Table(schema: Schema(fields), columns: columns, rowCount: rows.count)
            return try ExpressionEvaluator(executor: executor, input: subset, ordinals: subOrdinals).evaluate(expression)
        }
    }
}

extension Column {
    /// For rows whose index is -1 (decided elsewhere), `value` instead of NULL.
    func filledNulls(with value: Bool, where indices: [Int]) -> Column {
        guard case var .boolean(flags) = values else { return self }
        var validity = self.validity ?? Validity(count: count, allValid: true)
        for (row, index) in indices.enumerated() where index < 0 {
            flags[row] = value
            validity.set(row, valid: true)
        }
        return Column(type: type, values: .boolean(flags), validity: validity.nullCount == 0 ? nil : validity)
    }
}

extension BoundExpression {
    /// Operators that never raise an error on values of the types the binder gives them.
    private static let totalOperators: Set<String> = [
        "=", "<>", "<", "<=", ">", ">=", "<=>", "and", "or", "not", "isnull", "isnotnull",
    ]

    /// True when evaluating this expression can raise no error on any row and gives the same
    /// value whatever rows it sees with it: columns, literals, comparisons, logic and `LIKE`
    /// with a literal pattern.
    var cannotRaise: Bool {
        switch self {
        case .column, .literal: return true
        case let .call(name, args, _):
            if name == "like", args.count == 3, case .literal = args[1], case .literal = args[2] { return args[0].cannotRaise }
            return BoundExpression.totalOperators.contains(name) && args.allSatisfy(\.cannotRaise)
        default: return false
        }
    }
}
