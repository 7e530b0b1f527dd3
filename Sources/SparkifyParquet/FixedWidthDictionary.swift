/// The distinct 64-bit keys of a fixed-width column chunk, in first-seen order, with an
/// open-addressing hash table from key to entry number.
struct FixedWidthDictionary {
    private(set) var keys: [UInt64] = []
    private var slots = [Int32](repeating: -1, count: 1024)
    private var mask = 1023

    var count: Int { keys.count }

    /// The entry number of `key`, adding it when new.
    mutating func insert(_ key: UInt64) -> Int {
        var slot = FixedWidthDictionary.slot(key, mask)
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if keys[entry] == key { return entry }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(keys.count)
        keys.append(key)
        if keys.count * 2 > slots.count { grow() }
        return keys.count - 1
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (entry, key) in keys.enumerated() {
            var slot = FixedWidthDictionary.slot(key, mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        let h = (key ^ (key >> 32)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h >> 32) & mask
    }
}
