import SparkifyTables

extension StringKernels {
    /// The largest string a function builds (1 GiB), beyond which it fails instead of
    /// exhausting memory.
    static let maxResultBytes = 1 << 30

    static func tooLong(_ function: String) -> SQLError {
        SQLError(.execution, "The result of \(function) would exceed \(maxResultBytes) bytes.")
    }

    /// `instr(str, substr)`: 1-based character position of the first match, 0 if none.
    public static func instr(_ operand: ScalarOperand, _ search: ScalarOperand, rowCount: Int) -> Column {
        locate(search, operand, start: nil, rowCount: rowCount)
    }

    /// `locate(substr, str[, pos])`: like `instr`, searching from character `pos` (1-based);
    /// `pos` < 1 gives 0.
    public static func locate(_ search: ScalarOperand, _ operand: ScalarOperand, start: ScalarOperand?, rowCount: Int) -> Column {
        let v = operand.stringView(), s = search.stringView()
        let p = start?.int32View()
        if v.isAllNull || s.isAllNull { return Column.nulls(.int, count: rowCount) }
        let validity = ValidityOps.and([operand.validity(rowCount: rowCount), search.validity(rowCount: rowCount)], count: rowCount)
        return RowMapper.map(.int, count: rowCount, validity: validity, as: Int32.self) { i in
            let from: Int
            if let p {
                if p.isAllNull || !(start?.validity(rowCount: rowCount)?.isValid(i) ?? true) { return 0 }
                from = Int(p.values[i &* p.stride])
                if from < 1 { return 0 }
            } else {
                from = 1
            }
            return v.withBytes(i) { hay in
                s.withBytes(i) { needle in
                    let startByte = UTF8Text.byteOffset(hay, character: from - 1)
                    if from - 1 > UTF8Text.characterCount(hay) { return 0 }
                    guard let at = UTF8Text.find(needle, in: hay, from: startByte) else { return 0 }
                    return Int32(UTF8Text.characterIndex(hay, byteOffset: at) + 1)
                }
            }
        }
    }

