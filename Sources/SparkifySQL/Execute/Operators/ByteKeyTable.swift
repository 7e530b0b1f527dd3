/// Open-addressing hash state from byte strings to dense ids `0..<count` in insertion order.
///
/// Each distinct key is copied once into a record `[length: UInt32][id: UInt32][bytes]`, and
/// a slot holds a 24-bit hash tag and the record's offset, so a probe touches two cache
/// lines (slot, record) rather than three. Lookups can come from any arena, with no
/// `String` per value. A plain struct so hot loops hold it in a local; its owner calls
/// `deallocate()` once.
struct ByteKeyTable: @unchecked Sendable {
    /// Slot → `(tag << 40) | (record offset + 1)`, 0 when empty.
    private var slots: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    private(set) var count = 0
    /// Per id, its hash and record offset (for growing).
    private var hashes: [UInt64] = []
    private var recordOffsets: [Int] = []
    private var records: [UInt8] = []

    private static let offsetMask: UInt64 = (1 << 40) - 1

    init(expectedCount: Int = 16) {
        capacity = KeyHashing.tableCapacity(for: max(16, expectedCount * 2))
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
    }

    func deallocate() { slots.deallocate() }

    @inline(__always)
    private static func entry(hash: UInt64, record: Int) -> UInt64 {
        (hash & ~offsetMask) | UInt64(record + 1)
    }

    /// The id of the bytes, inserting them with the next id when new.
    @inline(__always)
    mutating func insert(_ base: UnsafePointer<UInt8>?, _ length: Int, hash: UInt64) -> Int32 {
        let found = probe(base, length, hash: hash)
        if found.id >= 0 { return found.id }
        let id = Int32(truncatingIfNeeded: count)
        let record = records.count
        var header = (UInt32(truncatingIfNeeded: length), UInt32(bitPattern: id))
        withUnsafeBytes(of: &header) { records.append(contentsOf: $0) }
        if let base, length > 0 {
            records.append(contentsOf: UnsafeBufferPointer(start: base, count: length))
        }
        slots[found.slot] = Self.entry(hash: hash, record: record)
        count += 1
        hashes.append(hash)
        recordOffsets.append(record)
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
        let tag = hash & ~Self.offsetMask
        var s = Int(truncatingIfNeeded: hash) & mask
        return records.withUnsafeBytes { stored in
            while true {
                let entry = slots[s]
                if entry == 0 { return (-1, s) }
                if entry & ~Self.offsetMask == tag, let all = stored.baseAddress {
                    let record = Int(truncatingIfNeeded: entry & Self.offsetMask) - 1
                    let storedLength = Int(all.loadUnaligned(fromByteOffset: record, as: UInt32.self))
                    if storedLength == length,
                       KeyHashing.bytesEqual(base, length, (all + record + 8).assumingMemoryBound(to: UInt8.self), length) {
                        return (Int32(bitPattern: all.loadUnaligned(fromByteOffset: record + 4, as: UInt32.self)), s)
                    }
                }
                s = (s + 1) & mask
            }
        }
    }

    /// Loads the first slot of `hash` so a later probe finds it in cache; the value is
    /// meaningless, only returned so the load is not optimised away.
    @inline(__always)
    func touchSlot(_ hash: UInt64) -> UInt64 {
        slots[Int(truncatingIfNeeded: hash) & (capacity - 1)]
    }

    /// Loads the start of the record the first slot of `hash` points to (see `touchSlot`).
    @inline(__always)
    func touchRecord(_ hash: UInt64) -> UInt64 {
        let entry = slots[Int(truncatingIfNeeded: hash) & (capacity - 1)]
        if entry == 0 { return 0 }
        return records.withUnsafeBytes { stored in
            guard let all = stored.baseAddress else { return 0 }
            return UInt64(all.loadUnaligned(fromByteOffset: Int(truncatingIfNeeded: entry & Self.offsetMask) - 1, as: UInt32.self))
        }
    }

    /// Calls `body` with every key's bytes and hash, in id order.
    func forEachKey(_ body: (UnsafePointer<UInt8>?, Int, UInt64) -> Void) {
        records.withUnsafeBytes { stored in
            guard let all = stored.baseAddress else {
                for id in 0..<count { body(nil, 0, hashes[id]) }
                return
            }
            for id in 0..<count {
                let record = recordOffsets[id]
                let length = Int(all.loadUnaligned(fromByteOffset: record, as: UInt32.self))
                body((all + record + 8).assumingMemoryBound(to: UInt8.self), length, hashes[id])
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
            slots[s] = Self.entry(hash: hash, record: recordOffsets[id])
        }
    }
}
