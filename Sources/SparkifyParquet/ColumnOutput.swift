import SparkifyTables

/// A page's definition levels: which rows hold a value. `present` is nil when all do.
struct PageLevels {
    let rows: Int
    let present: [UInt32]?
    let presentCount: Int

    static func allPresent(_ rows: Int) -> PageLevels {
        PageLevels(rows: rows, present: nil, presentCount: rows)
    }

    /// From decoded levels (1 = value, 0 = NULL).
    init(levels: [UInt32]) {
        var count = 0
        for l in levels { count &+= Int(l) }
        self.init(rows: levels.count, present: count == levels.count ? nil : levels, presentCount: count)
    }

    init(rows: Int, present: [UInt32]?, presentCount: Int) {
        self.rows = rows
        self.present = present
        self.presentCount = presentCount
    }
}

/// Collects a column's rows across pages and row groups: values with NULL slots filled
/// (0, false, empty) and the validity bitmap, built word by word.
struct ColumnOutput {
    let type: DataType
    private var booleans: [Bool] = []
    private var int32s: [Int32] = []
    private var int64s: [Int64] = []
    private var doubles: [Double] = []
    private var bytes: [UInt8] = []
    private var offsets: [Int] = [0]
    private var validityWords: [UInt64] = []
    private(set) var count = 0
    private var nulls = 0

    init(type: DataType, capacity: Int) {
        self.type = type
        validityWords.reserveCapacity((capacity + 63) / 64)
        switch type.physical {
        case .boolean: booleans.reserveCapacity(capacity)
        case .int32: int32s.reserveCapacity(capacity)
        case .int64: int64s.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .string: offsets.reserveCapacity(capacity + 1)
        }
    }

    /// Appends a page's rows: `values` in the slots that hold a value.
    mutating func append(_ values: DecodedValues, levels: PageLevels) throws {
        guard values.count == levels.presentCount else {
            throw ParquetDecodeFailure("\(values.count) values for \(levels.presentCount) non-NULL rows")
        }
        switch (type.physical, values) {
        case let (.boolean, .boolean(v)): scatter(v, levels.present, into: &booleans, zero: false)
        case let (.int32, .int32(v)): scatter(v, levels.present, into: &int32s, zero: 0)
        case let (.int64, .int64(v)): scatter(v, levels.present, into: &int64s, zero: 0)
        case let (.double, .double(v)): scatter(v, levels.present, into: &doubles, zero: 0)
        case let (.string, .bytes(b, o)):
            let base = bytes.count
            bytes.append(contentsOf: b)
            appendOffsets(o, base: base, levels.present)
        default:
            throw ParquetDecodeFailure("decoded values do not match the column's type")
        }
        appendValidity(levels)
    }

    /// Appends a page of dictionary-encoded strings, copying each entry's bytes once.
    mutating func appendStrings(dictionaryBytes: [UInt8], dictionaryOffsets: [Int], indices: [UInt32], levels: PageLevels) throws {
        let entries = dictionaryOffsets.count - 1
        guard indices.count == levels.presentCount else {
            throw ParquetDecodeFailure("\(indices.count) values for \(levels.presentCount) non-NULL rows")
        }
        var total = 0
        for i in indices {
            guard Int(i) < entries else { throw ParquetDecodeFailure("dictionary index \(i) is past the dictionary's \(entries) entries") }
            total &+= dictionaryOffsets[Int(i) + 1] - dictionaryOffsets[Int(i)]
        }
        let base = growBytes(by: total)
        var lengths = [Int](repeating: 0, count: indices.count + 1)
        bytes.withUnsafeMutableBytes { out in
            dictionaryBytes.withUnsafeBytes { d in
                dictionaryOffsets.withUnsafeBufferPointer { o in
                    var at = base
                    for (k, i) in indices.enumerated() {
                        let start = o[Int(i)], length = o[Int(i) + 1] - start
                        if length > 0 { (out.baseAddress! + at).copyMemory(from: d.baseAddress! + start, byteCount: length) }
                        at += length
                        lengths[k + 1] = at - base
                    }
                }
            }
        }
        appendOffsets(lengths, base: base, levels.present)
        appendValidity(levels)
    }

