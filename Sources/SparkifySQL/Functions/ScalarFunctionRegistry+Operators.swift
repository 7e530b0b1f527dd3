import SparkifyTables

extension ScalarFunctionRegistry {
    static func operatorFunctions() -> [ScalarFunction] {
        var list: [ScalarFunction] = []
        let arithmetic: [(String, ArithmeticOperator, ArithmeticFailureMode?)] = [
            ("+", .add, nil), ("-", .subtract, nil), ("*", .multiply, nil), ("/", .divide, nil),
            ("%", .remainder, nil), ("mod", .remainder, nil), ("div", .integralDivide, nil), ("pmod", .pmod, nil),
            ("try_add", .add, .null), ("try_subtract", .subtract, .null), ("try_multiply", .multiply, .null),
            ("try_divide", .divide, .null), ("try_mod", .remainder, .null),
        ]
        for (name, op, fixedMode) in arithmetic {
            list.append(ScalarFunction(name: name, constantAwareResolver: { types, constants in
                try resolveArithmetic(op, name: name, types, constants: constants)
            }, evaluator: { call in
                let mode = fixedMode ?? call.arithmeticMode
                let (a, b) = (call.arguments[0], call.arguments[1])
                if call.resultType == .date {
                    // date ± int is date_add / date_sub.
                    let (date, days) = a.type == .date ? (a, b) : (b, a)
                    return try DatetimeKernels.dateAdd(date, days, subtract: op == .subtract, rowCount: call.rowCount)
                }
                return try ArithmeticKernels.evaluate(op, a, b, resultType: call.resultType, rowCount: call.rowCount, mode: mode)
            }))
        }
        for name in ["negative", "positive"] {
            list += define([name], [.anyOf([.numeric])], result: { $0[0] }) { call in
                if name == "positive" { return call.arguments[0].materialize(rowCount: call.rowCount) }
                return try ArithmeticKernels.negate(call.arguments[0], rowCount: call.rowCount, mode: call.arithmeticMode)
            }
        }
        let comparisons: [(String, ComparisonOperator)] = [
            ("=", .equal), ("==", .equal), ("<>", .notEqual), ("!=", .notEqual), ("<", .less), ("<=", .lessOrEqual),
            (">", .greater), (">=", .greaterOrEqual), ("<=>", .nullSafeEqual),
        ]
        for (name, op) in comparisons {
            list.append(ScalarFunction(name: name, resolver: { types in
                try resolveComparison(name, types)
            }, evaluator: { call in
                try ComparisonKernels.compare(op, call.arguments[0], call.arguments[1], rowCount: call.rowCount)
            }))
        }
        // Conditional: the executor should call `LogicKernels.shortCircuit` to skip the right
        // side where the left decides (these eager forms evaluate both).
        for (name, isOr) in [("and", false), ("or", true)] {
            list.append(ScalarFunction(name: name, isConditional: true, resolver: { types in
                guard types.count == 2 else { throw FunctionErrors.wrongArgumentCount(name, expected: "2", actual: types.count) }
                for (i, t) in types.enumerated() where SparkTypeCoercion.implicitCast(t, to: .type(.boolean)) == nil {
                    throw FunctionErrors.unexpectedInputType(signature(name, types), index: i, required: "\"BOOLEAN\"", actual: t)
                }
                return ResolvedScalarCall(resultType: .boolean, argumentTypes: [.boolean, .boolean])
            }, evaluator: { call in
                isOr ? LogicKernels.or(call.arguments[0], call.arguments[1], rowCount: call.rowCount)
                    : LogicKernels.and(call.arguments[0], call.arguments[1], rowCount: call.rowCount)
            }))
        }
        list += define(["not", "!"], [.type(.boolean)], result: { _ in .boolean }) { call in
            LogicKernels.not(call.arguments[0], rowCount: call.rowCount)
        }
        list += define(["isnull"], [.any], result: { _ in .boolean }) { call in
            LogicKernels.isNull(call.arguments[0], rowCount: call.rowCount)
        }
        list += define(["isnotnull"], [.any], result: { _ in .boolean }) { call in
            LogicKernels.isNull(call.arguments[0], rowCount: call.rowCount, negated: true)
        }
        list.append(ScalarFunction(name: "in", resolver: { types in
            let resolved = try commonTypeResolver("in", minimum: 2)(types)
            return ResolvedScalarCall(resultType: .boolean, argumentTypes: resolved.argumentTypes)
        }, evaluator: { call in
            try LogicKernels.isIn(call.arguments[0], Array(call.arguments.dropFirst()), rowCount: call.rowCount)
        }))
        list.append(ScalarFunction(name: "between", resolver: { types in
            guard types.count == 3 else { throw FunctionErrors.wrongArgumentCount("between", expected: "3", actual: types.count) }
            let resolved = try commonTypeResolver("between", minimum: 3)(types)
            return ResolvedScalarCall(resultType: .boolean, argumentTypes: resolved.argumentTypes)
        }, evaluator: { call in
            let low = try ComparisonKernels.compare(.greaterOrEqual, call.arguments[0], call.arguments[1], rowCount: call.rowCount)
            let high = try ComparisonKernels.compare(.lessOrEqual, call.arguments[0], call.arguments[2], rowCount: call.rowCount)
            return LogicKernels.and(.column(low), .column(high), rowCount: call.rowCount)
        }))
        return list
    }

