import SparkifyTables

/// One field's values within one work unit (the storage behind a `ChunkColumn`, reached
/// through a pointer so that the parser's hot path pays no reference counting), held in the type inferred so far and widened in
/// place when a value needs a wider type (Spark's merge rules).
///
/// Storage follows the type: booleans, bigints and doubles as 64-bit words; decimals,
/// strings and nested values as text (bytes plus 32-bit offsets); a NULL-only column as just
/// its NULL rows. NULL slots hold 0 or empty text.
struct ColumnState {
    let name: String
    /// The field name as decoded UTF-8 bytes, for matching keys.
    let key: [UInt8]
    var type: DataType = .null {
        didSet { kind = Kind(type) }
    }
    /// `type` in brief, for the hot paths (comparing `DataType`s is slow).
    private(set) var kind: Kind = .null
    private(set) var count = 0

    mutating func setCount(_ n: Int) { count = n }
    var words = GrowBuffer<UInt64>()
    var bytes = GrowBuffer<UInt8>()
    var offsets = GrowBuffer<UInt32>()
    /// Rows that are NULL, ascending.
    var nullRows = GrowBuffer<Int32>()
    /// Rows where `""` was read while the type was not string: NULL here, `""` if the column
    /// ends up string, a conversion failure otherwise (Spark rejects `""` for other types).
    var emptyRows = GrowBuffer<Int32>()
    /// A bigint was read whose text its value does not give back (`-0`).
    var hasLossyIntegers = false
    /// The column that followed this one in the last record (a guess for the next key).
    var nextHint: UnsafeMutablePointer<ColumnState>?

    /// `key` in memory the parser can compare against without touching the array.
    let keyBytes: UnsafeMutablePointer<UInt8>
    let keyCount: Int
    /// The key has no byte that JSON would write escaped (`"`, `'`, `\`, controls), so
    /// its bytes in the input are exactly `key`.
    let keyIsPlain: Bool

    init(name: String, key: [UInt8]) {
        self.name = name
        self.key = key
        keyCount = key.count
        keyIsPlain = !key.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\\") }
        keyBytes = .allocate(capacity: max(1, key.count))
        key.withUnsafeBufferPointer { if let base = $0.baseAddress { keyBytes.update(from: base, count: key.count) } }
    }

    /// Frees all storage.
    mutating func release() {
        words.removeAll(); bytes.removeAll(); offsets.removeAll(); nullRows.removeAll(); emptyRows.removeAll()
        nextHint = nil
    }

    var storage: Storage { kind.storage }

    var isString: Bool { kind == .string }

    enum Kind: UInt8 {
        case null, boolean, bigint, double, string, otherText
        init(_ type: DataType) {
            switch type {
            case .null: self = .null
            case .boolean: self = .boolean
            case .bigint: self = .bigint
            case .double: self = .double
            case .string: self = .string
            default: self = .otherText
            }
        }
        var storage: Storage {
            switch self {
            case .null: return .none
            case .boolean, .bigint, .double: return .words
            case .string, .otherText: return .text
            }
        }
    }

    enum Storage {
        case none, words, text
        init(_ type: DataType) {
            switch type {
            case .null: self = .none
            case .boolean, .bigint, .double, .int, .date, .timestamp: self = .words
            default: self = .text
            }
        }
    }

    var byteCount: Int { bytes.count }

    // MARK: appending (the caller keeps `count` equal to the row being filled)

    @inline(__always)
    mutating func appendNull() {
        nullRows.append(Int32(truncatingIfNeeded: count))
        switch storage {
        case .none: break
        case .words: words.append(0)
        case .text: offsets.append(UInt32(truncatingIfNeeded: bytes.count))
        }
        count += 1
    }

    @inline(__always)
    mutating func appendEmptyString() {
        if kind == .string {
            offsets.append(UInt32(truncatingIfNeeded: bytes.count))
            count += 1
        } else {
            emptyRows.append(Int32(truncatingIfNeeded: count))
            appendNull()
        }
    }

    @inline(__always)
    mutating func appendWord(_ word: UInt64) {
        words.append(word)
        count += 1
    }

    /// Appends `n` bytes of text already written at `reserveText(n)`'s pointer.
    @inline(__always)
    mutating func commitText(_ n: Int) throws(ParseInterrupt) {
        bytes.count += n
        guard bytes.count <= Int(UInt32.max) else { throw .tooLarge }
        offsets.append(UInt32(truncatingIfNeeded: bytes.count))
        count += 1
    }

    @inline(__always)
    mutating func reserveText(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        bytes.reserve(extra: n)
    }

    @inline(__always)
    mutating func appendText(_ source: UnsafePointer<UInt8>, _ n: Int) throws(ParseInterrupt) {
        let dst = bytes.reserve(extra: n)
        dst.update(from: source, count: n)
        try commitText(n)
    }

    /// Adds `n` NULL rows (a field first seen after `n` rows).
    mutating func backfillNulls(_ n: Int) {
        for _ in 0..<n { appendNull() }
    }

    /// Drops rows from `newCount` on (a record that turned out malformed).
    mutating func truncate(to newCount: Int) {
        guard newCount < count else { return }
        switch storage {
        case .none: break
        case .words: words.count = newCount
        case .text:
            offsets.count = newCount + 1
            bytes.count = Int(offsets[newCount])
        }
        while let last = nullRows.last, Int(last) >= newCount { nullRows.count -= 1 }
        while let last = emptyRows.last, Int(last) >= newCount { emptyRows.count -= 1 }
        count = newCount
    }
}
