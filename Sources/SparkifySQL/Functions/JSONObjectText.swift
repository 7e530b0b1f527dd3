import SparkifyTables

/// Structs are stored as JSON object text (`{"a":1,"b":"x"}`); this reads their members.
enum JSONObjectText {
    /// Each member's name and raw JSON value text (nil for `null`), in the order written, or
    /// nil if the text is not an object.
    static func rawMembers(_ text: Substring) -> [(name: String, value: Substring?)]? {
        let utf8 = text.utf8
        var i = utf8.startIndex
        func skipSpace() { while i < utf8.endIndex, utf8[i] <= 32 { i = utf8.index(after: i) } }
        skipSpace()
        guard i < utf8.endIndex, utf8[i] == UInt8(ascii: "{") else { return nil }
        i = utf8.index(after: i)
        skipSpace()
        var members: [(name: String, value: Substring?)] = []
        if i < utf8.endIndex, utf8[i] == UInt8(ascii: "}") { return members }
        while i < utf8.endIndex {
            skipSpace()
            guard i < utf8.endIndex, utf8[i] == UInt8(ascii: "\"") else { return nil }
            let keyStart = i
            i = utf8.index(after: i)
            while i < utf8.endIndex, utf8[i] != UInt8(ascii: "\"") {
                if utf8[i] == 92 { i = utf8.index(after: i) }
                if i < utf8.endIndex { i = utf8.index(after: i) }
            }
            guard i < utf8.endIndex else { return nil }
            i = utf8.index(after: i)
            let name = JSONArrayText.unquote(text[keyStart..<i])
            skipSpace()
            guard i < utf8.endIndex, utf8[i] == UInt8(ascii: ":") else { return nil }
            i = utf8.index(after: i)
            skipSpace()
            let valueStart = i
            guard let end = JSONArrayText.valueEnd(utf8, from: i) else { return nil }
            i = end
            var value = text[valueStart..<i]
            while let last = value.utf8.last, last <= 32 { value = value.dropLast() }
            members.append((name, value == "null" ? nil : value))
            guard i < utf8.endIndex else { return nil }
            if utf8[i] == UInt8(ascii: "}") { return members }
            guard utf8[i] == UInt8(ascii: ",") else { return nil }
            i = utf8.index(after: i)
        }
        return nil
    }

    /// The raw values of a struct's fields in the order of `fields` (nil when NULL or missing;
    /// Spark matches JSON members to fields by name).
    static func fieldValues(_ text: Substring, fields: [Field]) -> [Substring?] {
        let members = rawMembers(text) ?? []
        return fields.map { field in
            if let exact = members.first(where: { $0.name == field.name }) { return exact.value }
            return members.first(where: { $0.name.lowercased() == field.name.lowercased() })?.value
        }
    }
}
