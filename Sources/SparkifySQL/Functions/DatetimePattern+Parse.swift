import SparkifyTables

extension DatetimePattern {
    /// Fields read while parsing; nil when the pattern has no such letter.
    private struct ParsedFields {
        var year: Int?, month: Int?, day: Int?, dayOfYear: Int?
        var hour24: Int?, hour12: Int?, isPM: Bool?, minute = 0, second = 0, micros = 0
        var offsetSeconds: Int?
        var zone: SessionTimeZone?
    }

    /// Parses `input` as a whole (Java's formatter in Spark's STRICT, case-insensitive mode) into
    /// UTC microseconds; the text's own zone or offset wins over `zone`. Nil when it does not
    /// match or names an impossible date or time.
    func parse(_ input: UnsafeBufferPointer<UInt8>, zone: SessionTimeZone) -> Int64? {
        var fields = ParsedFields()
        var position = 0
        guard parseElements(elements[...], input, &position, &fields), position == input.count else { return nil }
        return resolve(fields, zone: zone)
    }

    private func parseElements(_ elements: ArraySlice<Element>, _ input: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ fields: inout ParsedFields) -> Bool {
        var index = elements.startIndex
        while index < elements.endIndex {
            let element = elements[index]
            switch element {
            case let .literal(bytes):
                guard position + bytes.count <= input.count else { return false }
                for (k, b) in bytes.enumerated() where lower(input[position + k]) != lower(b) { return false }
                position += bytes.count
            case .optionalStart:
                // Find the matching end; try the section, and skip it if it does not match.
                var depth = 0, end = index
                for j in index..<elements.endIndex {
                    if elements[j] == .optionalStart { depth += 1 }
                    if elements[j] == .optionalEnd { depth -= 1; if depth == 0 { end = j; break } }
                }
                if end == index { end = elements.endIndex }
                var trial = position, trialFields = fields
                if parseElements(elements[(index + 1)..<end], input, &trial, &trialFields) {
                    position = trial
                    fields = trialFields
                }
                index = end
            case .optionalEnd:
                break
            case let .field(letter, count):
                let nextIsNumber: Bool = {
                    guard index + 1 < elements.endIndex, case let .field(next, nextCount) = elements[index + 1] else { return false }
                    return DatetimePattern.isNumeric(next, nextCount)
                }()
                guard parseField(letter, count, adjacentNumber: nextIsNumber, input, &position, &fields) else { return false }
            }
            index += 1
        }
        return true
    }

