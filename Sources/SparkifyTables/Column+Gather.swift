extension Column {
    /// The rows at `indices`, in that order. An index of `-1` gives NULL (outer joins).
    public func gather(_ indices: [Int]) -> Column {
        indices.withUnsafeBufferPointer { gather($0) }
    }

    public func gather(_ indices: UnsafeBufferPointer<Int>) -> Column {
        var hasMissing = false
        for i in indices where i < 0 { hasMissing = true; break }
        if hasMissing { return gatherWithMissing(indices) }

        let newValues: ColumnValues
        switch values {
        case let .boolean(v): newValues = .boolean(indices.map { v[$0] })
        case let .int32(v): newValues = .int32(v.withUnsafeBufferPointer { p in indices.map { p[$0] } })
        case let .int64(v): newValues = .int64(v.withUnsafeBufferPointer { p in indices.map { p[$0] } })
        case let .double(v): newValues = .double(v.withUnsafeBufferPointer { p in indices.map { p[$0] } })
        case let .string(v): newValues = .string(v.gather(indices))
        }
        var newValidity: Validity?
        if let validity {
            var out = Validity()
            out.reserveCapacity(indices.count)
            for i in indices { out.append(validity.isValid(i)) }
            newValidity = out.nullCount > 0 ? out : nil
        }
        return Column(type: type, values: newValues, validity: newValidity)
    }

    private func gatherWithMissing(_ indices: UnsafeBufferPointer<Int>) -> Column {
        var builder = ColumnBuilder(type: type, capacity: indices.count)
        for i in indices {
            if i < 0 || isNull(i) {
                builder.appendNull()
                continue
            }
            switch values {
            case let .boolean(v): builder.append(v[i])
            case let .int32(v): builder.append(v[i])
            case let .int64(v): builder.append(v[i])
            case let .double(v): builder.append(v[i])
            case let .string(v): v.withBytes(at: i) { builder.append(utf8: $0) }
            }
        }
        return builder.build()
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
