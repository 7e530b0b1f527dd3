/// Arrays are stored as JSON text (`["a","b"]`, `[1,2]`); this reads their top-level elements.
enum JSONArrayText {
    /// Each element's raw JSON text (nil for `null`), or nil if the text is not an array.
    static func rawElements(_ bytes: UnsafeBufferPointer<UInt8>) -> [Substring?]? {
        let text = String(decoding: bytes, as: UTF8.self)
        var elements: [Substring?] = []
        let scalars = text.utf8
        var i = scalars.startIndex
        func skipSpace() { while i < scalars.endIndex, scalars[i] <= 32 { i = scalars.index(after: i) } }
        skipSpace()
        guard i < scalars.endIndex, scalars[i] == UInt8(ascii: "[") else { return nil }
        i = scalars.index(after: i)
        skipSpace()
        if i < scalars.endIndex, scalars[i] == UInt8(ascii: "]") { return [] }
        while i < scalars.endIndex {
            skipSpace()
            let start = i
            var depth = 0
            var inString = false
            while i < scalars.endIndex {
                let c = scalars[i]
                if inString {
                    if c == 92 { i = scalars.index(after: i) } else if c == UInt8(ascii: "\"") { inString = false }
                } else if c == UInt8(ascii: "\"") {
                    inString = true
                } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                    depth += 1
                } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                    if depth == 0 { break }
                    depth -= 1
                } else if c == UInt8(ascii: ","), depth == 0 {
                    break
                }
                if i < scalars.endIndex { i = scalars.index(after: i) }
            }
            guard i <= scalars.endIndex else { return nil }
            var element = text[start..<i]
            while let last = element.utf8.last, last <= 32 { element = element.dropLast() }
            elements.append(element == "null" ? nil : element)
            guard i < scalars.endIndex else { return nil }
            if scalars[i] == UInt8(ascii: "]") { return elements }
            i = scalars.index(after: i)
        }
        return nil
    }

    /// The elements as Spark shows them as strings: JSON strings unescaped, others raw.
    static func strings(_ bytes: UnsafeBufferPointer<UInt8>) -> [String?] {
        (rawElements(bytes) ?? []).map { $0.map(unquote) }
    }

    /// A JSON string literal's value; other JSON text unchanged.
    static func unquote(_ raw: Substring) -> String {
        guard raw.first == "\"", raw.last == "\"", raw.count >= 2 else { return String(raw) }
        var out = ""
        var iterator = raw.dropFirst().dropLast().unicodeScalars.makeIterator()
        while let c = iterator.next() {
            guard c == "\\", let e = iterator.next() else { out.unicodeScalars.append(c); continue }
            switch e {
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "b": out += "\u{8}"
            case "f": out += "\u{C}"
            case "u":
                var hex = ""
                for _ in 0..<4 { if let h = iterator.next() { hex.unicodeScalars.append(h) } }
                if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) { out.unicodeScalars.append(scalar) }
            default: out.unicodeScalars.append(e)
            }
        }
        return out
    }
}

extension JSONArrayText {
    /// The index just past the JSON value starting at `start` (at the `,`, `]` or `}` that ends
    /// it, or the end of the text).
    static func valueEnd(_ utf8: Substring.UTF8View, from start: Substring.UTF8View.Index) -> Substring.UTF8View.Index? {
        var i = start
        var depth = 0
        var inString = false
        while i < utf8.endIndex {
            let c = utf8[i]
            if inString {
                if c == 92 {
                    i = utf8.index(after: i)
                    if i == utf8.endIndex { return nil }
                } else if c == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                depth += 1
            } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                if depth == 0 { return i }
                depth -= 1
            } else if c == UInt8(ascii: ","), depth == 0 {
                return i
            }
            i = utf8.index(after: i)
        }
        return inString ? nil : i
    }
}

extension JSONArrayText {
    /// The byte ranges of the top-level elements of the JSON array in `bytes` (a `null`
    /// element included as its 4 bytes), into `slices`; false if the text is not an array.
    /// Allocation-free for hot loops (`arr[i]` over a column).
    static func elementSlices(_ bytes: UnsafeBufferPointer<UInt8>, into slices: inout [Range<Int>]) -> Bool {
        slices.removeAll(keepingCapacity: true)
        var i = 0
        let n = bytes.count
        func skipSpace() { while i < n, bytes[i] <= 32 { i += 1 } }
        skipSpace()
        guard i < n, bytes[i] == UInt8(ascii: "[") else { return false }
        i += 1
        skipSpace()
        if i < n, bytes[i] == UInt8(ascii: "]") { return true }
        while i < n {
            skipSpace()
            let start = i
            var depth = 0
            var inString = false
            scan: while i < n {
                let c = bytes[i]
                if inString {
                    if c == 92 { i += 1 } else if c == 34 { inString = false }
                } else {
                    switch c {
                    case 34: inString = true
                    case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                    case UInt8(ascii: "]"), UInt8(ascii: "}"):
                        if depth == 0 { break scan }
                        depth -= 1
                    case UInt8(ascii: ","): if depth == 0 { break scan }
                    default: break
                    }
                }
                i += 1
            }
            guard i < n else { return false }
            var end = i
            while end > start, bytes[end - 1] <= 32 { end -= 1 }
            slices.append(start..<end)
            if bytes[i] == UInt8(ascii: "]") { return true }
            i += 1
        }
        return false
    }

    /// Whether `slice` of `bytes` is the JSON literal `null`.
    static func isNull(_ bytes: UnsafeBufferPointer<UInt8>, _ slice: Range<Int>) -> Bool {
        slice.count == 4 && bytes[slice.lowerBound] == UInt8(ascii: "n") && bytes[slice.lowerBound + 1] == UInt8(ascii: "u")
    }

    /// Appends the value of the JSON string literal at `slice` (escapes decoded), or its raw
    /// bytes when it is not a quoted string.
    static func appendUnquoted(_ bytes: UnsafeBufferPointer<UInt8>, _ slice: Range<Int>, to out: inout [UInt8]) {
        guard slice.count >= 2, bytes[slice.lowerBound] == 34, bytes[slice.upperBound - 1] == 34 else {
            out.append(contentsOf: bytes[slice])
            return
        }
        var i = slice.lowerBound + 1
        let end = slice.upperBound - 1
        while i < end {
            let c = bytes[i]
            guard c == 92, i + 1 < end else {
                out.append(c)
                i += 1
                continue
            }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "u"):
                guard var code = hex4(bytes, i, end) else { out.append(e); continue }
                i += 4
                if (0xD800...0xDBFF).contains(code), i + 5 < end, bytes[i] == 92, bytes[i + 1] == UInt8(ascii: "u"),
                   let low = hex4(bytes, i + 2, end), (0xDC00...0xDFFF).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: out.append(e)
            }
        }
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> UInt32? {
        guard at + 4 <= end else { return nil }
        var value: UInt32 = 0
        for k in at..<(at + 4) {
            let b = bytes[k]
            let digit: UInt32
            switch b {
            case 48...57: digit = UInt32(b - 48)
            case 65...70: digit = UInt32(b - 55)
            case 97...102: digit = UInt32(b - 87)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
