import SparkifyTables

/// Spark's textual dates and timestamps: parsing the forms `CAST(string AS DATE/TIMESTAMP)`
/// accepts, and printing them, on raw UTF-8 bytes.
enum DatetimeText {
    static let microsPerSecond: Int64 = 1_000_000
    static let microsPerDay: Int64 = 86_400_000_000

    /// Fields read from a date/timestamp string; `zoneOffset` / `zone` when the text names one.
    struct Fields {
        var year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, micros = 0
        var zoneOffsetSeconds: Int?
        var zone: SessionTimeZone?
    }

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b <= 32 }

    /// `[+-]yyyy[-[m]m[-[d]d]]` then for timestamps `[ |T][h]h:[m]m[:[s]s[.fraction]][zone]`.
    /// `dateOnly` ignores anything after the date's space or `T`, as `CAST AS DATE` does.
    static func parseFields(_ input: UnsafeBufferPointer<UInt8>, dateOnly: Bool) -> Fields? {
        var start = 0, end = input.count
        while start < end, isSpace(input[start]) { start += 1 }
        while end > start, isSpace(input[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        var i = start
        var fields = Fields()
        var negativeYear = false
        if input[i] == UInt8(ascii: "-") || input[i] == UInt8(ascii: "+") {
            negativeYear = input[i] == UInt8(ascii: "-")
            i += 1
        }
        func readNumber(maxDigits: Int) -> (Int, Int) {
            var value = 0, digits = 0
            while i < end, digits < maxDigits, input[i] >= 48, input[i] <= 57 {
                value = value * 10 + Int(input[i] - 48)
                digits += 1
                i += 1
            }
            return (value, digits)
        }
        let (year, yearDigits) = readNumber(maxDigits: 7)
        guard yearDigits >= 4 else { return nil }
        fields.year = negativeYear ? -year : year
        if i == end { return fields }
        if input[i] == UInt8(ascii: "-") {
            i += 1
            let (month, monthDigits) = readNumber(maxDigits: 2)
            guard monthDigits > 0, (1...12).contains(month) else { return nil }
            fields.month = month
            if i < end, input[i] == UInt8(ascii: "-") {
                i += 1
                let (day, dayDigits) = readNumber(maxDigits: 2)
                guard dayDigits > 0, day >= 1, day <= daysInMonth(fields.year, month) else { return nil }
                fields.day = day
            } else if i < end {
                return nil
            }
        } else if input[i] != 32 && input[i] != UInt8(ascii: "T") {
            return nil
        }
        if i == end { return fields }
        guard input[i] == 32 || input[i] == UInt8(ascii: "T") else { return nil }
        if dateOnly { return fields }
        i += 1
        if i == end { return fields }
        let (hour, hourDigits) = readNumber(maxDigits: 2)
        guard hourDigits > 0, hour < 24, i < end, input[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        let (minute, minuteDigits) = readNumber(maxDigits: 2)
        guard minuteDigits > 0, minute < 60 else { return nil }
        fields.hour = hour
        fields.minute = minute
        if i < end, input[i] == UInt8(ascii: ":") {
            i += 1
            let (second, secondDigits) = readNumber(maxDigits: 2)
            guard secondDigits > 0, second < 60 else { return nil }
            fields.second = second
            if i < end, input[i] == UInt8(ascii: ".") {
                i += 1
                var micros = 0, digits = 0
                while i < end, input[i] >= 48, input[i] <= 57 {
                    if digits < 6 { micros = micros * 10 + Int(input[i] - 48) }
                    digits += 1
                    i += 1
                }
                while digits < 6 { micros *= 10; digits += 1 }
                fields.micros = micros
            }
        }
        if i == end { return fields }
        // A zone: `Z`, `+hh:mm`, or an id, optionally after one space.
        if input[i] == 32 { i += 1 }
        guard i < end else { return nil }
        let zoneText = String(decoding: UnsafeBufferPointer(rebasing: input[i..<end]), as: UTF8.self)
        if zoneText == "Z" {
            fields.zoneOffsetSeconds = 0
        } else if let offset = SessionTimeZone.parseOffset(zoneText) {
            fields.zoneOffsetSeconds = offset
        } else if let zone = try? SessionTimeZone.named(zoneText) {
            fields.zone = zone
        } else {
            return nil
        }
        return fields
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return CivilDate.isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `CAST(text AS DATE)`: days since the epoch, or nil when malformed.
    static func parseDate(_ input: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let f = parseFields(input, dateOnly: true) else { return nil }
        return Int32(exactly: CivilDate.days(year: f.year, month: f.month, day: f.day))
    }

    /// `CAST(text AS TIMESTAMP)` in `zone` unless the text names its own zone.
    static func parseTimestamp(_ input: UnsafeBufferPointer<UInt8>, zone: SessionTimeZone) -> Int64? {
        guard let f = parseFields(input, dateOnly: false) else { return nil }
        return timestamp(from: f, zone: zone)
    }

    static func timestamp(from f: Fields, zone: SessionTimeZone) -> Int64? {
        let days = Int64(CivilDate.days(year: f.year, month: f.month, day: f.day))
        let secondsOfDay = Int64(f.hour * 3600 + f.minute * 60 + f.second)
        let (dayMicros, o1) = days.multipliedReportingOverflow(by: microsPerDay)
        guard !o1 else { return nil }
        let local = dayMicros &+ secondsOfDay * microsPerSecond &+ Int64(f.micros)
        if let offset = f.zoneOffsetSeconds { return local &- Int64(offset) * microsPerSecond }
        return (f.zone ?? zone).utcMicros(fromLocalMicros: local)
    }

    /// Appends `yyyy-MM-dd`.
    @inline(__always)
    static func appendDate(_ days: Int, to out: inout [UInt8]) {
        let (y, m, d) = CivilDate.civil(fromDays: days)
        out.appendPadded(y, width: 4)
        out.append(UInt8(ascii: "-"))
        out.appendPadded(m, width: 2)
        out.append(UInt8(ascii: "-"))
        out.appendPadded(d, width: 2)
    }

    /// Appends `yyyy-MM-dd HH:mm:ss[.fraction]` of local microseconds, trailing zeros trimmed.
    @inline(__always)
    static func appendTimestamp(localMicros: Int64, to out: inout [UInt8]) {
        let (days, microsOfDay) = CivilDate.split(micros: localMicros)
        appendDate(days, to: &out)
        appendTime(microsOfDay: microsOfDay, to: &out)
    }

    /// Appends ` HH:mm:ss[.fraction]`, trailing zeros of the fraction trimmed.
    @inline(__always)
    static func appendTime(microsOfDay: Int64, to out: inout [UInt8]) {
        let seconds = Int(microsOfDay / microsPerSecond)
        out.append(32)
        out.appendPadded(seconds / 3600, width: 2)
        out.append(UInt8(ascii: ":"))
        out.appendPadded(seconds / 60 % 60, width: 2)
        out.append(UInt8(ascii: ":"))
        out.appendPadded(seconds % 60, width: 2)
        var fraction = Int(microsOfDay % microsPerSecond)
        if fraction != 0 {
            var width = 6
            while fraction % 10 == 0 { fraction /= 10; width -= 1 }
            out.append(UInt8(ascii: "."))
            out.appendPadded(fraction, width: width)
        }
    }
}
