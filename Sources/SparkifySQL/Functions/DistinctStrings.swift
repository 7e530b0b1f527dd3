import SparkifyTables

/// Assigns each row of a string column the id of its distinct value (without a `String` per
/// row), so expensive per-value work (regular expressions) runs once per distinct value.
struct DistinctStrings {
    /// Per row: the index of its distinct value in `firstRows`, -1 for NULL rows.
    private(set) var ids: [Int32]
    /// Per distinct value: the first row holding it.
    private(set) var firstRows: [Int] = []

    init(_ view: StringView, validity: Validity?, rowCount: Int) {
        ids = [Int32](repeating: -1, count: rowCount)
        var capacity = 1024
        while capacity < min(rowCount, 1 << 22) * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        var hashes = [UInt64](repeating: 0, count: capacity)
        var mask = capacity - 1
        for row in 0..<rowCount {
            if let validity, !validity.isValid(row) { continue }
            let hash = view.withBytes(row, DistinctStrings.hash)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let id = slots[slot]
                if id < 0 {
                    let newID = Int32(firstRows.count)
                    slots[slot] = newID
                    hashes[slot] = hash
                    firstRows.append(row)
                    ids[row] = newID
                    break
                }
                if hashes[slot] == hash, view.withBytes(row, { a in view.withBytes(firstRows[Int(id)]) { b in UTF8Text.equal(a, b) } }) {
                    ids[row] = id
                    break
                }
                slot = (slot + 1) & mask
            }
            if firstRows.count * 2 > capacity {
                // Grow and reinsert.
                capacity <<= 1
                mask = capacity - 1
                var newSlots = [Int32](repeating: -1, count: capacity)
                var newHashes = [UInt64](repeating: 0, count: capacity)
                for (k, h) in hashes.enumerated() where slots[k] >= 0 {
                    var s = Int(truncatingIfNeeded: h) & mask
                    while newSlots[s] >= 0 { s = (s + 1) & mask }
                    newSlots[s] = slots[k]
                    newHashes[s] = h
                }
                slots = newSlots
                hashes = newHashes
            }
        }
    }

    /// Eight bytes at a time, multiply-xorshift mixed; the tail byte by byte.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xbf58_476d_1ce4_e5b9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        while i < bytes.count {
            tail = tail << 8 | UInt64(base[i])
            i += 1
        }
        h = (h ^ tail) &* 0x94d0_49bb_1331_11eb
        return h ^ (h >> 29)
    }
}
