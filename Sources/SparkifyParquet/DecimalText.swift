/// Converts between sparkify's decimal storage (exact decimal text such as `-12.50` or
/// `1E-7`) and Parquet's unscaled integers.
enum DecimalText {
    /// The unscaled value of `text` at `scale` (`"12.5"` at scale 2 is 1250), or nil when the
    /// text is not a decimal or needs more than 38 digits or more fraction digits than `scale`.
    static func unscaled(_ text: UnsafeBufferPointer<UInt8>, scale: Int) -> Int128? {
        var i = 0
        let n = text.count
        while i < n && text[i] == 0x20 { i += 1 }
        var negative = false
        if i < n && (text[i] == 0x2D || text[i] == 0x2B) {
            negative = text[i] == 0x2D
            i += 1
        }
        var digits: Int128 = 0
        var digitCount = 0
        var fractionDigits = 0
        var sawPoint = false, sawDigit = false
        while i < n {
            let c = text[i]
            if c >= 0x30 && c <= 0x39 {
                sawDigit = true
                if digits != 0 || c != 0x30 { digitCount += 1 }
                guard digitCount <= 38 else { return nil }
                digits = digits * 10 + Int128(c - 0x30)
                if sawPoint { fractionDigits += 1 }
            } else if c == 0x2E && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            i += 1
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if i < n && (text[i] == 0x45 || text[i] == 0x65) {
            i += 1
            var expNegative = false
            if i < n && (text[i] == 0x2D || text[i] == 0x2B) {
                expNegative = text[i] == 0x2D
                i += 1
            }
            var sawExpDigit = false
            while i < n && text[i] >= 0x30 && text[i] <= 0x39 {
                exponent = exponent * 10 + Int(text[i] - 0x30)
                guard exponent < 1000 else { return nil }
                sawExpDigit = true
                i += 1
            }
            guard sawExpDigit else { return nil }
            if expNegative { exponent = -exponent }
        }
        while i < n && text[i] == 0x20 { i += 1 }
        guard i == n else { return nil }
        // value = digits * 10^(exponent - fractionDigits); unscaled = value * 10^scale.
        var shift = scale + exponent - fractionDigits
        while shift < 0 {
            guard digits % 10 == 0 else { return nil }
            digits /= 10
            shift += 1
        }
        while shift > 0 {
            guard digits == 0 || digitCount + shift <= 38 else { return nil }
            digits *= 10
            shift -= 1
        }
        return negative ? -digits : digits
    }

    /// Appends the text of `unscaled` at `scale` (`1250`, 2 → `12.50`) to `out`.
    static func append(_ unscaled: Int128, scale: Int, to out: inout [UInt8]) {
        var magnitude = unscaled.magnitude
        var digits: [UInt8] = []
        digits.reserveCapacity(40)
        repeat {
            digits.append(UInt8(magnitude % 10) + 0x30)
            magnitude /= 10
        } while magnitude > 0
        while digits.count <= scale { digits.append(0x30) }
        if unscaled < 0 { out.append(0x2D) }
        for k in stride(from: digits.count - 1, through: 0, by: -1) {
            if k == scale - 1 { out.append(0x2E) }
            out.append(digits[k])
        }
    }

    /// The fewest bytes a two's-complement integer of `precision` digits needs (Spark's
    /// `Decimal.minBytesForPrecision`).
    static func minimumBytes(precision: Int) -> Int {
        var bytes = 1
        while true {
            // 2^(8 * bytes - 1) > 10^precision
            let bits = 8 * bytes - 1
            if Double(bits) * 0.30102999566398120 > Double(precision) + 1e-9 { return bytes }
            bytes += 1
        }
    }
}
