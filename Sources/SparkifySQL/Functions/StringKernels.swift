import SparkifyTables

/// String functions over whole columns, on UTF-8 bytes.
public enum StringKernels {
    /// `lower` / `upper`.
    public static func changeCase(_ operand: ScalarOperand, upper: Bool, rowCount: Int) -> Column {
        let v = operand.stringView()
        if v.isAllNull { return Column.nulls(.string, count: rowCount) }
        return RowMapper.mapString(.string, count: rowCount, validity: operand.validity(rowCount: rowCount), byteHint: v.arena.bytes.count) { i, out in
            v.withBytes(i) { UTF8Text.appendCaseMapped($0, upper: upper, to: &out) }
            return true
        }
    }

    /// `length` / `char_length`: characters (code points).
    public static func length(_ operand: ScalarOperand, rowCount: Int) -> Column {
        let v = operand.stringView()
        if v.isAllNull { return Column.nulls(.int, count: rowCount) }
        return RowMapper.map(.int, count: rowCount, validity: operand.validity(rowCount: rowCount), as: Int32.self) { i in
            Int32(v.withBytes(i, UTF8Text.characterCount))
        }
    }

    public enum TrimSide: Sendable { case both, leading, trailing }

    /// `trim` / `ltrim` / `rtrim`: removes spaces (only U+0020, as Spark), or with `characters`
    /// any of those characters.
    public static func trim(_ operand: ScalarOperand, characters: ScalarOperand?, side: TrimSide, rowCount: Int) -> Column {
        let v = operand.stringView()
        let set = characters?.stringView()
        if v.isAllNull || (set?.isAllNull ?? false) { return Column.nulls(.string, count: rowCount) }
        let validity = ValidityOps.and([operand.validity(rowCount: rowCount), characters?.validity(rowCount: rowCount)], count: rowCount)
        return RowMapper.mapString(.string, count: rowCount, validity: validity) { i, out in
            v.withBytes(i) { bytes in
                var start = 0, end = bytes.count
                if let set {
                    let trimChars = set.withBytes(i) { Array(String(decoding: $0, as: UTF8.self).unicodeScalars) }
                    let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
                    var s = 0, e = scalars.count
                    if side != .trailing { while s < e, trimChars.contains(scalars[s]) { s += 1 } }
                    if side != .leading { while e > s, trimChars.contains(scalars[e - 1]) { e -= 1 } }
                    var text = String.UnicodeScalarView()
                    text.append(contentsOf: scalars[s..<e])
                    out.append(contentsOf: String(text).utf8)
                    return
                }
                if side != .trailing { while start < end, bytes[start] == 32 { start += 1 } }
                if side != .leading { while end > start, bytes[end - 1] == 32 { end -= 1 } }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
            return true
        }
    }

    /// `substring(str, pos[, len])` with Spark's rules: 1-based, 0 acts as 1, negative counts
    /// from the end.
    public static func substring(_ operand: ScalarOperand, position: ScalarOperand, length: ScalarOperand?, rowCount: Int) -> Column {
        let v = operand.stringView(), p = position.int32View()
        let l = length?.int32View()
        if v.isAllNull || p.isAllNull || (l?.isAllNull ?? false) { return Column.nulls(.string, count: rowCount) }
        let validity = ValidityOps.and([operand.validity(rowCount: rowCount), position.validity(rowCount: rowCount), length?.validity(rowCount: rowCount)], count: rowCount)
        return RowMapper.mapString(.string, count: rowCount, validity: validity) { i, out in
            let pos = Int(p.values[i &* p.stride])
            let len = l.map { Int($0.values[i &* $0.stride]) } ?? Int(Int32.max)
            v.withBytes(i) { bytes in
                let ascii = UTF8Text.isASCII(bytes)
                let total = ascii ? bytes.count : UTF8Text.characterCount(bytes)
                var start = pos > 0 ? pos - 1 : (pos < 0 ? total + pos : 0)
                let end = min(start + len, total)
                start = max(start, 0)
                guard start < end else { return }
                let from = ascii ? start : UTF8Text.byteOffset(bytes, character: start)
                let to = ascii ? end : UTF8Text.byteOffset(bytes, character: end)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<to]))
            }
            return true
        }
    }

    /// `concat(a, b, ...)`: NULL if any argument is NULL.
    public static func concat(_ operands: [ScalarOperand], rowCount: Int) -> Column {
        let views = operands.map { $0.stringView() }
        if views.contains(where: \.isAllNull) { return Column.nulls(.string, count: rowCount) }
        let validity = ValidityOps.and(operands.map { $0.validity(rowCount: rowCount) }, count: rowCount)
        return RowMapper.mapString(.string, count: rowCount, validity: validity) { i, out in
            for view in views { view.withBytes(i) { out.append(contentsOf: $0) } }
            return true
        }
    }

    /// `concat_ws(sep, ...)`: NULL arguments are skipped; arrays (JSON text) add their elements.
    public static func concatWithSeparator(_ separator: ScalarOperand, _ operands: [ScalarOperand], rowCount: Int) -> Column {
        let sep = separator.stringView()
        if sep.isAllNull { return Column.nulls(.string, count: rowCount) }
        let views = operands.map { ($0.stringView(), $0.validity(rowCount: rowCount), $0.type) }
        return RowMapper.mapString(.string, count: rowCount, validity: separator.validity(rowCount: rowCount)) { i, out in
            var first = true
            for (view, validity, type) in views {
                if view.isAllNull || !(validity?.isValid(i) ?? true) { continue }
                if case .array = type {
                    let items = view.withBytes(i) { JSONArrayText.strings($0) }
                    for case let item? in items {
                        if !first { sep.withBytes(i) { out.append(contentsOf: $0) } }
                        out.append(contentsOf: item.utf8)
                        first = false
                    }
                    continue
                }
                if !first { sep.withBytes(i) { out.append(contentsOf: $0) } }
                view.withBytes(i) { out.append(contentsOf: $0) }
                first = false
            }
            return true
        }
    }
}
