import SparkifyTables

/// The order Spark sorts values stored as JSON text in (array elements, struct fields).
enum NestedOrder {
    /// -1, 0 or 1 comparing the non-NULL raw JSON values `a` and `b` of type `type`.
    static func compare(_ a: Substring, _ b: Substring, type: DataType) -> Int {
        switch type {
        case .int, .bigint:
            return compareOrdered(Int64(a) ?? 0, Int64(b) ?? 0)
        case .double:
            return ComparisonKernels.compareDoubles(Double(JSONArrayText.unquote(a)) ?? .nan, Double(JSONArrayText.unquote(b)) ?? .nan)
        case .decimal:
            guard let x = DecimalNumber.parse(String(a)), let y = DecimalNumber.parse(String(b)) else { return compareText(a, b) }
            return ComparisonKernels.compareDecimals(x, y)
        case .boolean:
            return compareOrdered(a == "true" ? 1 : 0, b == "true" ? 1 : 0)
        case let .array(element):
            var x = String(a), y = String(b)
            let left = x.withUTF8 { JSONArrayText.rawElements($0) } ?? []
            let right = y.withUTF8 { JSONArrayText.rawElements($0) } ?? []
            return compareSequences(left, right, types: Array(repeating: element, count: max(left.count, right.count)))
        case let .structure(fields):
            let left = JSONObjectText.fieldValues(a, fields: fields), right = JSONObjectText.fieldValues(b, fields: fields)
            return compareSequences(left, right, types: fields.map(\.type))
        default:
            // Strings, dates and timestamps (quoted ISO text) compare by their unquoted bytes.
            return compareText(Substring(JSONArrayText.unquote(a)), Substring(JSONArrayText.unquote(b)))
        }
    }

    /// Element by element (NULL first), then the shorter first.
    private static func compareSequences(_ left: [Substring?], _ right: [Substring?], types: [DataType]) -> Int {
        for k in 0..<min(left.count, right.count) {
            switch (left[k], right[k]) {
            case (nil, nil): continue
            case (nil, _): return -1
            case (_, nil): return 1
            case let (x?, y?):
                let order = compare(x, y, type: types[k])
                if order != 0 { return order }
            }
        }
        return compareOrdered(left.count, right.count)
    }

    private static func compareText(_ a: Substring, _ b: Substring) -> Int {
        var x = String(a), y = String(b)
        return x.withUTF8 { xb in y.withUTF8 { yb in ComparisonKernels.compareBytes(xb, yb) } }
    }

    private static func compareOrdered<T: Comparable>(_ a: T, _ b: T) -> Int {
        a < b ? -1 : (a == b ? 0 : 1)
    }
}
