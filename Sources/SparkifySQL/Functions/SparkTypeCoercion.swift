import SparkifyTables

/// Spark 4's ANSI type coercion (`AnsiTypeCoercion.scala`, `DecimalPrecision.scala`), as pure
/// functions of types for the binder.
public enum SparkTypeCoercion {
    public static let maxDecimalPrecision = 38

    /// The decimal type that holds every value of an integral or double type
    /// (`DecimalType.forType`): int → decimal(10,0), bigint → decimal(20,0), double → (30,15).
    public static func decimalFor(_ type: DataType) -> (precision: Int, scale: Int)? {
        switch type {
        case .int: return (10, 0)
        case .bigint: return (20, 0)
        case .double: return (30, 15)
        case let .decimal(p, s): return (p, s)
        default: return nil
        }
    }

    /// `DecimalType.bounded`.
    public static func boundedDecimal(_ precision: Int, _ scale: Int) -> DataType {
        .decimal(precision: min(precision, maxDecimalPrecision), scale: min(scale, maxDecimalPrecision))
    }

    /// `DecimalType.adjustPrecisionScale` (precision loss allowed, Spark's default).
    public static func adjustedDecimal(_ precision: Int, _ scale: Int) -> DataType {
        if precision <= maxDecimalPrecision { return .decimal(precision: precision, scale: scale) }
        if scale < 0 { return .decimal(precision: maxDecimalPrecision, scale: scale) }
        let intDigits = precision - scale
        let minScale = min(scale, 6)
        let adjustedScale = max(maxDecimalPrecision - intDigits, minScale)
        return .decimal(precision: maxDecimalPrecision, scale: adjustedScale)
    }

    /// `DecimalPrecision.widerDecimalType`.
    public static func widerDecimal(_ p1: Int, _ s1: Int, _ p2: Int, _ s2: Int) -> DataType {
        let scale = max(s1, s2)
        let range = max(p1 - s1, p2 - s2)
        return boundedDecimal(range + scale, scale)
    }

    private static func isWider(decimal p: Int, _ s: Int, than type: DataType) -> Bool {
        guard let (p2, s2) = decimalFor(type) else { return false }
        return (p - s) >= (p2 - s2) && s >= s2
    }

    private static func numericRank(_ t: DataType) -> Int? {
        switch t {
        case .int: return 0
        case .bigint: return 1
        case .double: return 3
        default: return nil
        }
    }

    /// `findTightestCommonType`: widening without loss (int+bigint → bigint, date+timestamp →
    /// timestamp); nil when there is none.
    public static func tightestCommonType(_ a: DataType, _ b: DataType) -> DataType? {
        if a == b { return a }
        switch (a, b) {
        case (.null, _): return b
        case (_, .null): return a
        case let (.decimal(p, s), other) where other == .int || other == .bigint:
            return isWider(decimal: p, s, than: other) ? a : nil
        case let (other, .decimal(p, s)) where other == .int || other == .bigint:
            return isWider(decimal: p, s, than: other) ? b : nil
        case (.date, .timestamp), (.timestamp, .date): return .timestamp
        case let (.array(x), .array(y)):
            return tightestCommonType(x, y).map { .array($0) }
        default:
            if let ra = numericRank(a), let rb = numericRank(b) { return ra >= rb ? a : b }
            return nil
        }
    }

    /// `findWiderTypeForDecimal`: a decimal with an integral widens to a decimal; with a double,
    /// to double.
    static func widerTypeForDecimal(_ a: DataType, _ b: DataType) -> DataType? {
        switch (a, b) {
        case let (.decimal(p1, s1), .decimal(p2, s2)): return widerDecimal(p1, s1, p2, s2)
        case (.decimal, .double), (.double, .decimal): return .double
        case let (.decimal(p, s), other) where other == .int || other == .bigint:
            guard let (p2, s2) = decimalFor(other) else { return nil }
            return widerDecimal(p, s, p2, s2)
        case let (other, .decimal(p, s)) where other == .int || other == .bigint:
            guard let (p2, s2) = decimalFor(other) else { return nil }
            return widerDecimal(p2, s2, p, s)
        default: return nil
        }
    }

