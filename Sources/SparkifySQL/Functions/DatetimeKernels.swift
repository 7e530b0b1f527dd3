import SparkifyTables

/// A calendar field of a date or timestamp.
public enum DatetimeField: String, Sendable {
    case hour, minute, second
    case year, quarter, month, dayOfMonth, dayOfWeek, weekday, dayOfYear, weekOfYear
}

/// Date and timestamp functions over whole columns, in the session time zone.
public enum DatetimeKernels {
    static let microsPerDay = DatetimeText.microsPerDay
    static let microsPerHour: Int64 = 3_600_000_000

    /// `hour`, `minute`, `second` of timestamps (as int).
    public static func timeField(_ field: DatetimeField, _ operand: ScalarOperand, rowCount: Int, context: EvaluationContext) -> Column {
        let v = operand.int64View()
        if v.isAllNull { return Column.nulls(.int, count: rowCount) }
        var converter = LocalTimeConverter(context.timeZone)
        let stride = v.stride
        return v.values.withUnsafeBufferPointer { p in
            ColumnMaker.int32(.int, count: rowCount, validity: operand.validity(rowCount: rowCount)) { out in
                switch field {
                case .hour:
                    for i in 0..<rowCount {
                        out[i] = Int32(floorModulo(converter.localMicros(p[i &* stride]), microsPerDay) / microsPerHour)
                    }
                case .minute:
                    for i in 0..<rowCount {
                        out[i] = Int32(floorModulo(converter.localMicros(p[i &* stride]), microsPerHour) / 60_000_000)
                    }
                default:
                    for i in 0..<rowCount {
                        out[i] = Int32(floorModulo(converter.localMicros(p[i &* stride]), 60_000_000) / 1_000_000)
                    }
                }
            }
        }
    }

    /// Date fields of dates (days since the epoch), as int.
    public static func dateField(_ field: DatetimeField, _ operand: ScalarOperand, rowCount: Int) -> Column {
        let v = operand.int32View()
        if v.isAllNull { return Column.nulls(.int, count: rowCount) }
        let stride = v.stride
        return v.values.withUnsafeBufferPointer { p in
            ColumnMaker.int32(.int, count: rowCount, validity: operand.validity(rowCount: rowCount)) { out in
                var lastDay = Int32.min
                var lastValue: Int32 = 0
                for i in 0..<rowCount {
                    let d = p[i &* stride]
                    if d != lastDay {
                        lastDay = d
                        lastValue = Int32(dateFieldValue(field, Int(d)))
                    }
                    out[i] = lastValue
                }
            }
        }
    }

    static func dateFieldValue(_ field: DatetimeField, _ days: Int) -> Int {
        switch field {
        case .year: return CivilDate.civil(fromDays: days).year
        case .month: return CivilDate.civil(fromDays: days).month
        case .quarter: return (CivilDate.civil(fromDays: days).month - 1) / 3 + 1
        case .dayOfMonth: return CivilDate.civil(fromDays: days).day
        case .dayOfWeek: return Int(floorModulo(Int64(days) + 4, 7)) + 1
        case .weekday: return Int(floorModulo(Int64(days) + 3, 7))
        case .dayOfYear:
            let year = CivilDate.civil(fromDays: days).year
            return days - CivilDate.days(year: year, month: 1, day: 1) + 1
        case .weekOfYear: return isoWeek(days)
        case .hour, .minute, .second: return 0
        }
    }

    /// ISO-8601 week number: weeks start on Monday; week 1 holds the year's first Thursday.
    static func isoWeek(_ days: Int) -> Int {
        let isoDay = Int(floorModulo(Int64(days) + 3, 7))  // 0 = Monday
        let thursday = days - isoDay + 3
        let weekYear = CivilDate.civil(fromDays: thursday).year
        let firstDay = CivilDate.days(year: weekYear, month: 1, day: 1)
        return (thursday - firstDay) / 7 + 1
    }

    /// `date_format(timestamp, pattern)` and `from_unixtime` after conversion: formats UTC
    /// microseconds in the session zone.
    public static func format(_ operand: ScalarOperand, pattern: DatetimePatternHandle, rowCount: Int, context: EvaluationContext) -> Column {
        let v = operand.int64View()
        if v.isAllNull { return Column.nulls(.string, count: rowCount) }
        var converter = LocalTimeConverter(context.timeZone)
        let zone = context.timeZone
        let compiled = pattern.pattern
        // Rows of one day share their calendar fields (and, for the default pattern, the
        // rendered date), so consecutive timestamps skip the civil-date arithmetic.
        var lastDay = Int.min
        var fields = LocalDateTimeFields()
        var datePrefix: [UInt8] = []
        let isDefault = compiled.text == DatetimePattern.defaultTimestampPattern
        return RowMapper.mapString(.string, count: rowCount, validity: operand.validity(rowCount: rowCount), byteHint: rowCount * 19) { i, out in
            let utc = v.values[i &* v.stride]
            let offset = converter.offsetSeconds(utc)
            let local = utc &+ Int64(offset) &* 1_000_000
            let day = Int(floorDivide(local, microsPerDay))
            let microsOfDay = local &- Int64(day) &* microsPerDay
            if day != lastDay {
                lastDay = day
                fields = LocalDateTimeFields(localMicros: local, offsetSeconds: offset)
                if isDefault {
                    datePrefix.removeAll(keepingCapacity: true)
                    DatetimeText.appendDate(day, to: &datePrefix)
                }
            }
            let secondsOfDay = Int(microsOfDay / 1_000_000)
            if isDefault {
                out.append(contentsOf: datePrefix)
                out.append(32)
                out.appendPadded(secondsOfDay / 3600, width: 2)
                out.append(UInt8(ascii: ":"))
                out.appendPadded(secondsOfDay / 60 % 60, width: 2)
                out.append(UInt8(ascii: ":"))
                out.appendPadded(secondsOfDay % 60, width: 2)
                return true
            }
            fields.hour = secondsOfDay / 3600
            fields.minute = secondsOfDay / 60 % 60
            fields.second = secondsOfDay % 60
            fields.micros = Int(microsOfDay % 1_000_000)
            fields.offsetSeconds = offset
            compiled.format(fields, zone: zone, into: &out)
            return true
        }
    }

