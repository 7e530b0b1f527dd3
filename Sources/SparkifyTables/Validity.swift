/// One bit per value: set when the value is present, clear when it is NULL.
public struct Validity: Hashable, Sendable {
    public private(set) var words: [UInt64]
    public private(set) var count: Int

    /// `count` values, all valid (`true`) or all NULL (`false`).
    public init(count: Int, allValid: Bool) {
        self.count = count
        let wordCount = (count + 63) >> 6
        words = [UInt64](repeating: allValid ? ~0 : 0, count: wordCount)
        if allValid { clearTail() }
    }

    public init() {
        words = []
        count = 0
    }

    /// A bitmap over `words` already laid out (bit `i % 64` of word `i / 64`, set = valid;
    /// bits past `count` clear). For bulk builders (the JSON reader).
    public init(words: [UInt64], count: Int) {
        precondition(words.count == (count + 63) >> 6, "Validity: \(words.count) words for \(count) values")
        self.words = words
        self.count = count
    }

    @inline(__always)
    public func isValid(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    @inline(__always)
    public mutating func set(_ index: Int, valid: Bool) {
        if valid {
            words[index >> 6] |= 1 << UInt64(index & 63)
        } else {
            words[index >> 6] &= ~(1 << UInt64(index & 63))
        }
    }

    @inline(__always)
    public mutating func append(_ valid: Bool) {
        if count & 63 == 0 { words.append(0) }
        if valid { words[count >> 6] |= 1 << UInt64(count & 63) }
        count += 1
    }

    public mutating func reserveCapacity(_ n: Int) {
        words.reserveCapacity((n + 63) >> 6)
    }

    public var nullCount: Int {
        count - words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// Appends every bit of `other`.
    public mutating func append(contentsOf other: Validity) {
        if count & 63 == 0 {
            words.append(contentsOf: other.words)
            count += other.count
            return
        }
        for i in 0..<other.count { append(other.isValid(i)) }
    }

    private mutating func clearTail() {
        let rem = count & 63
        if rem != 0, !words.isEmpty {
            words[words.count - 1] = (1 << UInt64(rem)) - 1
        }
    }
}