    /// `AnsiStringPromotionTypeCoercion.findWiderTypeForString`: a string meeting an integral
    /// becomes bigint, a double or decimal double, a date/timestamp/boolean that type.
    public static func stringPromotion(_ a: DataType, _ b: DataType) -> DataType? {
        switch (a, b) {
        case (.string, .int), (.string, .bigint): return .bigint
        case (.string, .double), (.string, .decimal): return .double
        case (.string, .null): return .string
        case (.string, .boolean), (.string, .date), (.string, .timestamp), (.string, .string): return b
        case (_, .string) where a != .string: return stringPromotion(b, a)
        default: return nil
        }
    }

    /// `findWiderTypeForTwo`: the type both sides are cast to for comparisons, `CASE`, `IN`,
    /// `UNION`, `coalesce`, `greatest`; nil when Spark rejects the pair.
    public static func commonType(_ a: DataType, _ b: DataType) -> DataType? {
        if let t = tightestCommonType(a, b) { return t }
        if let t = widerTypeForDecimal(a, b) { return t }
        if let t = stringPromotion(a, b) { return t }
        if case let .array(x) = a, case let .array(y) = b { return commonType(x, y).map { .array($0) } }
        return nil
    }

    /// `findWiderCommonType` over many types (NULL-typed ones adopt the others).
    public static func commonType(_ types: [DataType]) -> DataType? {
        var result: DataType = .null
        for t in types {
            guard let next = commonType(result, t) else { return nil }
            result = next
        }
        return result
    }

    /// `Cast.canANSIStoreAssign`.
    public static func canStoreAssign(_ from: DataType, _ to: DataType) -> Bool {
        if from == to { return true }
        switch (from, to) {
        case (.null, _): return true
        case (.date, .timestamp), (.timestamp, .date): return true
        case let (.array(x), .array(y)): return canStoreAssign(x, y)
        default:
            if from.isNumeric && to.isNumeric { return true }
            if to == .string { return !from.isNested }
            return false
        }
    }

    /// The type Spark casts an argument of type `from` to where a function expects `expected`
    /// (`AnsiTypeCoercion.implicitCast`); nil when it rejects the argument.
    public static func implicitCast(_ from: DataType, to expected: ExpectedInput) -> DataType? {
        if expected.accepts(from) { return from }
        switch expected {
        case .any:
            return from
        case let .type(t):
            if from == .string {
                switch t {
                case .int, .bigint, .double, .decimal, .boolean, .date, .timestamp: return t
                default: return nil
                }
            }
            return canStoreAssign(from, t) ? t : nil
        case .numeric:
            if from == .string || from == .null { return .double }
            return nil
        case .integral:
            if from == .string || from == .null { return .bigint }
            return nil
        case .anyDecimal:
            if from.isNumeric, let (p, s) = decimalFor(from) { return .decimal(precision: p, scale: s) }
            if from == .string || from == .null { return .decimal(precision: 38, scale: 18) }
            return nil
        case let .anyOf(options):
            for option in options {
                if let t = implicitCast(from, to: option) { return t }
            }
            return nil
        }
    }

    /// Whether Spark allows `CAST(from AS to)` under ANSI.
    public static func canCast(_ from: DataType, _ to: DataType) -> Bool {
        CastKernel.canCast(from, to, mode: .ansi)
    }
}

/// What a function parameter takes, as Spark's `inputTypes` say it.
public indirect enum ExpectedInput: Sendable, Hashable {
    /// Exactly this type (others are cast to it when Spark allows).
    case type(DataType)
    /// Any numeric type (strings become double).
    case numeric
    /// int or bigint (strings become bigint; fractional input is rejected).
    case integral
    /// Any decimal.
    case anyDecimal
    /// The first option that takes the argument.
    case anyOf([ExpectedInput])
    /// Anything, as is.
    case any

    public func accepts(_ t: DataType) -> Bool {
        switch self {
        case let .type(x): return x == t
        case .numeric: return t.isNumeric
        case .integral: return t == .int || t == .bigint
        case .anyDecimal: if case .decimal = t { return true } else { return false }
        case let .anyOf(options): return options.contains { $0.accepts(t) }
        case .any: return true
        }
    }

    /// How Spark names it in messages: `"TIMESTAMP"`, `"NUMERIC"`, `("INT" or "STRING")`.
    public var sqlName: String {
        switch self {
        case let .type(t): return "\"\(t.simpleString.uppercased())\""
        case .numeric: return "\"NUMERIC\""
        case .integral: return "\"INTEGRAL\""
        case .anyDecimal: return "\"DECIMAL\""
        case let .anyOf(options): return "(" + options.map(\.sqlName).joined(separator: " or ") + ")"
        case .any: return "\"ANY\""
        }
    }
}
