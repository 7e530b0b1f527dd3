import SparkifyTables

/// Where the binder and the executor meet the scalar function library: name resolution
/// with suggestions and source positions, and evaluation by name.
enum ScalarFunctionBridge {
    struct Resolution {
        var name: String
        var resultType: DataType
        var argumentTypes: [DataType]
    }

    /// The function `name` over arguments of `types`: its result type and the types the
    /// arguments are cast to.
    static func resolve(_ name: String, _ types: [DataType], constants: [Value?] = [], at position: SourcePosition) throws -> Resolution {
        let key = name.lowercased()
        guard let function = ScalarFunctionRegistry.lookup(key) else {
            let known = ScalarFunctionRegistry.names.filter { $0.first?.isLetter == true } + Array(AggregateFunctions.aggregateNames)
            let suggestions = NameSuggestions.nearest(to: key, among: known, limit: 3)
            var message = "Cannot resolve routine `\(name)` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]."
            if !suggestions.isEmpty { message += " Did you mean " + suggestions.map { "`\($0)`" }.joined(separator: ", ") + "?" }
            throw SQLError(.analysis, message, errorClass: "UNRESOLVED_ROUTINE", at: position)
        }
        do {
            let resolved = try function.resolve(argumentTypes: types, constants: constants)
            return Resolution(name: key, resultType: resolved.resultType, argumentTypes: resolved.argumentTypes)
        } catch var error as SQLError {
            if error.position == nil { error.position = position }
            throw error
        }
    }

    /// Evaluates `name` over operands already of the resolved argument types.
    static func evaluate(_ name: String, _ operands: [ScalarOperand], resultType: DataType, rowCount: Int, context: EvaluationContext) throws -> ScalarOperand {
        guard let function = ScalarFunctionRegistry.lookup(name) else {
            throw SQLError(.execution, "The function \(name) disappeared between binding and running (a planner bug).", errorClass: "INTERNAL_ERROR")
        }
        return try function.evaluateOperand(operands, rowCount: rowCount, context: context)
    }
}
