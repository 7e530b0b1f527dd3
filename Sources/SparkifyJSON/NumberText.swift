#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Number text: JSON number scanning, exact double parsing, integer rendering.
enum NumberText {
    /// A scanned JSON number.
    enum Value {
        /// An integer that fits 64 bits.
        case int(Int64)
        /// An integer beyond 64 bits with this many digits (kept as its text).
        case big(digits: Int)
        /// A number with a fraction or exponent, or NaN/Infinity.
        case float(Double)
    }

    /// Powers of ten exactly representable as doubles.
    static let exactPowers: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    /// Scans a JSON number at `p` (strict grammar: no leading zeros, no `+`, digits after
    /// `.` and `e`). Returns the value and the end, or `nil` when it is not a valid number.
    @inline(__always)
    static func scan(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> (Value, UnsafePointer<UInt8>)? {
        var p = start
        let negative = p.pointee == UInt8(ascii: "-")
        if negative { p += 1 }
        guard p < end else { return nil }
        let firstDigit = p
        var mantissa: UInt64 = 0
        var c = p.pointee &- 48
        guard c < 10 else { return nil }
        if c == 0 {
            p += 1
        } else {
            while p < end {
                c = p.pointee &- 48
                if c >= 10 { break }
                mantissa = mantissa &* 10 &+ UInt64(c)
                p += 1
            }
        }
        let intDigits = p - firstDigit
        if p < end, c == 0, intDigits == 1, (p.pointee &- 48) < 10 { return nil } // leading zero
        var isFloat = false
        var fracDigits = 0
        if p < end, p.pointee == UInt8(ascii: ".") {
            isFloat = true
            p += 1
            let fracStart = p
            while p < end, (p.pointee &- 48) < 10 {
                mantissa = mantissa &* 10 &+ UInt64(p.pointee &- 48)
                p += 1
            }
            fracDigits = p - fracStart
            if fracDigits == 0 { return nil }
        }
        var exponent = 0
        if p < end, p.pointee | 0x20 == UInt8(ascii: "e") {
            isFloat = true
            p += 1
            var expNegative = false
            if p < end, p.pointee == UInt8(ascii: "+") || p.pointee == UInt8(ascii: "-") {
                expNegative = p.pointee == UInt8(ascii: "-")
                p += 1
            }
            let expStart = p
            while p < end, (p.pointee &- 48) < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(p.pointee &- 48) }
                p += 1
            }
            if p == expStart { return nil }
            if expNegative { exponent = -exponent }
        }
        if !isFloat {
            if intDigits <= 18 {
                let v = Int64(mantissa)
                return (.int(negative ? -v : v), p)
            }
            return (integerBeyond18(firstDigit, intDigits, negative), p)
        }
        let significant = intDigits + fracDigits
        let exp10 = exponent - fracDigits
        if significant <= 19, mantissa <= (1 << 53), exp10 >= -22, exp10 <= 22 {
            var d = Double(mantissa)
            d = exp10 < 0 ? d / exactPowers[-exp10] : d * exactPowers[exp10]
            return (.float(negative ? -d : d), p)
        }
        return (.float(parseDouble(start, p - start)), p)
    }

    private static func integerBeyond18(_ digits: UnsafePointer<UInt8>, _ n: Int, _ negative: Bool) -> Value {
        if n == 19 {
            var v: UInt64 = 0
            for i in 0..<n { v = v * 10 + UInt64(digits[i] - 48) }
            if negative, v <= UInt64(Int64.max) + 1 { return .int(v == UInt64(Int64.max) + 1 ? Int64.min : -Int64(v)) }
            if !negative, v <= UInt64(Int64.max) { return .int(Int64(v)) }
        }
        return .big(digits: n)
    }

    /// A correctly rounded double from decimal text (strtod on a NUL-terminated copy).
    static func parseDouble(_ text: UnsafePointer<UInt8>, _ n: Int) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer in
            let base = buffer.baseAddress!
            UnsafeMutableRawPointer(base).copyMemory(from: text, byteCount: n)
            base[n] = 0
            return strtod(base, nil)
        }
    }

    /// Writes `value` in decimal and returns the length (at most 20).
    static func render(_ value: Int64, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = value.magnitude
        var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &tmp) { raw in
            let scratch = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var n = 0
            repeat {
                scratch[n] = UInt8(magnitude % 10) + 48
                magnitude /= 10
                n += 1
            } while magnitude > 0
            var length = 0
            if value < 0 { out[0] = UInt8(ascii: "-"); length = 1 }
            for i in 0..<n { out[length + i] = scratch[n - 1 - i] }
            return length + n
        }
    }
}