    /// Spark's result type for `a op b` and the types both sides are cast to first.
    static func resolveArithmetic(_ op: ArithmeticOperator, name: String, _ types: [DataType], constants: [Value?] = []) throws -> ResolvedScalarCall {
        guard types.count == 2 else { throw FunctionErrors.wrongArgumentCount(name, expected: "2", actual: types.count) }
        var (a, b) = (types[0], types[1])
        let display = "(\(a.simpleString.uppercased()) \(op.rawValue) \(b.simpleString.uppercased()))"
        func mismatch() -> SQLError {
            SQLError(.analysis, "Cannot resolve \"\(display)\" due to data type mismatch: the binary operator requires the input type (\"NUMERIC\" or \"INTERVAL\"), not \"\(a == b ? a.simpleString.uppercased() : "\(a.simpleString.uppercased())\" and \"\(b.simpleString.uppercased())")\".", errorClass: a == b ? "DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE" : "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES")
        }
        // date ± int is Spark's DateAdd / DateSub (int + date too); a string count is cast to int.
        if op == .add || op == .subtract {
            let count: (DataType) -> Bool = { $0 == .int || $0 == .bigint || $0 == .string }
            if a == .date, count(b) { return ResolvedScalarCall(resultType: .date, argumentTypes: [.date, .int]) }
            if op == .add, b == .date, a == .int || a == .bigint { return ResolvedScalarCall(resultType: .date, argumentTypes: [.int, .date]) }
            if a == .null || b == .null, a == .date || b == .date {
                return ResolvedScalarCall(resultType: .date, argumentTypes: a == .date ? [.date, .int] : [.int, .date])
            }
            // Any other date + x (and date - x, x not a date) is Spark's date_add / date_sub,
            // which rejects x by its type.
            let other = a == .date ? b : a
            if (a == .date && b != .date && b != .timestamp) || (op == .add && b == .date && a != .timestamp) {
                let function = op == .add ? "date_add" : "date_sub"
                throw SQLError(.analysis, "Cannot resolve \"\(function)(DATE, \(other.simpleString.uppercased()))\" due to data type mismatch: The second parameter requires the (\"INT\" or \"SMALLINT\" or \"TINYINT\") type, however it has the type \"\(other.simpleString.uppercased())\".", errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")
            }
        }
        if a == .string || b == .string {
            guard a != b, let promoted = SparkTypeCoercion.stringPromotion(a, b), promoted != .string else { throw mismatch() }
            a = promoted
            b = promoted
        }
        if a == .null { a = b == .null ? .double : b }
        if b == .null { b = a }
        guard a.isNumeric, b.isNumeric else { throw mismatch() }
        let isDecimal: (DataType) -> Bool = { if case .decimal = $0 { return true }; return false }
        switch op {
        case .divide:
            if !isDecimal(a) && !isDecimal(b) || a == .double || b == .double {
                return ResolvedScalarCall(resultType: .double, argumentTypes: [.double, .double])
            }
        case .integralDivide:
            if !isDecimal(a) && !isDecimal(b) || a == .double || b == .double {
                return ResolvedScalarCall(resultType: .bigint, argumentTypes: [.bigint, .bigint])
            }
        default:
            if !isDecimal(a) && !isDecimal(b) {
                let common = SparkTypeCoercion.commonType(a, b) ?? .double
                return ResolvedScalarCall(resultType: common, argumentTypes: [common, common])
            }
            if a == .double || b == .double {
                return ResolvedScalarCall(resultType: .double, argumentTypes: [.double, .double])
            }
        }
        // Decimal arithmetic (DecimalPrecision): integers become decimal(10,0) / decimal(20,0).
        // An integer literal takes the fewest digits that hold it (`DecimalType.fromLiteral`).
        func decimalType(_ type: DataType, _ index: Int) -> (Int, Int)? {
            if index < constants.count, let literal = constants[index] {
                switch literal {
                case let .int(v): return (max(String(v.magnitude).count, 1), 0)
                case let .bigint(v): return (max(String(v.magnitude).count, 1), 0)
                default: break
                }
            }
            return SparkTypeCoercion.decimalFor(type)
        }
        guard let (p1, s1) = decimalType(a, 0), let (p2, s2) = decimalType(b, 1) else { throw mismatch() }
        let left = DataType.decimal(precision: p1, scale: s1), right = DataType.decimal(precision: p2, scale: s2)
        let result: DataType
        switch op {
        case .add, .subtract:
            let scale = max(s1, s2)
            result = SparkTypeCoercion.adjustedDecimal(max(p1 - s1, p2 - s2) + scale + 1, scale)
        case .multiply:
            result = SparkTypeCoercion.adjustedDecimal(p1 + p2 + 1, s1 + s2)
        case .divide:
            let scale = max(6, s1 + p2 + 1)
            result = SparkTypeCoercion.adjustedDecimal(p1 - s1 + s2 + scale, scale)
        case .remainder, .pmod:
            let scale = max(s1, s2)
            result = SparkTypeCoercion.adjustedDecimal(min(p1 - s1, p2 - s2) + scale, scale)
        case .integralDivide:
            result = .bigint
        }
        return ResolvedScalarCall(resultType: result, argumentTypes: [left, right])
    }

    /// Comparison operands: strings promote against numbers, dates, timestamps and booleans;
    /// otherwise both sides go to their common type.
    static func resolveComparison(_ name: String, _ types: [DataType]) throws -> ResolvedScalarCall {
        guard types.count == 2 else { throw FunctionErrors.wrongArgumentCount(name, expected: "2", actual: types.count) }
        let (a, b) = (types[0], types[1])
        var common = SparkTypeCoercion.commonType(a, b)
        if a != b, a == .string || b == .string, a != .null, b != .null {
            common = SparkTypeCoercion.stringPromotion(a, b)
        }
        guard let common, !common.isNested || a == b else {
            throw SQLError(.analysis, "Cannot resolve \"(\(a.simpleString.uppercased()) \(name) \(b.simpleString.uppercased()))\" due to data type mismatch: the left and right operands of the binary operator have incompatible types (\"\(a.simpleString.uppercased())\" and \"\(b.simpleString.uppercased())\").", errorClass: "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES")
        }
        let target = common == .null ? DataType.string : common
        return ResolvedScalarCall(resultType: .boolean, argumentTypes: [target, target])
    }
}

