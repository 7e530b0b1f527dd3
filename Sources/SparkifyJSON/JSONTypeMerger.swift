import SparkifyTables

/// Spark's JSON schema-inference rules (`JsonInferSchema.compatibleType` and
/// `canonicalizeType`) over sparkify's `DataType`.
enum JSONTypeMerger {
    /// Spark's largest decimal precision.
    static let maxPrecision = 38

    /// The type both `a` and `b` values fit: bigint+double → double, bigint+decimal →
    /// decimal, decimal+double → double, struct+struct → union of fields, array+array →
    /// merged elements, null+x → x, any other mix → string.
    static func merge(_ a: DataType, _ b: DataType) -> DataType {
        if a == b { return a }
        switch (a, b) {
        case (.null, _): return b
        case (_, .null): return a
        case (.bigint, .double), (.double, .bigint): return .double
        case (.double, .decimal), (.decimal, .double): return .double
        case let (.decimal(p1, s1), .decimal(p2, s2)):
            let scale = max(s1, s2)
            let range = max(p1 - s1, p2 - s2)
            return range + scale > maxPrecision ? .double : .decimal(precision: range + scale, scale: scale)
        case (.bigint, .decimal): return merge(.decimal(precision: 20, scale: 0), b)
        case (.decimal, .bigint): return merge(a, .decimal(precision: 20, scale: 0))
        case let (.structure(f1), .structure(f2)): return .structure(mergeFields(f1, f2))
        case let (.array(e1), .array(e2)): return .array(merge(e1, e2))
        default: return .string
        }
    }

    /// Merges two field lists sorted by name into one sorted list.
    static func mergeFields(_ f1: [Field], _ f2: [Field]) -> [Field] {
        var out: [Field] = []
        out.reserveCapacity(max(f1.count, f2.count))
        var i = 0, j = 0
        while i < f1.count, j < f2.count {
            if f1[i].name == f2[j].name {
                out.append(Field(f1[i].name, merge(f1[i].type, f2[j].type)))
                i += 1; j += 1
            } else if precedes(f1[i].name, f2[j].name) {
                out.append(f1[i]); i += 1
            } else {
                out.append(f2[j]); j += 1
            }
        }
        out.append(contentsOf: f1[i...])
        out.append(contentsOf: f2[j...])
        return out
    }

    /// Spark's field order: plain comparison of UTF-16 code units.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }

    /// Fields of one object as written (possibly repeated names), sorted and merged.
    static func structType(_ fields: [Field]) -> DataType {
        let sorted = fields.enumerated().sorted { l, r in
            l.element.name == r.element.name ? l.offset < r.offset : precedes(l.element.name, r.element.name)
        }.map(\.element)
        var out: [Field] = []
        for field in sorted {
            if let last = out.last, last.name == field.name {
                out[out.count - 1].type = merge(last.type, field.type)
            } else {
                out.append(field)
            }
        }
        return .structure(out)
    }

    /// The final form of an inferred type: NULL-only becomes string, fields with an empty
    /// name and structs without fields disappear (`nil`), as Spark's `canonicalizeType`.
    static func canonicalize(_ type: DataType) -> DataType? {
        switch type {
        case .null: return .string
        case let .array(element): return canonicalize(element).map { .array($0) }
        case let .structure(fields):
            let kept = fields.compactMap { field -> Field? in
                guard !field.name.isEmpty, let t = canonicalize(field.type) else { return nil }
                return Field(field.name, t)
            }
            return kept.isEmpty ? nil : .structure(kept)
        default: return type
        }
    }
}
