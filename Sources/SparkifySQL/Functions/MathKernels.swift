import Foundation
import SparkifyTables

/// `round`, `bround`, `floor`, `ceil`, `abs`, `sqrt`, `pow`, `exp`, `ln`, `log`, `log10`, `sign`.
public enum MathKernels {
    /// Unary double functions; results outside the domain follow Spark (`ln`/`log10` of x <= 0
    /// are NULL, `sqrt` of a negative is NaN).
    public enum DoubleFunction: Sendable { case sqrt, exp, ln, log10, log2, sign, cbrt }

    public static func unary(_ function: DoubleFunction, _ operand: ScalarOperand, rowCount: Int) -> Column {
        let v = operand.doubleView()
        if v.isAllNull { return Column.nulls(.double, count: rowCount) }
        return RowMapper.map(.double, count: rowCount, validity: operand.validity(rowCount: rowCount), as: Double.self) { i in
            let x = v.values[i &* v.stride]
            switch function {
            case .sqrt: return x.squareRoot()
            case .exp: return Foundation.exp(x)
            case .ln: return x <= 0 ? nil : Foundation.log(x)
            case .log10: return x <= 0 ? nil : Foundation.log10(x)
            case .log2: return x <= 0 ? nil : Foundation.log2(x)
            case .cbrt: return Foundation.cbrt(x)
            case .sign: return x.isNaN ? .nan : (x > 0 ? 1 : (x < 0 ? -1 : 0))
            }
        }
    }

    /// `pow(x, y)`.
    public static func power(_ base: ScalarOperand, _ exponent: ScalarOperand, rowCount: Int) -> Column {
        binaryDouble(base, exponent, rowCount: rowCount) { Foundation.pow($0, $1) }
    }

    /// `log(base, x)`: NULL when either is <= 0.
    public static func logarithm(base: ScalarOperand, _ x: ScalarOperand, rowCount: Int) -> Column {
        binaryDouble(base, x, rowCount: rowCount) { b, v in
            b <= 0 || v <= 0 ? nil : Foundation.log(v) / Foundation.log(b)
        }
    }

    private static func binaryDouble(_ a: ScalarOperand, _ b: ScalarOperand, rowCount: Int, _ f: (Double, Double) -> Double?) -> Column {
        let x = a.doubleView(), y = b.doubleView()
        if x.isAllNull || y.isAllNull { return Column.nulls(.double, count: rowCount) }
        let validity = ValidityOps.and([a.validity(rowCount: rowCount), b.validity(rowCount: rowCount)], count: rowCount)
        return RowMapper.map(.double, count: rowCount, validity: validity, as: Double.self) { i in
            f(x.values[i &* x.stride], y.values[i &* y.stride])
        }
    }

    /// `abs`; `abs(min int)` overflows under ANSI.
    public static func abs(_ operand: ScalarOperand, rowCount: Int, failOnOverflow: Bool) throws -> Column {
        let validity = operand.validity(rowCount: rowCount)
        if operand.isNullConstant { return Column.nulls(operand.type, count: rowCount) }
        switch operand.type {
        case .int:
            let v = operand.int32View()
            return try RowMapper.map(.int, count: rowCount, validity: validity, as: Int32.self) { i in
                let x = v.values[i &* v.stride]
                if x == .min { if failOnOverflow { throw FunctionErrors.overflow("integer") }; return x }
                return Swift.abs(x)
            }
        case .bigint:
            let v = operand.int64View()
            return try RowMapper.map(.bigint, count: rowCount, validity: validity, as: Int64.self) { i in
                let x = v.values[i &* v.stride]
                if x == .min { if failOnOverflow { throw FunctionErrors.overflow("long") }; return x }
                return Swift.abs(x)
            }
        case .double:
            let v = operand.doubleView()
            return RowMapper.map(.double, count: rowCount, validity: validity, as: Double.self) { Swift.abs(v.values[$0 &* v.stride]) }
        case .decimal:
            let v = operand.stringView()
            return RowMapper.mapString(operand.type, count: rowCount, validity: validity) { i, out in
                guard let d = v.withBytes(i, DecimalNumber.parse) else { return false }
                out.appendString(DecimalNumber(unscaled: Swift.abs(d.unscaled), scale: d.scale).text)
                return true
            }
        default:
            throw SQLError(.execution, "abs of \(operand.type.simpleString) is not supported.")
        }
    }

