/// Values as Spark prints them (`CAST(x AS STRING)`, `show()`).
public enum ValueFormatter {
    /// `value` as Spark's `CAST(value AS STRING)`; timestamps shifted by `offsetSeconds`
    /// (the session time zone's offset at that instant). NULL gives `nil`.
    public static func sparkString(_ value: Value, offsetSeconds: Int = 0) -> String? {
        switch value {
        case .null: return nil
        case let .boolean(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .bigint(i): return String(i)
        case let .double(d): return double(d)
        case let .decimal(s), let .string(s), let .json(s): return s
        case let .date(d): return date(d)
        case let .timestamp(t): return timestamp(t, offsetSeconds: offsetSeconds)
        }
    }

    /// A double as Java's `Double.toString` writes it: `100.0`, `1.540919166796E12`, `1.0E-4`.
    public static func double(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let (digits, pointPosition) = shortestDigits(abs(d))
        let sign = d < 0 ? "-" : ""
        let exponent = pointPosition - 1
        if exponent >= -3 && exponent < 7 {
            if pointPosition <= 0 {
                return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
            }
            if pointPosition >= digits.count {
                return sign + digits + String(repeating: "0", count: pointPosition - digits.count) + ".0"
            }
            let split = digits.index(digits.startIndex, offsetBy: pointPosition)
            return sign + digits[..<split] + "." + digits[split...]
        }
        let first = digits.prefix(1)
        let rest = digits.dropFirst()
        return sign + first + "." + (rest.isEmpty ? "0" : rest) + "E" + String(exponent)
    }

    /// The shortest round-trip digits of a positive finite `d`, without leading or trailing
    /// zeros, and where the decimal point goes: value = 0.DIGITS × 10^pointPosition.
    static func shortestDigits(_ d: Double) -> (String, Int) {
        let text = d.description  // Swift prints the shortest round-trip form
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(String(text[text.index(after: e)...].filter { $0 != "+" })) ?? 0
        }
        var digits = ""
        var point = mantissa.count
        for (i, ch) in mantissa.enumerated() {
            if ch == "." { point = i } else { digits.append(ch) }
        }
        point += exponent
        while digits.hasPrefix("0") {
            digits.removeFirst()
            point -= 1
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        return (digits.isEmpty ? "0" : digits, point)
    }

    /// `yyyy-MM-dd`.
    public static func date(_ days: Int32) -> String {
        let (y, m, d) = CivilDate.civil(fromDays: Int(days))
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// `yyyy-MM-dd HH:mm:ss[.fraction]`, the fraction's trailing zeros trimmed, as Spark prints it.
    public static func timestamp(_ micros: Int64, offsetSeconds: Int = 0) -> String {
        let local = micros &+ Int64(offsetSeconds) * 1_000_000
        let (days, microsOfDay) = CivilDate.split(micros: local)
        let (y, mo, d) = CivilDate.civil(fromDays: days)
        let secondsOfDay = Int(microsOfDay / 1_000_000)
        var out = pad(y, 4) + "-" + pad(mo, 2) + "-" + pad(d, 2) + " "
        out += pad(secondsOfDay / 3600, 2) + ":" + pad(secondsOfDay / 60 % 60, 2) + ":" + pad(secondsOfDay % 60, 2)
        var fraction = Int(microsOfDay % 1_000_000)
        if fraction != 0 {
            var width = 6
            while fraction % 10 == 0 {
                fraction /= 10
                width -= 1
            }
            out += "." + pad(fraction, width)
        }
        return out
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(abs(n))
        let padded = s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        return n < 0 ? "-" + padded : padded
    }
}
