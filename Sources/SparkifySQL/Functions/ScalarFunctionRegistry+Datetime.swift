import SparkifyTables

extension ScalarFunctionRegistry {
    static func datetimeFunctions() -> [ScalarFunction] {
        var list: [ScalarFunction] = []
        let timeFields: [(String, DatetimeField)] = [("hour", .hour), ("minute", .minute), ("second", .second)]
        for (name, field) in timeFields {
            list += define([name], [.type(.timestamp)], result: { _ in .int }) { call in
                DatetimeKernels.timeField(field, call.arguments[0], rowCount: call.rowCount, context: call.context)
            }
        }
        let dateFields: [([String], DatetimeField)] = [
            (["year"], .year), (["quarter"], .quarter), (["month"], .month), (["dayofmonth", "day"], .dayOfMonth),
            (["dayofweek"], .dayOfWeek), (["weekday"], .weekday), (["dayofyear"], .dayOfYear), (["weekofyear"], .weekOfYear),
        ]
        for (names, field) in dateFields {
            list += define(names, [.type(.date)], result: { _ in .int }) { call in
                DatetimeKernels.dateField(field, call.arguments[0], rowCount: call.rowCount)
            }
        }
        list += define(["date_format"], [.type(.timestamp), .type(.string)], result: { _ in .string }) { call in
            guard let text = try call.constantString(1, purpose: "format") else { return Column.nulls(.string, count: call.rowCount) }
            let pattern = try DatetimePatternHandle(text, forParsing: false)
            return DatetimeKernels.format(call.arguments[0], pattern: pattern, rowCount: call.rowCount, context: call.context)
        }
        list += define(["from_unixtime"], [.type(.bigint), .type(.string)], optional: 1, result: { _ in .string }) { call in
            var text = DatetimePattern.defaultTimestampPattern
            if call.arguments.count > 1 {
                guard let given = try call.constantString(1, purpose: "format") else { return Column.nulls(.string, count: call.rowCount) }
                text = given
            }
            let pattern = try DatetimePatternHandle(text, forParsing: false)
            let micros = try DatetimeKernels.timestampFromIntegers(call.arguments[0], microsPerUnit: 1_000_000, rowCount: call.rowCount)
            return DatetimeKernels.format(.column(micros), pattern: pattern, rowCount: call.rowCount, context: call.context)
        }
        for (name, tolerant) in [("to_timestamp", false), ("try_to_timestamp", true)] {
            list.append(ScalarFunction(name: name, resolver: { types in
                try resolveParse(name, types, result: .timestamp)
            }, evaluator: { call in
                let failOnError = call.failOnError && !tolerant
                return try parseTimestamps(call, failOnError: failOnError)
            }))
        }
        list.append(ScalarFunction(name: "to_date", resolver: { types in
            try resolveParse("to_date", types, result: .date)
        }, evaluator: { call in
            let timestamps = try parseTimestamps(call, failOnError: call.failOnError, target: .date)
            return try CastKernel.cast(timestamps, to: .date, context: call.context)
        }))
        for name in ["unix_timestamp", "to_unix_timestamp"] {
            list.append(ScalarFunction(name: name, isDeterministic: name != "unix_timestamp", resolver: { types in
                if types.isEmpty, name == "unix_timestamp" { return ResolvedScalarCall(resultType: .bigint, argumentTypes: []) }
                return try resolveParse(name, types, result: .bigint)
            }, evaluator: { call in
                if call.arguments.isEmpty {
                    let seconds = floorDivide(call.context.statementTimestampMicros, 1_000_000)
                    return ScalarOperand.broadcast(.bigint(seconds), type: .bigint, count: call.rowCount)
                }
                var timestamps: Column
                if call.arguments[0].type == .string {
                    let text = call.arguments.count > 1 ? try call.constantString(1, purpose: "format") : DatetimePattern.defaultTimestampPattern
                    guard let text else { return Column.nulls(.bigint, count: call.rowCount) }
                    let pattern = try DatetimePatternHandle(text, forParsing: true)
                    timestamps = try DatetimeKernels.parse(call.arguments[0], pattern: pattern, rowCount: call.rowCount, context: call.context, failOnError: call.failOnError)
                } else {
                    timestamps = try CastKernel.cast(call.arguments[0], to: .timestamp, rowCount: call.rowCount, context: call.context).materialize(rowCount: call.rowCount)
                }
                return DatetimeKernels.unixSeconds(.column(timestamps), rowCount: call.rowCount)
            }))
        }
        let units: [(String, Int64)] = [("timestamp_seconds", 1_000_000), ("timestamp_millis", 1_000), ("timestamp_micros", 1)]
        for (name, unit) in units {
            let input: ExpectedInput = unit == 1_000_000 ? .numeric : .integral
            list += define([name], [input], result: { _ in .timestamp }) { call in
                let argument = call.arguments[0]
                switch argument.type {
                case .int, .bigint:
                    return try DatetimeKernels.timestampFromIntegers(argument, microsPerUnit: unit, rowCount: call.rowCount)
                default:
                    // Fractional seconds: Spark keeps microseconds (truncating further digits).
                    return try CastKernel.cast(argument, to: .timestamp, mode: .tryCast, rowCount: call.rowCount, context: call.context).materialize(rowCount: call.rowCount)
                }
            }
        }
        for (name, subtract) in [("date_add", false), ("date_sub", true)] {
            list += define([name], [.type(.date), .type(.int)], result: { _ in .date }) { call in
                try DatetimeKernels.dateAdd(call.arguments[0], call.arguments[1], subtract: subtract, rowCount: call.rowCount)
            }
        }
        list += define(["datediff"], [.type(.date), .type(.date)], result: { _ in .int }) { call in
            DatetimeKernels.dateDiff(call.arguments[0], call.arguments[1], rowCount: call.rowCount)
        }
        list += define(["current_timestamp", "now"], [], deterministic: false, result: { _ in .timestamp }) { call in
            ScalarOperand.broadcast(.timestamp(call.context.statementTimestampMicros), type: .timestamp, count: call.rowCount)
        }
        list += define(["current_date", "curdate"], [], deterministic: false, result: { _ in .date }) { call in
            let local = call.context.statementTimestampMicros + Int64(call.context.timeZone.offset(atMicros: call.context.statementTimestampMicros)) * 1_000_000
            let day = Int32(truncatingIfNeeded: floorDivide(local, DatetimeText.microsPerDay))
            return ScalarOperand.broadcast(.date(day), type: .date, count: call.rowCount)
        }
        list += define(["date_trunc"], [.type(.string), .type(.timestamp)], result: { _ in .timestamp }) { call in
            perUnit(call.arguments[0], type: .timestamp, rowCount: call.rowCount) { unit in
                DatetimeKernels.truncateTimestamps(call.arguments[1], unit: unit, rowCount: call.rowCount, context: call.context)
            }
        }
        list += define(["trunc"], [.type(.date), .type(.string)], result: { _ in .date }) { call in
            perUnit(call.arguments[1], type: .date, rowCount: call.rowCount) { unit in
                DatetimeKernels.truncateDates(call.arguments[0], unit: unit, rowCount: call.rowCount)
            }
        }
        list += define(["last_day"], [.type(.date)], result: { _ in .date }) { call in
            DatetimeKernels.lastDay(call.arguments[0], rowCount: call.rowCount)
        }
        list += define(["add_months"], [.type(.date), .type(.int)], result: { _ in .date }) { call in
            DatetimeKernels.addMonths(call.arguments[0], call.arguments[1], rowCount: call.rowCount)
        }
        list += define(["make_date"], [.type(.int), .type(.int), .type(.int)], result: { _ in .date }) { call in
            try DatetimeKernels.makeDate(call.arguments[0], call.arguments[1], call.arguments[2], rowCount: call.rowCount, failOnError: call.failOnError)
        }
        let int = ExpectedInput.type(.int)
        list += define(["make_timestamp"], [int, int, int, int, int, .type(.decimal(precision: 16, scale: 6)), .type(.string)], optional: 1, result: { _ in .timestamp }) { call in
            try DatetimeKernels.makeTimestamp(call.arguments, rowCount: call.rowCount, context: call.context)
        }
        for (name, unit) in [("unix_seconds", Int64(1_000_000)), ("unix_millis", 1_000), ("unix_micros", 1)] {
            list += define([name], [.type(.timestamp)], result: { _ in .bigint }) { call in
                DatetimeKernels.unixTime(call.arguments[0], microsPerUnit: unit, rowCount: call.rowCount)
            }
        }
        // from_utc_timestamp(ts, tz): ts read as UTC wall-clock time, shown in tz;
        // to_utc_timestamp(ts, tz): ts read as tz wall-clock time, shown in UTC.
        for (name, fromUTC) in [("from_utc_timestamp", true), ("to_utc_timestamp", false)] {
            list += define([name], [.type(.timestamp), .type(.string)], result: { _ in .timestamp }) { call in
                let ts = call.arguments[0].int64View()
                let zones = call.arguments[1].stringView()
                if ts.isAllNull || zones.isAllNull { return Column.nulls(.timestamp, count: call.rowCount) }
                let validity = ValidityOps.and([call.arguments[0].validity(rowCount: call.rowCount), call.arguments[1].validity(rowCount: call.rowCount)], count: call.rowCount)
                var cache: [String: SessionTimeZone] = [:]
                return try RowMapper.map(.timestamp, count: call.rowCount, validity: validity, as: Int64.self) { i in
                    let id = zones.withBytes(i) { String(decoding: $0, as: UTF8.self) }
                    let zone: SessionTimeZone
                    if let cached = cache[id] { zone = cached } else {
                        zone = try SessionTimeZone.named(id)
                        cache[id] = zone
                    }
                    let micros = ts.values[i &* ts.stride]
                    return fromUTC ? micros &+ Int64(zone.offset(atMicros: micros)) &* 1_000_000 : zone.utcMicros(fromLocalMicros: micros)
                }
            }
        }
        list += define(["unix_date"], [.type(.date)], result: { _ in .int }) { call in
            let v = call.arguments[0].int32View()
            if v.isAllNull { return Column.nulls(.int, count: call.rowCount) }
            return RowMapper.map(.int, count: call.rowCount, validity: call.arguments[0].validity(rowCount: call.rowCount), as: Int32.self) { v.values[$0 &* v.stride] }
        }
        list += define(["date_from_unix_date"], [.type(.int)], result: { _ in .date }) { call in
            let v = call.arguments[0].int32View()
            if v.isAllNull { return Column.nulls(.date, count: call.rowCount) }
            return RowMapper.map(.date, count: call.rowCount, validity: call.arguments[0].validity(rowCount: call.rowCount), as: Int32.self) { v.values[$0 &* v.stride] }
        }
        return list
    }