    /// `floor` / `ceil`: doubles and integers give bigint, decimals a decimal of scale 0.
    public static func floorOrCeil(_ operand: ScalarOperand, ceiling: Bool, resultType: DataType, rowCount: Int) throws -> Column {
        let validity = operand.validity(rowCount: rowCount)
        if operand.isNullConstant { return Column.nulls(resultType, count: rowCount) }
        switch operand.type {
        case .double:
            let v = operand.doubleView()
            return RowMapper.map(.bigint, count: rowCount, validity: validity, as: Int64.self) { i in
                let r = ceiling ? v.values[i &* v.stride].rounded(.up) : v.values[i &* v.stride].rounded(.down)
                if r.isNaN { return 0 }
                if r >= 9.223372036854775807e18 { return .max }
                if r <= -9.223372036854775808e18 { return .min }
                return Int64(r)
            }
        case .bigint:
            return operand.materialize(rowCount: rowCount)
        case .decimal:
            let v = operand.stringView()
            return RowMapper.mapString(resultType, count: rowCount, validity: validity) { i, out in
                guard let d = v.withBytes(i, DecimalNumber.parse) else { return false }
                guard d.scale > 0, let divisor = DecimalNumber.pow10(d.scale) else {
                    out.appendString(d.rescaled(to: 0)?.text ?? d.text)
                    return true
                }
                var q = d.unscaled / divisor
                let r = d.unscaled % divisor
                if ceiling && r > 0 { q += 1 }
                if !ceiling && r < 0 { q -= 1 }
                out.appendString(DecimalNumber(unscaled: q, scale: 0).text)
                return true
            }
        default:
            throw SQLError(.execution, "floor/ceil of \(operand.type.simpleString) is not supported.")
        }
    }

    /// `round(x, d)` (HALF_UP) or `bround(x, d)` (HALF_EVEN) with a constant scale `d`.
    public static func round(_ operand: ScalarOperand, scale: Int, halfEven: Bool, resultType: DataType, rowCount: Int) throws -> Column {
        let validity = operand.validity(rowCount: rowCount)
        if operand.isNullConstant { return Column.nulls(resultType, count: rowCount) }
        func roundDecimal(_ d: DecimalNumber, to newScale: Int) -> DecimalNumber {
            if newScale >= d.scale { return d }
            let drop = d.scale - newScale
            guard let divisor = DecimalNumber.pow10(drop) else { return DecimalNumber(unscaled: 0, scale: newScale) }
            var q = d.unscaled / divisor
            let r = d.unscaled % divisor
            let twice = Swift.abs(r) * 2
            let roundAway = twice > divisor || (twice == divisor && (!halfEven || q % 2 != 0))
            if roundAway { q += d.unscaled < 0 ? -1 : 1 }
            return DecimalNumber(unscaled: q, scale: newScale)
        }
        func roundInteger(_ x: Int64) -> Int64 {
            if scale >= 0 { return x }
            let d = roundDecimal(DecimalNumber(x), to: scale)
            return d.truncatedInt64 ?? x
        }
        switch operand.type {
        case .int:
            let v = operand.int32View()
            return RowMapper.map(.int, count: rowCount, validity: validity, as: Int32.self) { Int32(truncatingIfNeeded: roundInteger(Int64(v.values[$0 &* v.stride]))) }
        case .bigint:
            let v = operand.int64View()
            return RowMapper.map(.bigint, count: rowCount, validity: validity, as: Int64.self) { roundInteger(v.values[$0 &* v.stride]) }
        case .double:
            let v = operand.doubleView()
            return RowMapper.map(.double, count: rowCount, validity: validity, as: Double.self) { i in
                let x = v.values[i &* v.stride]
                guard x.isFinite, let d = DecimalNumber.from(double: x) else { return x }
                return roundDecimal(d, to: scale).doubleValue
            }
        case .decimal:
            let v = operand.stringView()
            let targetScale: Int
            if case let .decimal(_, s) = resultType { targetScale = s } else { targetScale = 0 }
            return RowMapper.mapString(resultType, count: rowCount, validity: validity) { i, out in
                guard let d = v.withBytes(i, DecimalNumber.parse) else { return false }
                let rounded = roundDecimal(d, to: scale)
                out.appendString((rounded.rescaled(to: targetScale) ?? rounded).text)
                return true
            }
        default:
            throw SQLError(.execution, "round of \(operand.type.simpleString) is not supported.")
        }
    }
}
