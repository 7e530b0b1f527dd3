import SparkifyTables

/// How a cast treats a value it cannot convert.
public enum CastMode: Sendable {
    /// `CAST` with ANSI on: malformed input and overflow are errors.
    case ansi
    /// `TRY_CAST`: they give NULL.
    case tryCast
    /// `CAST` with ANSI off: NULL for malformed input; integers narrow by truncation.
    case legacy
}

/// `CAST(x AS type)` between every supported pair of types, over whole columns.
public enum CastKernel {
    /// Whether Spark allows `CAST(from AS to)` (`Cast.canAnsiCast`; `legacy` uses `Cast.canCast`).
    public static func canCast(_ from: DataType, _ to: DataType, mode: CastMode = .ansi) -> Bool {
        if from == to { return true }
        switch (from, to) {
        case (.null, _), (_, .string): return true
        case (.string, .boolean), (.string, .date), (.string, .timestamp): return true
        case (.string, _) where to.isNumeric: return true
        case (_, .boolean) where from.isNumeric: return true
        case (.boolean, _) where to.isNumeric: return true
        case (.timestamp, _) where to.isNumeric: return true
        case (_, _) where from.isNumeric && to.isNumeric: return true
        case (_, .timestamp) where from.isNumeric: return true
        case (.date, .timestamp), (.timestamp, .date): return true
        case let (.array(a), .array(b)): return canCast(a, b, mode: mode)
        case (.date, .boolean), (.timestamp, .boolean), (.boolean, .timestamp): return mode == .legacy
        case (.date, _) where to.isNumeric: return mode == .legacy
        default: return false
        }
    }

    /// `operand` converted to `type`; a constant stays a constant.
    public static func cast(_ operand: ScalarOperand, to type: DataType, mode: CastMode = .ansi, rowCount: Int, context: EvaluationContext) throws -> ScalarOperand {
        if operand.type == type { return operand }
        switch operand {
        case let .column(c):
            return .column(try cast(c, to: type, mode: mode, context: context))
        case let .constant(v, t):
            if v.isNull { return .constant(.null, type) }
            let one = try cast(ScalarOperand.broadcast(v, type: t, count: 1), to: type, mode: mode, context: context)
            return .constant(one.value(at: 0), type)
        }
    }

    /// `column` converted to `type`.
    public static func cast(_ column: Column, to type: DataType, mode: CastMode = .ansi, context: EvaluationContext) throws -> Column {
        let from = column.type
        if from == type { return column }
        if case .null = from { return Column.nulls(type, count: column.count) }
        let caster = Caster(column: column, to: type, mode: mode, context: context)
        switch type {
        case .string: return caster.toStringColumn()
        case .boolean: return try caster.toBoolean()
        case .int: return try caster.toInt32()
        case .bigint: return try caster.toInt64()
        case .double: return try caster.toDouble()
        case let .decimal(p, s): return try caster.toDecimal(precision: p, scale: s)
        case .date: return try caster.toDate()
        case .timestamp: return try caster.toTimestamp()
        case .array:
            if case .array = from { return Column(type: type, values: column.values, validity: column.validity) }
        default:
            break
        }
        throw FunctionErrors.cannotCast(from, type)
    }
}

/// One cast of one column: the source, the target and how failures are treated.
struct Caster {
    let column: Column
    let target: DataType
    let mode: CastMode
    let context: EvaluationContext

    init(column: Column, to target: DataType, mode: CastMode, context: EvaluationContext) {
        self.column = column
        self.target = target
        self.mode = mode
        self.context = context
    }

    var count: Int { column.count }
    var source: DataType { column.type }

    /// A value that cannot be converted: an error under ANSI, NULL otherwise.
    func invalid<T>(_ row: Int) throws -> T? {
        if mode == .ansi {
            throw FunctionErrors.castInvalidInput(sourceText(row), from: source, to: target)
        }
        return nil
    }

    func overflow<T>(_ row: Int) throws -> T? {
        if mode == .ansi {
            if case let .decimal(p, s) = target {
                throw FunctionErrors.decimalOutOfRange(sourceText(row), precision: p, scale: s)
            }
            throw FunctionErrors.castOverflow(sourceText(row), from: source, to: target)
        }
        return nil
    }

    /// The source value of `row` as text, for messages.
    func sourceText(_ row: Int) -> String {
        let v = column.value(at: row)
        let offset = context.timeZone.offset(atMicros: { if case let .timestamp(t) = v { return t }; return 0 }())
        return ValueFormatter.sparkString(v, offsetSeconds: offset) ?? "NULL"
    }

    func unsupported() -> SQLError { FunctionErrors.cannotCast(source, target) }

    /// Runs `body` over the string bytes of every valid row.
    @inline(__always)
    func withStrings<R>(_ body: (StringArena) throws -> R) throws -> R {
        guard case let .string(arena) = column.values else { throw unsupported() }
        return try body(arena)
    }
}
