import SparkifyTables

extension PlanExecutor {
    /// Window functions: calls sharing a window (PARTITION BY and ORDER BY) are evaluated
    /// together; their columns are appended to the input's.
    func executeWindow(_ input: LogicalPlan, _ functions: [NamedWindowFunction], schema: Schema, demand: Set<ColumnID>? = nil) throws -> Table {
        let source = try execute(input, demand: demand.map { functions.reduce(into: $0) { $0.formUnion($1.call.allExpressions.flatMap(\.referencedColumns)) } })
        let evaluator = ExpressionEvaluator(executor: self, input: source, columns: input.output)
        var results = [Column?](repeating: nil, count: functions.count)
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (i, function) in functions.enumerated() {
            let key = (function.call.partitionBy.map(\.description) + ["|"] + function.call.orderBy.map(\.description)).joined(separator: ",")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        for key in order {
            guard let members = groups[key], let first = members.first else { continue }
            let spec = functions[first].call
            let partition = try spec.partitionBy.map { try evaluator.evaluate($0).materialize(rowCount: source.rowCount) }
            let orderKeys = try spec.orderBy.map {
                SortOperator.Key(try evaluator.evaluate($0.expression).materialize(rowCount: source.rowCount), ascending: $0.ascending, nullsFirst: $0.nullsFirst)
            }
            let calls = try members.map { try operatorCall(functions[$0].call, evaluator: evaluator, rowCount: source.rowCount) }
            let columns = try WindowOperator.evaluate(calls, partitionBy: partition, orderBy: orderKeys, rowCount: source.rowCount, context: operators)
            for (member, column) in zip(members, columns) { results[member] = column.retyped(functions[member].column.type) }
        }
        let appended = results.compactMap { $0 }
        return Table(schema: schema, columns: source.columns + appended, rowCount: source.rowCount)
    }

    private func operatorCall(_ call: WindowCall, evaluator: ExpressionEvaluator, rowCount: Int) throws -> WindowOperator.Call {
        var args = try call.arguments.map { try evaluator.evaluate($0).materialize(rowCount: rowCount) }
        let function: WindowOperator.Function
        func offset() throws -> Int {
            guard call.arguments.count >= 2 else { return 1 }
            guard case let .literal(value, _) = call.arguments[1], let n = value.integerValue else {
                throw SQLError(.analysis, "The offset of \(call.name)() must be an integer literal.", errorClass: "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT")
            }
            return n
        }
        switch call.name {
        case "row_number": function = .rowNumber
        case "rank": function = .rank
        case "dense_rank": function = .denseRank
        case "percent_rank": function = .percentRank
        case "cume_dist": function = .cumeDist
        case "ntile":
            guard case let .literal(value, _) = call.arguments.first ?? .literal(.null, .null), let n = value.integerValue, n > 0 else {
                throw SQLError(.analysis, "The argument of ntile() must be a positive integer literal.", errorClass: "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE")
            }
            function = .ntile(n)
            args = []
        case "lag", "lead":
            let n = try offset()
            function = call.name == "lag" ? .lag(offset: n, ignoreNulls: call.ignoreNulls) : .lead(offset: n, ignoreNulls: call.ignoreNulls)
            args = [args[0]] + (args.count >= 3 ? [args[2]] : [])
        case "first_value": function = .firstValue(ignoreNulls: call.ignoreNulls)
        case "last_value": function = .lastValue(ignoreNulls: call.ignoreNulls)
        case "nth_value":
            guard case let .literal(value, _) = call.arguments[1], let n = value.integerValue else {
                throw SQLError(.analysis, "The offset of nth_value() must be an integer literal.", errorClass: "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT")
            }
            function = .nthValue(n, ignoreNulls: call.ignoreNulls)
            args = [args[0]]
        case "count": function = .aggregate(args.isEmpty ? .countStar : .count)
        case "sum": function = .aggregate(.sum)
        case "avg": function = .aggregate(.avg)
        case "min", "bool_and": function = .aggregate(.min)
        case "max", "bool_or": function = .aggregate(.max)
        case "max_by": function = .aggregate(.maxBy)
        case "min_by": function = .aggregate(.minBy)
        case "collect_list": function = .aggregate(.collectList)
        case "collect_set": function = .aggregate(.collectSet)
        case "approx_count_distinct": function = .aggregate(.approxCountDistinct)
        case "stddev_samp": function = .aggregate(.stddevSamp)
        case "stddev_pop": function = .aggregate(.stddevPop)
        case "var_samp": function = .aggregate(.varianceSamp)
        case "var_pop": function = .aggregate(.variancePop)
        case "count_if":
            function = .aggregate(.count)
            args = [args[0].nullingRows { column, row in column.booleanValue(row) != true }]
        default:
            throw SQLError(.unsupported, "\(call.name)() is not supported as a window function by sparkify yet.", errorClass: "UNSUPPORTED_FEATURE")
        }
        return WindowOperator.Call(function, args, frame: try frame(call.frame))
    }

    private func frame(_ frame: WindowFrame) throws -> WindowOperator.Frame {
        func bound(_ b: FrameBound) -> WindowOperator.FrameBound {
            switch b {
            case .unboundedPreceding: return .unboundedPreceding
            case let .preceding(n): return .preceding(Int(n))
            case .currentRow: return .currentRow
            case let .following(n): return .following(Int(n))
            case .unboundedFollowing: return .unboundedFollowing
            }
        }
        return WindowOperator.Frame(frame.unit == .rows ? .rows : .range, bound(frame.start), bound(frame.end), offsetScale: frame.offsetScale)
    }
}

extension Value {
    /// An integer literal's value.
    var integerValue: Int? {
        switch self {
        case let .int(v): return Int(v)
        case let .bigint(v): return Int(exactly: v)
        default: return nil
        }
    }
}
