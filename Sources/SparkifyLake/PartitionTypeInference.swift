import SparkifyTables

/// The types Spark infers for partition columns from folder names
/// (`PartitioningUtils.inferPartitionColumnValue` and `resolveTypeConflicts`), checked
/// against Spark 4.3:
///
/// - int (`Integer.parseInt`: optional sign, digits), else bigint, else decimal(p,0) (a
///   `BigDecimal` with no fraction left after its exponent: `9223372036854775808`, `1e3`,
///   at most 38 digits), else double (`Double.parseDouble`: `1.5`, `NaN`, `Infinity`, `1d`,
///   surrounding spaces), else timestamp (`yyyy-MM-dd HH:mm:ss` with at most one fraction
///   digit, after unescaping), else date (`yyyy-MM-dd`, a real day), else string.
/// - `__HIVE_DEFAULT_PARTITION__` is NULL (type void when every value is NULL).
/// - Across folders: int < bigint < decimal widen, int with double gives double, dates with
///   timestamps give timestamp, bigint or decimal with double and every other mix give string.
public enum PartitionTypeInference {
    /// The type Spark infers for one raw (still escaped) folder value.
    public static func inferType(ofRaw raw: String) -> DataType {
        if raw == PartitionPath.defaultPartitionName { return .null }
        if parseJavaInteger(raw, limit: Int64(Int32.max)) != nil { return .int }
        if parseJavaInteger(raw, limit: Int64.max) != nil { return .bigint }
        if let precision = integralDecimalPrecision(raw) { return .decimal(precision: precision, scale: 0) }
        if isJavaDouble(raw) { return .double }
        let unescaped = PartitionPath.unescape(raw)
        if isPartitionTimestamp(unescaped) { return .timestamp }
        if isPartitionDate(raw) { return .date }
        return .string
    }

    /// The type of a partition column with these raw values (the widest of their types).
    public static func columnType(ofRaws raws: [String]) -> DataType {
        var type = DataType.null
        var seen = Set<String>()
        for raw in raws where seen.insert(raw).inserted {
            type = widen(type, inferType(ofRaw: raw))
            if type == .string { break }
        }
        return type
    }

    /// Spark's `findWiderTypeForPartitionColumn`.
    public static func widen(_ a: DataType, _ b: DataType) -> DataType {
        if a == b { return a }
        switch (a, b) {
        case (.null, _): return b
        case (_, .null): return a
        case (.double, .decimal), (.decimal, .double), (.double, .bigint), (.bigint, .double): return .string
        case (.int, .bigint), (.bigint, .int): return .bigint
        case (.int, .double), (.double, .int): return .double
        case (.date, .timestamp), (.timestamp, .date): return .timestamp
        case let (.decimal(p1, _), .decimal(p2, _)): return .decimal(precision: max(p1, p2), scale: 0)
        case let (.decimal(p, _), .int), let (.int, .decimal(p, _)): return .decimal(precision: max(p, 10), scale: 0)
        case let (.decimal(p, _), .bigint), let (.bigint, .decimal(p, _)):
            return max(p, 20) <= 38 ? .decimal(precision: max(p, 20), scale: 0) : .string
        default: return .string
        }
    }

    /// Java's `Integer.parseInt` / `Long.parseLong` on ASCII: an optional sign and digits,
    /// within ±`limit` (the negative side one further).
    static func parseJavaInteger(_ text: String, limit: Int64) -> Int64? {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        let bound = UInt64(limit) + (negative ? 1 : 0)
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2, sum <= bound else { return nil }
            magnitude = sum
        }
        return negative ? Int64(bitPattern: 0 &- magnitude) : Int64(magnitude)
    }

    /// The precision of `text` read as Java's `BigDecimal` when it has no fraction left after
    /// its exponent (`1e3` → 4, `1.0E20` → 21), at most 38; nil otherwise.
    static func integralDecimalPrecision(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        var i = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        var digits: [UInt8] = [], fractionDigits = 0, sawPoint = false
        while i < bytes.count {
            let byte = bytes[i]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits.append(byte)
                if sawPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            i += 1
        }
        guard !digits.isEmpty else { return nil }
        var exponent = 0
        if i < bytes.count {
            guard bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") else { return nil }
            let rest = String(decoding: bytes[(i + 1)...], as: UTF8.self)
            guard let value = parseJavaInteger(rest, limit: Int64(Int32.max)) else { return nil }
            exponent = Int(value)
        }
        let scale = fractionDigits - exponent
        guard scale <= 0 else { return nil }
        let significant = digits.drop { $0 == UInt8(ascii: "0") }.count
        let precision = max(significant, 1) - scale
        return precision <= 38 ? precision : nil
    }

    /// Whether Java's `Double.parseDouble` accepts `text` (decimal forms; hexadecimal ones
    /// are left out): surrounding spaces, a sign, `NaN`, `Infinity`, digits with a fraction
    /// and exponent, and a `d`/`f` suffix.
    static func isJavaDouble(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        while let first = bytes.first, first <= 0x20 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last <= 0x20 { bytes = bytes.dropLast() }
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let word = String(decoding: bytes, as: UTF8.self)
        if word == "NaN" || word == "Infinity" { return true }
        if let last = bytes.last, [UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "f"), UInt8(ascii: "F")].contains(last) {
            bytes = bytes.dropLast()
        }
        var digits = 0, i = bytes.startIndex
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        while i < bytes.endIndex, isDigit(bytes[i]) { digits += 1; i += 1 }
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.endIndex, isDigit(bytes[i]) { digits += 1; i += 1 }
        }
        guard digits > 0 else { return false }
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.endIndex, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            var exponentDigits = 0
            while i < bytes.endIndex, isDigit(bytes[i]) { exponentDigits += 1; i += 1 }
            guard exponentDigits > 0 else { return false }
        }
        return i == bytes.endIndex
    }

    /// `yyyy-MM-dd`: four-digit year, two-digit month and day, a day that exists.
    static func isPartitionDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && validDate(bytes)
    }

    /// `yyyy-MM-dd HH:mm:ss` with an optional `.S` (one digit), as Spark's
    /// `timestampPartitionPattern` parses.
    static func isPartitionTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 19 || bytes.count == 21, validDate(Array(bytes[0..<10])), bytes[10] == UInt8(ascii: " "),
              let hour = twoDigits(bytes, 11), bytes[13] == UInt8(ascii: ":"), let minute = twoDigits(bytes, 14),
              bytes[16] == UInt8(ascii: ":"), let second = twoDigits(bytes, 17),
              hour < 24, minute < 60, second < 60 else { return false }
        if bytes.count == 21 {
            return bytes[19] == UInt8(ascii: ".") && bytes[20] >= UInt8(ascii: "0") && bytes[20] <= UInt8(ascii: "9")
        }
        return true
    }

    private static func validDate(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let century = twoDigits(bytes, 0), let yearOfCentury = twoDigits(bytes, 2),
              let month = twoDigits(bytes, 5), let day = twoDigits(bytes, 8) else { return false }
        let year = century * 100 + yearOfCentury
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, CivilDate.isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private static func twoDigits(_ bytes: [UInt8], _ at: Int) -> Int? {
        let a = bytes[at], b = bytes[at + 1]
        guard a >= 0x30, a <= 0x39, b >= 0x30, b <= 0x39 else { return nil }
        return Int(a - 0x30) * 10 + Int(b - 0x30)
    }
}
