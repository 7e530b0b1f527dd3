import SparkifyTables

extension ScalarFunctionRegistry {
    static func mathFunctions() -> [ScalarFunction] {
        var list: [ScalarFunction] = []
        let double = ExpectedInput.type(.double)
        let unary: [([String], MathKernels.DoubleFunction)] = [
            (["sqrt"], .sqrt), (["exp"], .exp), (["ln"], .ln), (["log10"], .log10), (["log2"], .log2),
            (["sign", "signum"], .sign), (["cbrt"], .cbrt),
        ]
        for (names, function) in unary {
            list += define(names, [double], result: { _ in .double }) { call in
                MathKernels.unary(function, call.arguments[0], rowCount: call.rowCount)
            }
        }
        list += define(["log"], [double, double], optional: 1, result: { _ in .double }) { call in
            if call.arguments.count == 1 { return MathKernels.unary(.ln, call.arguments[0], rowCount: call.rowCount) }
            return MathKernels.logarithm(base: call.arguments[0], call.arguments[1], rowCount: call.rowCount)
        }
        list += define(["pow", "power"], [double, double], result: { _ in .double }) { call in
            MathKernels.power(call.arguments[0], call.arguments[1], rowCount: call.rowCount)
        }
        list += define(["abs"], [.numeric], result: { $0[0] }) { call in
            try MathKernels.abs(call.arguments[0], rowCount: call.rowCount, failOnOverflow: call.failOnError)
        }
        for (names, ceiling) in [(["floor"], false), (["ceil", "ceiling"], true)] {
            list += define(names, [.anyOf([.type(.double), .anyDecimal, .type(.bigint)])], result: { types in
                if case let .decimal(p, s) = types[0] { return s == 0 ? types[0] : SparkTypeCoercion.boundedDecimal(p - s + 1, 0) }
                return .bigint
            }) { call in
                try MathKernels.floorOrCeil(call.arguments[0], ceiling: ceiling, resultType: call.resultType, rowCount: call.rowCount)
            }
        }
        for (name, halfEven) in [("round", false), ("bround", true)] {
            list.append(ScalarFunction(name: name, constantAwareResolver: { types, constants in
                guard types.count == 1 || types.count == 2 else { throw FunctionErrors.wrongArgumentCount(name, expected: "[1, 2]", actual: types.count) }
                guard let value = SparkTypeCoercion.implicitCast(types[0], to: .numeric) else {
                    throw FunctionErrors.unexpectedInputType(signature(name, types), index: 0, required: "\"NUMERIC\"", actual: types[0])
                }
                var cast = [value]
                if types.count == 2 {
                    guard let scale = SparkTypeCoercion.implicitCast(types[1], to: .type(.int)) else {
                        throw FunctionErrors.unexpectedInputType(signature(name, types), index: 1, required: "\"INT\"", actual: types[1])
                    }
                    cast.append(scale)
                }
                // A decimal's result type depends on the (constant) scale.
                var scale = 0
                if types.count == 2, constants.count == 2 {
                    if case let .int(s)? = constants[1] { scale = Int(s) }
                    if case let .bigint(s)? = constants[1] { scale = Int(s) }
                }
                return ResolvedScalarCall(resultType: roundResultType(value, scale: scale), argumentTypes: cast)
            }, evaluator: { call in
                var scale = 0
                if call.arguments.count > 1 {
                    guard case let .int(s)? = call.arguments[1].constantValue else {
                        throw SQLError(.analysis, "The second argument of \(name) must be a constant int.", errorClass: "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT")
                    }
                    scale = Int(s)
                }
                let resultType = roundResultType(call.arguments[0].type, scale: scale)
                return try MathKernels.round(call.arguments[0], scale: scale, halfEven: halfEven, resultType: resultType, rowCount: call.rowCount)
            }))
        }
        return list
    }

    /// Spark's `round(x, d)` type: the input's, except decimals: decimal(p - s + 1 + d', d')
    /// with d' = min(s, d) (d < 0: decimal(p - s + 1, 0)).
    public static func roundResultType(_ type: DataType, scale: Int) -> DataType {
        guard case let .decimal(p, s) = type else { return type }
        let integralDigits = p - s + 1
        if scale < 0 { return SparkTypeCoercion.boundedDecimal(integralDigits, 0) }
        let newScale = min(s, scale)
        return SparkTypeCoercion.boundedDecimal(integralDigits + newScale, newScale)
    }
}
