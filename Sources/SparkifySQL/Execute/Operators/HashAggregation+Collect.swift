import SparkifyTables

/// `collect_list` / `collect_set`: arrays rendered as JSON text (`["a","b"]`, `[1,2]`).
extension HashAggregation {
    /// Per group, its non-NULL values in row order as a JSON array (`[]` for none).
    static func collect(_ groups: GroupRows, _ argument: Column, type: DataType) -> Column {
        let n = groups.groupCount
        var texts = [[UInt8]](repeating: [UInt8(ascii: "[")], count: n)
        for i in 0..<groups.rowCount where !argument.isNull(i) {
            let g = Int(groups.groupIds[i])
            if texts[g].count > 1 { texts[g].append(UInt8(ascii: ",")) }
            JSONText.append(argument, row: i, to: &texts[g])
        }
        var arena = StringArena()
        for g in 0..<n {
            texts[g].append(UInt8(ascii: "]"))
            texts[g].withUnsafeBufferPointer { arena.append($0) }
        }
        return Column(type: type, values: .string(arena))
    }
}

/// JSON text of single values, for arrays built by aggregates.
enum JSONText {
    /// Appends the JSON form of row `row` of `column` (non-NULL) to `out`: numbers and
    /// booleans bare, strings, dates and timestamps quoted, nested values as their JSON text.
    static func append(_ column: Column, row: Int, to out: inout [UInt8]) {
        switch (column.type, column.values) {
        case let (.boolean, .boolean(v)): out.append(contentsOf: (v[row] ? "true" : "false").utf8)
        case let (.date, .int32(v)): appendQuoted(ValueFormatter.date(v[row]), to: &out)
        case let (_, .int32(v)): out.append(contentsOf: String(v[row]).utf8)
        case let (.timestamp, .int64(v)): appendQuoted(ValueFormatter.timestamp(v[row]), to: &out)
        case let (_, .int64(v)): out.append(contentsOf: String(v[row]).utf8)
        case let (_, .double(v)):
            let d = v[row]
            if d.isFinite {
                out.append(contentsOf: ValueFormatter.double(d).utf8)
            } else {
                appendQuoted(ValueFormatter.double(d), to: &out)
            }
        case let (.decimal, .string(a)), let (.array, .string(a)), let (.structure, .string(a)):
            a.withBytes(at: row) { out.append(contentsOf: $0) }
        case let (_, .string(a)):
            a.withBytes(at: row) { appendQuoted($0, to: &out) }
        default:
            out.append(contentsOf: "null".utf8)
        }
    }

    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        var s = text
        s.withUTF8 { appendQuoted($0, to: &out) }
    }

    /// `bytes` as a JSON string literal, escaping quotes, backslashes and control characters.
    static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
            case 10: out.append(contentsOf: [92, UInt8(ascii: "n")])
            case 13: out.append(contentsOf: [92, UInt8(ascii: "r")])
            case 9: out.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<32:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
