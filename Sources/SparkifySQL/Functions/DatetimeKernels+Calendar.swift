import SparkifyTables

/// Truncation and month arithmetic: `date_trunc`, `trunc`, `last_day`, `add_months`,
/// `make_date`, `unix_seconds/millis/micros`.
extension DatetimeKernels {
    /// A unit `date_trunc` / `trunc` accept (any case): YEAR/YYYY/YY, QUARTER, MONTH/MM/MON,
    /// WEEK (to Monday), DAY/DD, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND.
    public enum TruncationUnit: Sendable {
        case year, quarter, month, week, day, hour, minute, second, millisecond, microsecond

        public init?(_ text: String) {
            switch text.uppercased() {
            case "YEAR", "YYYY", "YY": self = .year
            case "QUARTER": self = .quarter
            case "MONTH", "MM", "MON": self = .month
            case "WEEK": self = .week
            case "DAY", "DD": self = .day
            case "HOUR": self = .hour
            case "MINUTE": self = .minute
            case "SECOND": self = .second
            case "MILLISECOND": self = .millisecond
            case "MICROSECOND": self = .microsecond
            default: return nil
            }
        }

        var isDateLevel: Bool { [.year, .quarter, .month, .week].contains(self) }
    }

    /// The first day of `unit` containing `days` (date-level units only).
    static func truncateDays(_ days: Int, _ unit: TruncationUnit) -> Int {
        let (y, m, _) = CivilDate.civil(fromDays: days)
        switch unit {
        case .year: return CivilDate.days(year: y, month: 1, day: 1)
        case .quarter: return CivilDate.days(year: y, month: (m - 1) / 3 * 3 + 1, day: 1)
        case .month: return CivilDate.days(year: y, month: m, day: 1)
        case .week: return days - Int(floorModulo(Int64(days) + 3, 7))
        default: return days
        }
    }

    /// `date_trunc(unit, ts)` in the session zone; an unknown unit gives NULL.
    public static func truncateTimestamps(_ operand: ScalarOperand, unit: TruncationUnit?, rowCount: Int, context: EvaluationContext) -> Column {
        let v = operand.int64View()
        guard let unit, !v.isAllNull else { return Column.nulls(.timestamp, count: rowCount) }
        var converter = LocalTimeConverter(context.timeZone)
        let zone = context.timeZone
        return RowMapper.map(.timestamp, count: rowCount, validity: operand.validity(rowCount: rowCount), as: Int64.self) { i in
            let utc = v.values[i &* v.stride]
            let local = converter.localMicros(utc)
            let step: Int64
            switch unit {
            case .microsecond: return utc
            case .millisecond: step = 1_000
            case .second: step = 1_000_000
            case .minute: step = 60_000_000
            case .hour: step = 3_600_000_000
            case .day: step = microsPerDay
            default:
                let (days, _) = CivilDate.split(micros: local)
                return zone.utcMicros(fromLocalMicros: Int64(truncateDays(days, unit)) * microsPerDay)
            }
            return zone.utcMicros(fromLocalMicros: local - floorModulo(local, step))
        }
    }

    /// `trunc(date, unit)`: year, quarter, month or week; other units give NULL.
    public static func truncateDates(_ operand: ScalarOperand, unit: TruncationUnit?, rowCount: Int) -> Column {
        let v = operand.int32View()
        guard let unit, unit.isDateLevel, !v.isAllNull else { return Column.nulls(.date, count: rowCount) }
        return RowMapper.map(.date, count: rowCount, validity: operand.validity(rowCount: rowCount), as: Int32.self) { i in
            Int32(truncatingIfNeeded: truncateDays(Int(v.values[i &* v.stride]), unit))
        }
    }

    /// `last_day(date)`.
    public static func lastDay(_ operand: ScalarOperand, rowCount: Int) -> Column {
        let v = operand.int32View()
        if v.isAllNull { return Column.nulls(.date, count: rowCount) }
        return RowMapper.map(.date, count: rowCount, validity: operand.validity(rowCount: rowCount), as: Int32.self) { i in
            let (y, m, _) = CivilDate.civil(fromDays: Int(v.values[i &* v.stride]))
            return Int32(truncatingIfNeeded: CivilDate.days(year: y, month: m, day: DatetimeText.daysInMonth(y, m)))
        }
    }

    /// `add_months(date, n)`: the day clamps to the end of a shorter month.
    public static func addMonths(_ date: ScalarOperand, _ months: ScalarOperand, rowCount: Int) -> Column {
        let d = date.int32View(), n = months.int32View()
        if d.isAllNull || n.isAllNull { return Column.nulls(.date, count: rowCount) }
        let validity = ValidityOps.and([date.validity(rowCount: rowCount), months.validity(rowCount: rowCount)], count: rowCount)
        return RowMapper.map(.date, count: rowCount, validity: validity, as: Int32.self) { i in
            let (y, m, day) = CivilDate.civil(fromDays: Int(d.values[i &* d.stride]))
            let total = y * 12 + (m - 1) + Int(n.values[i &* n.stride])
            let year = Int(floorDivide(Int64(total), 12)), month = Int(floorModulo(Int64(total), 12)) + 1
            return Int32(truncatingIfNeeded: CivilDate.days(year: year, month: month, day: min(day, DatetimeText.daysInMonth(year, month))))
        }
    }

    /// `make_date(y, m, d)`: an impossible date is `[DATETIME_FIELD_OUT_OF_BOUNDS]` under ANSI,
    /// NULL otherwise.
    public static func makeDate(_ year: ScalarOperand, _ month: ScalarOperand, _ day: ScalarOperand, rowCount: Int, failOnError: Bool) throws -> Column {
        let y = year.int32View(), m = month.int32View(), d = day.int32View()
        if y.isAllNull || m.isAllNull || d.isAllNull { return Column.nulls(.date, count: rowCount) }
        let validity = ValidityOps.and([year.validity(rowCount: rowCount), month.validity(rowCount: rowCount), day.validity(rowCount: rowCount)], count: rowCount)
        return try RowMapper.map(.date, count: rowCount, validity: validity, as: Int32.self) { i in
            let yy = Int(y.values[i &* y.stride]), mm = Int(m.values[i &* m.stride]), dd = Int(d.values[i &* d.stride])
            guard (1...12).contains(mm), dd >= 1, dd <= DatetimeText.daysInMonth(yy, mm), (-290_000...290_000).contains(yy) else {
                if failOnError {
                    throw SQLError(.execution, "Invalid date: year \(yy), month \(mm), day \(dd). " + FunctionErrors.ansiHint, errorClass: "DATETIME_FIELD_OUT_OF_BOUNDS")
                }
                return nil
            }
            return Int32(truncatingIfNeeded: CivilDate.days(year: yy, month: mm, day: dd))
        }
    }

    /// `unix_seconds` / `unix_millis` / `unix_micros`: the timestamp in that unit, rounded down.
    public static func unixTime(_ operand: ScalarOperand, microsPerUnit: Int64, rowCount: Int) -> Column {
        let v = operand.int64View()
        if v.isAllNull { return Column.nulls(.bigint, count: rowCount) }
        return RowMapper.map(.bigint, count: rowCount, validity: operand.validity(rowCount: rowCount), as: Int64.self) { i in
            floorDivide(v.values[i &* v.stride], microsPerUnit)
        }
    }
}
