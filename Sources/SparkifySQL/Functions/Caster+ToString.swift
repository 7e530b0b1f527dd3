import SparkifyTables

extension Caster {
    /// `CAST(x AS STRING)`: Spark's string forms; timestamps in the session time zone.
    func toStringColumn() -> Column {
        let validity = column.validity
        switch column.values {
        case let .string(arena):
            if case let .array(element) = source {
                // Spark prints arrays as `[a, b, null]`: elements in their string forms.
                let view = ScalarOperand.column(column).stringView()
                return RowMapper.mapString(.string, count: count, validity: validity) { i, out in
                    view.withBytes(i) { Caster.appendArrayText($0, element: element, to: &out) }
                    return true
                }
            }
            // Decimal text, JSON of structs and strings keep their bytes.
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
            return RowMapper.mapString(.string, count: count, validity: validity, byteHint: count * 6) { i, out in
                out.appendDecimal(Int64(values[i]))
                return true
            }
        case let .int64(values):
            if case .timestamp = source {
                var converter = LocalTimeConverter(context.timeZone)
                // Consecutive rows of one day reuse the rendered date.
                var lastDay = Int64.min
                var datePrefix: [UInt8] = []
                return RowMapper.mapString(.string, count: count, validity: validity, byteHint: count * 19) { i, out in
                    let local = converter.localMicros(values[i])
                    let day = floorDivide(local, DatetimeText.microsPerDay)
                    if day != lastDay {
                        lastDay = day
                        datePrefix.removeAll(keepingCapacity: true)
                        DatetimeText.appendDate(Int(day), to: &datePrefix)
                    }
                    out.append(contentsOf: datePrefix)
                    DatetimeText.appendTime(microsOfDay: local &- day &* DatetimeText.microsPerDay, to: &out)
                    return true
                }
            }
            return RowMapper.mapString(.string, count: count, validity: validity, byteHint: count * 10) { i, out in
                out.appendDecimal(values[i])
                return true
            }
        case let .double(values):
            return RowMapper.mapString(.string, count: count, validity: validity, byteHint: count * 12) { i, out in
                out.appendString(ValueFormatter.double(values[i]))
                return true
            }
        }
    }

    /// `[a, b, null]` from an array's JSON text.
    static func appendArrayText(_ json: UnsafeBufferPointer<UInt8>, element: DataType, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (k, item) in (JSONArrayText.rawElements(json) ?? []).enumerated() {
            if k > 0 { out.append(contentsOf: [UInt8(ascii: ","), 32]) }
            guard let item else {
                out.appendString("null")
                continue
            }
            if case let .array(inner) = element {
                var copy = String(item)
                copy.withUTF8 { appendArrayText($0, element: inner, to: &out) }
            } else if element == .double, let d = Double(item) {
                out.appendString(ValueFormatter.double(d))
            } else {
                out.appendString(JSONArrayText.unquote(item))
            }
        }
        out.append(UInt8(ascii: "]"))
    }
}
