/// Open-addressing hash state from 64-bit keys to dense ids `0..<count` in insertion order.
///
/// Key and id share a 16-byte slot, so a probe touches one cache line. A plain struct of
/// pointers so hot loops hold it in locals (no exclusivity checks, no reference counting per
/// row); its owner calls `deallocate()` once.
struct Int64KeyTable {
    private struct Slot {
        var key: Int64
        /// -1 when the slot is empty.
        var id: Int32
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var capacity: Int
    private var shift: UInt64
    private(set) var count = 0

    init(expectedCount: Int = 16) {
        capacity = KeyHashing.tableCapacity(for: max(16, expectedCount * 2))
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(key: 0, id: -1), count: capacity)
    }

    func deallocate() { slots.deallocate() }

    @inline(__always)
    private func slot(of key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The id of `key`, inserting it with the next id when new.
    @inline(__always)
    mutating func insert(_ key: Int64) -> Int32 {
        let mask = capacity - 1
        var s = slot(of: key)
        while true {
            let entry = slots[s]
            if entry.id < 0 { break }
            if entry.key == key { return entry.id }
            s = (s + 1) & mask
        }
        let id = Int32(truncatingIfNeeded: count)
        slots[s] = Slot(key: key, id: id)
        count += 1
        if count * 2 > capacity { grow() }
        return id
    }

    /// Loads the first slot of `key` ahead of its probe; the value means nothing.
    @inline(__always)
    func touch(_ key: Int64) -> Int64 { slots[slot(of: key)].key }

    /// The id of `key`, or -1 when absent.
    @inline(__always)
    func find(_ key: Int64) -> Int32 {
        let mask = capacity - 1
        var s = slot(of: key)
        while true {
            let entry = slots[s]
            if entry.id < 0 { return -1 }
            if entry.key == key { return entry.id }
            s = (s + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots, oldCapacity = capacity
        capacity *= 2
        shift -= 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(key: 0, id: -1), count: capacity)
        let mask = capacity - 1
        for i in 0..<oldCapacity where old[i].id >= 0 {
            var s = slot(of: old[i].key)
            while slots[s].id >= 0 { s = (s + 1) & mask }
            slots[s] = old[i]
        }
        old.deallocate()
    }
}