    /// Runs `compute` once per distinct truncation unit of `units` (usually one constant) and
    /// takes each row from its unit's result; a NULL or unknown unit gives NULL.
    static func perUnit(_ units: ScalarOperand, type: DataType, rowCount: Int, _ compute: (DatetimeKernels.TruncationUnit?) -> Column) -> Column {
        if units.isConstant { return compute(units.constantString.flatMap(DatetimeKernels.TruncationUnit.init)) }
        let view = units.stringView()
        let validity = units.validity(rowCount: rowCount)
        var pieceFor: [String: Int32] = [:]
        var pieces: [Column] = []
        var pieceOfRow = [Int32](repeating: -1, count: rowCount)
        for i in 0..<rowCount where !view.isAllNull && (validity?.isValid(i) ?? true) {
            let text = view.withBytes(i) { String(decoding: $0, as: UTF8.self) }
            if let piece = pieceFor[text] { pieceOfRow[i] = piece; continue }
            let piece = Int32(pieces.count)
            pieces.append(compute(DatetimeKernels.TruncationUnit(text)))
            pieceFor[text] = piece
            pieceOfRow[i] = piece
        }
        return ConditionalKernels.assemble(pieces, pieceOfRow: pieceOfRow, rowInPiece: (0..<rowCount).map { Int32($0) }, type: type)
    }

