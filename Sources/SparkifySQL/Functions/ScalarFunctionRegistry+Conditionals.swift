import SparkifyTables

extension ScalarFunctionRegistry {
    static func conditionalFunctions() -> [ScalarFunction] {
        var list: [ScalarFunction] = []
        for name in ["coalesce", "nvl", "ifnull"] {
            list.append(ScalarFunction(name: name, isConditional: true, resolver: { types in
                if name != "coalesce", types.count != 2 { throw FunctionErrors.wrongArgumentCount(name, expected: "2", actual: types.count) }
                return try commonTypeResolver(name, minimum: 1)(types)
            }, evaluator: { call in
                try ConditionalKernels.coalesce(call.arguments, resultType: call.resultType, rowCount: call.rowCount)
            }))
        }
        list.append(ScalarFunction(name: "if", isConditional: true, resolver: { types in
            guard types.count == 3 else { throw FunctionErrors.wrongArgumentCount("if", expected: "3", actual: types.count) }
            guard SparkTypeCoercion.implicitCast(types[0], to: .type(.boolean)) != nil else {
                throw FunctionErrors.unexpectedInputType(signature("if", types), index: 0, required: "\"BOOLEAN\"", actual: types[0])
            }
            let branches = try commonTypeResolver("if", minimum: 2)(Array(types.dropFirst()))
            return ResolvedScalarCall(resultType: branches.resultType, argumentTypes: [.boolean] + branches.argumentTypes)
        }, evaluator: { call in
            try ConditionalKernels.caseWhen(conditions: [call.arguments[0]], values: [call.arguments[1]], otherwise: call.arguments[2], resultType: call.resultType, rowCount: call.rowCount)
        }))
        list.append(ScalarFunction(name: "nvl2", isConditional: true, resolver: { types in
            guard types.count == 3 else { throw FunctionErrors.wrongArgumentCount("nvl2", expected: "3", actual: types.count) }
            let branches = try commonTypeResolver("nvl2", minimum: 2)(Array(types.dropFirst()))
            return ResolvedScalarCall(resultType: branches.resultType, argumentTypes: [types[0]] + branches.argumentTypes)
        }, evaluator: { call in
            let present = LogicKernels.isNull(call.arguments[0], rowCount: call.rowCount, negated: true)
            return try ConditionalKernels.caseWhen(conditions: [.column(present)], values: [call.arguments[1]], otherwise: call.arguments[2], resultType: call.resultType, rowCount: call.rowCount)
        }))
        list.append(ScalarFunction(name: "nullif", resolver: { types in
            guard types.count == 2 else { throw FunctionErrors.wrongArgumentCount("nullif", expected: "2", actual: types.count) }
            _ = try resolveComparison("nullif", types)
            return ResolvedScalarCall(resultType: types[0], argumentTypes: types)
        }, evaluator: { call in
            // Compare in the common type; return the first argument as it is.
            let compared = try resolveComparison("nullif", call.arguments.map(\.type))
            let mode: CastMode = call.context.ansiEnabled ? .ansi : .legacy
            let a = try CastKernel.cast(call.arguments[0], to: compared.argumentTypes[0], mode: mode, rowCount: call.rowCount, context: call.context)
            let b = try CastKernel.cast(call.arguments[1], to: compared.argumentTypes[1], mode: mode, rowCount: call.rowCount, context: call.context)
            let equal = try ComparisonKernels.compare(.equal, a, b, rowCount: call.rowCount)
            let nullWhere = ScalarOperand.column(equal)
            return try ConditionalKernels.caseWhen(conditions: [nullWhere], values: [.constant(.null, call.resultType)], otherwise: call.arguments[0], resultType: call.resultType, rowCount: call.rowCount)
        }))
        for (name, least) in [("greatest", false), ("least", true)] {
            list.append(ScalarFunction(name: name, resolver: commonTypeResolver(name, minimum: 2), evaluator: { call in
                try ConditionalKernels.extreme(call.arguments, least: least, resultType: call.resultType, rowCount: call.rowCount)
            }))
        }
        return list
    }
}
