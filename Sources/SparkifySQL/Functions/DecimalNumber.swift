import SparkifyTables

/// An exact decimal: `unscaled × 10^-scale`, unscaled within 38 digits (Spark's maximum).
///
/// Decimal columns store text; kernels parse it into this, compute exactly, and print back.
struct DecimalNumber: Equatable {
    var unscaled: Int128
    var scale: Int

    static let maxPrecision = 38
    static let maxUnscaled: Int128 = powerOfTen(38) - 1

    static func powerOfTen(_ n: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<n { result = result &* 10 }
        return result
    }

    private static let powers: [Int128] = (0...38).map { powerOfTen($0) }

    @inline(__always)
    static func pow10(_ n: Int) -> Int128? { n >= 0 && n <= 38 ? powers[n] : nil }

    init(unscaled: Int128, scale: Int) {
        self.unscaled = unscaled
        self.scale = scale
    }

    init(_ integer: Int64) {
        unscaled = Int128(integer)
        scale = 0
    }

    /// Digits in the unscaled value (at least 1).
    var digitCount: Int {
        var v = unscaled < 0 ? -unscaled : unscaled
        var n = 1
        while v >= 10 { v /= 10; n += 1 }
        return n
    }

    /// Spark's precision of this value: max(digits, scale + 1) for |v| < 1.
    var precision: Int { max(digitCount, scale) }

    /// Parses `[+-]digits[.digits][e[+-]digits]`, surrounding ASCII whitespace allowed.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> DecimalNumber? {
        var (i, end) = NumberText.trimmedBounds(bytes)
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var unscaled: Int128 = 0
        var digits = 0, scale = 0, sawDot = false, sawDigit = false
        while i < end {
            let b = bytes[i]
            if b >= 48 && b <= 57 {
                sawDigit = true
                if digits < 38 {
                    unscaled = unscaled * 10 + Int128(b - 48)
                    if unscaled != 0 { digits += 1 }
                    if sawDot { scale += 1 }
                } else {
                    // Beyond 38 significant digits: integer digits scale up; fraction digits
                    // are dropped (rounding happens when the caller rescales).
                    if !sawDot { scale -= 1 }
                }
            } else if b == UInt8(ascii: "."), !sawDot {
                sawDot = true
            } else if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                break
            } else {
                return nil
            }
            i += 1
        }
        guard sawDigit else { return nil }
        if i < end {
            i += 1
            var expNegative = false
            if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < end else { return nil }
            var exponent = 0
            while i < end {
                let b = bytes[i]
                guard b >= 48 && b <= 57 else { return nil }
                exponent = min(exponent * 10 + Int(b - 48), 100_000)
                i += 1
            }
            scale -= expNegative ? -exponent : exponent
        }
        return DecimalNumber(unscaled: negative ? -unscaled : unscaled, scale: scale)
    }

    static func parse(_ text: String) -> DecimalNumber? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    /// This value at `newScale`, rounded HALF_UP; nil if it no longer fits 38 digits.
    func rescaled(to newScale: Int) -> DecimalNumber? {
        if newScale == scale { return self }
        if newScale > scale {
            guard let factor = DecimalNumber.pow10(newScale - scale) else { return unscaled == 0 ? DecimalNumber(unscaled: 0, scale: newScale) : nil }
            let (product, overflow) = unscaled.multipliedReportingOverflow(by: factor)
            guard !overflow, abs(product) <= DecimalNumber.maxUnscaled else { return nil }
            return DecimalNumber(unscaled: product, scale: newScale)
        }
        let drop = scale - newScale
        guard let divisor = DecimalNumber.pow10(drop) else { return DecimalNumber(unscaled: 0, scale: newScale) }
        return DecimalNumber(unscaled: DecimalNumber.divideRoundingHalfUp(unscaled, divisor), scale: newScale)
    }

    /// `a / b` rounded half away from zero (HALF_UP); b != 0.
    static func divideRoundingHalfUp(_ a: Int128, _ b: Int128) -> Int128 {
        let q = a / b, r = a % b
        if r == 0 { return q }
        let twiceRemainder = abs(r) * 2
        if twiceRemainder >= abs(b) { return ((a < 0) != (b < 0)) ? q - 1 : q + 1 }
        return q
    }

    /// Whether the value fits `decimal(precision, scale)` once rescaled to that scale.
    func fitted(precision: Int, scale newScale: Int) -> DecimalNumber? {
        guard let r = rescaled(to: newScale) else { return nil }
        guard let limit = DecimalNumber.pow10(precision) else { return r }
        return abs(r.unscaled) < limit ? r : nil
    }

    /// Plain text (no exponent), as Spark prints decimals: `-0.50`, `12`.
    var text: String {
        let negative = unscaled < 0
        var digits = String(negative ? -unscaled : unscaled)
        if scale > 0 {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            let point = digits.index(digits.endIndex, offsetBy: -scale)
            digits = digits[..<point] + "." + digits[point...]
        } else if scale < 0 {
            if unscaled != 0 { digits += String(repeating: "0", count: -scale) }
        }
        return negative ? "-" + digits : digits
    }

    var doubleValue: Double {
        Double(text) ?? 0
    }

    /// The integer part (truncated toward zero), nil if beyond Int64.
    var truncatedInt64: Int64? {
        var v = unscaled
        if scale > 0 { v = scale > 38 ? 0 : v / DecimalNumber.powers[scale] }
        if scale < 0 {
            guard let f = DecimalNumber.pow10(-scale) else { return v == 0 ? 0 : nil }
            let (p, o) = v.multipliedReportingOverflow(by: f)
            if o { return nil }
            v = p
        }
        return Int64(exactly: v)
    }

    /// The decimal nearest to `d` as Java's `Double.toString` spells it (Spark's `Decimal(d)`).
    static func from(double d: Double) -> DecimalNumber? {
        guard d.isFinite else { return nil }
        return parse(ValueFormatter.double(d))
    }
}
