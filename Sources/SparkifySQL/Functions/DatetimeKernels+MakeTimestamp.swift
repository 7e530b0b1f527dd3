import SparkifyTables

extension DatetimeKernels {
    /// `make_timestamp(year, month, day, hour, min, sec[, timezone])`: the local date-time in
    /// `timezone` (default the session's) as a timestamp. `sec` is a decimal with up to
    /// microseconds; `sec = 60` (with no fraction) means the next minute, as in Spark. Fields out
    /// of range are `[DATETIME_FIELD_OUT_OF_BOUNDS]` under ANSI, NULL otherwise.
    public static func makeTimestamp(_ arguments: [ScalarOperand], rowCount: Int, context: EvaluationContext) throws -> Column {
        let fields = arguments.prefix(5).map { $0.int32View() }
        let seconds = arguments[5].stringView()
        let zones = arguments.count > 6 ? arguments[6].stringView() : nil
        if fields.contains(where: \.isAllNull) || seconds.isAllNull || zones?.isAllNull == true {
            return Column.nulls(.timestamp, count: rowCount)
        }
        let validity = ValidityOps.and(arguments.map { $0.validity(rowCount: rowCount) }, count: rowCount)
        var zoneCache: [String: SessionTimeZone] = [:]
        return try RowMapper.map(.timestamp, count: rowCount, validity: validity, as: Int64.self) { i in
            let v = fields.map { Int($0.values[i &* $0.stride]) }
            guard let secondValue = seconds.withBytes(i, DecimalNumber.parse), let micros = secondValue.rescaled(to: 6)?.unscaled else {
                return nil
            }
            do {
                let local = try localMicros(year: v[0], month: v[1], day: v[2], hour: v[3], minute: v[4], secondMicros: micros)
                var zone = context.timeZone
                if let zones {
                    let id = zones.withBytes(i) { String(decoding: $0, as: UTF8.self) }
                    if let cached = zoneCache[id] { zone = cached } else {
                        zone = try SessionTimeZone.named(id)
                        zoneCache[id] = zone
                    }
                }
                return zone.utcMicros(fromLocalMicros: local)
            } catch let error as SQLError where error.errorClass?.hasPrefix("DATETIME_FIELD_OUT_OF_BOUNDS") == true || error.errorClass == "INVALID_FRACTION_OF_SECOND" {
                if context.ansiEnabled { throw error }
                return nil
            }
        }
    }

    /// Microseconds since the epoch of the local date-time, validating every field.
    private static func localMicros(year: Int, month: Int, day: Int, hour: Int, minute: Int, secondMicros: Int128) throws -> Int64 {
        func outOfBounds(_ message: String) -> SQLError {
            SQLError(.execution, message + " " + FunctionErrors.ansiHint, errorClass: "DATETIME_FIELD_OUT_OF_BOUNDS.WITHOUT_SUGGESTION")
        }
        guard (-290_000...290_000).contains(year) else { throw outOfBounds("Invalid value for Year: \(year).") }
        guard (1...12).contains(month) else { throw outOfBounds("Invalid value for MonthOfYear (valid values 1 - 12): \(month).") }
        guard (1...31).contains(day) else { throw outOfBounds("Invalid value for DayOfMonth (valid values 1 - 28/31): \(day).") }
        guard day <= DatetimeText.daysInMonth(year, month) else { throw outOfBounds("Invalid date: year \(year), month \(month), day \(day).") }
        guard (0...23).contains(hour) else { throw outOfBounds("Invalid value for HourOfDay (valid values 0 - 23): \(hour).") }
        guard (0...59).contains(minute) else { throw outOfBounds("Invalid value for MinuteOfHour (valid values 0 - 59): \(minute).") }
        let wholeSeconds = secondMicros >= 0 ? secondMicros / 1_000_000 : -1
        let fraction = secondMicros - wholeSeconds * 1_000_000
        if wholeSeconds == 60, fraction != 0 {
            throw SQLError(.execution, "Valid range for seconds is [0, 60] (inclusive), but the provided value is \(DecimalNumber(unscaled: secondMicros, scale: 6).trimmedText). To avoid this error, use `try_make_timestamp`, which returns NULL on error. " + FunctionErrors.ansiHint, errorClass: "INVALID_FRACTION_OF_SECOND")
        }
        guard (0...60).contains(wholeSeconds) else { throw outOfBounds("Invalid value for SecondOfMinute (valid values 0 - 59): \(wholeSeconds).") }
        let days = Int64(CivilDate.days(year: year, month: month, day: day))
        let secondOfDay = Int64(hour * 3600 + minute * 60) + Int64(wholeSeconds)
        return (days * 86_400 + secondOfDay) * 1_000_000 + Int64(fraction)
    }
}

private extension DecimalNumber {
    /// `60.500000` as `60.5`.
    var trimmedText: String {
        var digits = String(unscaled.magnitude)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        var text = String(digits.dropLast(scale)) + "." + String(digits.suffix(scale))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return (unscaled < 0 ? "-" : "") + text
    }
}
