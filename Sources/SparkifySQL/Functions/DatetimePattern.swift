import SparkifyTables

/// A Spark datetime pattern (`yyyy-MM-dd HH:mm:ss`, docs: sql-ref-datetime-pattern), compiled
/// once per call into elements that format or parse raw bytes without Foundation.
struct DatetimePattern {
    enum Element: Equatable {
        case literal([UInt8])
        case field(letter: UInt8, count: Int)
        case optionalStart
        case optionalEnd
    }

    /// One formatting step without reference-counted payloads: a field (`letter` != 0) or the
    /// literal bytes `literalStart..<literalStart + literalCount` of `literalBytes`.
    struct FormatStep {
        var letter: UInt8
        var count: Int
        var literalStart: Int
        var literalCount: Int
    }

    let text: String
    let elements: [Element]
    let steps: [FormatStep]
    let literalBytes: [UInt8]

    static let weekBasedLetters: Set<UInt8> = Set("YWwuec".utf8)
    /// The pattern letters of Java's `SimpleDateFormat` (Spark's legacy formatter).
    static let legacyLetters: Set<UInt8> = Set("GyYMLwWDdFEuaHkKhmsSzZX".utf8)

    /// Whether every letter outside quotes is one `SimpleDateFormat` knows.
    static func legacyAccepts(_ bytes: [UInt8]) -> Bool {
        var quoted = false
        for b in bytes {
            if b == UInt8(ascii: "'") { quoted.toggle(); continue }
            let isLetter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
            if !quoted, isLetter, !legacyLetters.contains(b) { return false }
        }
        return !quoted
    }
    static let unsupportedLetters: Set<UInt8> = Set("ABnNp".utf8)
    static let unsupportedForParsing: Set<UInt8> = Set("EFqQ".utf8)
    static let knownLetters: Set<UInt8> = Set("GyDMLdQqEFahKkHmsSVzOXxZ".utf8)

