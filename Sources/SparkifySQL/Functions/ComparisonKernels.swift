#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SparkifyTables

/// The comparison operators.
public enum ComparisonOperator: String, Sendable {
    case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    /// `<=>`: equality where NULL equals NULL; never NULL itself.
    case nullSafeEqual = "<=>"

    @inline(__always)
    func holds(_ order: Int) -> Bool {
        switch self {
        case .equal, .nullSafeEqual: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }
}

/// Comparisons of two operands of one type (the binder casts both to `commonType` first).
/// Strings compare by UTF-8 bytes, which is code point order; doubles as Spark orders them
/// (NaN equals NaN and is above every number, -0.0 equals 0.0).
public enum ComparisonKernels {
    public static func compare(_ op: ComparisonOperator, _ left: ScalarOperand, _ right: ScalarOperand, rowCount: Int) throws -> Column {
        let nullSafe = op == .nullSafeEqual
        let lv = left.validity(rowCount: rowCount), rv = right.validity(rowCount: rowCount)
        if !nullSafe, left.isNullConstant || right.isNullConstant { return Column.nulls(.boolean, count: rowCount) }
        if let fast = stringEqualityWithConstant(op, left, right, rowCount: rowCount) { return fast }
        let validity = nullSafe ? nil : ValidityOps.and([lv, rv], count: rowCount)
        var result: Column
        switch left.type.physical {
        case .int32:
            let a = left.int32View(), b = right.int32View()
            result = ordered(a, b, op, count: rowCount, validity: validity)
        case .int64:
            let a = left.int64View(), b = right.int64View()
            result = ordered(a, b, op, count: rowCount, validity: validity)
        case .double:
            let a = left.doubleView(), b = right.doubleView()
            result = RowMapper.map(.boolean, count: rowCount, validity: validity, as: Bool.self) { i in
                op.holds(compareDoubles(a.values[i &* a.stride], b.values[i &* b.stride]))
            }
        case .boolean:
            let a = left.booleanView(), b = right.booleanView()
            result = RowMapper.map(.boolean, count: rowCount, validity: validity, as: Bool.self) { i in
                let x = a.values[i &* a.stride], y = b.values[i &* b.stride]
                return op.holds(x == y ? 0 : (x ? 1 : -1))
            }
        case .string:
            let a = left.stringView(), b = right.stringView()
            if case .decimal = left.type {
                result = RowMapper.map(.boolean, count: rowCount, validity: validity, as: Bool.self) { i in
                    guard let x = a.withBytes(i, DecimalNumber.parse), let y = b.withBytes(i, DecimalNumber.parse) else { return nil }
                    return op.holds(compareDecimals(x, y))
                }
            } else {
                let equality = op == .equal || op == .notEqual || op == .nullSafeEqual
                result = RowMapper.map(.boolean, count: rowCount, validity: validity, as: Bool.self) { i in
                    a.withBytes(i) { x in
                        b.withBytes(i) { y in
                            // Different lengths settle (in)equality without reading the bytes.
                            if equality && x.count != y.count { return op == .notEqual }
                            return op.holds(compareBytes(x, y))
                        }
                    }
                }
            }
        }
        if nullSafe, lv != nil || rv != nil {
            // NULL <=> NULL is true, NULL <=> value false.
            guard case var .boolean(values) = result.values else { return result }
            for i in 0..<rowCount {
                let ln = lv.map { !$0.isValid(i) } ?? false
                let rn = rv.map { !$0.isValid(i) } ?? false
                if ln || rn { values[i] = ln && rn }
            }
            result = Column(type: .boolean, values: .boolean(values))
        }
        return result
    }

    @inline(__always)
    private static func ordered<T: Comparable & ColumnStorable>(
        _ a: FixedWidthView<T>, _ b: FixedWidthView<T>, _ op: ComparisonOperator, count: Int, validity: Validity?
    ) -> Column {
        let sa = a.stride, sb = b.stride
        return a.values.withUnsafeBufferPointer { pa in
            b.values.withUnsafeBufferPointer { pb in
                ComparisonKernels.loop(op, count: count, validity: validity) { i in
                    let x = pa[i &* sa], y = pb[i &* sb]
                    return x < y ? -1 : (x == y ? 0 : 1)
                }
            }
        }
    }

    /// One tight loop per operator, so the operator switch is outside the row loop.
    @inline(__always)
    private static func loop(_ op: ComparisonOperator, count: Int, validity: Validity?, _ order: (Int) -> Int) -> Column {
        ColumnMaker.boolean(count: count, validity: validity) { out in
            switch op {
            case .equal, .nullSafeEqual: for i in 0..<count { out[i] = order(i) == 0 }
            case .notEqual: for i in 0..<count { out[i] = order(i) != 0 }
            case .less: for i in 0..<count { out[i] = order(i) < 0 }
            case .lessOrEqual: for i in 0..<count { out[i] = order(i) <= 0 }
            case .greater: for i in 0..<count { out[i] = order(i) > 0 }
            case .greaterOrEqual: for i in 0..<count { out[i] = order(i) >= 0 }
            }
        }
    }

    /// Spark's double order: NaN = NaN, NaN above all numbers, -0.0 = 0.0.
    @inline(__always)
    public static func compareDoubles(_ x: Double, _ y: Double) -> Int {
        if x < y { return -1 }
        if x > y { return 1 }
        if x == y { return 0 }
        let xn = x.isNaN, yn = y.isNaN
        if xn && yn { return 0 }
        return xn ? 1 : -1
    }

    /// Byte-wise (code point) order of UTF-8 strings.
    @inline(__always)
    public static func compareBytes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(x.count, y.count)
        if n > 0, let xb = x.baseAddress, let yb = y.baseAddress {
            let c = memcmpBytes(xb, yb, n)
            if c != 0 { return c }
        }
        return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
    }

    @inline(__always)
    private static func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let c = memcmp(a, b, n)
        return c < 0 ? -1 : (c > 0 ? 1 : 0)
    }

    static func compareDecimals(_ x: DecimalNumber, _ y: DecimalNumber) -> Int {
        let s = max(x.scale, y.scale)
        if let xs = x.rescaled(to: s), let ys = y.rescaled(to: s) {
            return xs.unscaled < ys.unscaled ? -1 : (xs.unscaled == ys.unscaled ? 0 : 1)
        }
        return compareDoubles(x.doubleValue, y.doubleValue)
    }
}
