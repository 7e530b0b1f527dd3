import SparkifyTables

extension Binder {
    /// The type two values are widened to (comparisons, CASE, IN, UNION, coalesce).
    func commonType(_ a: DataType, _ b: DataType) -> DataType? {
        SparkTypeCoercion.commonType(a, b)
    }

    func commonType(_ types: [DataType]) -> DataType? {
        SparkTypeCoercion.commonType(types)
    }

    /// The type both sides of a comparison are cast to.
    func comparisonType(_ a: DataType, _ b: DataType) -> DataType? {
        if a.isNested || b.isNested { return a == b ? a : nil }
        return SparkTypeCoercion.commonType(a, b)
    }

    func canCast(_ from: DataType, _ to: DataType) -> Bool {
        from == to || SparkTypeCoercion.canCast(from, to)
    }

    /// A scalar function or operator call, typed, with Spark's implicit casts on its arguments.
    /// Conditional functions become CASE or coalesce, which evaluate lazily.
    func scalarCall(_ name: String, _ args: [BoundExpression], at position: SourcePosition) throws -> BoundExpression {
        switch name {
        case "if", "iff":
            try requireArguments(name, args, 3, at: position)
            let condition = args[0].type == .boolean ? args[0] : castIfNeeded(args[0], to: .boolean)
            let type = try common(name, [args[1], args[2]], at: position)
            return .caseWhen([CaseBranch(condition, castIfNeeded(args[1], to: type))], otherwise: castIfNeeded(args[2], to: type), type)
        case "nvl", "ifnull", "coalesce":
            if name != "coalesce" { try requireArguments(name, args, 2, at: position) }
            guard !args.isEmpty else {
                throw SQLError(.analysis, "The `coalesce` requires at least 1 parameter but the actual number is 0.", errorClass: "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", at: position)
            }
            let type = try common(name, args, at: position)
            return .call("coalesce", args.map { castIfNeeded($0, to: type) }, type)
        case "nvl2":
            try requireArguments(name, args, 3, at: position)
            let type = try common(name, [args[1], args[2]], at: position)
            return .caseWhen([CaseBranch(.call("isnotnull", [args[0]], .boolean), castIfNeeded(args[1], to: type))],
                             otherwise: castIfNeeded(args[2], to: type), type)
        case "nullif":
            try requireArguments(name, args, 2, at: position)
            let test = try comparison("=", args[0], args[1], at: position)
            return .caseWhen([CaseBranch(test, .literal(.null, args[0].type))], otherwise: args[0], args[0].type)
        default:
            let constants = args.map { argument -> Value? in
                if case let .literal(value, _) = argument { return value }
                return nil
            }
            let resolved = try ScalarFunctionBridge.resolve(name, args.map(\.type), constants: constants, at: position)
            let cast = zip(args, resolved.argumentTypes).map { castIfNeeded($0, to: $1) }
            return .call(resolved.name, cast, resolved.resultType)
        }
    }

    private func requireArguments(_ name: String, _ args: [BoundExpression], _ count: Int, at position: SourcePosition) throws {
        guard args.count == count else {
            throw SQLError(.analysis, "The `\(name)` requires \(count) parameters but the actual number is \(args.count).",
                           errorClass: "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", at: position)
        }
    }

    private func common(_ name: String, _ args: [BoundExpression], at position: SourcePosition) throws -> DataType {
        guard let type = commonType(args.map(\.type)) else {
            throw SQLError(.analysis, "Cannot resolve \(name)(\(args.map(\.description).joined(separator: ", "))) due to data type mismatch: input to function \(name) should all be the same type, but it's [\(args.map { $0.type.simpleString.uppercased() }.joined(separator: ", "))].",
                           errorClass: "DATATYPE_MISMATCH.DATA_DIFF_TYPES", at: position)
        }
        return type
    }
}
