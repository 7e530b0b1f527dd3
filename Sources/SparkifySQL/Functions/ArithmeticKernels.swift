import SparkifyTables

/// What arithmetic does when a result overflows or a divisor is zero.
public enum ArithmeticFailureMode: Sendable {
    /// ANSI on: raise `[ARITHMETIC_OVERFLOW]` / `[DIVIDE_BY_ZERO]`.
    case fail
    /// `try_add`, `try_divide`, ...: NULL.
    case null
    /// ANSI off: integers wrap around, division by zero gives NULL.
    case legacy
}

/// The binary arithmetic operators.
public enum ArithmeticOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", pmod, integralDivide = "div"

    var tryFunction: String {
        switch self {
        case .add: return "try_add"
        case .subtract: return "try_subtract"
        case .multiply: return "try_multiply"
        case .divide, .integralDivide: return "try_divide"
        case .remainder, .pmod: return "try_mod"
        }
    }
}

/// `+ - * / % div pmod` and unary minus over columns whose types the binder already unified
/// (`SparkTypeCoercion`); the result type says which kernel runs.
public enum ArithmeticKernels {
    public static func evaluate(
        _ op: ArithmeticOperator, _ left: ScalarOperand, _ right: ScalarOperand,
        resultType: DataType, rowCount: Int, mode: ArithmeticFailureMode
    ) throws -> Column {
        if left.isNullConstant || right.isNullConstant { return Column.nulls(resultType, count: rowCount) }
        let validity = ValidityOps.and([left.validity(rowCount: rowCount), right.validity(rowCount: rowCount)], count: rowCount)
        switch (left.type, resultType) {
        case (.int, .int):
            return try integers(op, left.int32View(), right.int32View(), type: .int, count: rowCount, validity: validity, mode: mode, kind: "integer")
        case (.bigint, .bigint):
            return try integers(op, left.int64View(), right.int64View(), type: .bigint, count: rowCount, validity: validity, mode: mode, kind: "long")
        case (.double, .double):
            return try doubles(op, left.doubleView(), right.doubleView(), count: rowCount, validity: validity, mode: mode)
        case (.decimal, .bigint) where op == .integralDivide:
            return try decimalIntegralDivide(left.stringView(), right.stringView(), count: rowCount, validity: validity, mode: mode)
        case let (.decimal, .decimal(p, s)):
            return try decimals(op, left.stringView(), right.stringView(), precision: p, scale: s, count: rowCount, validity: validity, mode: mode)
        default:
            throw SQLError(.execution, "Arithmetic \(op.rawValue) on \(left.type.simpleString) and \(right.type.simpleString) giving \(resultType.simpleString) is not supported.")
        }
    }

    private static func integers<T: FixedWidthInteger & SignedInteger & ColumnStorable>(
        _ op: ArithmeticOperator, _ a: FixedWidthView<T>, _ b: FixedWidthView<T>,
        type: DataType, count: Int, validity: Validity?, mode: ArithmeticFailureMode, kind: String
    ) throws -> Column {
        func overflowed(_ wrapped: T) throws -> T? {
            switch mode {
            case .fail: throw FunctionErrors.overflow(kind, tryFunction: op.tryFunction)
            case .null: return nil
            case .legacy: return wrapped
            }
        }
        func zeroDivisor() throws -> T? {
            if mode == .fail { throw op == .integralDivide ? FunctionErrors.divideByZero() : FunctionErrors.remainderByZero() }
            return nil
        }
        let sa = a.stride, sb = b.stride
        return try a.values.withUnsafeBufferPointer { pa in
            try b.values.withUnsafeBufferPointer { pb in
                switch op {
                case .add:
                    return try RowMapper.map(type, count: count, validity: validity, as: T.self) { i in
                        let (r, o) = pa[i &* sa].addingReportingOverflow(pb[i &* sb])
                        return o ? try overflowed(r) : r
                    }
                case .subtract:
                    return try RowMapper.map(type, count: count, validity: validity, as: T.self) { i in
                        let (r, o) = pa[i &* sa].subtractingReportingOverflow(pb[i &* sb])
                        return o ? try overflowed(r) : r
                    }
                case .multiply:
                    return try RowMapper.map(type, count: count, validity: validity, as: T.self) { i in
                        let (r, o) = pa[i &* sa].multipliedReportingOverflow(by: pb[i &* sb])
                        return o ? try overflowed(r) : r
                    }
                case .integralDivide:
                    return try RowMapper.map(type, count: count, validity: validity, as: T.self) { i in
                        let d = pb[i &* sb]
                        if d == 0 { return try zeroDivisor() }
                        let (r, o) = pa[i &* sa].dividedReportingOverflow(by: d)
                        return o ? try overflowed(r) : r
                    }
                case .remainder, .pmod:
                    let positive = op == .pmod
                    return try RowMapper.map(type, count: count, validity: validity, as: T.self) { i in
                        let d = pb[i &* sb]
                        if d == 0 { return try zeroDivisor() }
                        if d == -1 { return 0 }
                        var r = pa[i &* sa] % d
                        // pmod: ((a % n) + n) % n.
                        if positive && r < 0 { r = (r &+ d) % d }
                        return r
                    }
                case .divide:
                    throw SQLError(.execution, "Integer operands of / must be cast to double first.")
                }
            }
        }
    }

    private static func doubles(
        _ op: ArithmeticOperator, _ a: FixedWidthView<Double>, _ b: FixedWidthView<Double>,
        count: Int, validity: Validity?, mode: ArithmeticFailureMode
    ) throws -> Column {
        let sa = a.stride, sb = b.stride
        func zeroDivisor() throws -> Double? {
            if mode == .fail { throw op == .divide ? FunctionErrors.divideByZero() : FunctionErrors.remainderByZero() }
            return nil
        }
        return try a.values.withUnsafeBufferPointer { pa in
            try b.values.withUnsafeBufferPointer { pb in
                switch op {
                case .add:
                    return RowMapper.map(.double, count: count, validity: validity, as: Double.self) { pa[$0 &* sa] + pb[$0 &* sb] }
                case .subtract:
                    return RowMapper.map(.double, count: count, validity: validity, as: Double.self) { pa[$0 &* sa] - pb[$0 &* sb] }
                case .multiply:
                    return RowMapper.map(.double, count: count, validity: validity, as: Double.self) { pa[$0 &* sa] * pb[$0 &* sb] }
                case .divide:
                    return try RowMapper.map(.double, count: count, validity: validity, as: Double.self) { i in
                        let d = pb[i &* sb]
                        if d == 0 { return try zeroDivisor() }
                        return pa[i &* sa] / d
                    }
                case .remainder, .pmod:
                    let positive = op == .pmod
                    return try RowMapper.map(.double, count: count, validity: validity, as: Double.self) { i in
                        let d = pb[i &* sb]
                        if d == 0 { return try zeroDivisor() }
                        var r = pa[i &* sa].truncatingRemainder(dividingBy: d)
                        if positive && r < 0 { r = (r + d).truncatingRemainder(dividingBy: d) }
                        return r
                    }
                case .integralDivide:
                    throw SQLError(.execution, "Double operands of div must be cast to bigint first.")
                }
            }
        }
    }
}