    /// `replace(str, search[, replacement])`: every occurrence; an empty search changes nothing.
    public static func replace(_ operand: ScalarOperand, _ search: ScalarOperand, _ replacement: ScalarOperand?, rowCount: Int) -> Column {
        let v = operand.stringView(), s = search.stringView()
        let r = replacement?.stringView()
        if v.isAllNull || s.isAllNull || (r?.isAllNull ?? false) { return Column.nulls(.string, count: rowCount) }
        let validity = ValidityOps.and([operand.validity(rowCount: rowCount), search.validity(rowCount: rowCount), replacement?.validity(rowCount: rowCount)], count: rowCount)
        return RowMapper.mapString(.string, count: rowCount, validity: validity) { i, out in
            v.withBytes(i) { hay in
                s.withBytes(i) { needle in
                    if needle.isEmpty {
                        out.append(contentsOf: hay)
                        return
                    }
                    var from = 0
                    while let at = UTF8Text.find(needle, in: hay, from: from) {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: hay[from..<at]))
                        r?.withBytes(i) { out.append(contentsOf: $0) }
                        from = at + needle.count
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: hay[from...]))
                }
            }
            return true
        }
    }

    /// `lpad(str, len[, pad])` / `rpad`: pads with `pad` (default a space) or truncates to
    /// `len` characters; `len` < 1 gives ''.
    public static func pad(_ operand: ScalarOperand, length: ScalarOperand, padding: ScalarOperand?, left: Bool, rowCount: Int) throws -> Column {
        let v = operand.stringView(), l = length.int32View()
        let p = padding?.stringView()
        if v.isAllNull || l.isAllNull || (p?.isAllNull ?? false) { return Column.nulls(.string, count: rowCount) }
        let validity = ValidityOps.and([operand.validity(rowCount: rowCount), length.validity(rowCount: rowCount), padding?.validity(rowCount: rowCount)], count: rowCount)
        return try RowMapper.mapString(.string, count: rowCount, validity: validity) { i, out in
            let target = max(Int(l.values[i &* l.stride]), 0)
            if target * 4 > StringKernels.maxResultBytes { throw StringKernels.tooLong(left ? "lpad" : "rpad") }
            v.withBytes(i) { bytes in
                let chars = UTF8Text.characterCount(bytes)
                let padBytes: [UInt8] = p.map { view in view.withBytes(i) { Array($0) } } ?? [32]
                if chars >= target || padBytes.isEmpty {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<UTF8Text.byteOffset(bytes, character: target)]))
                    return
                }
                var filler: [UInt8] = []
                let padChars = padBytes.withUnsafeBufferPointer(UTF8Text.characterCount)
                var needed = target - chars
                while needed > 0 {
                    if needed >= padChars {
                        filler.append(contentsOf: padBytes)
                        needed -= padChars
                    } else {
                        padBytes.withUnsafeBufferPointer { filler.append(contentsOf: $0[..<UTF8Text.byteOffset($0, character: needed)]) }
                        needed = 0
                    }
                }
                if left { out.append(contentsOf: filler) }
                out.append(contentsOf: bytes)
                if !left { out.append(contentsOf: filler) }
            }
            return true
        }
    }

    /// `initcap`: lower-cases, then upper-cases the first letter of each space-separated word.
    public static func initcap(_ operand: ScalarOperand, rowCount: Int) -> Column {
        let v = operand.stringView()
        if v.isAllNull { return Column.nulls(.string, count: rowCount) }
        return RowMapper.mapString(.string, count: rowCount, validity: operand.validity(rowCount: rowCount)) { i, out in
            v.withBytes(i) { bytes in
                if UTF8Text.isASCII(bytes) {
                    var afterSpace = true
                    for b in bytes {
                        let lowered = b >= 65 && b <= 90 ? b + 32 : b
                        out.append(afterSpace && lowered >= 97 && lowered <= 122 ? lowered - 32 : lowered)
                        afterSpace = b == 32
                    }
                    return
                }
                var afterSpace = true
                var text = ""
                for ch in String(decoding: bytes, as: UTF8.self).lowercased() {
                    text += afterSpace ? String(ch).uppercased() : String(ch)
                    afterSpace = ch == " "
                }
                out.append(contentsOf: text.utf8)
            }
            return true
        }
    }

    /// `reverse` of a string, by characters.
    public static func reverse(_ operand: ScalarOperand, rowCount: Int) -> Column {
        let v = operand.stringView()
        if v.isAllNull { return Column.nulls(.string, count: rowCount) }
        return RowMapper.mapString(.string, count: rowCount, validity: operand.validity(rowCount: rowCount)) { i, out in
            v.withBytes(i) { bytes in
                var end = bytes.count
                var k = bytes.count - 1
                while k >= 0 {
                    if !UTF8Text.isContinuation(bytes[k]) {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[k..<end]))
                        end = k
                    }
                    k -= 1
                }
            }
            return true
        }
    }

    /// `repeat(str, n)`: '' for n < 1.
    public static func repeatString(_ operand: ScalarOperand, times: ScalarOperand, rowCount: Int) throws -> Column {
        let v = operand.stringView(), n = times.int32View()
        if v.isAllNull || n.isAllNull { return Column.nulls(.string, count: rowCount) }
        let validity = ValidityOps.and([operand.validity(rowCount: rowCount), times.validity(rowCount: rowCount)], count: rowCount)
        return try RowMapper.mapString(.string, count: rowCount, validity: validity) { i, out in
            let count = Int(n.values[i &* n.stride])
            try v.withBytes(i) { bytes in
                guard count > 0 else { return }
                if count * bytes.count > StringKernels.maxResultBytes { throw StringKernels.tooLong("repeat") }
                for _ in 0..<count { out.append(contentsOf: bytes) }
            }
            return true
        }
    }
}