    /// Parses strings with `pattern` into timestamps (`to_timestamp(s, fmt)`); a failure is
    /// `[CANNOT_PARSE_TIMESTAMP]` when `failOnError`, NULL otherwise.
    public static func parse(_ operand: ScalarOperand, pattern: DatetimePatternHandle, rowCount: Int, context: EvaluationContext, failOnError: Bool) throws -> Column {
        let v = operand.stringView()
        if v.isAllNull { return Column.nulls(.timestamp, count: rowCount) }
        let zone = context.timeZone
        let compiled = pattern.pattern
        return try RowMapper.map(.timestamp, count: rowCount, validity: operand.validity(rowCount: rowCount), as: Int64.self) { i in
            if let t = v.withBytes(i, { compiled.parse($0, zone: zone) }) { return t }
            if failOnError {
                throw FunctionErrors.cannotParseTimestamp(v.withBytes(i) { String(decoding: $0, as: UTF8.self) }, pattern: compiled.text)
            }
            return nil
        }
    }

    /// `date_add(date, n)` (`date_sub` with `subtract`).
    public static func dateAdd(_ date: ScalarOperand, _ days: ScalarOperand, subtract: Bool, rowCount: Int) throws -> Column {
        let d = date.int32View(), n = days.int32View()
        if d.isAllNull || n.isAllNull { return Column.nulls(.date, count: rowCount) }
        let validity = ValidityOps.and([date.validity(rowCount: rowCount), days.validity(rowCount: rowCount)], count: rowCount)
        return try RowMapper.map(.date, count: rowCount, validity: validity, as: Int32.self) { i in
            let x = d.values[i &* d.stride], y = n.values[i &* n.stride]
            let (r, o) = subtract ? x.subtractingReportingOverflow(y) : x.addingReportingOverflow(y)
            if o { throw FunctionErrors.overflow("integer", tryFunction: nil) }
            return r
        }
    }

    /// `datediff(end, start)`: days from `start` to `end`.
    public static func dateDiff(_ end: ScalarOperand, _ start: ScalarOperand, rowCount: Int) -> Column {
        let e = end.int32View(), s = start.int32View()
        if e.isAllNull || s.isAllNull { return Column.nulls(.int, count: rowCount) }
        let validity = ValidityOps.and([end.validity(rowCount: rowCount), start.validity(rowCount: rowCount)], count: rowCount)
        return RowMapper.map(.int, count: rowCount, validity: validity, as: Int32.self) { i in
            e.values[i &* e.stride] &- s.values[i &* s.stride]
        }
    }

    /// Seconds since the epoch of timestamps (`unix_timestamp(ts)`), rounded down.
    public static func unixSeconds(_ operand: ScalarOperand, rowCount: Int) -> Column {
        let v = operand.int64View()
        if v.isAllNull { return Column.nulls(.bigint, count: rowCount) }
        return RowMapper.map(.bigint, count: rowCount, validity: operand.validity(rowCount: rowCount), as: Int64.self) { i in
            floorDivide(v.values[i &* v.stride], 1_000_000)
        }
    }

    /// `timestamp_seconds/millis/micros` of integers: `value × unit` microseconds; overflow is
    /// `[ARITHMETIC_OVERFLOW]`.
    public static func timestampFromIntegers(_ operand: ScalarOperand, microsPerUnit: Int64, rowCount: Int) throws -> Column {
        let wide: FixedWidthView<Int64>
        if operand.type == .int {
            let narrow = operand.int32View()
            wide = FixedWidthView(values: narrow.values.map(Int64.init), stride: narrow.stride, validity: narrow.validity, isAllNull: narrow.isAllNull)
        } else {
            wide = operand.int64View()
        }
        if wide.isAllNull { return Column.nulls(.timestamp, count: rowCount) }
        return try RowMapper.map(.timestamp, count: rowCount, validity: operand.validity(rowCount: rowCount), as: Int64.self) { i in
            let (r, o) = wide.values[i &* wide.stride].multipliedReportingOverflow(by: microsPerUnit)
            if o { throw FunctionErrors.overflow("long", tryFunction: nil) }
            return r
        }
    }
}

/// A compiled datetime pattern, shareable between calls and threads.
public final class DatetimePatternHandle: Sendable {
    let pattern: DatetimePattern

    /// Compiles `text` for formatting (or, with `forParsing`, parsing).
    public init(_ text: String, forParsing: Bool) throws {
        pattern = try DatetimePattern(text, forParsing: forParsing)
    }

    public var text: String { pattern.text }
}