    /// `to_timestamp(x[, fmt])`, `to_date`, `unix_timestamp`: the value is a string, date or
    /// timestamp (without a format anything `CAST` takes); the format a string.
    static func resolveParse(_ name: String, _ types: [DataType], result: DataType) throws -> ResolvedScalarCall {
        guard types.count == 1 || types.count == 2 else { throw FunctionErrors.wrongArgumentCount(name, expected: "[1, 2]", actual: types.count) }
        var cast = types
        if types[0] == .null { cast[0] = .string }
        if types.count == 2 {
            let accepted: ExpectedInput = .anyOf([.type(.string), .type(.date), .type(.timestamp)])
            guard let first = SparkTypeCoercion.implicitCast(types[0], to: accepted) else {
                throw FunctionErrors.unexpectedInputType(signature(name, types), index: 0, required: accepted.sqlName, actual: types[0])
            }
            cast[0] = first
            guard let format = SparkTypeCoercion.implicitCast(types[1], to: .type(.string)) else {
                throw FunctionErrors.unexpectedInputType(signature(name, types), index: 1, required: "\"STRING\"", actual: types[1])
            }
            cast[1] = format
        } else if !CastKernel.canCast(types[0], result == .bigint ? .timestamp : result) {
            throw FunctionErrors.unexpectedInputType(signature(name, types), index: 0, required: "(\"STRING\" or \"DATE\" or \"TIMESTAMP\")", actual: types[0])
        }
        return ResolvedScalarCall(resultType: result, argumentTypes: cast)
    }

    /// Timestamps from the first argument: parsed with the format when there is one, else cast.
    static func parseTimestamps(_ call: ScalarCall, failOnError: Bool, target: DataType = .timestamp) throws -> Column {
        let value = call.arguments[0]
        if call.arguments.count > 1, value.type == .string {
            guard let text = try call.constantString(1, purpose: "format") else { return Column.nulls(.timestamp, count: call.rowCount) }
            let pattern = try DatetimePatternHandle(text, forParsing: true)
            return try DatetimeKernels.parse(value, pattern: pattern, rowCount: call.rowCount, context: call.context, failOnError: failOnError)
        }
        let mode: CastMode = failOnError ? .ansi : .tryCast
        // Without a format, `to_date` casts strings straight to date (date-only forms).
        let direct: DataType = (target == .date && value.type == .string) ? .date : .timestamp
        let cast = try CastKernel.cast(value, to: direct, mode: mode, rowCount: call.rowCount, context: call.context).materialize(rowCount: call.rowCount)
        return direct == .date ? try CastKernel.cast(cast, to: .timestamp, context: call.context) : cast
    }
}
