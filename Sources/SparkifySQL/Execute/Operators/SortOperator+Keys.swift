import SparkifyTables

/// Turning ORDER BY keys into packed order words.
extension SortOperator {
    /// Order words for `keys`, most significant first; rows compare as the keys do.
    static func orderWords(_ keys: [Key], rowCount: Int, context: OperatorContext) throws -> [OrderWord] {
        let tasks = rowCount >= ParallelWork.minimumRowsPerTask ? min(context.threads, keys.count) : 1
        let perKey: [[OrderWord]] = tasks > 1
            ? try ParallelWork.map(keys.count) { i in keyWords(keys[i]) }
            : keys.map(keyWords)
        try context.check()
        return pack(perKey.flatMap { $0 }, rowCount: rowCount)
    }

    /// Words that order rows by `key`: one, or two when NULL needs a bit of its own.
    static func keyWords(_ key: Key) -> [OrderWord] {
        let column = key.column
        let n = column.count
        var values: [UInt64]
        var low = UInt64.max, high = UInt64.min
        switch column.values {
        case let .boolean(v): values = v.map { $0 ? 1 : 0 }
        case let .int32(v): values = v.map { UInt64(bitPattern: Int64($0)) ^ (1 << 63) }
        case let .int64(v): values = v.map { UInt64(bitPattern: $0) ^ (1 << 63) }
        case let .double(v): values = v.map(orderedBits)
        case .string: values = stringRanks(column)
        }
        for i in 0..<n where !column.isNull(i) {
            low = min(low, values[i])
            high = max(high, values[i])
        }
        if low > high { low = 0; high = 0 }
        let range = high - low
        let hasNulls = column.nullCount > 0
        let separateNulls = hasNulls && range == .max
        let nullSlot: UInt64 = key.nullsFirst || separateNulls ? 0 : range &+ 1
        let offset: UInt64 = key.nullsFirst && !separateNulls && hasNulls ? 1 : 0
        values.withUnsafeMutableBufferPointer { v in
            for i in 0..<n {
                if column.isNull(i) { v[i] = nullSlot; continue }
                let r = v[i] - low
                v[i] = (key.ascending ? r : range - r) + offset
            }
        }
        let maximum = hasNulls && !separateNulls ? range + 1 : range
        let word = OrderWord(values: values, bits: maximum == 0 ? 0 : 64 - maximum.leadingZeroBitCount)
        guard separateNulls else { return [word] }
        let flags = (0..<n).map { i -> UInt64 in column.isNull(i) == key.nullsFirst ? 0 : 1 }
        return [OrderWord(values: flags, bits: 1), word]
    }

    /// A double as an unsigned integer in Spark's order: NaN greatest, -0.0 equal to 0.0.
    @inline(__always)
    static func orderedBits(_ d: Double) -> UInt64 {
        let bits = UInt64(bitPattern: KeyHashing.normalizedBits(d))
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The rank of each row's value among the column's distinct values (byte order for
    /// strings, numeric order for decimals); NULL rows get 0.
    static func stringRanks(_ column: Column) -> [UInt64] {
        let codes = KeyColumnDictionary.build(column, domain: .bytes, nullsGetCode: false).1
        var representatives = [Int]()
        codes.withUnsafeBufferPointer { c in
            for i in 0..<c.count where Int(c[i]) == representatives.count { representatives.append(i) }
        }
        // The distinct values copied together sort with far fewer cache misses.
        let distinct = column.gather(representatives)
        let compare = RowComparison.comparator(distinct)
        let sortedCodes = distinct.count > 1 ? (0..<distinct.count).sorted { compare($0, $1) < 0 } : Array(0..<distinct.count)
        var rank = [UInt64](repeating: 0, count: distinct.count)
        var current: UInt64 = 0
        for (position, code) in sortedCodes.enumerated() {
            if position > 0, compare(sortedCodes[position - 1], code) != 0 { current += 1 }
            rank[code] = current
        }
        return codes.map { $0 < 0 ? 0 : rank[Int($0)] }
    }

    /// Packs consecutive words into 64-bit words while their bits fit.
    static func pack(_ words: [OrderWord], rowCount: Int) -> [OrderWord] {
        var packed = [OrderWord]()
        for word in words where word.bits > 0 {
            if var last = packed.last, last.bits + word.bits <= 64 {
                let shift = UInt64(word.bits)
                last.values.withUnsafeMutableBufferPointer { a in
                    word.values.withUnsafeBufferPointer { b in
                        for i in 0..<rowCount { a[i] = (a[i] << shift) | b[i] }
                    }
                }
                last.bits += word.bits
                packed[packed.count - 1] = last
            } else {
                packed.append(word)
            }
        }
        return packed
    }
}
