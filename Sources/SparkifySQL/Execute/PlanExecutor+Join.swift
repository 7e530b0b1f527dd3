import SparkifyTables

extension PlanExecutor {
    /// A join: equality conjuncts between the two sides become hash keys; the rest of the
    /// condition is checked on the candidate pairs.
    ///
    /// A side that is a filter is not gathered: its rows are kept as a selection of the
    /// table below, and only the key columns, the columns the residual condition reads and
    /// the output columns in `demand` (nil: all) are ever gathered, each once. Columns nobody
    /// above reads come out as NULL placeholders.
    func executeJoin(_ leftPlan: LogicalPlan, _ rightPlan: LogicalPlan, _ kind: JoinKind, _ condition: BoundExpression?,
                     schema: Schema, demand: Set<ColumnID>? = nil) throws -> Table {
        let below = demand.map { $0.union(condition?.referencedColumns ?? []) }
        let left = try executeSelection(leftPlan, demand: below), right = try executeSelection(rightPlan, demand: below)
        let leftIDs = Set(leftPlan.output.map(\.id)), rightIDs = Set(rightPlan.output.map(\.id))
        var leftKeys: [BoundExpression] = [], rightKeys: [BoundExpression] = [], nullSafe: [Bool] = []
        var residual: [BoundExpression] = []
        for conjunct in condition?.conjuncts ?? [] {
            if case let .call(op, args, _) = conjunct, op == "=" || op == "<=>", args.count == 2 {
                let a = args[0].referencedColumns, b = args[1].referencedColumns
                if !a.isEmpty, !b.isEmpty, a.isSubset(of: leftIDs), b.isSubset(of: rightIDs) {
                    leftKeys.append(args[0]); rightKeys.append(args[1]); nullSafe.append(op == "<=>")
                    continue
                }
                if !a.isEmpty, !b.isEmpty, a.isSubset(of: rightIDs), b.isSubset(of: leftIDs) {
                    leftKeys.append(args[1]); rightKeys.append(args[0]); nullSafe.append(op == "<=>")
                    continue
                }
            }
            residual.append(conjunct)
        }
        let leftKeyInput = try left.gathered(reading: leftKeys, of: leftPlan.output, context: operators)
        let rightKeyInput = try right.gathered(reading: rightKeys, of: rightPlan.output, context: operators)
        let leftEvaluator = ExpressionEvaluator(executor: self, input: leftKeyInput, columns: leftPlan.output)
        let rightEvaluator = ExpressionEvaluator(executor: self, input: rightKeyInput, columns: rightPlan.output)
        let leftKeyColumns = try leftKeys.map { try leftEvaluator.evaluate($0).materialize(rowCount: left.count) }
        let rightKeyColumns = try rightKeys.map { try rightEvaluator.evaluate($0).materialize(rowCount: right.count) }

        let operatorKind: HashJoin.Kind
        switch kind {
        case .inner: operatorKind = leftKeys.isEmpty ? .cross : .inner
        case .cross: operatorKind = .cross
        case .left: operatorKind = .left
        case .right: operatorKind = .right
        case .full: operatorKind = .full
        case .leftSemi: operatorKind = .leftSemi
        case .leftAnti: operatorKind = .leftAnti
        }
        let combinedColumns = leftPlan.output + rightPlan.output
        let residualCondition = BoundExpression.conjunction(residual)
        let check: ((HashJoin.Pairs) throws -> [Bool])? = residualCondition.map { condition in
            { pairs in
                let read = condition.referencedColumns
                let gathered = try left.gather(pairs.leftIndices, columns: leftPlan.output, wanted: read, context: self.operators)
                    + right.gather(pairs.rightIndices, columns: rightPlan.output, wanted: read, context: self.operators)
                let candidates = Table(schema: Schema(combinedColumns.map(\.field)), columns: gathered, rowCount: pairs.count)
                let evaluator = ExpressionEvaluator(executor: self, input: candidates, columns: combinedColumns)
                var keep = [Bool](repeating: false, count: pairs.count)
                for row in try evaluator.selectedRows(condition) { keep[row] = true }
                return keep
            }
        }
        let pairs = try HashJoin.join(operatorKind, left: leftKeyColumns, right: rightKeyColumns,
                                      leftCount: left.count, rightCount: right.count,
                                      nullSafe: nullSafe, context: operators, residual: check)
        var columns = try left.gather(pairs.leftIndices, columns: leftPlan.output, wanted: demand, context: operators)
        if kind != .leftSemi && kind != .leftAnti {
            columns += try right.gather(pairs.rightIndices, columns: rightPlan.output, wanted: demand, context: operators)
        }
        return Table(schema: schema, columns: columns, rowCount: pairs.count)
    }

    /// The rows of `plan` as a table and, when `plan` is a filter, the selected rows of it,
    /// left ungathered.
    func executeSelection(_ plan: LogicalPlan, demand: Set<ColumnID>?) throws -> SelectedRows {
        guard case let .filter(input, condition) = plan else { return SelectedRows(table: try execute(plan, demand: demand), rows: nil) }
        let source = try execute(input, demand: demand.map { $0.union(condition.referencedColumns) })
        let rows = try ExpressionEvaluator(executor: self, input: source, columns: input.output).selectedRows(condition)
        return SelectedRows(table: source, rows: rows.count == source.rowCount ? nil : rows)
    }
}
