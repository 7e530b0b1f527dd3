import SparkifyTables

extension PlanExecutor {
    /// GROUP BY keys that are all computed from one string column (`GROUP BY CASE WHEN
    /// user_agent LIKE ... END, CASE WHEN user_agent LIKE ... END`): the rows are grouped by
    /// that column once, the keys computed once per distinct value and grouped there. Groups
    /// come out numbered by first appearance, as grouping the computed keys row by row would
    /// number them. Nil (do it row by row) for other keys or when the column has too many
    /// distinct values for this to pay.
    func groupingByOneStringColumn(_ keys: [NamedExpression], source: Table, columns: [PlanColumn]) throws -> (grouping: KeyGrouping, keys: [Column])? {
        let expressions = keys.map(\.expression)
        guard source.rowCount >= ParallelWork.minimumRowsPerTask,
              !expressions.allSatisfy({ if case .column = $0 { return true } else { return false } }) else { return nil }
        let read = expressions.reduce(into: Set<ColumnID>()) { $0.formUnion($1.referencedColumns) }
        guard read.count == 1, let id = read.first, let ordinal = columns.firstIndex(where: { $0.id == id }),
              source.columns[ordinal].type == .string,
              expressions.allSatisfy({ $0.isDeterministic && !$0.containsSubquery }) else { return nil }
        let byValue = try KeyGrouping.make(keys: [source.columns[ordinal]], context: operators)
        guard byValue.groupCount * 8 <= source.rowCount else { return nil }
        let distinct = Table(schema: Schema([columns[ordinal].field]), columns: [source.columns[ordinal].gather(byValue.firstRows)],
                             rowCount: byValue.groupCount)
        let evaluator = ExpressionEvaluator(executor: self, input: distinct, columns: [columns[ordinal]])
        let keyColumns = try expressions.map { try evaluator.evaluate($0).materialize(rowCount: byValue.groupCount) }
        let byKeys = try KeyGrouping.make(keys: keyColumns, context: operators)
        var groupIds = byValue.groupIds
        byKeys.groupIds.withUnsafeBufferPointer { final in
            groupIds.withUnsafeMutableBufferPointer { ids in
                for row in 0..<ids.count { ids[row] = final[Int(ids[row])] }
            }
        }
        let firstRows = byKeys.firstRows.map { byValue.firstRows[$0] }
        return (KeyGrouping(groupIds: groupIds, firstRows: firstRows), keyColumns.map { $0.gather(byKeys.firstRows) })
    }
}
