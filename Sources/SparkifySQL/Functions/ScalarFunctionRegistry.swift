import SparkifyTables

/// Every scalar function and operator, by case-insensitive name (operators under their
/// symbols: `+`, `-`, `*`, `/`, `%`, `div`, `=`, `<>`, `<=>`, `and`, `or`, `not`, `in`, `between`,
/// `like`, `ilike`, `rlike`, `||`, `negative`, `isnull`, `isnotnull`).
///
/// How the binder and executor drive it:
/// 1. Bind: `lookup(name)?.resolve(argumentTypes:constants:)` gives the result type and the type
///    each argument must have; wrap each argument whose type differs in an ANSI cast
///    (`CastKernel.cast`). `constants` (literal values, nil otherwise) matters for `round(x, d)`
///    and for integer literals in decimal arithmetic.
/// 2. Evaluate: compute the arguments as `ScalarOperand`s (literals stay `.constant`), then
///    `evaluate(_:rowCount:context:)`, or `evaluateOperand` to fold all-constant calls.
/// 3. Functions with `isConditional` (`if`, `coalesce`, `nvl`, `nvl2`, `and`, `or`) should be
///    run lazily with `ConditionalKernels.caseWhen/coalesce` and `LogicKernels.shortCircuit`, so
///    an argument is only evaluated on the rows that reach it, as Spark does. `CASE WHEN` is
///    `ConditionalKernels.caseWhen` with `resolveCaseWhen` for its type; `CAST`/`TRY_CAST` are
///    `CastKernel.canCast` + `CastKernel.cast(mode: .ansi / .tryCast)`.
/// Kernels are pure and thread-safe: batches or partitions may be evaluated concurrently.
public enum ScalarFunctionRegistry {
    private static let functions: [String: ScalarFunction] = {
        var table: [String: ScalarFunction] = [:]
        let groups: [[ScalarFunction]] = [
            operatorFunctions(), conditionalFunctions(), datetimeFunctions(),
            stringFunctions(), mathFunctions(), miscFunctions(), datePartFunctions(),
            characterFunctions(), collectionFunctions(), subscriptFunctions(), fieldFunctions(),
        ]
        for group in groups {
            for function in group { table[function.name] = function }
        }
        return table
    }()

    /// The function named `name` (any case), or nil.
    public static func lookup(_ name: String) -> ScalarFunction? {
        functions[name.lowercased()]
    }

    /// All registered names, sorted.
    public static var names: [String] { functions.keys.sorted() }

    /// Resolves, casts and evaluates `name` over `arguments` (a convenience for tests and
    /// simple callers).
    public static func call(_ name: String, _ arguments: [ScalarOperand], rowCount: Int, context: EvaluationContext) throws -> Column {
        guard let function = lookup(name) else {
            throw SQLError(.analysis, "A routine with name `\(name)` cannot be found.", errorClass: "UNRESOLVED_ROUTINE")
        }
        return try function.call(arguments, rowCount: rowCount, context: context)
    }

    // MARK: - Declaring functions

    /// A function with fixed parameters (`optional` trailing ones may be left out, `variadic`
    /// repeats without limit), each argument implicitly cast to what its parameter expects.
    static func define(
        _ names: [String], _ inputs: [ExpectedInput], optional: Int = 0, variadic: ExpectedInput? = nil,
        deterministic: Bool = true,
        result: @escaping @Sendable ([DataType]) throws -> DataType,
        _ evaluate: @escaping @Sendable (ScalarCall) throws -> Column
    ) -> [ScalarFunction] {
        names.map { name in
            ScalarFunction(name: name, isDeterministic: deterministic, resolver: { types in
                let minimum = inputs.count - optional
                if types.count < minimum || (variadic == nil && types.count > inputs.count) {
                    let expected = variadic != nil ? "at least \(minimum)" : (optional == 0 ? "\(inputs.count)" : "[\((minimum...inputs.count).map(String.init).joined(separator: ", "))]")
                    throw FunctionErrors.wrongArgumentCount(name, expected: expected, actual: types.count)
                }
                var cast: [DataType] = []
                for (i, type) in types.enumerated() {
                    guard let expected = i < inputs.count ? inputs[i] : variadic else {
                        throw FunctionErrors.wrongArgumentCount(name, expected: "\(inputs.count)", actual: types.count)
                    }
                    guard let target = SparkTypeCoercion.implicitCast(type, to: expected) else {
                        throw FunctionErrors.unexpectedInputType(signature(name, types), index: i, required: expected.sqlName, actual: type)
                    }
                    cast.append(target)
                }
                return ResolvedScalarCall(resultType: try result(cast), argumentTypes: cast)
            }, evaluator: evaluate)
        }
    }

    /// `name(TYPE, TYPE)` for messages.
    static func signature(_ name: String, _ types: [DataType]) -> String {
        "\(name)(" + types.map { $0.simpleString.uppercased() }.joined(separator: ", ") + ")"
    }

    /// Every argument cast to the common type of all of them (`coalesce`, `greatest`, `IN`).
    static func commonTypeResolver(_ name: String, minimum: Int) -> @Sendable ([DataType]) throws -> ResolvedScalarCall {
        { types in
            if types.count < minimum {
                throw FunctionErrors.wrongArgumentCount(name, expected: "at least \(minimum)", actual: types.count)
            }
            guard let common = SparkTypeCoercion.commonType(types) else {
                throw FunctionErrors.noCommonType(signature(name, types), types)
            }
            return ResolvedScalarCall(resultType: common, argumentTypes: types.map { _ in common })
        }
    }
}
