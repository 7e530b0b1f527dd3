import SparkifyTables

extension PlanExecutor {
    /// GROUP BY: key columns are grouped once, then each aggregate runs over the groups.
    /// Without keys there is exactly one group, even over no rows (`count(*)` is 0).
    func executeAggregate(_ input: LogicalPlan, _ keys: [NamedExpression], _ aggregates: [NamedAggregate], schema: Schema) throws -> Table {
        let source = try execute(input)
        let evaluator = ExpressionEvaluator(executor: self, input: source, columns: input.output)
        let grouping: KeyGrouping, outputKeys: [Column]
        if let byColumn = try groupingByOneStringColumn(keys, source: source, columns: input.output) {
            (grouping, outputKeys) = byColumn
        } else {
            let keyColumns = try keys.map { try evaluator.evaluateColumn($0.expression) }
            grouping = keys.isEmpty ? KeyGrouping.global(rowCount: source.rowCount)
                : try KeyGrouping.make(keys: keyColumns, context: operators)
            outputKeys = keys.isEmpty ? [] : keyColumns.map { $0.gather(grouping.firstRows) }
        }

        var calls: [HashAggregation.Call] = []
        for aggregate in aggregates {
            calls.append(try operatorCall(aggregate.call, evaluator: evaluator, rowCount: source.rowCount))
        }
        let results = try HashAggregation.aggregate(calls, grouping: grouping, context: operators)
        let typed = zip(results, aggregates).map { column, aggregate in column.retyped(aggregate.column.type) }
        return Table(schema: schema, columns: outputKeys + typed, rowCount: grouping.groupCount)
    }

    private func operatorCall(_ call: AggregateCall, evaluator: ExpressionEvaluator, rowCount: Int) throws -> HashAggregation.Call {
        var args = try call.arguments.map { try evaluator.evaluate($0).materialize(rowCount: rowCount) }
        var function: HashAggregation.Function
        switch call.name {
        case "count": function = args.isEmpty ? .countStar : .count
        case "sum": function = .sum
        case "avg": function = .avg
        case "min", "bool_and": function = .min
        case "max", "bool_or": function = .max
        case "first": function = .first(ignoreNulls: call.ignoreNulls)
        case "last": function = .last(ignoreNulls: call.ignoreNulls)
        case "max_by": function = .maxBy
        case "min_by": function = .minBy
        case "collect_list": function = .collectList
        case "collect_set": function = .collectSet
        case "approx_count_distinct": function = .approxCountDistinct
        case "stddev_samp": function = .stddevSamp
        case "stddev_pop": function = .stddevPop
        case "var_samp": function = .varianceSamp
        case "var_pop": function = .variancePop
        case "count_if":
            function = .count
            args = [args[0].nullingRows { column, row in column.booleanValue(row) != true }]
        default:
            throw SQLError(.unsupported, "The aggregate function \(call.name)() is not supported by sparkify yet.", errorClass: "UNSUPPORTED_FEATURE")
        }
        if let filter = call.filter {
            let mask = try evaluator.evaluate(filter).materialize(rowCount: rowCount)
            if case .countStar = function {
                function = .count
                args = [mask]
            }
            args = args.map { arg in arg.nullingRows { _, row in mask.booleanValue(row) != true } }
        }
        return HashAggregation.Call(function, args, distinct: call.isDistinct)
    }
}

extension Column {
    /// The same values, NULL where `isRemoved` says so.
    func nullingRows(_ isRemoved: (Column, Int) -> Bool) -> Column {
        var validity = self.validity ?? Validity(count: count, allValid: true)
        for row in 0..<count where isRemoved(self, row) { validity.set(row, valid: false) }
        return Column(type: type, values: values, validity: validity)
    }

    /// A boolean column's value at `row`; nil for NULL or another type.
    func booleanValue(_ row: Int) -> Bool? {
        guard !isNull(row), case let .boolean(flags) = values else { return nil }
        return flags[row]
    }

    /// The same storage under `type` when the layouts agree (the binder's type wins).
    func retyped(_ type: DataType) -> Column {
        guard type != self.type, type.physical == self.type.physical else { return self }
        return Column(type: type, values: values, validity: validity)
    }
}
