import SparkifyTables

extension Binder {
    /// A function call: a window function (with OVER), an aggregate, or a scalar function.
    func bindFunction(_ call: ASTFunctionCall, _ expression: ASTExpression, _ context: ExpressionContext) throws -> BoundExpression {
        let name = call.lowercasedName
        let position = expression.position
        if call.window != nil {
            return try bindWindowFunction(call, expression, context)
        }
        if AggregateFunctions.windowOnlyNames.contains(name) {
            throw SQLError(.analysis, "Window function \(name)() requires an OVER clause.", errorClass: "WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE", at: position)
        }
        if AggregateFunctions.isAggregate(name) {
            return try bindAggregate(call, expression, context)
        }
        if name == "grouping" || name == "grouping_id" {
            return try bindGroupingFunction(call, expression, context)
        }
        if name == "input_file_name" || name == "monotonically_increasing_id", context.clause == "aggregate argument" {
            throw SQLError(.analysis, "The aggregate function's argument \(expression) is not deterministic: compute it in a subquery first.",
                           errorClass: "AGGREGATE_FUNCTION_WITH_NONDETERMINISTIC_EXPRESSION", at: position)
        }
        if name == "input_file_name", call.arguments.isEmpty {
            // Each row's file, from the hidden column of the file scan in scope; "" where the
            // rows do not come straight from files, as in Spark.
            if let column = context.scope.entries.first(where: { $0.column.name == Binder.inputFileColumnName })?.column {
                return column.reference
            }
            return .literal(.string(""), .string)
        }
        if call.isDistinct {
            throw SQLError(.analysis, "DISTINCT is only allowed in aggregate functions, not in \(name)().", errorClass: "INVALID_DISTINCT_USAGE", at: position)
        }
        let args = try call.arguments.map { try bindExpression($0, context) }
        return try scalarCall(name, args, at: position)
    }

