import SparkifyTables

extension Caster {
    func toDate() throws -> Column {
        let validity = column.validity
        switch (source, column.values) {
        case let (.string, .string(arena)):
            return try RowMapper.map(.date, count: count, validity: validity, as: Int32.self) { i in
                if let d = arena.withBytes(at: i, DatetimeText.parseDate) { return d }
                return try invalid(i)
            }
        case let (.timestamp, .int64(values)):
            var converter = LocalTimeConverter(context.timeZone)
            return RowMapper.map(.date, count: count, validity: validity, as: Int32.self) { i in
                Int32(truncatingIfNeeded: floorDivide(converter.localMicros(values[i]), DatetimeText.microsPerDay))
            }
        default:
            throw unsupported()
        }
    }

    func toTimestamp() throws -> Column {
        let validity = column.validity
        let zone = context.timeZone
        switch (source, column.values) {
        case let (.string, .string(arena)):
            return try RowMapper.map(.timestamp, count: count, validity: validity, as: Int64.self) { i in
                if let t = arena.withBytes(at: i, { DatetimeText.parseTimestamp($0, zone: zone) }) { return t }
                return try invalid(i)
            }
        case let (.date, .int32(values)):
            return RowMapper.map(.timestamp, count: count, validity: validity, as: Int64.self) { i in
                zone.utcMicros(fromLocalMicros: Int64(values[i]) * DatetimeText.microsPerDay)
            }
        case let (.int, .int32(values)):
            return RowMapper.map(.timestamp, count: count, validity: validity, as: Int64.self) { Int64(values[$0]) * 1_000_000 }
        case let (.bigint, .int64(values)):
            return RowMapper.map(.timestamp, count: count, validity: validity, as: Int64.self) { i in
                let (m, o) = values[i].multipliedReportingOverflow(by: 1_000_000)
                return o ? (values[i] < 0 ? Int64.min : Int64.max) : m
            }
        case let (.double, .double(values)):
            return try RowMapper.map(.timestamp, count: count, validity: validity, as: Int64.self) { i in
                let d = values[i]
                guard d.isFinite else { return try invalid(i) }
                let micros = (d * 1_000_000).rounded(.towardZero)
                if micros >= 9.223372036854775807e18 { return Int64.max }
                if micros <= -9.223372036854775808e18 { return Int64.min }
                return Int64(micros)
            }
        case let (.decimal, .string(arena)):
            return try RowMapper.map(.timestamp, count: count, validity: validity, as: Int64.self) { i in
                guard let d = arena.withBytes(at: i, DecimalNumber.parse) else { return try invalid(i) }
                let shifted = DecimalNumber(unscaled: d.unscaled, scale: d.scale - 6)
                if let v = shifted.truncatedInt64 { return v }
                return try overflow(i)
            }
        default:
            throw unsupported()
        }
    }
}
