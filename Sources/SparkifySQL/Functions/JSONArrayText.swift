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