    private func bindAggregate(_ call: ASTFunctionCall, _ expression: ASTExpression, _ context: ExpressionContext) throws -> BoundExpression {
        let name = call.lowercasedName
        let position = expression.position
        guard let collector = context.aggregates else {
            if context.clause == "aggregate argument" {
                throw SQLError(.analysis, "It is not allowed to use an aggregate function in the argument of another aggregate function. Please use the inner aggregate function in a sub-query.",
                               errorClass: "NESTED_AGGREGATE_FUNCTION", at: position)
            }
            throw SQLError(.analysis, "Aggregate functions are not allowed in \(context.clause): \(expression).",
                           errorClass: context.clause == "WHERE" ? "INVALID_WHERE_CONDITION" : "UNSUPPORTED_EXPR_FOR_OPERATOR", at: position)
        }
        var argumentContext = context.plain
        argumentContext.clause = "aggregate argument"
        var args: [BoundExpression] = []
        for argument in call.arguments {
            if case .star = argument.kind, name == "count" { continue }
            args.append(try bindExpression(argument, argumentContext))
        }
        try checkArity(name, args.count, at: position)
        guard let signature = AggregateFunctions.signature(name, args.map(\.type)) else {
            throw SQLError(.analysis, "Cannot resolve \(expression) due to data type mismatch: \(name)() does not accept [\(args.map { $0.type.simpleString.uppercased() }.joined(separator: ", "))].",
                           errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", at: position)
        }
        var ignoreNulls = call.ignoreNulls ?? false
        if ["first", "last", "first_value", "last_value", "any_value"].contains(name), args.count == 2 {
            guard case let .literal(.boolean(flag), _) = args[1] else {
                throw SQLError(.analysis, "The second argument of \(name)() must be a boolean literal.", errorClass: "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", at: position)
            }
            ignoreNulls = flag
            args.removeLast()
        }
        let castArgs = zip(args, signature.arguments).map { castIfNeeded($0, to: $1) }
        let filter = try call.filter.map { try bindCondition($0, argumentContext) }
        let aggregate = AggregateCall(name: canonicalAggregateName(name), arguments: castArgs, isDistinct: call.isDistinct,
                                      ignoreNulls: ignoreNulls, filter: filter, resultType: signature.result)
        return collector.column(for: aggregate, name: autoName(expression), ids: ids).reference
    }

    private func canonicalAggregateName(_ name: String) -> String {
        switch name {
        case "mean": return "avg"
        case "first_value": return "first"
        case "last_value": return "last"
        case "any_value": return "first"
        case "array_agg": return "collect_list"
        case "std", "stddev": return "stddev_samp"
        case "variance": return "var_samp"
        case "every": return "bool_and"
        case "some", "any": return "bool_or"
        default: return name
        }
    }

    private func bindWindowFunction(_ call: ASTFunctionCall, _ expression: ASTExpression, _ context: ExpressionContext) throws -> BoundExpression {
        let name = call.lowercasedName
        let position = expression.position
        guard let collector = context.windows, var spec = call.window else {
            throw SQLError(.analysis, "Window function \(expression) is not allowed in \(context.clause); compute it in a subquery and filter its result.",
                           errorClass: "WINDOW_FUNCTION_NOT_ALLOWED_IN_CLAUSE", at: position)
        }
        if let reference = spec.reference {
            guard let defined = namedWindowScopes.reversed().lazy.compactMap({ $0[reference.name.lowercased()] }).first else {
                throw SQLError(.analysis, "Window specification \(reference.name) is not defined in the WINDOW clause.", errorClass: "MISSING_WINDOW_SPECIFICATION", at: reference.position)
            }
            spec = defined
        }
        guard AggregateFunctions.windowOnlyNames.contains(name) || AggregateFunctions.isAggregate(name) else {
            throw SQLError(.analysis, "\(name)() is not a window or aggregate function, so it cannot be used with OVER.", errorClass: "UNSUPPORTED_EXPR_FOR_WINDOW", at: position)
        }
        var inner = context
        inner.windows = nil
        let partitionBy = try spec.partitionBy.map { try bindExpression($0, inner) }
        let orderBy = try spec.orderBy.map { item in
            SortKey(try bindExpression(item.expression, inner), ascending: item.ascending, nullsFirst: item.effectiveNullsFirst)
        }
        var args = try call.arguments.compactMap { argument -> BoundExpression? in
            if case .star = argument.kind, name == "count" { return nil }
            return try bindExpression(argument, inner)
        }
        try checkArity(name, args.count, at: position)
        if AggregateFunctions.rankingNames.contains(name), orderBy.isEmpty {
            throw SQLError(.analysis, "Window function \(name)() requires window to be ordered, please add ORDER BY clause. For example SELECT \(name)()(value_expr) OVER (PARTITION BY window_partition ORDER BY window_ordering) from table.",
                           errorClass: "WINDOW_FUNCTION_FRAME_NOT_ORDERED", at: position)
        }

        var ignoreNulls = call.ignoreNulls ?? false
        let resultType: DataType
        switch name {
        case "row_number", "rank", "dense_rank", "ntile": resultType = .int
        case "percent_rank", "cume_dist": resultType = .double
        case "lag", "lead", "nth_value":
            resultType = args[0].type
            if args.count >= 3 { args[2] = castIfNeeded(args[2], to: resultType) }
        default:
            guard let signature = AggregateFunctions.signature(name, args.map(\.type)) else {
                throw SQLError(.analysis, "Cannot resolve \(expression) due to data type mismatch: \(name)() does not accept [\(args.map { $0.type.simpleString.uppercased() }.joined(separator: ", "))].",
                               errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", at: position)
            }
            if ["first", "last", "first_value", "last_value", "any_value"].contains(name), args.count == 2 {
                if case let .literal(.boolean(flag), _) = args[1] { ignoreNulls = flag }
                args.removeLast()
            }
            args = zip(args, signature.arguments).map { castIfNeeded($0, to: $1) }
            resultType = signature.result
        }
        if let filter = call.filter {
            // FILTER (WHERE c) over a window: the rows failing c give NULL arguments, which every
            // aggregate here skips (count(*) becomes a count of a value present only where c holds).
            let nullSensitive = ["first", "last", "first_value", "last_value", "any_value"]
            guard AggregateFunctions.isAggregate(name), !nullSensitive.contains(name) else {
                throw SQLError(.unsupported, "FILTER is not supported for the window function \(name)() by sparkify yet.", errorClass: "UNSUPPORTED_FEATURE", at: position)
            }
            let condition = try bindCondition(filter, inner)
            args = args.isEmpty ? [.caseWhen([CaseBranch(condition, .literal(.int(1), .int))], otherwise: nil, .int)]
                : args.map { .caseWhen([CaseBranch(condition, $0)], otherwise: nil, $0.type) }
        }
        if call.isDistinct {
            throw SQLError(.analysis, "Distinct window functions are not supported: \(expression).", errorClass: "DISTINCT_WINDOW_FUNCTION_UNSUPPORTED", at: position)
        }
        if spec.frame != nil, ["lag", "lead"].contains(name) {
            throw SQLError(.analysis, "Cannot specify window frame for \(name) function.", errorClass: "_LEGACY_ERROR_TEMP_1035", at: position)
        }
        if let frame = spec.frame, AggregateFunctions.rankingNames.contains(name),
           frame.unit != .rows || frame.start != .unboundedPreceding || frame.end != .currentRow {
            throw SQLError(.analysis, "Window Frame \(frame.unit.rawValue) must match the required frame ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW.",
                           errorClass: "_LEGACY_ERROR_TEMP_1036", at: position)
        }
        let frame = try bindFrame(spec.frame, orderBy: orderBy, inner)
        let window = WindowCall(name: canonicalWindowName(name), arguments: args, ignoreNulls: ignoreNulls,
                                partitionBy: partitionBy, orderBy: orderBy, frame: frame, resultType: resultType)
        return collector.column(for: window, name: autoName(expression), ids: ids).reference
    }

    /// Window aggregates by the name the window operator knows them by.
    private func canonicalWindowName(_ name: String) -> String {
        switch canonicalAggregateName(name) {
        case "first": return "first_value"
        case "last": return "last_value"
        case let other: return other
        }
    }

    private func checkArity(_ name: String, _ count: Int, at position: SourcePosition) throws {
        let range = AggregateFunctions.arity(name)
        guard range.contains(count) else {
            let expected = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "[\(range.lowerBound), \(range.upperBound)]"
            throw SQLError(.analysis, "The `\(name)` requires \(expected) parameters but the actual number is \(count).",
                           errorClass: "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", at: position)
        }
    }
}
