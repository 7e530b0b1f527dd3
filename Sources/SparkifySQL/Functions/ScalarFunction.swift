import SparkifyTables

/// The outcome of resolving a call against its argument types.
public struct ResolvedScalarCall: Sendable, Equatable {
    /// The type of the call's result.
    public var resultType: DataType
    /// The type each argument must have when evaluated: the binder wraps an argument whose type
    /// differs in a cast (`CastKernel`, ANSI mode), as Spark's implicit coercion does.
    public var argumentTypes: [DataType]

    public init(resultType: DataType, argumentTypes: [DataType]) {
        self.resultType = resultType
        self.argumentTypes = argumentTypes
    }
}

/// The arguments of one evaluation.
public struct ScalarCall: Sendable {
    public let name: String
    public let arguments: [ScalarOperand]
    public let rowCount: Int
    public let context: EvaluationContext
    public let resultType: DataType

    /// Argument `index`, or nil when the call has fewer.
    func optional(_ index: Int) -> ScalarOperand? {
        index < arguments.count ? arguments[index] : nil
    }

    var failOnError: Bool { context.ansiEnabled }

    var arithmeticMode: ArithmeticFailureMode { context.ansiEnabled ? .fail : .legacy }

    /// The constant string argument `index` (formats, patterns), or nil if NULL.
    func constantString(_ index: Int, purpose: String) throws -> String? {
        guard let operand = optional(index) else { return nil }
        if operand.isNullConstant { return nil }
        guard let text = operand.constantString else {
            throw SQLError(.unsupported, "\(name): the \(purpose) must be a constant string.")
        }
        return text
    }
}

/// A scalar function (or operator) of the SQL engine: how it resolves its argument types and
/// how it evaluates over whole columns.
public struct ScalarFunction: Sendable {
    public let name: String
    /// False for `current_timestamp()`-like functions whose value is not a function of the
    /// arguments (the binder must not fold them... except per statement) and for row-position
    /// functions like `monotonically_increasing_id()`.
    public let isDeterministic: Bool
    /// True for functions whose later arguments must only be evaluated on some rows (`if`,
    /// `coalesce`, `nvl`, `nvl2`, `and`, `or`): the executor should use the lazy forms in
    /// `ConditionalKernels` to keep Spark's short-circuit behaviour (errors in branches not
    /// taken are not raised).
    public let isConditional: Bool
    let resolver: @Sendable ([DataType], [Value?]) throws -> ResolvedScalarCall
    let evaluator: @Sendable (ScalarCall) throws -> Column

    init(
        name: String, isDeterministic: Bool = true, isConditional: Bool = false,
        resolver: @escaping @Sendable ([DataType]) throws -> ResolvedScalarCall,
        evaluator: @escaping @Sendable (ScalarCall) throws -> Column
    ) {
        self.init(name: name, isDeterministic: isDeterministic, isConditional: isConditional, constantAwareResolver: { types, _ in try resolver(types) }, evaluator: evaluator)
    }

    /// A function whose result type depends on constant arguments (`round(x, 2)`).
    init(
        name: String, isDeterministic: Bool = true, isConditional: Bool = false,
        constantAwareResolver: @escaping @Sendable ([DataType], [Value?]) throws -> ResolvedScalarCall,
        evaluator: @escaping @Sendable (ScalarCall) throws -> Column
    ) {
        self.name = name
        self.isDeterministic = isDeterministic
        self.isConditional = isConditional
        self.resolver = constantAwareResolver
        self.evaluator = evaluator
    }

    /// The result type and the types the arguments must be cast to; throws Spark's analysis
    /// errors (`[DATATYPE_MISMATCH...]`, `[WRONG_NUM_ARGS...]`) naming the function.
    /// `constants` holds the value of each argument that is a literal (nil otherwise); only a
    /// few functions need it (`round(x, d)`'s type depends on `d`).
    public func resolve(argumentTypes: [DataType], constants: [Value?] = []) throws -> ResolvedScalarCall {
        try resolver(argumentTypes, constants)
    }

    /// Evaluates over `rowCount` rows; the arguments must already have the resolved types.
    public func evaluate(_ arguments: [ScalarOperand], rowCount: Int, context: EvaluationContext) throws -> Column {
        let resolved = try resolver(arguments.map(\.type), arguments.map(\.constantValue))
        let call = ScalarCall(name: name, arguments: arguments, rowCount: rowCount, context: context, resultType: resolved.resultType)
        let result = try evaluator(call)
        if result.type != resolved.resultType, result.type.physical == resolved.resultType.physical {
            return Column(type: resolved.resultType, values: result.values, validity: result.validity)
        }
        return result
    }

    /// Evaluates to an operand: all-constant arguments of a deterministic function give a
    /// constant (computed on one row), anything else a column.
    public func evaluateOperand(_ arguments: [ScalarOperand], rowCount: Int, context: EvaluationContext) throws -> ScalarOperand {
        if isDeterministic, arguments.allSatisfy(\.isConstant) {
            let one = try evaluate(arguments, rowCount: 1, context: context)
            return .constant(one.value(at: 0), one.type)
        }
        return .column(try evaluate(arguments, rowCount: rowCount, context: context))
    }

    /// Resolves, casts the arguments as Spark's coercion would, and evaluates.
    public func call(_ arguments: [ScalarOperand], rowCount: Int, context: EvaluationContext) throws -> Column {
        let resolved = try resolve(argumentTypes: arguments.map(\.type), constants: arguments.map(\.constantValue))
        let mode: CastMode = context.ansiEnabled ? .ansi : .legacy
        let cast = try zip(arguments, resolved.argumentTypes).map { argument, type in
            try CastKernel.cast(argument, to: type, mode: mode, rowCount: rowCount, context: context)
        }
        return try evaluate(cast, rowCount: rowCount, context: context)
    }
}
