/// Open-addressing hash state from 64-bit keys to dense ids `0..<count` in insertion order.
///
/// A plain struct of pointers so hot loops hold it in locals (no exclusivity checks, no
/// reference counting per row); its owner calls `deallocate()` once.
struct Int64KeyTable {
    private var keys: UnsafeMutablePointer<Int64>
    /// Slot → id, or -1 when the slot is empty.
    private var ids: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private var shift: UInt64
    private(set) var count = 0

    init(expectedCount: Int = 16) {
        capacity = KeyHashing.tableCapacity(for: max(16, expectedCount * 2))
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        keys = .allocate(capacity: capacity)
        ids = .allocate(capacity: capacity)
        ids.initialize(repeating: -1, count: capacity)
        keys.initialize(repeating: 0, count: capacity)
    }

    func deallocate() {
        keys.deallocate()
        ids.deallocate()
    }

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
            let id = ids[s]
            if id < 0 { break }
            if keys[s] == key { return id }
            s = (s + 1) & mask
        }
        let id = Int32(truncatingIfNeeded: count)
        keys[s] = key
        ids[s] = id
        count += 1
        if count * 2 > capacity { grow() }
        return id
    }

    /// Loads the first slot of `key` ahead of its probe; the value means nothing.
    @inline(__always)
    func touch(_ key: Int64) -> Int64 { keys[slot(of: key)] }

    /// The id of `key`, or -1 when absent.
    @inline(__always)
    func find(_ key: Int64) -> Int32 {
        let mask = capacity - 1
        var s = slot(of: key)
        while true {
            let id = ids[s]
            if id < 0 { return -1 }
            if keys[s] == key { return id }
            s = (s + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldIds = ids, oldCapacity = capacity
        capacity *= 2
        shift -= 1
        keys = .allocate(capacity: capacity)
        ids = .allocate(capacity: capacity)
        ids.initialize(repeating: -1, count: capacity)
        keys.initialize(repeating: 0, count: capacity)
        let mask = capacity - 1
        for i in 0..<oldCapacity where oldIds[i] >= 0 {
            var s = slot(of: oldKeys[i])
            while ids[s] >= 0 { s = (s + 1) & mask }
            keys[s] = oldKeys[i]
            ids[s] = oldIds[i]
        }
        oldKeys.deallocate()
        oldIds.deallocate()
    }
}