    /// Appends a page of PLAIN byte arrays (4-byte length, bytes) straight from the page.
    mutating func appendPlainStrings(_ input: UnsafeRawBufferPointer, levels: PageLevels) throws {
        let count = levels.presentCount
        var lengths = [Int](repeating: 0, count: count + 1)
        var position = 0
        for k in 0..<count {
            guard input.count - position >= 4 else { throw ParquetDecodeFailure("a BYTE_ARRAY length runs past the page") }
            let length = Int(input.loadUnaligned(fromByteOffset: position, as: UInt32.self))
            position += 4
            guard length <= input.count - position else { throw ParquetDecodeFailure("a BYTE_ARRAY of \(length) bytes runs past the page") }
            position += length
            lengths[k + 1] = lengths[k] + length
        }
        let base = growBytes(by: lengths[count])
        bytes.withUnsafeMutableBytes { out in
            var from = 0
            for k in 0..<count {
                let length = lengths[k + 1] - lengths[k]
                from += 4
                if length > 0 { (out.baseAddress! + base + lengths[k]).copyMemory(from: input.baseAddress! + from, byteCount: length) }
                from += length
            }
        }
        appendOffsets(lengths, base: base, levels.present)
        appendValidity(levels)
    }

    /// Grows the string bytes by `n` (doubling the capacity when needed); returns where the
    /// new bytes start.
    private mutating func growBytes(by n: Int) -> Int {
        let base = bytes.count
        if bytes.capacity < base + n { bytes.reserveCapacity(Swift.max(base + n, bytes.capacity * 2)) }
        bytes.append(contentsOf: repeatElement(0, count: n))
        return base
    }

    private mutating func appendOffsets(_ o: [Int], base: Int, _ present: [UInt32]?) {
        if let present {
            var k = 0
            for p in present {
                k &+= Int(p)
                offsets.append(base + o[k])
            }
        } else {
            for k in 1..<o.count { offsets.append(base + o[k]) }
        }
    }

    private func scatter<T>(_ values: [T], _ present: [UInt32]?, into out: inout [T], zero: T) {
        guard let present else {
            out.append(contentsOf: values)
            return
        }
        var k = 0
        for p in present {
            if p != 0 {
                out.append(values[k])
                k += 1
            } else {
                out.append(zero)
            }
        }
    }

    private mutating func appendValidity(_ levels: PageLevels) {
        let end = count + levels.rows
        let neededWords = (end + 63) >> 6
        if validityWords.count < neededWords {
            validityWords.append(contentsOf: repeatElement(0, count: neededWords - validityWords.count))
        }
        if let present = levels.present {
            for (k, p) in present.enumerated() where p != 0 {
                let i = count + k
                validityWords[i >> 6] |= 1 << UInt64(i & 63)
            }
            nulls += levels.rows - levels.presentCount
        } else {
            var i = count
            while i < end {
                if i & 63 == 0 && end - i >= 64 {
                    validityWords[i >> 6] = ~0
                    i += 64
                } else {
                    validityWords[i >> 6] |= 1 << UInt64(i & 63)
                    i += 1
                }
            }
        }
        count = end
    }

    func build() -> Column {
        let values: ColumnValues
        switch type.physical {
        case .boolean: values = .boolean(booleans)
        case .int32: values = .int32(int32s)
        case .int64: values = .int64(int64s)
        case .double: values = .double(doubles)
        case .string: values = .string(StringArena(bytes: bytes, offsets: offsets))
        }
        return Column(type: type, values: values, validity: nulls > 0 ? Validity(words: validityWords, count: count) : nil)
    }
}
