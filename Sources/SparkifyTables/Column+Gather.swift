extension Column {
    /// The rows at `indices`, in that order. An index of `-1` gives NULL (outer joins).
    public func gather(_ indices: [Int]) -> Column {
        indices.withUnsafeBufferPointer { gather($0) }
    }

    public func gather(_ indices: UnsafeBufferPointer<Int>) -> Column {
        // One tight loop per storage type; a negative index gives NULL (its slot holds 0/""),
        // so outer-join gathers take the same path.
        let newValues: ColumnValues
        switch values {
        case let .boolean(v): newValues = .boolean(Column.gathered(v, indices, missing: false))
        case let .int32(v): newValues = .int32(Column.gathered(v, indices, missing: 0))
        case let .int64(v): newValues = .int64(Column.gathered(v, indices, missing: 0))
        case let .double(v): newValues = .double(Column.gathered(v, indices, missing: 0))
        case let .string(v): newValues = .string(v.gather(indices))
        }
        let n = indices.count
        var words = [UInt64](repeating: 0, count: (n + 63) >> 6)
        var nulls = 0
        words.withUnsafeMutableBufferPointer { out in
            if let validity {
                validity.words.withUnsafeBufferPointer { from in
                    for k in 0..<n {
                        let i = indices[k]
                        if i >= 0, from[i >> 6] & (1 << UInt64(i & 63)) != 0 {
                            out[k >> 6] |= 1 << UInt64(k & 63)
                        } else {
                            nulls += 1
                        }
                    }
                }
            } else {
                for k in 0..<n {
                    if indices[k] >= 0 { out[k >> 6] |= 1 << UInt64(k & 63) } else { nulls += 1 }
                }
            }
        }
        return Column(type: type, values: newValues, validity: nulls > 0 ? Validity(words: words, count: n) : nil)
    }

    private static func gathered<T>(_ values: [T], _ indices: UnsafeBufferPointer<Int>, missing: T) -> [T] {
        values.withUnsafeBufferPointer { p in
            [T](unsafeUninitializedCapacity: indices.count) { out, initialized in
                for k in 0..<indices.count {
                    let i = indices[k]
                    out.initializeElement(at: k, to: i >= 0 ? p[i] : missing)
                }
                initialized = indices.count
            }
        }
    }

    /// Rows `range` as a new column.
    public func slice(_ range: Range<Int>) -> Column {
        gather(Array(range))
    }

    /// This column followed by `others`, which must have the same physical type.
    public func appending(_ others: [Column]) -> Column {
        var result = self
        for other in others { result.append(other) }
        return result
    }

    /// Appends every row of `other`; its physical storage must match.
    public mutating func append(_ other: Column) {
        let oldCount = count
        // Each case parks a placeholder in `values` so the array bound to `a` is uniquely
        // referenced and grows in place instead of being copied.
        switch (values, other.values) {
        case (.boolean(var a), let .boolean(b)): values = .int32([]); a.append(contentsOf: b); values = .boolean(a)
        case (.int32(var a), let .int32(b)): values = .boolean([]); a.append(contentsOf: b); values = .int32(a)
        case (.int64(var a), let .int64(b)): values = .boolean([]); a.append(contentsOf: b); values = .int64(a)
        case (.double(var a), let .double(b)): values = .boolean([]); a.append(contentsOf: b); values = .double(a)
        case (.string(var a), let .string(b)): values = .boolean([]); a.append(contentsOf: b); values = .string(a)
        default:
            preconditionFailure("Column.append: \(type.simpleString) and \(other.type.simpleString) differ in storage")
        }
        if validity != nil || other.validity != nil {
            var merged = validity ?? Validity(count: oldCount, allValid: true)
            merged.append(contentsOf: other.validity ?? Validity(count: other.count, allValid: true))
            validity = merged
        }
    }
}
