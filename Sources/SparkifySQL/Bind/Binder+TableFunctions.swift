import SparkifyTables

extension Binder {
    /// The most rows `range` makes: its column is held in memory, eight bytes a row.
    static let rangeRowLimit: Int64 = 500_000_000

    /// A table-valued function in `FROM`. Spark's `range([start,] end [, step [, numPartitions]])`
    /// is the one sparkify has: a bigint column `id` from start (0) up to, not including, end,
    /// by step (1). Its arguments are constants, cast to bigint as Spark casts them.
    func bindTableFunction(_ function: ASTTableFunction) throws -> BoundRelation {
        guard function.name.lowercased() == "range" else {
            throw SQLError(.analysis, "Could not resolve `\(function.name)` to a table-valued function.",
                           errorClass: "UNRESOLVABLE_TABLE_VALUED_FUNCTION", at: function.position)
        }
        let count = function.arguments.count
        guard (1...4).contains(count) else {
            throw SQLError(.analysis, "The `range` requires [1, 2, 3, 4] parameters but the actual number is \(count).",
                           errorClass: "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", at: function.position)
        }
        var values: [Int64] = []
        for (i, argument) in function.arguments.enumerated() {
            let bound = try bindExpression(argument, ExpressionContext(scope: .empty, clause: "range"))
            let value = try evaluateConstant(castIfNeeded(bound, to: .bigint))
            guard case let .bigint(number) = value else {
                // Spark numbers the parameters of the full form: a lone argument is the end, the second.
                let parameter = count == 1 ? 2 : i + 1
                throw SQLError(.analysis, "Parameter \(ordinalWord(parameter)) of function `range` requires the \"BIGINT\" type, however \"\(argument)\" has the type \"\(bound.type.simpleString.uppercased())\".",
                               errorClass: "UNEXPECTED_INPUT_TYPE", at: argument.position)
            }
            values.append(number)
        }
        let (start, end) = count == 1 ? (0, values[0]) : (values[0], values[1])
        let step = count >= 3 ? values[2] : 1
        guard step != 0 else {
            throw SQLError(.analysis, "Failed preparing of the function `range` for call: the step cannot be 0.",
                           errorClass: "FAILED_FUNCTION_CALL", at: function.position)
        }
        let rows = Self.rangeCount(start: start, end: end, step: step)
        guard rows <= Self.rangeRowLimit else {
            throw SQLError(.unsupported, "range(\(start), \(end), \(step)) makes \(rows) rows; sparkify holds tables in memory and makes at most \(Self.rangeRowLimit) this way.",
                           errorClass: "UNSUPPORTED_FEATURE", at: function.position)
        }
        var ids = [Int64](repeating: 0, count: Int(rows))
        ids.withUnsafeMutableBufferPointer { ids in
            var next = start
            for i in ids.indices {
                ids[i] = next
                next &+= step
            }
        }
        let table = Table(schema: Schema([Field("id", .bigint, nullable: false)]),
                          columns: [Column(type: .bigint, values: .int64(ids), validity: nil)], rowCount: Int(rows))
        return scanRelation(.generated(description: "(\(start), \(end), step=\(step))"), table, qualifier: function.alias?.name.name)
    }

    /// How many values `start, start + step, …` lie before `end`, without overflowing.
    static func rangeCount(start: Int64, end: Int64, step: Int64) -> Int64 {
        let span = Int128(end) - Int128(start)
        guard span != 0, (span > 0) == (step > 0) else { return 0 }
        let count = (span.magnitude - 1) / Int128(step).magnitude + 1
        return count > Int128(Int64.max) ? Int64.max : Int64(count)
    }
}