    /// Compiles `pattern`; throws Spark's errors for week-based letters, unsupported letters or
    /// lengths (and, with `forParsing`, the letters Spark cannot parse).
    init(_ pattern: String, forParsing: Bool) throws {
        text = pattern
        var elements: [Element] = []
        let bytes = Array(pattern.utf8)
        var i = 0
        var literal: [UInt8] = []
        func flush() {
            if !literal.isEmpty { elements.append(.literal(literal)); literal = [] }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "'") {
                // 'text' is literal; '' is one quote.
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "'") {
                    literal.append(b)
                    i += 2
                    continue
                }
                i += 1
                var closed = false
                while i < bytes.count {
                    if bytes[i] == UInt8(ascii: "'") {
                        if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "'") {
                            literal.append(bytes[i])
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    literal.append(bytes[i])
                    i += 1
                }
                if !closed { throw DatetimePattern.invalid(pattern, "Pattern ends with an incomplete string literal: \(pattern)") }
                continue
            }
            if b == UInt8(ascii: "[") || b == UInt8(ascii: "]") {
                flush()
                elements.append(b == UInt8(ascii: "[") ? .optionalStart : .optionalEnd)
                i += 1
                continue
            }
            let isLetter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
            if !isLetter {
                literal.append(b)
                i += 1
                continue
            }
            flush()
            var count = 1
            while i + count < bytes.count, bytes[i + count] == b { count += 1 }
            let letter = String(UnicodeScalar(b))
            if DatetimePattern.weekBasedLetters.contains(b) {
                // Spark retries the pattern with Java's SimpleDateFormat: when that one accepts
                // it (Y, w, W, u are its letters), the error says the result would differ.
                if DatetimePattern.legacyAccepts(bytes) {
                    throw SQLError(.execution, "You may get a different result due to the upgrading to Spark >= 3.0: Fail to recognize '\(pattern)' pattern in the DateTimeFormatter. 1) You can set \"spark.sql.legacy.timeParserPolicy\" to \"LEGACY\" to restore the behavior before Spark 3.0. 2) You can form a valid datetime pattern with the guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.", errorClass: "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION")
                }
                throw SQLError(.execution, "Spark >= 3.0: All week-based patterns are unsupported since Spark 3.0, detected week-based character: \(letter). Please use the SQL function EXTRACT instead.", errorClass: "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN")
            }
            if DatetimePattern.unsupportedLetters.contains(b) || !DatetimePattern.knownLetters.contains(b) {
                throw SQLError(.execution, "Illegal pattern character: \(letter) in the datetime pattern '\(pattern)'.", errorClass: "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER")
            }
            if forParsing && DatetimePattern.unsupportedForParsing.contains(b) {
                throw SQLError(.execution, "Spark >= 3.0: Fail to recognize '\(pattern)' pattern in the DateTimeFormatter: the letter \(letter) is not supported for parsing.", errorClass: "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION")
            }
            if (count >= 5 && "GMLEQq".utf8.contains(b)) || (b == UInt8(ascii: "y") && count >= 11) || count > DatetimePattern.maxCount(b) {
                throw SQLError(.execution, "Too many pattern letters: \(String(repeating: letter, count: count)) in the datetime pattern '\(pattern)'.", errorClass: "INVALID_DATETIME_PATTERN.LENGTH")
            }
            elements.append(.field(letter: b, count: count))
            i += count
        }
        flush()
        self.elements = elements
        var steps: [FormatStep] = []
        var literalBytes: [UInt8] = []
        for element in elements {
            switch element {
            case let .literal(bytes):
                steps.append(FormatStep(letter: 0, count: 0, literalStart: literalBytes.count, literalCount: bytes.count))
                literalBytes.append(contentsOf: bytes)
            case let .field(letter, count):
                steps.append(FormatStep(letter: letter, count: count, literalStart: 0, literalCount: 0))
            case .optionalStart, .optionalEnd:
                break
            }
        }
        self.steps = steps
        self.literalBytes = literalBytes
    }

    /// The most letters Java's formatter allows for `letter`.
    static func maxCount(_ letter: UInt8) -> Int {
        switch letter {
        case UInt8(ascii: "d"), UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "k"), UInt8(ascii: "K"),
             UInt8(ascii: "m"), UInt8(ascii: "s"): return 2
        case UInt8(ascii: "D"): return 3
        case UInt8(ascii: "F"), UInt8(ascii: "a"): return 1
        case UInt8(ascii: "S"): return 9
        case UInt8(ascii: "V"): return 2
        case UInt8(ascii: "z"), UInt8(ascii: "G"), UInt8(ascii: "E"), UInt8(ascii: "M"), UInt8(ascii: "L"), UInt8(ascii: "Q"), UInt8(ascii: "q"): return 4
        case UInt8(ascii: "O"): return 4
        case UInt8(ascii: "X"), UInt8(ascii: "x"), UInt8(ascii: "Z"): return 5
        default: return 10
        }
    }

    static func invalid(_ pattern: String, _ message: String) -> SQLError {
        SQLError(.execution, message, errorClass: "INVALID_DATETIME_PATTERN")
    }

    static let monthShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let monthLong = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    /// Monday first, as ISO numbers days.
    static let dayShort = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let dayLong = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let quarterLong = ["1st quarter", "2nd quarter", "3rd quarter", "4th quarter"]

    /// The pattern `from_unixtime` and `unix_timestamp` use by default.
    static let defaultTimestampPattern = "yyyy-MM-dd HH:mm:ss"
}

/// The calendar fields of one local instant.
struct LocalDateTimeFields {
    var days = 0
    var year = 1970, month = 1, day = 1
    var hour = 0, minute = 0, second = 0, micros = 0
    var offsetSeconds = 0

    init() {}

    init(localMicros: Int64, offsetSeconds: Int) {
        let (d, microsOfDay) = CivilDate.split(micros: localMicros)
        days = d
        (year, month, day) = CivilDate.civil(fromDays: d)
        let secondsOfDay = Int(microsOfDay / 1_000_000)
        hour = secondsOfDay / 3600
        minute = secondsOfDay / 60 % 60
        second = secondsOfDay % 60
        micros = Int(microsOfDay % 1_000_000)
        self.offsetSeconds = offsetSeconds
    }

    /// 0 = Monday ... 6 = Sunday.
    var isoDayIndex: Int { Int(floorModulo(Int64(days) + 3, 7)) }

    var dayOfYear: Int { days - CivilDate.days(year: year, month: 1, day: 1) + 1 }
}