    static func isNumeric(_ letter: UInt8, _ count: Int) -> Bool {
        switch letter {
        case UInt8(ascii: "M"), UInt8(ascii: "L"): return count <= 2
        case UInt8(ascii: "y"), UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "H"), UInt8(ascii: "h"),
             UInt8(ascii: "K"), UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "s"), UInt8(ascii: "S"): return true
        default: return false
        }
    }

    @inline(__always)
    private func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    /// Reads `min...max` digits.
    private func digits(_ input: UnsafeBufferPointer<UInt8>, _ position: inout Int, min: Int, max: Int) -> Int? {
        var value = 0, n = 0
        while position < input.count, n < max, input[position] >= 48, input[position] <= 57 {
            value = value * 10 + Int(input[position] - 48)
            position += 1
            n += 1
        }
        return n >= min ? value : nil
    }

    private func matchWord(_ words: [String], _ input: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> Int? {
        for (index, word) in words.enumerated() {
            let bytes = Array(word.utf8)
            guard position + bytes.count <= input.count else { continue }
            var same = true
            for k in 0..<bytes.count where lower(input[position + k]) != lower(bytes[k]) { same = false; break }
            if same {
                position += bytes.count
                return index
            }
        }
        return nil
    }

    private func parseField(_ letter: UInt8, _ count: Int, adjacentNumber: Bool, _ input: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ f: inout ParsedFields) -> Bool {
        // Numbers: two letters read exactly two digits; one letter reads one or two (Java's
        // variable width); a field before another number reads exactly its letter count.
        func number(_ maxWidth: Int) -> Int? {
            if count >= 2 || adjacentNumber { return digits(input, &position, min: count, max: count) }
            return digits(input, &position, min: 1, max: maxWidth)
        }
        switch letter {
        case UInt8(ascii: "y"):
            if count == 2 {
                guard let v = digits(input, &position, min: 2, max: 2) else { return false }
                f.year = 2000 + v
            } else {
                var negative = false
                if position < input.count, input[position] == UInt8(ascii: "-") || input[position] == UInt8(ascii: "+") {
                    negative = input[position] == UInt8(ascii: "-")
                    position += 1
                }
                let maxDigits = adjacentNumber ? count : 9
                guard let v = digits(input, &position, min: count, max: max(maxDigits, count)) else { return false }
                f.year = negative ? -v : v
            }
        case UInt8(ascii: "M"), UInt8(ascii: "L"):
            if count <= 2 {
                guard let v = number(2) else { return false }
                f.month = v
            } else {
                guard let v = matchWord(count == 3 ? DatetimePattern.monthShort : DatetimePattern.monthLong, input, &position) else { return false }
                f.month = v + 1
            }
        case UInt8(ascii: "d"):
            guard let v = number(2) else { return false }
            f.day = v
        case UInt8(ascii: "D"):
            guard let v = number(3) else { return false }
            f.dayOfYear = v
        case UInt8(ascii: "H"), UInt8(ascii: "k"):
            guard let v = number(2) else { return false }
            if letter == UInt8(ascii: "k") {
                guard (1...24).contains(v) else { return false }
                f.hour24 = v == 24 ? 0 : v
            } else {
                f.hour24 = v
            }
        case UInt8(ascii: "h"), UInt8(ascii: "K"):
            guard let v = number(2) else { return false }
            if letter == UInt8(ascii: "h") {
                guard (1...12).contains(v) else { return false }
                f.hour12 = v == 12 ? 0 : v
            } else {
                guard v < 12 else { return false }
                f.hour12 = v
            }
        case UInt8(ascii: "m"):
            guard let v = number(2) else { return false }
            f.minute = v
        case UInt8(ascii: "s"):
            guard let v = number(2) else { return false }
            f.second = v
        case UInt8(ascii: "S"):
            // Spark parses a fraction of 1...count digits.
            let start = position
            guard let v = digits(input, &position, min: 1, max: count) else { return false }
            var micros = v
            var n = position - start
            while n < 6 { micros *= 10; n += 1 }
            while n > 6 { micros /= 10; n -= 1 }
            f.micros = micros
        case UInt8(ascii: "a"):
            guard let v = matchWord(["AM", "PM"], input, &position) else { return false }
            f.isPM = v == 1
        case UInt8(ascii: "G"):
            guard matchWord(count == 4 ? ["Anno Domini"] : ["AD"], input, &position) != nil else { return false }
        case UInt8(ascii: "X"), UInt8(ascii: "x"), UInt8(ascii: "Z"), UInt8(ascii: "O"):
            guard let offset = parseOffset(input, &position) else { return false }
            f.offsetSeconds = offset
        case UInt8(ascii: "V"), UInt8(ascii: "z"):
            var end = position
            while end < input.count, input[end] > 32 { end += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: input[position..<end]), as: UTF8.self)
            guard let zone = try? SessionTimeZone.named(name) else { return false }
            f.zone = zone
            position = end
        default:
            return false
        }
        return true
    }

    /// `Z`, `+hh`, `+hhmm`, `+hh:mm`, `GMT+h[:mm]`, `UTC`.
    private func parseOffset(_ input: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> Int? {
        guard position < input.count else { return nil }
        if input[position] == UInt8(ascii: "Z") { position += 1; return 0 }
        if matchWord(["GMT", "UTC", "UT"], input, &position) != nil {
            if position >= input.count || (input[position] != UInt8(ascii: "+") && input[position] != UInt8(ascii: "-")) { return 0 }
        }
        var end = position + 1
        while end < input.count, (input[end] >= 48 && input[end] <= 57) || input[end] == UInt8(ascii: ":") { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[position..<end]), as: UTF8.self)
        guard let offset = SessionTimeZone.parseOffset(text) else { return nil }
        position = end
        return offset
    }

    private func resolve(_ f: ParsedFields, zone: SessionTimeZone) -> Int64? {
        let year = f.year ?? 1970
        var month = f.month ?? 1
        var day = f.day ?? 1
        if let dayOfYear = f.dayOfYear {
            let days = CivilDate.days(year: year, month: 1, day: 1) + dayOfYear - 1
            guard dayOfYear >= 1, dayOfYear <= (CivilDate.isLeapYear(year) ? 366 : 365) else { return nil }
            let civil = CivilDate.civil(fromDays: days)
            if f.month != nil && civil.month != month { return nil }
            if f.day != nil && civil.day != day { return nil }
            month = civil.month
            day = civil.day
        }
        guard (1...12).contains(month), day >= 1, day <= DatetimeText.daysInMonth(year, month) else { return nil }
        var hour = f.hour24 ?? 0
        if f.hour24 == nil, let h12 = f.hour12 { hour = h12 + ((f.isPM ?? false) ? 12 : 0) }
        if let h24 = f.hour24, let pm = f.isPM, f.hour12 == nil {
            // `H` with `a`: Java STRICT checks they agree.
            if (h24 >= 12) != pm { return nil }
        }
        guard hour < 24, f.minute < 60, f.second < 60 else { return nil }
        var fields = DatetimeText.Fields()
        fields.year = year
        fields.month = month
        fields.day = day
        fields.hour = hour
        fields.minute = f.minute
        fields.second = f.second
        fields.micros = f.micros
        fields.zoneOffsetSeconds = f.offsetSeconds
        fields.zone = f.zone
        return DatetimeText.timestamp(from: fields, zone: zone)
    }
}
