import SparkifyTables

extension PlanExecutor {
    /// A join: equality conjuncts between the two sides become hash keys; the rest of the
    /// condition is checked on the candidate pairs.
    func executeJoin(_ leftPlan: LogicalPlan, _ rightPlan: LogicalPlan, _ kind: JoinKind, _ condition: BoundExpression?, schema: Schema) throws -> Table {
        let left = try execute(leftPlan), right = try execute(rightPlan)
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
        let leftEvaluator = ExpressionEvaluator(executor: self, input: left, columns: leftPlan.output)
        let rightEvaluator = ExpressionEvaluator(executor: self, input: right, columns: rightPlan.output)
        let leftKeyColumns = try leftKeys.map { try leftEvaluator.evaluate($0).materialize(rowCount: left.rowCount) }
        let rightKeyColumns = try rightKeys.map { try rightEvaluator.evaluate($0).materialize(rowCount: right.rowCount) }

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
                let candidates = Table(schema: Schema(combinedColumns.map(\.field)),
                                       columns: left.columns.map { $0.gather(pairs.leftIndices) } + right.columns.map { $0.gather(pairs.rightIndices) },
                                       rowCount: pairs.count)
                let evaluator = ExpressionEvaluator(executor: self, input: candidates, columns: combinedColumns)
                var keep = [Bool](repeating: false, count: pairs.count)
                for row in try evaluator.selectedRows(condition) { keep[row] = true }
                return keep
            }
        }
        let pairs = try HashJoin.join(operatorKind, left: leftKeyColumns, right: rightKeyColumns,
                                      leftCount: left.rowCount, rightCount: right.rowCount,
                                      nullSafe: nullSafe, context: operators, residual: check)
        var columns = left.columns.map { $0.gather(pairs.leftIndices) }
        if kind != .leftSemi && kind != .leftAnti {
            columns += right.columns.map { $0.gather(pairs.rightIndices) }
        }
        return Table(schema: schema, columns: columns, rowCount: pairs.count)
    }
}
