import SparkifyTables

extension PlanExecutor {
    /// `WHERE rn = 1` over a window whose only function is `rn = row_number()`: the first row
    /// of each partition, found in one pass over the keys instead of sorting every row (the
    /// latest row per user of the ETL's `users`). Only the winning rows are gathered. Nil when
    /// the plan is not of that shape.
    func executeFirstRowPerPartition(
        _ input: LogicalPlan, _ functions: [NamedWindowFunction], _ condition: BoundExpression, schema: Schema
    ) throws -> Table? {
        guard functions.count == 1, let function = functions.first, function.call.name == "row_number",
              case let .call("=", args, _) = condition, args.count == 2 else { return nil }
        let isRowNumber: (BoundExpression) -> Bool = {
            if case let .column(id, _, _) = $0 { return id == function.column.id } else { return false }
        }
        let isOne: (BoundExpression) -> Bool = {
            if case let .literal(value, _) = $0 { return value.integerValue == 1 } else { return false }
        }
        guard (isRowNumber(args[0]) && isOne(args[1])) || (isOne(args[0]) && isRowNumber(args[1])) else { return nil }
        let call = function.call
        let selection = try executeSelection(input, demand: nil)
        let keyInput = try selection.gathered(reading: call.partitionBy + call.orderBy.map(\.expression), of: input.output, context: operators)
        let evaluator = ExpressionEvaluator(executor: self, input: keyInput, columns: input.output)
        let rowCount = selection.count
        let partition = try call.partitionBy.map { try evaluator.evaluate($0).materialize(rowCount: rowCount) }
        let order = try call.orderBy.map {
            SortOperator.Key(try evaluator.evaluate($0.expression).materialize(rowCount: rowCount), ascending: $0.ascending, nullsFirst: $0.nullsFirst)
        }
        let rows = try WindowOperator.firstRowPerPartition(partitionBy: partition, orderBy: order, rowCount: rowCount, context: operators)
        let columns = try selection.gather(rows, columns: input.output, wanted: nil, context: operators)
        let ones = Column(type: .int, values: .int32([Int32](repeating: 1, count: rows.count))).retyped(function.column.type)
        return Table(schema: schema, columns: columns + [ones], rowCount: rows.count)
    }
}
