import SparkifyTables

extension Caster {
    /// `CAST(x AS STRING)`: Spark's string forms; timestamps in the session time zone.
    func toStringColumn() -> Column {
        let validity = column.validity
        switch column.values {
        case let .string(arena):
            // Decimal text, JSON of arrays/structs and strings keep their bytes.
            return Column(type: .string, values: .string(arena), validity: validity)
        case let .boolean(values):
            return RowMapper.mapString(.string, count: count, validity: validity) { i, out in
                out.appendString(values[i] ? "true" : "false")
                return true
            }
        case let .int32(values):
            if case .date = source {
                return RowMapper.mapString(.string, count: count, validity: validity, byteHint: count * 10) { i, out in
                    DatetimeText.appendDate(Int(values[i]), to: &out)
                    return true
                }
            }
            return RowMapper.mapString(.string, count: count, validity: validity) { i, out in
                out.appendDecimal(Int64(values[i]))
                return true
            }
        case let .int64(values):
            if case .timestamp = source {
                var converter = LocalTimeConverter(context.timeZone)
                return RowMapper.mapString(.string, count: count, validity: validity, byteHint: count * 19) { i, out in
                    DatetimeText.appendTimestamp(localMicros: converter.localMicros(values[i]), to: &out)
                    return true
                }
            }
            return RowMapper.mapString(.string, count: count, validity: validity) { i, out in
                out.appendDecimal(values[i])
                return true
            }
        case let .double(values):
            return RowMapper.mapString(.string, count: count, validity: validity) { i, out in
                out.appendString(ValueFormatter.double(values[i]))
                return true
            }
        }
    }
}
