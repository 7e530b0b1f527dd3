/// Open-addressing hash state from byte strings to dense ids `0..<count` in insertion order.
/// Keys are copied once into the table's own buffer, so lookups can come from any arena
/// without a `String` per value.
///
/// A plain struct so hot loops hold it in a local; its owner calls `deallocate()` once.
struct ByteKeyTable {
    /// Slot → `(hash tag << 32) | (id + 1)`, 0 when empty.
    private var slots: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    private(set) var count = 0
    private var hashes: [UInt64] = []
    /// The distinct keys back to back; id `i` is `keyBytes[keyOffsets[i]..<keyOffsets[i + 1]]`.
    private var keyBytes: [UInt8] = []
    private var keyOffsets: [Int] = [0]

    init(expectedCount: Int = 16) {
        capacity = KeyHashing.tableCapacity(for: max(16, expectedCount * 2))
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
    }

    func deallocate() { slots.deallocate() }

    /// The id of the bytes, inserting them with the next id when new.
    @inline(__always)
    mutating func insert(_ base: UnsafePointer<UInt8>?, _ length: Int, hash: UInt64) -> Int32 {
        let found = probe(base, length, hash: hash)
        if found.id >= 0 { return found.id }
        let id = Int32(truncatingIfNeeded: count)
        slots[found.slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
        count += 1
        hashes.append(hash)
        if let base, length > 0 {
            keyBytes.append(contentsOf: UnsafeBufferPointer(start: base, count: length))
        }
        keyOffsets.append(keyBytes.count)
        if count * 2 > capacity { grow() }
        return id
    }

    /// The id of the bytes, or -1 when absent.
    @inline(__always)
    func find(_ base: UnsafePointer<UInt8>?, _ length: Int, hash: UInt64) -> Int32 {
        probe(base, length, hash: hash).id
    }

    @inline(__always)
    private func probe(_ base: UnsafePointer<UInt8>?, _ length: Int, hash: UInt64) -> (id: Int32, slot: Int) {
        let mask = capacity - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var s = Int(truncatingIfNeeded: hash) & mask
        return keyBytes.withUnsafeBufferPointer { stored in
            keyOffsets.withUnsafeBufferPointer { offsets in
                while true {
                    let entry = slots[s]
                    if entry == 0 { return (-1, s) }
                    if entry & 0xFFFF_FFFF_0000_0000 == tag {
                        let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                        let start = offsets[id], end = offsets[id + 1]
                        if KeyHashing.bytesEqual(base, length, stored.baseAddress.map { $0 + start }, end - start) {
                            return (Int32(truncatingIfNeeded: id), s)
                        }
                    }
                    s = (s + 1) & mask
                }
            }
        }
    }

    private mutating func grow() {
        slots.deallocate()
        capacity *= 2
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        let mask = capacity - 1
        for id in 0..<count {
            let hash = hashes[id]
            var s = Int(truncatingIfNeeded: hash) & mask
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
        }
    }
}
