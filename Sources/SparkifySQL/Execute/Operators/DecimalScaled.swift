/// Exact decimals as scaled 128-bit integers (value × 10^scale), enough for Spark's
/// decimal(38, s). Decimal values are stored as text in columns.
enum DecimalScaled {
    /// 10^38, the bound of a decimal(38, s) unscaled value.
    static let limit38: Int128 = {
        var p: Int128 = 1
        for _ in 0..<38 { p *= 10 }
        return p
    }()

    static func powerOfTen(_ exponent: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<max(0, min(exponent, 38)) { p *= 10 }
        return p
    }

    /// Parses decimal text (`-12.50`, `3`, `1.2E+3`) as an unscaled value at `scale`, rounding
    /// extra fraction digits half up. Nil when it is not a number or does not fit.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, scale: Int) -> Int128? {
        var i = 0
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var digits: Int128 = 0
        var fractionDigits = 0
        var seenPoint = false, seenDigit = false
        var exponent = 0
        var dropped = false, roundUp = false
        var significant = 0
        while i < bytes.count {
            let c = bytes[i]
            if c >= 48 && c <= 57 {
                seenDigit = true
                if significant < 38 {
                    digits = digits * 10 + Int128(c - 48)
                    if digits != 0 { significant += 1 }
                    if seenPoint { fractionDigits += 1 }
                } else if !seenPoint {
                    return nil
                } else if !dropped {
                    dropped = true
                    roundUp = c >= 53
                }
            } else if c == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                guard let e = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)...]), as: UTF8.self)) else { return nil }
                exponent = e
                break
            } else {
                return nil
            }
            i += 1
        }
        guard seenDigit else { return nil }
        if roundUp { digits += 1 }
        let shift = scale - fractionDigits + exponent
        if shift >= 0 {
            guard shift <= 38 else { return digits == 0 ? 0 : nil }
            let (product, overflow) = digits.multipliedReportingOverflow(by: powerOfTen(shift))
            if overflow || product >= limit38 { return nil }
            digits = product
        } else {
            digits = divideRoundingHalfUp(digits, by: powerOfTen(-shift))
        }
        return negative ? -digits : digits
    }

    /// `value / divisor` rounded half away from zero (Java's HALF_UP).
    static func divideRoundingHalfUp(_ value: Int128, by divisor: Int128) -> Int128 {
        if divisor == 0 { return 0 }
        let quotient = value / divisor
        let remainder = value % divisor
        let twice = remainder.magnitude * 2
        if twice >= divisor.magnitude {
            return (value < 0) != (divisor < 0) ? quotient - 1 : quotient + 1
        }
        return quotient
    }

    /// The text of an unscaled value at `scale`: `-12.50`.
    static func format(_ value: Int128, scale: Int) -> String {
        var magnitude = value.magnitude
        var digits = [UInt8]()
        repeat {
            digits.append(UInt8(magnitude % 10) + 48)
            magnitude /= 10
        } while magnitude > 0
        while digits.count <= scale { digits.append(48) }
        var text = [UInt8]()
        if value < 0 { text.append(UInt8(ascii: "-")) }
        for (position, digit) in digits.reversed().enumerated() {
            if scale > 0, position == digits.count - scale { text.append(UInt8(ascii: ".")) }
            text.append(digit)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether `value` fits in `precision` digits.
    static func fits(_ value: Int128, precision: Int) -> Bool {
        value.magnitude < powerOfTen(precision).magnitude
    }
}
