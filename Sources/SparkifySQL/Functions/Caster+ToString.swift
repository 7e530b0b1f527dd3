import SparkifyTables

extension Caster {
    /// `CAST(x AS STRING)`: Spark's string forms; timestamps in the session time zone.
    func toStringColumn() -> Column {
        let validity = column.validity
        switch column.values {
        case let .string(arena):
            if source.isNested {
                // Spark prints arrays as `[a, b, null]` and structs as `{1, x}`: the elements
                // and fields in their own string forms.
                let view = ScalarOperand.column(column).stringView()
                let type = source
                return RowMapper.mapString(.string, count: count, validity: validity) { i, out in
                    view.withBytes(i) { Caster.appendNestedText(Substring(decoding: $0, as: UTF8.self), type: type, to: &out) }
                    return true
                }
            }
            // Decimal text and strings keep their bytes.
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

    /// Spark's string form of one nested value stored as JSON text `raw` of type `type`:
    /// `[a, b, null]` for arrays, `{1, x}` for structs, scalars as `CAST(x AS STRING)` shows them.
    static func appendNestedText(_ raw: Substring, type: DataType, to out: inout [UInt8]) {
        switch type {
        case let .array(element):
            out.append(UInt8(ascii: "["))
            var copy = String(raw)
            let items = copy.withUTF8 { JSONArrayText.rawElements($0) } ?? []
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(contentsOf: [UInt8(ascii: ","), 32]) }
                appendNestedElement(item, type: element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .structure(fields):
            out.append(UInt8(ascii: "{"))
            for (k, (item, field)) in zip(JSONObjectText.fieldValues(raw, fields: fields), fields).enumerated() {
                if k > 0 { out.append(contentsOf: [UInt8(ascii: ","), 32]) }
                appendNestedElement(item, type: field.type, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .double:
            let text = JSONArrayText.unquote(raw)
            if let d = Double(text) { out.appendString(ValueFormatter.double(d)) } else { out.appendString(text) }
        default:
            out.appendString(JSONArrayText.unquote(raw))
        }
    }

    /// One element or field: `null` for NULL (lowercase, as Spark prints it inside values).
    private static func appendNestedElement(_ raw: Substring?, type: DataType, to out: inout [UInt8]) {
        guard let raw else {
            out.appendString("null")
            return
        }
        appendNestedText(raw, type: type, to: &out)
    }
}
