#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parsing numbers and booleans from text as Spark's casts do.
enum NumberText {
    /// The bounds of `bytes` without surrounding ASCII whitespace and control characters, as
    /// Spark trims text before casting it.
    @inline(__always)
    static func trimmedBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int) {
        var start = 0, end = bytes.count
        while start < end, bytes[start] <= 32 { start += 1 }
        while end > start, bytes[end - 1] <= 32 { end -= 1 }
        return (start, end)
    }

    /// An integer: optional sign and digits, surrounding whitespace allowed. With
    /// `allowFraction` (ANSI off) a `.digits` tail is accepted and truncated.
    static func parseInt64(_ bytes: UnsafeBufferPointer<UInt8>, allowFraction: Bool) -> Int64? {
        var (i, end) = NumberText.trimmedBounds(bytes)
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < end else { return nil }
        var value: Int64 = 0
        var digits = 0
        while i < end, bytes[i] >= 48, bytes[i] <= 57 {
            let d = Int64(bytes[i] - 48)
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            value = s
            digits += 1
            i += 1
        }
        if i < end {
            guard allowFraction, bytes[i] == UInt8(ascii: ".") else { return nil }
            i += 1
            while i < end {
                guard bytes[i] >= 48, bytes[i] <= 57 else { return nil }
                i += 1
            }
        } else if digits == 0 {
            return nil
        }
        return value
    }

    /// A double as Java's `Double.parseDouble` reads it after Spark's special literals
    /// (`inf`, `-infinity`, `NaN`, any case).
    static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let (i, end) = NumberText.trimmedBounds(bytes)
        guard i < end else { return nil }
        if let plain = parsePlainDouble(UnsafeBufferPointer(rebasing: bytes[i..<end])) { return plain }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
        switch text.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: break
        }
        var body = Substring(text)
        if let last = body.last, "dDfF".contains(last) { body = body.dropLast() }
        var sawDigit = false
        for c in body.utf8 {
            switch c {
            case 48...57: sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            default: return nil
            }
        }
        guard sawDigit else { return nil }
        return Double(body)
    }

    /// A plain decimal number (`-12.5`, `1e3`): digits, one point, an exponent; parsed by the C
    /// library's correctly rounded `strtod` without building a `String`. Nil for anything else.
    @inline(__always)
    static func parsePlainDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard bytes.count < 64 else { return nil }
        var sawDigit = false
        for (k, b) in bytes.enumerated() {
            switch b {
            case 48...57: sawDigit = true
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                if k != 0, bytes[k - 1] != UInt8(ascii: "e"), bytes[k - 1] != UInt8(ascii: "E") { return nil }
            default: return nil
            }
        }
        guard sawDigit else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer -> Double? in
            for (k, b) in bytes.enumerated() { buffer[k] = CChar(bitPattern: b) }
            buffer[bytes.count] = 0
            guard let start = buffer.baseAddress else { return nil }
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtod(start, &endPointer)
            // The whole text must be consumed (rejects "1e", "1.2.3", "--1").
            guard let endPointer, endPointer - start == bytes.count else { return nil }
            return value
        }
    }

    /// Spark's true/false strings: `t true y yes 1` / `f false n no 0`, any case, trimmed.
    static func parseBoolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let (i, end) = NumberText.trimmedBounds(bytes)
        let n = end - i
        guard n >= 1, n <= 5 else { return nil }
        var word: UInt64 = 0
        for k in i..<end {
            var b = bytes[k]
            if b >= 65 && b <= 90 { b += 32 }
            word = word << 8 | UInt64(b)
        }
        func code(_ s: StaticString) -> UInt64 {
            var w: UInt64 = 0
            s.withUTF8Buffer { for b in $0 { w = w << 8 | UInt64(b) } }
            return w
        }
        switch word {
        case code("t"), code("true"), code("y"), code("yes"), code("1"): return true
        case code("f"), code("false"), code("n"), code("no"), code("0"): return false
        default: return nil
        }
    }
}
