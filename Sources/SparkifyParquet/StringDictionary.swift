#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// The distinct byte strings of a column chunk, in first-seen order, with an open-addressing
/// hash table from bytes to entry number. Entries are copied into one buffer; no `String`s.
struct StringDictionary {
    private(set) var bytes: [UInt8] = []
    /// `count + 1` offsets into `bytes`.
    private(set) var offsets: [Int] = [0]
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var mask: Int

    init(expected: Int) {
        var capacity = 1024
        while capacity < expected * 2 && capacity < 1 << 22 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
    }

    var count: Int { offsets.count - 1 }

    /// The PLAIN-encoded size of the dictionary page (4-byte length + bytes per entry).
    var plainSize: Int { bytes.count + 4 * count }

    /// The entry number of `value`, adding it when new.
    mutating func insert(_ value: UnsafeRawBufferPointer) -> Int {
        let h = StringDictionary.hash(value)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == h && equals(entry, value) { return entry }
            slot = (slot + 1) & mask
        }
        let entry = count
        slots[slot] = Int32(entry)
        hashes.append(h)
        bytes.append(contentsOf: value)
        offsets.append(bytes.count)
        if count * 2 > slots.count { grow() }
        return entry
    }

    private func equals(_ entry: Int, _ value: UnsafeRawBufferPointer) -> Bool {
        let start = offsets[entry], length = offsets[entry + 1] - start
        guard length == value.count else { return false }
        if length == 0 { return true }
        return bytes.withUnsafeBytes { all in memcmp(all.baseAddress! + start, value.baseAddress!, length) == 0 }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for entry in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    /// A fast 64-bit hash of a byte string, eight bytes at a time.
    static func hash(_ value: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h: UInt64 = UInt64(value.count) &* multiplier
        var i = 0
        let n = value.count
        while i + 8 <= n {
            let word = value.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* multiplier
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(value[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* multiplier
        }
        h ^= h >> 32
        return h &* multiplier ^ (h >> 29)
    }
}

/// Unsigned byte-wise comparison, Parquet's order for UTF-8 strings.
@inline(__always)
func compareBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let common = min(a.count, b.count)
    if common > 0 {
        let c = memcmp(a.baseAddress!, b.baseAddress!, common)
        if c != 0 { return Int(c) }
    }
    return a.count - b.count
}
