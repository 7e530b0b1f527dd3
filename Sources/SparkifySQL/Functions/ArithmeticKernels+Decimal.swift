import SparkifyTables

extension ArithmeticKernels {
    /// Decimal `+ - * / %` on exact values, rounded HALF_UP to the result scale; a result beyond
    /// the result precision is `[NUMERIC_VALUE_OUT_OF_RANGE]` under ANSI, NULL otherwise.
    static func decimals(
        _ op: ArithmeticOperator, _ a: StringView, _ b: StringView, precision: Int, scale: Int,
        count: Int, validity: Validity?, mode: ArithmeticFailureMode
    ) throws -> Column {
        let type = DataType.decimal(precision: precision, scale: scale)
        return try RowMapper.mapString(type, count: count, validity: validity) { i, out in
            guard let x = a.withBytes(i, DecimalNumber.parse), let y = b.withBytes(i, DecimalNumber.parse) else { return false }
            let result: DecimalNumber?
            switch op {
            case .add, .subtract:
                let s = max(x.scale, y.scale)
                guard let xs = x.rescaled(to: s), let ys = y.rescaled(to: s) else { result = nil; break }
                let (r, o) = op == .add ? xs.unscaled.addingReportingOverflow(ys.unscaled) : xs.unscaled.subtractingReportingOverflow(ys.unscaled)
                result = o ? nil : DecimalNumber(unscaled: r, scale: s)
            case .multiply:
                let (r, o) = x.unscaled.multipliedReportingOverflow(by: y.unscaled)
                result = o ? nil : DecimalNumber(unscaled: r, scale: x.scale + y.scale)
            case .divide:
                if y.unscaled == 0 {
                    if mode == .fail { throw FunctionErrors.divideByZero() }
                    return false
                }
                // x / y at `scale`: x.unscaled * 10^(scale - x.scale + y.scale) / y.unscaled.
                let shift = scale - x.scale + y.scale
                result = divide(x.unscaled, y.unscaled, shift: shift).map { DecimalNumber(unscaled: $0, scale: scale) }
            case .remainder, .pmod:
                if y.unscaled == 0 {
                    if mode == .fail { throw FunctionErrors.remainderByZero() }
                    return false
                }
                let s = max(x.scale, y.scale)
                guard let xs = x.rescaled(to: s), let ys = y.rescaled(to: s) else { result = nil; break }
                var r = xs.unscaled % ys.unscaled
                if op == .pmod && r < 0 { r = (r + ys.unscaled) % ys.unscaled }
                result = DecimalNumber(unscaled: r, scale: s)
            case .integralDivide:
                result = nil
            }
            guard let value = result, let fitted = value.fitted(precision: precision, scale: scale) else {
                if mode == .fail {
                    throw SQLError(.execution, "The result of \(a.withBytes(i) { String(decoding: $0, as: UTF8.self) }) \(op.rawValue) \(b.withBytes(i) { String(decoding: $0, as: UTF8.self) }) cannot be represented as Decimal(\(precision), \(scale)). " + FunctionErrors.ansiHint, errorClass: "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION")
                }
                return false
            }
            out.appendString(fitted.text)
            return true
        }
    }

    /// `a * 10^shift / b` rounded HALF_UP, nil on overflow.
    private static func divide(_ a: Int128, _ b: Int128, shift: Int) -> Int128? {
        if shift >= 0 {
            guard let f = DecimalNumber.pow10(shift) else { return nil }
            let (n, o) = a.multipliedReportingOverflow(by: f)
            if o { return nil }
            return DecimalNumber.divideRoundingHalfUp(n, b)
        }
        guard let f = DecimalNumber.pow10(-shift) else { return 0 }
        let (d, o) = b.multipliedReportingOverflow(by: f)
        if o { return 0 }
        return DecimalNumber.divideRoundingHalfUp(a, d)
    }

    /// Decimal `div`: the quotient truncated toward zero, as bigint.
    static func decimalIntegralDivide(_ a: StringView, _ b: StringView, count: Int, validity: Validity?, mode: ArithmeticFailureMode) throws -> Column {
        try RowMapper.map(.bigint, count: count, validity: validity, as: Int64.self) { i in
            guard let x = a.withBytes(i, DecimalNumber.parse), let y = b.withBytes(i, DecimalNumber.parse) else { return nil }
            if y.unscaled == 0 {
                if mode == .fail { throw FunctionErrors.divideByZero() }
                return nil
            }
            let s = max(x.scale, y.scale)
            guard let xs = x.rescaled(to: s), let ys = y.rescaled(to: s) else { return nil }
            if let q = Int64(exactly: xs.unscaled / ys.unscaled) { return q }
            if mode == .fail { throw FunctionErrors.overflow("long", tryFunction: "try_divide") }
            return nil
        }
    }

    /// Unary minus; `-(min int)` overflows.
    public static func negate(_ operand: ScalarOperand, rowCount: Int, mode: ArithmeticFailureMode) throws -> Column {
        let validity = operand.validity(rowCount: rowCount)
        let type = operand.type
        if operand.isNullConstant { return Column.nulls(type, count: rowCount) }
        switch type {
        case .int:
            let v = operand.int32View()
            return try RowMapper.map(.int, count: rowCount, validity: validity, as: Int32.self) { i in
                let x = v.values[i &* v.stride]
                if x == .min {
                    if mode == .fail { throw FunctionErrors.overflow("integer", tryFunction: nil) }
                    return mode == .legacy ? x : nil
                }
                return -x
            }
        case .bigint:
            let v = operand.int64View()
            return try RowMapper.map(.bigint, count: rowCount, validity: validity, as: Int64.self) { i in
                let x = v.values[i &* v.stride]
                if x == .min {
                    if mode == .fail { throw FunctionErrors.overflow("long", tryFunction: nil) }
                    return mode == .legacy ? x : nil
                }
                return -x
            }
        case .double:
            let v = operand.doubleView()
            return RowMapper.map(.double, count: rowCount, validity: validity, as: Double.self) { -v.values[$0 &* v.stride] }
        case .decimal:
            let v = operand.stringView()
            return RowMapper.mapString(type, count: rowCount, validity: validity) { i, out in
                guard let d = v.withBytes(i, DecimalNumber.parse) else { return false }
                out.appendString(DecimalNumber(unscaled: -d.unscaled, scale: d.scale).text)
                return true
            }
        default:
            throw SQLError(.execution, "Unary minus on \(type.simpleString) is not supported.")
        }
    }
}
